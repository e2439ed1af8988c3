import { Inject, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../../config/environment';
import { BullMqJobQueue } from './bullmq-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { JOB_QUEUE, JobQueue } from './job-queue';

/**
 * The application's one background-job mechanism, injected as `@Inject(JOB_QUEUE) JobQueue`:
 * BullMQ on Redis when REDIS_URL is set (every instance shares the jobs), else in this process.
 * Closed when the application shuts down, before the database connection is: running jobs finish.
 */
@Module({
  providers: [
    {
      provide: JOB_QUEUE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>): JobQueue => {
        const url = config.get('REDIS_URL', { infer: true });
        const queue = url ? new BullMqJobQueue(url) : new InProcessJobQueue();
        new Logger('JobQueue').log(`Background jobs: ${url ? 'BullMQ on REDIS_URL' : 'in process (no REDIS_URL)'}`);
        return queue;
      },
    },
  ],
  exports: [JOB_QUEUE],
})
export class JobsModule implements OnModuleDestroy {
  constructor(@Inject(JOB_QUEUE) private readonly queue: JobQueue) {}

  onModuleDestroy(): Promise<void> {
    return this.queue.close();
  }
}
