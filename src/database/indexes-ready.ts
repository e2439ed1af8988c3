import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/**
 * Waits, before the app bootstraps or listens, until every model's indexes are built.
 * Unique constraints are then in force from the first request, and nothing queries a
 * collection while it is still being created (which some compatible servers mishandle).
 */
@Injectable()
export class IndexesReady implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    const names = this.connection.modelNames();
    await Promise.all(names.map((name) => this.connection.model(name).init()));
    this.logger.log({ models: names.length }, 'Indexes ready');
  }
}
