import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { RevokeReason, Session } from './schemas/session.schema';

/** How many spent hashes a session remembers for reuse detection. */
const SPENT_HASHES_KEPT = 200;

export interface SessionRecord {
  id: string;
  userId: string;
  expiresAt: Date;
  revokedAt?: Date;
}

type SessionLean = Session & { _id: Types.ObjectId };

const toRecord = (doc: SessionLean): SessionRecord => ({
  id: doc._id.toHexString(),
  userId: doc.userId.toHexString(),
  expiresAt: doc.expiresAt,
  revokedAt: doc.revokedAt,
});

@Injectable()
export class SessionsRepository {
  constructor(@InjectModel(Session.name) private readonly sessions: Model<Session>) {}

  async create(userId: string, tokenHash: string, expiresAt: Date): Promise<SessionRecord> {
    const doc = await this.sessions.create({
      userId: new Types.ObjectId(userId),
      currentTokenHash: tokenHash,
      expiresAt,
    });
    return toRecord(doc.toObject());
  }

  async findActiveById(id: string): Promise<SessionRecord | null> {
    const doc = await this.sessions
      .findOne({ _id: id, revokedAt: null, expiresAt: { $gt: new Date() } })
      .lean<SessionLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  /**
   * Swaps the current token for a new one in one atomic update; only one of two racing
   * refreshes with the same token can win, the other is treated as reuse.
   */
  async rotate(tokenHash: string, newTokenHash: string): Promise<SessionRecord | null> {
    const doc = await this.sessions
      .findOneAndUpdate(
        { currentTokenHash: tokenHash, revokedAt: null, expiresAt: { $gt: new Date() } },
        {
          $set: { currentTokenHash: newTokenHash },
          $push: { spentTokenHashes: { $each: [tokenHash], $slice: -SPENT_HASHES_KEPT } },
        },
        { returnDocument: 'after' },
      )
      .lean<SessionLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  async findBySpentHash(tokenHash: string): Promise<SessionRecord | null> {
    const doc = await this.sessions.findOne({ spentTokenHashes: tokenHash }).lean<SessionLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findByCurrentHash(tokenHash: string): Promise<SessionRecord | null> {
    const doc = await this.sessions.findOne({ currentTokenHash: tokenHash }).lean<SessionLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  async revoke(id: string, reason: RevokeReason): Promise<void> {
    await this.sessions
      .updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: new Date(), revokedReason: reason } })
      .exec();
  }

  async revokeAllForUser(userId: string, reason: RevokeReason): Promise<void> {
    await this.sessions
      .updateMany(
        { userId: new Types.ObjectId(userId), revokedAt: null },
        { $set: { revokedAt: new Date(), revokedReason: reason } },
      )
      .exec();
  }
}
