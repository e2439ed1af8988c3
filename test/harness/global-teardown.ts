import type { TestMongo } from './mongo-servers';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __TEST_MONGO__?: TestMongo }).__TEST_MONGO__?.stop();
}
