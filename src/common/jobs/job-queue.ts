/** The injection token of the application's one JobQueue (see JobsModule). */
export const JOB_QUEUE = Symbol('JobQueue');

/** Which attempt a handler is running: `attempt` counts from 1 up to `attempts`. */
export interface JobAttempt {
  attempt: number;
  attempts: number;
}

/** Does one job. A throw is a failed attempt: the job is tried again until it runs out of attempts. */
export type JobHandler<T> = (data: T, attempt: JobAttempt) => Promise<void>;

export interface JobRegistration<T> {
  /** Called once, in the process that ran it, when the last attempt failed (with that attempt's error). */
  onFailed?: (data: T, error: Error) => Promise<void>;
  /** Jobs of this name run at the same time in one process (default 1). */
  concurrency?: number;
}

export interface EnqueueOptions {
  /**
   * While a job with this id (and name) waits, is delayed for a retry or runs, enqueueing
   * another one is a no-op. Once it has finished, the id may be used again.
   */
  jobId?: string;
  /** Attempts in all, the first included (default 1: no retry). */
  attempts?: number;
  /** Delay before the first retry; each further retry waits twice as long as the one before (default 1000). */
  backoffMs?: number;
}

/** Jobs of one name not yet finished: ready to run, waiting for a retry, running. */
export interface JobCounts {
  waiting: number;
  delayed: number;
  active: number;
}

/**
 * Work that must not hold a request: in-process by default, on BullMQ (Redis) when REDIS_URL
 * is set so that every instance shares it. Jobs are run at least once: a handler must be
 * idempotent (a job may run again after a crash or a stalled worker).
 */
export interface JobQueue {
  readonly kind: 'in-process' | 'bullmq';
  /** Runs jobs of `name` in this process (one handler per name). */
  register<T>(name: string, handler: JobHandler<T>, registration?: JobRegistration<T>): void;
  /** Stores a job of `name`; resolves once it is stored, not when it has run. */
  enqueue<T>(name: string, data: T, options?: EnqueueOptions): Promise<void>;
  counts(name: string): Promise<JobCounts>;
  /** Stops taking jobs and waits for the running ones to finish. */
  close(): Promise<void>;
}

export const DEFAULT_BACKOFF_MS = 1000;

/** The delay before the retry that follows failed attempt number `failedAttempt` (1-based): exponential, as BullMQ's. */
export function backoffDelay(backoffMs: number, failedAttempt: number): number {
  return Math.round(backoffMs * 2 ** (failedAttempt - 1));
}

/** Attempts and backoff with their defaults, bounded to sane values. */
export function retryPolicy(options: EnqueueOptions): { attempts: number; backoffMs: number } {
  const attempts = Math.max(1, Math.floor(options.attempts ?? 1));
  const backoffMs = Math.max(0, options.backoffMs ?? DEFAULT_BACKOFF_MS);
  return { attempts, backoffMs };
}
