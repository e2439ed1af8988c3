import type { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  hits: number;
  /** Epoch ms at which the window's count starts again from zero. */
  resetAt: number;
  /** Epoch ms until which the key is refused; 0 when not blocked. */
  blockedUntil: number;
}

/**
 * In-memory rate-limit counters with the same fixed-window rules as the Redis storage used
 * when REDIS_URL is set, so one instance and many behave alike. The library's default
 * storage keeps one timestamp per hit and filters them on every request, which grows with
 * the limit and showed as a large share of a cheap request's cost; this is O(1) per request.
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly windows = new Map<string, Window>();
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly sweepEveryMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window) {
      window = { hits: 0, resetAt: now + ttl, blockedUntil: 0 };
      this.windows.set(key, window);
      this.sweeper ??= setInterval(() => this.sweep(), this.sweepEveryMs).unref();
    } else if (window.resetAt <= now) {
      window.hits = 0;
      window.resetAt = now + ttl;
    }
    window.hits++;
    if (window.blockedUntil !== 0 && window.blockedUntil <= now) {
      // The block is over: this request opens a fresh window.
      window.blockedUntil = 0;
      window.hits = 1;
      window.resetAt = now + ttl;
    } else if (window.blockedUntil === 0 && window.hits > limit) {
      window.blockedUntil = now + blockDuration;
    }
    const isBlocked = window.blockedUntil !== 0;
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.resetAt - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    });
  }

  /** Forgets keys whose window and block are both over, so memory follows the active clients. */
  sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) {
      if (window.resetAt <= now && window.blockedUntil <= now) this.windows.delete(key);
    }
  }

  get size(): number {
    return this.windows.size;
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.windows.clear();
  }
}
