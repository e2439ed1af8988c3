import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { Connection } from 'mongoose';
import { withTimeout } from '../common/async/with-timeout';

/**
 * Sends a real `ping` to the database. Terminus' Mongoose indicator only reads the
 * connection state, which stays "connected" for seconds after the server goes away.
 */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly health: HealthIndicatorService,
  ) {}

  async ping(key: string, timeoutMs: number): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      const db = this.connection.db;
      if (!db) return indicator.down({ message: 'not connected' });
      await withTimeout(db.command({ ping: 1 }), timeoutMs);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message.split('\n')[0] });
    }
  }
}
