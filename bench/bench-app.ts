/**
 * The app a benchmark measures: the real application (the factory main.ts uses) on a local port, with a
 * database of its own on the run's server (MONGODB_URI, else whichever the e2e harness would pick),
 * production-like behind a trusted proxy and never rate limited. `close()` drops that database.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { createApp } from '../src/app.factory';
import { logDestination } from '../src/common/logging/logging';
import { startTestMongo } from '../test/harness/mongo-servers';

export interface BenchApp {
  app: NestFastifyApplication;
  base: string;
  connection: Connection;
  admin: { email: string; password: string };
  /** Which database server the run uses (MONGODB_URI, mongodb-memory-server or the offline server). */
  databaseKind: string;
  close: () => Promise<void>;
}

export async function startBenchApp(logLevel: string, env: Record<string, string> = {}): Promise<BenchApp> {
  const mongo = await startTestMongo('the benchmark');
  const uri = new URL(mongo.uri);
  uri.pathname = `/bench_${randomBytes(4).toString('hex')}`;
  const admin = { email: 'bench-admin@example.com', password: 'bench-admin-password' };
  let app: NestFastifyApplication;
  try {
    app = await createApp({
      env: {
        NODE_ENV: 'test',
        MONGODB_URI: uri.toString(),
        JWT_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: logLevel,
        TRUST_PROXY: '127.0.0.1',
        THROTTLE_LIMIT: '1000000',
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        // Run by ts-node, without the @nestjs/swagger compiler plugin the OpenAPI document needs.
        SWAGGER_ENABLED: 'false',
        ...env,
      },
      logDestination: logDestination('/dev/null'),
    });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await mongo.stop();
    throw error;
  }
  const connection = app.get<Connection>(getConnectionToken());
  return {
    app,
    base: await app.getUrl(),
    connection,
    admin,
    databaseKind: mongo.kind,
    close: async () => {
      // The run's own database: a shared server (MONGODB_URI) keeps no bench data behind.
      await connection.dropDatabase().catch(() => undefined);
      await app.close();
      await mongo.stop();
    },
  };
}
