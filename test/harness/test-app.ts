import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { createHash, randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { DestinationStream } from 'pino';
import { createApp } from '../../src/app.factory';
import { HttpClient } from './http-client';

export const ADMIN = { email: 'admin@test.example', password: 'admin-password-123' };

export interface TestApp {
  app: NestFastifyApplication;
  http: HttpClient;
  baseUrl: string;
  databaseName: string;
  /** The app's own database URI (for tools run beside it). */
  mongoUri: string;
  connection: Connection;
  close: () => Promise<void>;
}

/** A database name unique to the calling test file and run, so suites can run in parallel. */
function databaseNameFor(testPath: string): string {
  const file = basename(testPath)
    .replace(/\.e2e-spec\.ts$/, '')
    .replace(/[^a-zA-Z0-9]/g, '_');
  return `test_${file}_${randomBytes(4).toString('hex')}`.slice(0, 60);
}

function uriWithDatabase(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Boots the real application (same factory as main.ts) on a random local port, against
 * the run's MongoDB with a database of its own. `close()` drops that database.
 */
export async function startTestApp(
  overrides: Record<string, string> = {},
  options: { logDestination?: DestinationStream; mongoUri?: string; databaseName?: string } = {},
): Promise<TestApp> {
  const baseUri = process.env.TEST_MONGODB_URI;
  if (!baseUri) throw new Error('TEST_MONGODB_URI is not set: run e2e tests through jest (global setup).');
  // Several apps may share one database (several instances of one deployment).
  const databaseName = options.databaseName ?? databaseNameFor(expect.getState().testPath ?? 'suite');
  const mongoUri = uriWithDatabase(options.mongoUri ?? baseUri, databaseName);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    // Instances of one deployment (apps sharing a database) share their signing secret.
    JWT_SECRET: createHash('sha256').update(`jwt:${databaseName}`).digest('hex'),
    LOG_LEVEL: 'silent',
    THROTTLE_LIMIT: '100000',
    THROTTLE_AUTH_LIMIT: '100000',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...overrides,
    MONGODB_URI: mongoUri,
  };
  const app = await createApp({ env, logDestination: options.logDestination });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const connection = app.get<Connection>(getConnectionToken());
  return {
    app,
    http: new HttpClient(baseUrl),
    baseUrl,
    databaseName,
    mongoUri,
    connection,
    close: async () => {
      // The app that created the database drops it; apps joining it leave it alone.
      if (!options.databaseName) await connection.dropDatabase().catch(() => undefined);
      await app.close();
    },
  };
}
