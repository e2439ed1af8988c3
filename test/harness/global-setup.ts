import { startTestMongo } from './mongo-servers';

/** Starts (or checks) one database server for the whole run; each test file uses its own database on it. */
export default async function globalSetup(): Promise<void> {
  const mongo = await startTestMongo('the e2e suites');
  (globalThis as { __TEST_MONGO__?: unknown }).__TEST_MONGO__ = mongo;
  // Workers are started after this and inherit the variable.
  process.env.TEST_MONGODB_URI = mongo.uri;
  process.env.TEST_MONGODB_KIND = mongo.kind;
}
