import { Model, Types } from 'mongoose';

/** A counter document per player (its `_id` the player's id), bumped after each change of some records. */
export interface RevisionCounterDoc {
  _id: Types.ObjectId;
  revision: number;
}

/**
 * Per-player revision counters in one collection: what every instance compares to know whether figures it
 * worked out from a player's records still hold. Each kind of record keeps its own collection and extends this.
 */
export abstract class RevisionCounters {
  protected constructor(private readonly revisions: Model<RevisionCounterDoc>) {}

  /** Called after the change is written, never before: a reader must not see the new revision with the old data. */
  async bump(playerId: string | Types.ObjectId): Promise<void> {
    await this.revisions
      .updateOne({ _id: new Types.ObjectId(playerId) }, { $inc: { revision: 1 } }, { upsert: true })
      .exec();
  }

  /** 0 for a player whose records never changed. */
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
