import { Logger, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { ProblemException } from '../common/errors/problem';
import { closeRedis, failFastRedis } from '../common/redis/fail-fast-redis';

export const REVOCATION_STAMPS = Symbol('RevocationStamps');

const keyOf = (userId: string) => `auth:revocation:${userId}`;
const newStamp = () => randomBytes(12).toString('base64url');

/**
 * One random stamp per account in Redis, shared by every instance and renewed whenever the
 * account's tokens must stop working (logout, reuse, disable, role change), after the
 * database says so. A cached caller (CallerCache) is used only while its account's stamp is
 * the one read before it was checked. A stamp is random, never a counter, so a key lost to a
 * Redis restart or eviction never matches an old entry again; an account without a stamp is
 * checked in the database and given one, and Redis being unreachable means the same.
 */
export class RevocationStamps implements OnModuleDestroy {
  private readonly logger = new Logger(RevocationStamps.name);
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = failFastRedis(url, (error) => this.logger.warn({ err: error.message }, 'Redis for sessions'));
  }

  /** The account's current stamp; null when it has none or Redis cannot say. */
  async read(userId: string): Promise<string | null> {
    try {
      return await this.redis.get(keyOf(userId));
    } catch {
      return null;
    }
  }

  /** Gives an account a stamp if it has none (best effort: without one nothing is cached). */
  async ensure(userId: string): Promise<void> {
    await this.redis.set(keyOf(userId), newStamp(), 'NX').catch(() => undefined);
  }

  /**
   * Makes every cached caller of the account stale on every instance. The change is already
   * in the database; if Redis cannot take the new stamp the caller is told to retry (503),
   * since another instance that still reaches Redis could otherwise keep answering from its
   * cache.
   */
  async renew(userId: string): Promise<void> {
    try {
      await this.redis.set(keyOf(userId), newStamp());
    } catch (error) {
      this.logger.error({ userId, err: (error as Error).message }, 'Could not renew a revocation stamp');
      throw new ProblemException(
        503,
        'The change is saved but could not yet reach every server; repeat the request to complete it.',
      );
    }
  }

  onModuleDestroy(): Promise<void> {
    return closeRedis(this.redis);
  }
}
