import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { CalendarFeedDoc } from './schemas/calendar-feed.schema';

type FeedLean = CalendarFeedDoc & { _id: Types.ObjectId };

export interface CalendarFeedRecord {
  id: string;
  ownerId: string;
  playerId?: string;
  teamId?: string;
  createdAt: Date;
}

export type CalendarFeedSubject = { playerId: string } | { teamId: string };

const toRecord = (d: FeedLean): CalendarFeedRecord => ({
  id: d._id.toHexString(),
  ownerId: d.ownerId.toHexString(),
  ...(d.playerId ? { playerId: d.playerId.toHexString() } : {}),
  ...(d.teamId ? { teamId: d.teamId.toHexString() } : {}),
  createdAt: d.createdAt,
});

const oid = (id: string) => new Types.ObjectId(id);

/** The only code that touches the calendar feeds collection. */
@Injectable()
export class CalendarFeedsRepository {
  constructor(@InjectModel(CalendarFeedDoc.name) private readonly feeds: Model<CalendarFeedDoc>) {}

  async create(ownerId: string, subject: CalendarFeedSubject, tokenHash: string): Promise<CalendarFeedRecord> {
    const doc = await this.feeds.create({
      ownerId: oid(ownerId),
      ...('playerId' in subject ? { playerId: oid(subject.playerId) } : { teamId: oid(subject.teamId) }),
      tokenHash,
    });
    return toRecord(doc.toObject() as FeedLean);
  }

  async findByTokenHash(tokenHash: string): Promise<CalendarFeedRecord | null> {
    const doc = await this.feeds.findOne({ tokenHash }).lean<FeedLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  /** Newest first. */
  async listForOwner(
    ownerId: string,
    skip: number,
    limit: number,
  ): Promise<{ items: CalendarFeedRecord[]; total: number }> {
    const query = { ownerId: oid(ownerId) };
    const [docs, total] = await Promise.all([
      this.feeds.find(query).sort({ createdAt: -1, _id: -1 }).skip(skip).limit(limit).lean<FeedLean[]>().exec(),
      this.feeds.countDocuments(query).exec(),
    ]);
    return { items: docs.map(toRecord), total };
  }

  async deleteOwned(id: string, ownerId: string): Promise<boolean> {
    return (await this.feeds.deleteOne({ _id: oid(id), ownerId: oid(ownerId) }).exec()).deletedCount === 1;
  }

  /** A deleted player's feeds go with the player. */
  async deleteForPlayer(playerId: string): Promise<void> {
    await this.feeds.deleteMany({ playerId: oid(playerId) }).exec();
  }
}
