import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import type { GarminNotificationStatus } from './domain/garmin-notification';
import { GarminNotificationOutcome, GarminNotificationRecord, NewGarminNotification } from './garmin-sync.record';
import { GarminNotificationDoc } from './schemas/garmin-notification.schema';

type NotificationLean = GarminNotificationDoc & { _id: Types.ObjectId };

const toRecord = (doc: NotificationLean): GarminNotificationRecord => ({
  id: doc._id.toHexString(),
  summaryId: doc.summaryId,
  garminUserId: doc.garminUserId,
  playerId: doc.playerId ? doc.playerId.toHexString() : null,
  fileType: doc.fileType,
  callbackURL: doc.callbackURL,
  callbackHost: doc.callbackHost ?? null,
  ...(doc.startTimeInSeconds !== undefined ? { startTimeInSeconds: doc.startTimeInSeconds } : {}),
  ...(doc.garminActivityId !== undefined ? { garminActivityId: doc.garminActivityId } : {}),
  ...(doc.activityName !== undefined ? { activityName: doc.activityName } : {}),
  status: doc.status,
  attempts: doc.attempts ?? 0,
  lastError: doc.lastError ?? null,
  activityId: doc.activityId ? doc.activityId.toHexString() : null,
  receivedAt: doc.receivedAt,
  updatedAt: doc.updatedAt,
});

const objectIdOrNull = (id: string | null | undefined) => (id ? new Types.ObjectId(id) : null);

/** The only code that touches the Garmin notifications. */
@Injectable()
export class GarminNotificationsRepository {
  constructor(@InjectModel(GarminNotificationDoc.name) private readonly notifications: Model<GarminNotificationDoc>) {}

  /** Stores a new notification; a summary id already stored fails with the driver's duplicate-key error. */
  async insert(data: NewGarminNotification): Promise<GarminNotificationRecord> {
    const { playerId, ...rest } = data;
    const doc = await this.notifications.create({
      ...rest,
      ...(playerId ? { playerId: new Types.ObjectId(playerId) } : {}),
    });
    return toRecord(doc.toObject() as NotificationLean);
  }

  async findBySummaryId(summaryId: string): Promise<GarminNotificationRecord | null> {
    const doc = await this.notifications.findOne({ summaryId }).lean<NotificationLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findById(id: string): Promise<GarminNotificationRecord | null> {
    const doc = await this.notifications.findById(id).lean<NotificationLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  /** Counts an attempt of a queued notification; null when it is no longer queued. */
  async startAttempt(summaryId: string): Promise<GarminNotificationRecord | null> {
    const doc = await this.notifications
      .findOneAndUpdate({ summaryId, status: 'queued' }, { $inc: { attempts: 1 } }, { returnDocument: 'after' })
      .lean<NotificationLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  /** Says why the last attempt of a queued notification failed (it stays queued for the next). */
  async recordError(summaryId: string, lastError: string): Promise<void> {
    await this.notifications.updateOne({ summaryId, status: 'queued' }, { $set: { lastError } }).exec();
  }

  /** Ends a queued notification; false when it had already ended (another worker got there first). */
  async finish(summaryId: string, outcome: GarminNotificationOutcome): Promise<boolean> {
    const set: Record<string, unknown> = { status: outcome.status };
    if (outcome.lastError !== undefined) set.lastError = outcome.lastError;
    if (outcome.activityId !== undefined) set.activityId = objectIdOrNull(outcome.activityId);
    if (outcome.playerId !== undefined) set.playerId = objectIdOrNull(outcome.playerId);
    const result = await this.notifications.updateOne({ summaryId, status: 'queued' }, { $set: set }).exec();
    return result.modifiedCount === 1;
  }

  /** Puts a failed notification back in the queue; null when it is not failed. */
  async requeueFailed(id: string): Promise<GarminNotificationRecord | null> {
    const doc = await this.notifications
      .findOneAndUpdate(
        { _id: new Types.ObjectId(id), status: 'failed' },
        { $set: { status: 'queued' } },
        { returnDocument: 'after' },
      )
      .lean<NotificationLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  /** Newest first. */
  async list(
    filter: { status?: GarminNotificationStatus },
    skip: number,
    limit: number,
  ): Promise<{ items: GarminNotificationRecord[]; total: number }> {
    const query = filter.status ? { status: filter.status } : {};
    const [docs, total] = await Promise.all([
      this.notifications
        .find(query)
        .sort({ receivedAt: -1, _id: -1 })
        .skip(skip)
        .limit(limit)
        .lean<NotificationLean[]>()
        .exec(),
      this.notifications.countDocuments(query).exec(),
    ]);
    return { items: docs.map(toRecord), total };
  }

  /** Summary ids of queued notifications, oldest first (to queue them again after a restart). */
  async queuedSummaryIds(limit: number): Promise<string[]> {
    const docs = await this.notifications
      .find({ status: 'queued' })
      .sort({ receivedAt: 1 })
      .limit(limit)
      .select({ summaryId: 1 })
      .lean<{ summaryId: string }[]>()
      .exec();
    return docs.map((d) => d.summaryId);
  }

  async deleteForPlayer(playerId: string): Promise<void> {
    await this.notifications.deleteMany({ playerId: new Types.ObjectId(playerId) }).exec();
  }
}
