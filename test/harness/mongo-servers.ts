import mongoose from 'mongoose';
import { join } from 'node:path';
import { databaseLine, shownUri } from '../../src/database/database-line';
import { findMongod } from '../../src/database/mongod-binary';

export interface TestMongo {
  uri: string;
  kind: 'MONGODB_URI' | 'mongodb-memory-server' | 'offline';
  /** Why this one: printed, with the URI, when it starts. */
  reason: string;
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
const DATABASE_NAMES: Record<TestMongo['kind'], string> = {
  MONGODB_URI: 'MongoDB',
  'mongodb-memory-server': 'mongod of mongodb-memory-server',
  offline: 'offline MongoDB-compatible server',
};

/**
 * The database for the e2e suites and the benchmarks: MONGODB_URI when set, else
 * mongodb-memory-server when a mongod is on disk or can be downloaded (decided quickly and
 * quietly, see findMongod), else the project's offline MongoDB-compatible server. Says which
 * and why in one line; one clear error if none starts.
 */
export async function startTestMongo(usedBy?: string): Promise<TestMongo> {
  const mongo = await chooseTestMongo();
  console.warn(databaseLine({ database: DATABASE_NAMES[mongo.kind], uri: mongo.uri, reason: mongo.reason, usedBy }));
  return mongo;
}

async function chooseTestMongo(): Promise<TestMongo> {
  const tried: string[] = [];
  const fromEnv = process.env.MONGODB_URI;
  if (fromEnv) {
    try {
      await ping(fromEnv);
      return { uri: fromEnv, kind: 'MONGODB_URI', reason: 'MONGODB_URI is set', stop: async () => undefined };
    } catch (error) {
      tried.push(`MONGODB_URI=${shownUri(fromEnv)}: ${firstLine(error)}`);
    }
  } else {
    tried.push('MONGODB_URI: not set');
  }
  if (!fromEnv) {
    const mongod = await findMongod();
    let reason = mongod.reason;
    if (mongod.found) {
      try {
        const { MongoMemoryServer } = await import('mongodb-memory-server');
        const server = await MongoMemoryServer.create();
        return { uri: server.getUri(), kind: 'mongodb-memory-server', reason, stop: () => server.stop() };
      } catch (error) {
        reason = `the mongod of mongodb-memory-server did not start (${firstLine(error)})`;
      }
    }
    tried.push(`mongodb-memory-server: ${reason}`);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { startOfflineMongo } = require(join(__dirname, '..', '..', 'scripts', 'offline-mongo.js'));
      const server = (await startOfflineMongo()) as { uri: string; stop: () => Promise<unknown> };
      return { uri: server.uri, kind: 'offline', reason, stop: server.stop };
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
