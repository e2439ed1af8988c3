import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ProblemException } from '../common/errors/problem';
import { isDuplicateKey } from '../common/errors/to-problem';
import { Page, PaginationQueryDto, skipFor } from '../common/pagination/pagination.dto';
import { callbackHostOf } from './domain/callback-policy';
import type { GarminNotificationStatus } from './domain/garmin-notification';
import type { GarminActivityFileDto, GarminActivityFilesPushDto } from './dto/garmin.dto';
import { GarminFileSyncService } from './garmin-file-sync.service';
import { GarminLinksRepository } from './garmin-links.repository';
import { GarminNotificationsRepository } from './garmin-notifications.repository';
import { GARMIN_SYNC_CONFIG, GarminSyncConfig } from './garmin-sync.config';
import { GarminNotificationRecord } from './garmin-sync.record';

/** The header Garmin's push carries the shared secret in. */
export const GARMIN_PUSH_SECRET_HEADER = 'x-garmin-push-secret';

export interface PushReceipt {
  summaryId: string;
  status: GarminNotificationStatus;
  repeated: boolean;
}

/** The 503 of a server without GARMIN_PUSH_SECRET. */
export const GARMIN_PUSH_DISABLED = 'Garmin push is not enabled on this server (GARMIN_PUSH_SECRET is not set).';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Garmin's push of activity files: each notification is recorded once by summary id and its file
 * queued for GarminFileSyncService; the push is answered as soon as that is done. Also what admins
 * see of them and their retry of a failed one.
 */
@Injectable()
export class GarminPushService {
  private readonly logger = new Logger(GarminPushService.name);

  constructor(
    @Inject(GARMIN_SYNC_CONFIG) private readonly config: GarminSyncConfig,
    private readonly notifications: GarminNotificationsRepository,
    private readonly links: GarminLinksRepository,
    private readonly sync: GarminFileSyncService,
  ) {}

  /**
   * Records each notification (a summary id seen before is acknowledged as it stands and not
   * processed again) and queues the files of linked Garmin users. A 503 when one could not be
   * queued: everything is recorded, and Garmin's repeated push queues what is still waiting.
   */
  async receive(secret: string | undefined, push: GarminActivityFilesPushDto): Promise<PushReceipt[]> {
    this.checkSecret(secret);
    const receipts: PushReceipt[] = [];
    let unqueued = 0;
    for (const file of push.activityFiles) {
      const { notification, repeated } = await this.record(file);
      if (notification.status === 'queued') {
        // After one failure the queue is taken to be away: the rest stay recorded for the repeated push.
        if (unqueued > 0) unqueued++;
        else {
          await this.sync.enqueue(notification.summaryId).catch((error: unknown) => {
            unqueued++;
            this.logger.error(
              { summaryId: notification.summaryId, err: (error as Error).message },
              'Could not queue a Garmin file',
            );
          });
        }
      }
      receipts.push({ summaryId: notification.summaryId, status: notification.status, repeated });
    }
    this.logger.log(
      { files: receipts.length, repeated: receipts.filter((r) => r.repeated).length, unqueued },
      'Garmin push received',
    );
    if (unqueued > 0) {
      throw new ProblemException(503, 'The notifications are recorded but not all could be queued; send them again.');
    }
    return receipts;
  }

  async list(
    query: PaginationQueryDto & { status?: GarminNotificationStatus },
  ): Promise<Page<GarminNotificationRecord>> {
    const { items, total } = await this.notifications.list({ status: query.status }, skipFor(query), query.limit);
    return { items, total, page: query.page, limit: query.limit };
  }

  /** Queues a failed notification again, for a new round of attempts. */
  async retry(id: string, by: string): Promise<GarminNotificationRecord> {
    const requeued = await this.notifications.requeueFailed(id);
    if (!requeued) {
      const notification = await this.notifications.findById(id);
      if (!notification) throw new NotFoundException('Garmin notification not found.');
      throw new ProblemException(422, `Only a failed notification can be retried; this one is ${notification.status}.`);
    }
    try {
      await this.sync.enqueue(requeued.summaryId);
    } catch (error) {
      this.logger.error(
        { summaryId: requeued.summaryId, err: (error as Error).message },
        'Could not queue a Garmin file',
      );
      throw new ProblemException(503, 'The notification is marked queued but could not be queued yet; retry again.');
    }
    this.logger.log({ summaryId: requeued.summaryId, by }, 'Garmin file retried');
    return requeued;
  }

  private checkSecret(secret: string | undefined): void {
    const expected = this.config.pushSecret;
    if (!expected) {
      throw new ProblemException(503, GARMIN_PUSH_DISABLED);
    }
    // Compared as digests: equal lengths, and no timing difference that tells how much matched.
    if (secret === undefined || !timingSafeEqual(digest(secret), digest(expected))) {
      throw new ProblemException(401, `The ${GARMIN_PUSH_SECRET_HEADER} header is missing or wrong.`);
    }
  }

  private async record(
    file: GarminActivityFileDto,
  ): Promise<{ notification: GarminNotificationRecord; repeated: boolean }> {
    const seen = await this.notifications.findBySummaryId(file.summaryId);
    if (seen) return { notification: seen, repeated: true };
    const link = await this.links.findByGarminUser(file.userId);
    try {
      const notification = await this.notifications.insert({
        summaryId: file.summaryId,
        garminUserId: file.userId,
        playerId: link?.playerId ?? null,
        fileType: file.fileType,
        callbackURL: file.callbackURL,
        callbackHost: callbackHostOf(file.callbackURL),
        ...(file.startTimeInSeconds !== undefined ? { startTimeInSeconds: file.startTimeInSeconds } : {}),
        ...(file.activityId !== undefined ? { garminActivityId: file.activityId } : {}),
        ...(file.activityName !== undefined ? { activityName: file.activityName } : {}),
        status: link ? 'queued' : 'unlinked',
      });
      return { notification, repeated: false };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // The same push delivered twice at once: the other delivery recorded it.
      const winner = await this.notifications.findBySummaryId(file.summaryId);
      if (!winner) throw error;
      return { notification: winner, repeated: true };
    }
  }
}
