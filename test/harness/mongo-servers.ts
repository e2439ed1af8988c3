import mongoose from 'mongoose';
import { join } from 'node:path';

export interface TestMongo {
  uri: string;
  kind: 'MONGODB_URI' | 'mongodb-memory-server' | 'offline';
  stop: () => Promise<unknown>;
}

async function ping(uri: string): Promise<void> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];

/**
 * The database for the e2e suites: MONGODB_URI when set, else mongodb-memory-server,
 * else the project's offline MongoDB-compatible server. One clear error if none starts.
 */
export async function startTestMongo(): Promise<TestMongo> {
  const tried: string[] = [];
  const fromEnv = process.env.MONGODB_URI;
  if (fromEnv) {
    try {
      await ping(fromEnv);
      return { uri: fromEnv, kind: 'MONGODB_URI', stop: async () => undefined };
    } catch (error) {
      tried.push(`MONGODB_URI=${fromEnv.replace(/\/\/[^@/]*@/, '//***@')}: ${firstLine(error)}`);
    }
  } else {
    tried.push('MONGODB_URI: not set');
  }
  if (!fromEnv) {
    try {
      const { MongoMemoryServer } = await import('mongodb-memory-server');
      const server = await MongoMemoryServer.create();
      return { uri: server.getUri(), kind: 'mongodb-memory-server', stop: () => server.stop() };
    } catch (error) {
      tried.push(`mongodb-memory-server: ${firstLine(error)}`);
    }
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { startOfflineMongo } = require(join(__dirname, '..', '..', 'scripts', 'offline-mongo.js'));
      const server = (await startOfflineMongo()) as { uri: string; stop: () => Promise<unknown> };
      return { uri: server.uri, kind: 'offline', stop: server.stop };
    } catch (error) {
      tried.push(`offline server (scripts/offline-mongo.sh, needs java and mvn): ${firstLine(error)}`);
    }
  }
  throw new Error(
    'No MongoDB for the e2e tests. Tried:\n  - ' +
      tried.join('\n  - ') +
      '\nWays out: set MONGODB_URI to a running MongoDB; or let mongodb-memory-server download mongod ' +
      '(internet access, or MONGOMS_SYSTEM_BINARY=/path/to/mongod); or install Java 17 + Maven so ' +
      '`bash scripts/offline-mongo.sh start` can run the offline server.',
  );
}
