import { Logger } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { withTimeout } from '../async/with-timeout';
import { asError } from './in-process-job-queue';
import { EnqueueOptions, JobCounts, JobHandler, JobQueue, JobRegistration, retryPolicy } from './job-queue';

/** Redis keys of the jobs start with this (BullMQ's own default is `bull`). */
export const BULLMQ_PREFIX = 'jobs';

/** How long enqueue waits for Redis before it fails (a request must not hang on Redis). */
const ENQUEUE_TIMEOUT_MS = 5000;

/**
 * How long a shutdown waits for running jobs and BullMQ's own goodbyes. Without Redis they would wait
 * for it forever (its commands retry until it is back), and a SIGTERM must still end the process.
 */
const CLOSE_TIMEOUT_MS = 10_000;

/**
 * BullMQ ids may be neither integers nor contain `:`; any id is made one BullMQ takes, and two
 * different ids never become the same one.
 */
export function bullmqJobId(jobId: string): string {
  return `id-${jobId.replace(/%/g, '%25').replace(/:/g, '%3A')}`;
}

/**
 * Jobs in Redis through BullMQ, shared by every instance with the same REDIS_URL: one BullMQ
 * queue per job name, and a Worker in each instance that registered a handler for it. Retries
 * use BullMQ's exponential backoff (the same delays as the in-process queue); finished jobs are
 * removed, so a job id can be used again once its job is done (the caller keeps the outcome).
 */
export class BullMqJobQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('JobQueue');
  /** BullMQ needs `maxRetriesPerRequest: null`: its commands wait for Redis to come back. */
  private readonly connection: Redis;
  private readonly queues = new Map<string, Queue>();
  private readonly workers = new Map<string, Worker>();
  private closing?: Promise<void>;

  constructor(url: string) {
    this.connection = new Redis(url, { maxRetriesPerRequest: null });
    this.connection.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'Redis for jobs'));
  }

  register<T>(name: string, handler: JobHandler<T>, registration: JobRegistration<T> = {}): void {
    if (this.workers.has(name)) throw new Error(`A handler for jobs "${name}" is already registered`);
    const worker = new Worker(
      name,
      async (job: Job) => {
        const attempts = job.opts.attempts ?? 1;
        const attempt = job.attemptsMade + 1;
        try {
          await handler(job.data as T, { attempt, attempts });
        } catch (error) {
          if (attempt >= attempts) {
            await registration.onFailed?.(job.data as T, asError(error)).catch((failure: unknown) => {
              this.logger.error({ job: name, err: asError(failure).message }, 'A failed job could not be recorded');
            });
          }
          throw error;
        }
      },
      { connection: this.connection, prefix: BULLMQ_PREFIX, concurrency: Math.max(1, registration.concurrency ?? 1) },
    );
    worker.on('error', (error: Error) => this.logger.warn({ job: name, err: error.message }, 'Job worker'));
    this.workers.set(name, worker);
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<void> {
    if (this.closing) throw new Error('The job queue is closed');
    const { attempts, backoffMs } = retryPolicy(options);
    await withTimeout(
      this.queue(name).add(name, data, {
        ...(options.jobId === undefined ? {} : { jobId: bullmqJobId(options.jobId) }),
        attempts,
        backoff: { type: 'exponential', delay: backoffMs },
        removeOnComplete: true,
        removeOnFail: true,
      }),
      ENQUEUE_TIMEOUT_MS,
    );
  }

  async counts(name: string): Promise<JobCounts> {
    const counts = await this.queue(name).getJobCounts('waiting', 'prioritized', 'delayed', 'active');
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      delayed: counts.delayed ?? 0,
      active: counts.active ?? 0,
    };
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      // Redis away: nothing can be finished or handed back, so drop every connection at once (each
      // worker has a blocking one of its own) rather than let them reconnect for ever.
      const redisAway = this.connection.status !== 'ready';
      if (redisAway) await this.disconnectAll();
      // Workers first: each waits for its running jobs, which may still enqueue.
      const graceful = (async () => {
        await Promise.all([...this.workers.values()].map((worker) => worker.close(redisAway)));
        await Promise.all([...this.queues.values()].map((queue) => queue.close()));
      })();
      await withTimeout(graceful, CLOSE_TIMEOUT_MS).catch(async (error: unknown) => {
        this.logger.warn({ err: asError(error).message }, 'Job queue closed without waiting for Redis');
        await this.disconnectAll();
      });
      if (this.connection.status === 'ready') await this.connection.quit().catch(() => this.connection.disconnect());
      else this.connection.disconnect();
    })();
    return this.closing;
  }

  /** Drops the shared connection and the workers' and queues' own, without waiting for Redis. */
  private async disconnectAll(): Promise<void> {
    this.connection.disconnect();
    const clients = [...this.workers.values(), ...this.queues.values()];
    await withTimeout(
      Promise.all(clients.map((client) => client.disconnect().catch(() => undefined))),
      CLOSE_TIMEOUT_MS,
    ).catch(() => undefined);
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: BULLMQ_PREFIX });
      queue.on('error', (error: Error) => this.logger.warn({ job: name, err: error.message }, 'Job queue'));
      this.queues.set(name, queue);
    }
    return queue;
  }
}
