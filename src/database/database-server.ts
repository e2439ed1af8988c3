import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Environment } from '../config/environment';
import { databaseLine } from './database-line';
import { findMongod } from './mongod-binary';

interface RunningServer {
  uri: string;
  stop: () => Promise<unknown>;
}

const PROJECT_ROOT = resolve(__dirname, '..', '..');
const shown = (path: string) => relative(process.cwd(), path) || '.';
const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];

/**
 * Decides which MongoDB the app talks to:
 * 1. MONGODB_URI when set (production, CI, any compatible server);
 * 2. else an embedded mongod (mongodb-memory-server) persisting to EMBEDDED_MONGO_DIR, when a
 *    mongod binary is on disk or can be downloaded (decided in seconds at most, see findMongod);
 * 3. else the project's offline server (H2 file store).
 * It says which in one line, and stops whatever it started on shutdown.
 */
@Injectable()
export class DatabaseServer implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private server?: RunningServer;

  constructor(private readonly config: ConfigService<Environment, true>) {}

  async uri(): Promise<string> {
    const configured = this.config.get('MONGODB_URI', { infer: true });
    if (configured) {
      this.logger.log(databaseLine({ database: 'MongoDB', uri: configured, reason: 'MONGODB_URI is set' }));
      return configured;
    }
    this.server ??= await this.startEmbedded();
    return this.server.uri;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }

  /**
   * Only outside production (which requires MONGODB_URI): the line goes plainly to stderr, like the
   * other out-of-the-box notices, for the person who ran `npm start`.
   */
  private async startEmbedded(): Promise<RunningServer> {
    const dbPath = resolve(PROJECT_ROOT, this.config.get('EMBEDDED_MONGO_DIR', { infer: true }));
    const mongod = await findMongod();
    let reason = mongod.reason;
    if (mongod.found) {
      try {
        const { MongoMemoryServer } = await import('mongodb-memory-server');
        mkdirSync(dbPath, { recursive: true });
        const server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } });
        const uri = server.getUri('coaching');
        console.warn(
          databaseLine({ database: 'embedded mongod', uri, reason: mongod.reason, where: `data in ${shown(dbPath)}` }),
        );
        return { uri, stop: () => server.stop({ doCleanup: false }) };
      } catch (error) {
        reason = `the embedded mongod did not start (${firstLine(error)})`;
      }
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startOfflineMongo } = require(join(PROJECT_ROOT, 'scripts', 'offline-mongo.js')) as {
      startOfflineMongo: (options: { h2?: string }) => Promise<RunningServer>;
    };
    const h2 = join(dirname(dbPath), 'offline-mongo.h2');
    mkdirSync(dirname(h2), { recursive: true });
    const offline = await startOfflineMongo({ h2 });
    const uri = new URL(offline.uri);
    uri.pathname = '/coaching';
    console.warn(
      databaseLine({
        database: 'offline MongoDB-compatible server',
        uri: uri.toString(),
        reason,
        where: `data in ${shown(h2)}`,
      }),
    );
    return { uri: uri.toString(), stop: offline.stop };
  }
}
