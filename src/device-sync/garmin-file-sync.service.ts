import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DuplicateActivityProblem } from '../activities/activity-problems';
import { ActivityImportService } from '../activities/activity-import.service';
import { ProblemException } from '../common/errors/problem';
import { JOB_QUEUE, JobAttempt, JobQueue } from '../common/jobs/job-queue';
import { CallbackFetcher } from './callback-fetcher';
import { checkCallbackUrl } from './domain/callback-policy';
import { GarminLinksRepository } from './garmin-links.repository';
import { GarminNotificationsRepository } from './garmin-notifications.repository';
import { GARMIN_SYNC_CONFIG, GarminSyncConfig } from './garmin-sync.config';
import { GarminNotificationOutcome, GarminNotificationRecord } from './garmin-sync.record';

/** The job that fetches and imports one notified file. */
export const GARMIN_FILE_JOB = 'garmin-activity-file';

interface GarminFileJob {
  summaryId: string;
}

/** Notified files fetched at the same time by one instance. */
const CONCURRENCY = 2;
/** Queued notifications queued again at start (the rest wait for the next start or a repeated push). */
const RESUME_AT_START = 1000;
const MAX_ERROR_LENGTH = 500;

/** A failed attempt worth another: the job queue retries it with backoff. */
class RetryableSyncError extends Error {}

/**
 * Fetches each queued notification's file from its callback URL in the background and imports it
 * for the linked player, through the activities' one import path. Each attempt counts; a refusal
 * (callback not allowed, redirect, too large, file refused by the parser) ends it at once; network
 * errors, timeouts and 5xx are retried with exponential backoff, then the notification is failed.
 */
@Injectable()
export class GarminFileSyncService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(GarminFileSyncService.name);

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(GARMIN_SYNC_CONFIG) private readonly config: GarminSyncConfig,
    private readonly notifications: GarminNotificationsRepository,
    private readonly links: GarminLinksRepository,
    private readonly fetcher: CallbackFetcher,
    private readonly importer: ActivityImportService,
  ) {}

  onModuleInit(): void {
    this.queue.register<GarminFileJob>(GARMIN_FILE_JOB, (job, attempt) => this.sync(job.summaryId, attempt), {
      onFailed: (job, error) => this.giveUp(job.summaryId, error),
      concurrency: CONCURRENCY,
    });
  }

  /**
   * Queues again what a stopped instance left queued (in process, its jobs died with it), in the
   * background so that a queue that is away cannot hold the start; it stops at the first failure.
   */
  onApplicationBootstrap(): void {
    void this.resume();
  }

  private async resume(): Promise<void> {
    try {
      const summaryIds = await this.notifications.queuedSummaryIds(RESUME_AT_START);
      for (const summaryId of summaryIds) await this.enqueue(summaryId);
      if (summaryIds.length > 0) this.logger.log({ count: summaryIds.length }, 'Queued Garmin files resumed');
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'Could not queue the queued Garmin files again');
    }
  }

  /** Queues the notification's file (a no-op while a job for it is waiting or running). */
  enqueue(summaryId: string): Promise<void> {
    return this.queue.enqueue<GarminFileJob>(
      GARMIN_FILE_JOB,
      { summaryId },
      { jobId: summaryId, attempts: this.config.attempts, backoffMs: this.config.backoffMs },
    );
  }

  private async sync(summaryId: string, { attempt, attempts }: JobAttempt): Promise<void> {
    const notification = await this.notifications.startAttempt(summaryId);
    if (!notification) return; // ended meanwhile (or the player was deleted)
    const link = await this.links.findByGarminUser(notification.garminUserId);
    if (!link) {
      await this.end(notification, {
        status: 'unlinked',
        lastError: 'no player is linked to this Garmin user any more',
      });
      return;
    }
    const decision = checkCallbackUrl(notification.callbackURL, this.config.callbackHosts);
    if (!decision.allowed) {
      await this.end(notification, { status: 'refused', lastError: decision.reason, playerId: link.playerId });
      return;
    }
    const fetched = await this.fetcher.fetch(decision.callback, this.config.fetch);
    if (fetched.kind === 'refused') {
      await this.end(notification, { status: 'refused', lastError: fetched.reason, playerId: link.playerId });
      return;
    }
    if (fetched.kind === 'failed') {
      if (!fetched.retry) {
        await this.end(notification, { status: 'failed', lastError: fetched.reason, playerId: link.playerId });
        return;
      }
      await this.retryLater(notification, fetched.reason, attempt, attempts);
    } else {
      await this.importFile(notification, link.playerId, fetched.bytes, attempt, attempts);
    }
  }

  private async importFile(
    notification: GarminNotificationRecord,
    playerId: string,
    bytes: Buffer,
    attempt: number,
    attempts: number,
  ): Promise<void> {
    try {
      const activity = await this.importer.importFile({
        playerId,
        bytes,
        filename: `${notification.summaryId}.${notification.fileType.toLowerCase()}`,
        ...(notification.activityName ? { title: notification.activityName } : {}),
        source: { type: 'garmin', summaryId: notification.summaryId, garminUserId: notification.garminUserId },
        importedBy: null,
      });
      await this.end(notification, { status: 'imported', activityId: activity.id, lastError: null, playerId });
    } catch (error) {
      if (error instanceof DuplicateActivityProblem) {
        await this.end(notification, {
          status: 'duplicate',
          activityId: error.activityId,
          lastError: error.message,
          playerId,
        });
      } else if (error instanceof ProblemException && error.getStatus() < 500) {
        // The file itself is refused (400) or too large (413): the same bytes would be refused again.
        await this.end(notification, { status: 'refused', lastError: error.message, playerId });
      } else {
        await this.retryLater(notification, `import failed: ${(error as Error).message}`, attempt, attempts);
      }
    }
  }

  private async retryLater(
    notification: GarminNotificationRecord,
    reason: string,
    attempt: number,
    attempts: number,
  ): Promise<never> {
    const lastError = reason.slice(0, MAX_ERROR_LENGTH);
    await this.notifications.recordError(notification.summaryId, lastError);
    this.logger.warn(
      { summaryId: notification.summaryId, attempt, attempts, reason: lastError },
      'Garmin file attempt failed',
    );
    throw new RetryableSyncError(lastError);
  }

  private async giveUp(summaryId: string, error: Error): Promise<void> {
    const lastError = error.message.slice(0, MAX_ERROR_LENGTH);
    if (await this.notifications.finish(summaryId, { status: 'failed', lastError })) {
      this.logger.error({ summaryId, reason: lastError }, 'Garmin file failed after its last attempt');
    }
  }

  private async end(notification: GarminNotificationRecord, outcome: GarminNotificationOutcome): Promise<void> {
    const lastError =
      typeof outcome.lastError === 'string' ? outcome.lastError.slice(0, MAX_ERROR_LENGTH) : outcome.lastError;
    await this.notifications.finish(notification.summaryId, { ...outcome, lastError });
    const log = { summaryId: notification.summaryId, status: outcome.status, attempts: notification.attempts };
    if (outcome.status === 'imported' || outcome.status === 'duplicate') this.logger.log(log, 'Garmin file handled');
    else this.logger.warn({ ...log, reason: lastError }, 'Garmin file not imported');
  }
}
