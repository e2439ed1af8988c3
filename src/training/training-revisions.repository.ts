import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { TrainingRevisionDoc } from './schemas/training-revision.schema';

/** The only code that touches the per-player training revisions (see TrainingRevisionDoc). */
@Injectable()
export class TrainingRevisions {
  constructor(@InjectModel(TrainingRevisionDoc.name) private readonly revisions: Model<TrainingRevisionDoc>) {}

  /** Called after the change is written, never before: a reader must not see the new revision with the old data. */
  async bump(playerId: string | Types.ObjectId): Promise<void> {
    await this.revisions
      .updateOne({ _id: new Types.ObjectId(playerId) }, { $inc: { revision: 1 } }, { upsert: true })
      .exec();
  }

  /** Each player's revision, 0 for one whose records never changed. */
  async currentOf(playerIds: readonly string[]): Promise<Map<string, number>> {
    const current = new Map<string, number>(playerIds.map((id) => [id, 0]));
    if (playerIds.length === 0) return current;
    const docs = await this.revisions
      .find({ _id: { $in: playerIds.map((id) => new Types.ObjectId(id)) } })
      .lean<{ _id: Types.ObjectId; revision: number }[]>()
      .exec();
    for (const doc of docs) current.set(doc._id.toHexString(), doc.revision);
    return current;
  }
}
