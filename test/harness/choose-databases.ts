/**
 * Chooses a database the two ways the project does, `npm test` and benchmarks (startTestMongo)
 * then `npm start` (DatabaseServer, data under the folder given as argument), prints what they
 * print and stops what they started. Run by test/database-choice.e2e-spec.ts in a process of its own.
 */
import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { DatabaseServer } from '../../src/database/database-server';
import { startTestMongo } from './mongo-servers';

async function main(): Promise<void> {
  const mongo = await startTestMongo('the e2e suites');
  await mongo.stop();
  const server = new DatabaseServer(new ConfigService({ EMBEDDED_MONGO_DIR: process.argv[2] }));
  await server.uri();
  await server.onApplicationShutdown();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
