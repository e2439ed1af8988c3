import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types, UpdateQuery } from 'mongoose';
import { Level, Position, Sex } from '../common/domain/enums';
import { PlayerScope } from './domain/player-access';
import { InjuryRecord, PlayerProfile, PlayerRecord } from './player.record';
import { Player } from './schemas/player.schema';

type PlayerLean = Player & { _id: Types.ObjectId };

const oid = (id: string) => new Types.ObjectId(id);

function toRecord(doc: PlayerLean): PlayerRecord {
  return {
    id: doc._id.toHexString(),
    firstName: doc.firstName,
    lastName: doc.lastName,
    dateOfBirth: doc.dateOfBirth,
    sex: doc.sex,
    position: doc.position,
    level: doc.level,
    dominantFoot: doc.dominantFoot,
    heightCm: doc.heightCm ?? undefined,
    weightKg: doc.weightKg ?? undefined,
    hrMaxBpm: doc.hrMaxBpm ?? undefined,
    hrRestBpm: doc.hrRestBpm ?? undefined,
    maxSpeedMps: doc.maxSpeedMps ?? undefined,
    injury: {
      status: doc.injury?.status ?? 'fit',
      bodyRegions: doc.injury?.bodyRegions ?? [],
      since: doc.injury?.since ?? undefined,
      notes: doc.injury?.notes ?? undefined,
      updatedAt: doc.injury?.updatedAt ?? undefined,
    },
    coachIds: (doc.coachIds ?? []).map((id) => id.toHexString()),
    guardianIds: (doc.guardianIds ?? []).map((id) => id.toHexString()),
    userId: doc.userId?.toHexString(),
    createdBy: doc.createdBy.toHexString(),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** Turns an access scope into the query that limits a list to what the caller may see. */
export function scopeFilter(scope: PlayerScope): QueryFilter<Player> {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'coach':
      return scope.teamPlayerIds.length === 0
        ? { coachIds: oid(scope.userId) }
        : { $or: [{ coachIds: oid(scope.userId) }, { _id: { $in: scope.teamPlayerIds.map(oid) } }] };
    case 'guardian':
      return { guardianIds: oid(scope.userId) };
    case 'self':
      return { userId: oid(scope.userId) };
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface PlayerListFilter {
  level?: Level;
  position?: Position;
  /** Case-insensitive prefix of first or last name. */
  name?: string;
}

export type LinkField = 'coachIds' | 'guardianIds';

/** The only code that touches the players collection. */
@Injectable()
export class PlayersRepository {
  constructor(@InjectModel(Player.name) private readonly players: Model<Player>) {}

  async create(profile: PlayerProfile, createdBy: string, coachIds: string[]): Promise<PlayerRecord> {
    const doc = await this.players.create({ ...profile, createdBy: oid(createdBy), coachIds: coachIds.map(oid) });
    return toRecord(doc.toObject());
  }

  async findById(id: string): Promise<PlayerRecord | null> {
    const doc = await this.players.findById(id).lean<PlayerLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  /** Ids of the players of one sex born in [bornFrom, bornBefore), optionally of one level or position. */
  async idsInCohort(criteria: {
    sex: Sex;
    bornFrom: Date;
    bornBefore: Date;
    level?: Level;
    position?: Position;
  }): Promise<string[]> {
    const query: QueryFilter<Player> = {
      sex: criteria.sex,
      dateOfBirth: { $gte: criteria.bornFrom, $lt: criteria.bornBefore },
    };
    if (criteria.level) query.level = criteria.level;
    if (criteria.position) query.position = criteria.position;
    const docs = await this.players.find(query).select({ _id: 1 }).lean<{ _id: Types.ObjectId }[]>().exec();
    return docs.map((d) => d._id.toHexString());
  }

  async findByUserId(userId: string): Promise<PlayerRecord | null> {
    const doc = await this.players
      .findOne({ userId: oid(userId) })
      .lean<PlayerLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  /** The ids of every player in the scope (a guardian's children, a player's own profile). */
  async idsInScope(scope: PlayerScope): Promise<string[]> {
    const docs = await this.players
      .find(scopeFilter(scope))
      .select({ _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    return docs.map((d) => d._id.toHexString());
  }

  /** Players by id, in name order (a team's squad). */
  async findByIds(ids: readonly string[]): Promise<PlayerRecord[]> {
    if (ids.length === 0) return [];
    const docs = await this.players
      .find({ _id: { $in: ids.map(oid) } })
      .sort({ lastName: 1, firstName: 1, _id: 1 })
      .lean<PlayerLean[]>()
      .exec();
    return docs.map(toRecord);
  }

  async list(
    scope: PlayerScope,
    filter: PlayerListFilter,
    skip: number,
    limit: number,
  ): Promise<{ items: PlayerRecord[]; total: number }> {
    const query: QueryFilter<Player> = { ...scopeFilter(scope) };
    if (filter.level) query.level = filter.level;
    if (filter.position) query.position = filter.position;
    if (filter.name) {
      const prefix = new RegExp(`^${escapeRegex(filter.name)}`, 'i');
      // Under $and: the scope may have its own $or (a coach's direct and team players).
      query.$and = [{ $or: [{ firstName: prefix }, { lastName: prefix }] }];
    }
    const [docs, total] = await Promise.all([
      this.players
        .find(query)
        .sort({ lastName: 1, firstName: 1, _id: 1 })
        .skip(skip)
        .limit(limit)
        .lean<PlayerLean[]>()
        .exec(),
      this.players.countDocuments(query).exec(),
    ]);
    return { items: docs.map(toRecord), total };
  }

  update(id: string, changes: Partial<PlayerProfile>): Promise<PlayerRecord | null> {
    return this.updateById(id, { $set: changes });
  }

  setInjury(id: string, injury: InjuryRecord): Promise<PlayerRecord | null> {
    return this.updateById(id, { $set: { injury } });
  }

  addLink(id: string, field: LinkField, userId: string): Promise<PlayerRecord | null> {
    return this.updateById(id, { $addToSet: { [field]: oid(userId) } });
  }

  removeLink(id: string, field: LinkField, userId: string): Promise<PlayerRecord | null> {
    return this.updateById(id, { $pull: { [field]: oid(userId) } });
  }

  setAccount(id: string, userId: string | null): Promise<PlayerRecord | null> {
    return this.updateById(id, userId ? { $set: { userId: oid(userId) } } : { $unset: { userId: 1 } });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.players.deleteOne({ _id: oid(id) }).exec();
    return result.deletedCount === 1;
  }

  private async updateById(id: string, update: UpdateQuery<Player>): Promise<PlayerRecord | null> {
    const doc = await this.players
      .findByIdAndUpdate(id, update, { returnDocument: 'after', runValidators: true })
      .lean<PlayerLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }
}
