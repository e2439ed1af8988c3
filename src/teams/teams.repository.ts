import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types, UpdateQuery } from 'mongoose';
import { TeamProfile, TeamRecord } from './domain/team';
import { TeamDoc } from './schemas/team.schema';

type TeamLean = TeamDoc & { _id: Types.ObjectId };

const oid = (id: string) => new Types.ObjectId(id);

const toRecord = (doc: TeamLean): TeamRecord => ({
  id: doc._id.toHexString(),
  name: doc.name,
  season: doc.season,
  ageGroup: doc.ageGroup,
  sex: doc.sex,
  playerIds: (doc.playerIds ?? []).map((id) => id.toHexString()),
  coachIds: (doc.coachIds ?? []).map((id) => id.toHexString()),
  createdBy: doc.createdBy.toHexString(),
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

/** Which teams a list may show: every team (admin) or those one of these conditions matches. */
export type TeamListScope = { kind: 'all' } | { kind: 'members'; coachId?: string; playerIds: readonly string[] };

export type TeamMemberField = 'playerIds' | 'coachIds';

/** The only code that touches the teams collection. */
@Injectable()
export class TeamsRepository {
  constructor(@InjectModel(TeamDoc.name) private readonly teams: Model<TeamDoc>) {}

  async create(profile: TeamProfile, createdBy: string, coachIds: string[]): Promise<TeamRecord> {
    const doc = await this.teams.create({ ...profile, createdBy: oid(createdBy), coachIds: coachIds.map(oid) });
    return toRecord(doc.toObject() as TeamLean);
  }

  async findById(id: string): Promise<TeamRecord | null> {
    const doc = await this.teams.findById(id).lean<TeamLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findByIds(ids: readonly string[]): Promise<TeamRecord[]> {
    if (ids.length === 0) return [];
    const docs = await this.teams
      .find({ _id: { $in: ids.map(oid) } })
      .lean<TeamLean[]>()
      .exec();
    return docs.map(toRecord);
  }

  /** The teams a player plays in. */
  async forPlayer(playerId: string): Promise<TeamRecord[]> {
    const docs = await this.teams
      .find({ playerIds: oid(playerId) })
      .sort({ season: -1, name: 1 })
      .lean<TeamLean[]>()
      .exec();
    return docs.map(toRecord);
  }

  /** Everyone who coaches a player through a team: the access policy's team half. */
  async coachIdsForPlayer(playerId: string): Promise<string[]> {
    const docs = await this.teams
      .find({ playerIds: oid(playerId) })
      .select({ coachIds: 1, _id: 0 })
      .lean<{ coachIds?: Types.ObjectId[] }[]>()
      .exec();
    return [...new Set(docs.flatMap((d) => (d.coachIds ?? []).map((id) => id.toHexString())))];
  }

  /** Every player of the teams a coach coaches. */
  async playerIdsCoachedBy(coachId: string): Promise<string[]> {
    const docs = await this.teams
      .find({ coachIds: oid(coachId) })
      .select({ playerIds: 1, _id: 0 })
      .lean<{ playerIds?: Types.ObjectId[] }[]>()
      .exec();
    return [...new Set(docs.flatMap((d) => (d.playerIds ?? []).map((id) => id.toHexString())))];
  }

  async list(
    scope: TeamListScope,
    filter: { season?: string },
    skip: number,
    limit: number,
  ): Promise<{ items: TeamRecord[]; total: number }> {
    const query: QueryFilter<TeamDoc> = {};
    if (scope.kind === 'members') {
      const or: QueryFilter<TeamDoc>[] = [];
      if (scope.coachId) or.push({ coachIds: oid(scope.coachId) });
      if (scope.playerIds.length > 0) or.push({ playerIds: { $in: scope.playerIds.map(oid) } });
      if (or.length === 0) return { items: [], total: 0 };
      query.$or = or;
    }
    if (filter.season) query.season = filter.season;
    const [docs, total] = await Promise.all([
      this.teams.find(query).sort({ season: -1, name: 1, _id: 1 }).skip(skip).limit(limit).lean<TeamLean[]>().exec(),
      this.teams.countDocuments(query).exec(),
    ]);
    return { items: docs.map(toRecord), total };
  }

  update(id: string, changes: Partial<TeamProfile>): Promise<TeamRecord | null> {
    return this.updateById(id, { $set: changes });
  }

  addMember(id: string, field: TeamMemberField, memberId: string): Promise<TeamRecord | null> {
    return this.updateById(id, { $addToSet: { [field]: oid(memberId) } });
  }

  removeMember(id: string, field: TeamMemberField, memberId: string): Promise<TeamRecord | null> {
    return this.updateById(id, { $pull: { [field]: oid(memberId) } });
  }

  /** A deleted player leaves every team. */
  async removePlayerEverywhere(playerId: string): Promise<void> {
    await this.teams.updateMany({ playerIds: oid(playerId) }, { $pull: { playerIds: oid(playerId) } }).exec();
  }

  async delete(id: string): Promise<boolean> {
    return (await this.teams.deleteOne({ _id: oid(id) }).exec()).deletedCount === 1;
  }

  private async updateById(id: string, update: UpdateQuery<TeamDoc>): Promise<TeamRecord | null> {
    const doc = await this.teams
      .findByIdAndUpdate(id, update, { returnDocument: 'after', runValidators: true })
      .lean<TeamLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }
}
