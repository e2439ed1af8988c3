import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { FinishedWorkoutsRevisionDoc } from './schemas/finished-workouts-revision.schema';

/** The only code that touches the per-player revisions of finished workouts. */
@Injectable()
export class FinishedWorkoutsRevisionsRepository {
  constructor(
    @InjectModel(FinishedWorkoutsRevisionDoc.name) private readonly revisions: Model<FinishedWorkoutsRevisionDoc>,
  ) {}

  /** Called after the change is written, never before: a reader must not see the new revision with the old data. */
  async bump(playerId: string): Promise<void> {
    await this.revisions
      .updateOne({ _id: new Types.ObjectId(playerId) }, { $inc: { revision: 1 } }, { upsert: true })
      .exec();
  }

  /** 0 for a player whose finished workouts never changed. */
  async current(playerId: string): Promise<number> {
    const doc = await this.revisions
      .findById(new Types.ObjectId(playerId))
      .select({ revision: 1 })
      .lean<{ revision: number }>()
      .exec();
    return doc?.revision ?? 0;
  }

  /** `current` of many players in one read. */
  async currentOf(playerIds: readonly string[]): Promise<Map<string, number>> {
    const current = new Map<string, number>(playerIds.map((id) => [id, 0]));
    if (playerIds.length === 0) return current;
    const docs = await this.revisions
      .find({ _id: { $in: playerIds.map((id) => new Types.ObjectId(id)) } })
      .select({ revision: 1 })
      .lean<{ _id: Types.ObjectId; revision: number }[]>()
      .exec();
    for (const doc of docs) current.set(doc._id.toHexString(), doc.revision);
    return current;
  }

  async delete(playerId: string): Promise<void> {
    await this.revisions.deleteOne({ _id: new Types.ObjectId(playerId) }).exec();
  }
}
