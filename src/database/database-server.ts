import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Environment } from '../config/environment';

interface RunningServer {
  uri: string;
  stop: () => Promise<unknown>;
}

const PROJECT_ROOT = resolve(__dirname, '..', '..');

/**
 * Decides which MongoDB the app talks to:
 * 1. MONGODB_URI when set (production, CI, any compatible server);
 * 2. else an embedded mongod (mongodb-memory-server) persisting to EMBEDDED_MONGO_DIR;
 * 3. else, where no mongod can be downloaded, the project's offline server (H2 file store).
 * Whatever it starts, it stops on shutdown.
 */
@Injectable()
export class DatabaseServer implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private server?: RunningServer;

  constructor(private readonly config: ConfigService<Environment, true>) {}

  async uri(): Promise<string> {
    const configured = this.config.get('MONGODB_URI', { infer: true });
    if (configured) return configured;
    this.server ??= await this.startEmbedded();
    return this.server.uri;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }

  private async startEmbedded(): Promise<RunningServer> {
    const dbPath = resolve(PROJECT_ROOT, this.config.get('EMBEDDED_MONGO_DIR', { infer: true }));
    try {
      // Loaded only here: production installs without dev dependencies never reach this.
      const { MongoMemoryServer } = await import('mongodb-memory-server');
      mkdirSync(dbPath, { recursive: true });
      const mongod = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } });
      this.logger.log(`Embedded MongoDB started; data in ${dbPath}`);
      return { uri: mongod.getUri('coaching'), stop: () => mongod.stop({ doCleanup: false }) };
    } catch (error) {
      this.logger.warn(
        `Embedded MongoDB unavailable (${(error as Error).message.split('\n')[0]}); ` +
          'starting the offline MongoDB-compatible server instead (persisted with its H2 backend).',
      );
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startOfflineMongo } = require(join(PROJECT_ROOT, 'scripts', 'offline-mongo.js')) as {
      startOfflineMongo: (options: { h2?: string }) => Promise<RunningServer>;
    };
    const h2 = join(dirname(dbPath), 'offline-mongo.h2');
    mkdirSync(dirname(h2), { recursive: true });
    const offline = await startOfflineMongo({ h2 });
    this.logger.log(`Offline MongoDB-compatible server started; data in ${h2}`);
    const uri = new URL(offline.uri);
    uri.pathname = '/coaching';
    return { uri: uri.toString(), stop: offline.stop };
  }
}
