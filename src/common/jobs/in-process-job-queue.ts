import { Logger } from '@nestjs/common';
import {
  backoffDelay,
  EnqueueOptions,
  JobCounts,
  JobHandler,
  JobQueue,
  JobRegistration,
  retryPolicy,
} from './job-queue';

/** How the queue waits before a retry; tests pass their own to fire retries by hand. */
export interface RetryTimers {
  /** Calls `fn` after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}

const realTimers: RetryTimers = {
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

interface Job {
  name: string;
  data: unknown;
  key?: string;
  attempts: number;
  backoffMs: number;
  /** The attempt it runs next, from 1. */
  attempt: number;
}

interface Registered {
  handler: JobHandler<unknown>;
  registration: JobRegistration<unknown>;
}

/**
 * Jobs in this process's memory: the default, for one instance. A job waits for its name's
 * handler, runs up to its attempts with exponential backoff between them, and a job id is held
 * until its job has finished. Nothing survives the process: `close()` lets running jobs finish
 * and drops the waiting and delayed ones, so whoever enqueues must be able to enqueue them again
 * (device sync re-enqueues its unfinished notifications at start).
 */
export class InProcessJobQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('JobQueue');
  private readonly handlers = new Map<string, Registered>();
  private readonly ready = new Map<string, Job[]>();
  private readonly active = new Map<string, number>();
  private readonly delayed = new Map<Job, () => void>();
  private readonly keys = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly timers: RetryTimers = realTimers) {}

  register<T>(name: string, handler: JobHandler<T>, registration: JobRegistration<T> = {}): void {
    if (this.handlers.has(name)) throw new Error(`A handler for jobs "${name}" is already registered`);
    this.handlers.set(name, {
      handler: handler as JobHandler<unknown>,
      registration: registration as JobRegistration<unknown>,
    });
    this.pump(name);
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) throw new Error('The job queue is closed');
    const key = options.jobId === undefined ? undefined : `${name}\u0000${options.jobId}`;
    if (key !== undefined) {
      if (this.keys.has(key)) return;
      this.keys.add(key);
    }
    this.list(this.ready, name).push({ name, data, key, ...retryPolicy(options), attempt: 1 });
    // Started on a later turn, as a queue of its own would: the caller goes on first.
    setImmediate(() => this.pump(name));
  }

  async counts(name: string): Promise<JobCounts> {
    const delayed = [...this.delayed.keys()].filter((job) => job.name === name).length;
    return { waiting: this.ready.get(name)?.length ?? 0, delayed, active: this.active.get(name) ?? 0 };
  }

  /** Resolves when no job is ready or running (jobs delayed for a retry may still be waiting). */
  async idle(): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.running.size > 0) await Promise.all([...this.running]);
      else if (![...this.ready.entries()].some(([name, jobs]) => jobs.length > 0 && this.handlers.has(name))) return;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const cancel of this.delayed.values()) cancel();
    const dropped = this.delayed.size + [...this.ready.values()].reduce((n, jobs) => n + jobs.length, 0);
    this.delayed.clear();
    this.ready.clear();
    if (dropped > 0) this.logger.warn({ dropped }, 'In-process jobs dropped at shutdown');
    await Promise.all([...this.running]);
  }

  private list<V>(map: Map<string, V[]>, name: string): V[] {
    let list = map.get(name);
    if (!list) map.set(name, (list = []));
    return list;
  }

  private pump(name: string): void {
    const registered = this.handlers.get(name);
    const jobs = this.ready.get(name);
    if (this.closed || !registered || !jobs) return;
    const concurrency = Math.max(1, registered.registration.concurrency ?? 1);
    while (jobs.length > 0 && (this.active.get(name) ?? 0) < concurrency) {
      const job = jobs.shift()!;
      this.active.set(name, (this.active.get(name) ?? 0) + 1);
      const run = this.run(job, registered).finally(() => {
        this.running.delete(run);
        this.active.set(name, (this.active.get(name) ?? 1) - 1);
        this.pump(name);
      });
      this.running.add(run);
    }
  }

  private async run(job: Job, { handler, registration }: Registered): Promise<void> {
    try {
      await handler(job.data, { attempt: job.attempt, attempts: job.attempts });
    } catch (error) {
      if (job.attempt < job.attempts && !this.closed) {
        const delay = backoffDelay(job.backoffMs, job.attempt);
        job.attempt += 1;
        const cancel = this.timers.after(delay, () => {
          this.delayed.delete(job);
          this.list(this.ready, job.name).push(job);
          this.pump(job.name);
        });
        this.delayed.set(job, cancel);
        return;
      }
      if (job.attempt >= job.attempts) {
        await registration.onFailed?.(job.data, asError(error)).catch((failure: unknown) => {
          this.logger.error({ job: job.name, err: asError(failure).message }, 'A failed job could not be recorded');
        });
      }
    }
    if (job.key !== undefined) this.keys.delete(job.key);
  }
}

export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
