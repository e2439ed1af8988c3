import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { dateRangeFilter } from '../common/database/date-range';
import type { DateWindow } from '../common/domain/date-window';
import { FixtureData, FixtureRecord, TeamSessionData, TeamSessionRecord } from './domain/team';
import { FixtureDoc } from './schemas/fixture.schema';
import { TeamSessionDoc } from './schemas/team-session.schema';

type FixtureLean = FixtureDoc & { _id: Types.ObjectId };
type SessionLean = TeamSessionDoc & { _id: Types.ObjectId };

const oid = (id: string) => new Types.ObjectId(id);

const toFixture = (doc: FixtureLean): FixtureRecord => ({
  id: doc._id.toHexString(),
  teamId: doc.teamId.toHexString(),
  date: doc.date,
  kickOff: doc.kickOff,
  opponent: doc.opponent,
  venue: doc.venue,
  importance: doc.importance,
  createdBy: doc.createdBy.toHexString(),
  createdAt: doc.createdAt,
});

const toSession = (doc: SessionLean): TeamSessionRecord => ({
  id: doc._id.toHexString(),
  teamId: doc.teamId.toHexString(),
  date: doc.date,
  startTime: doc.startTime,
  durationMin: doc.durationMin,
  intensity: doc.intensity,
  targetRpe: doc.targetRpe,
  drills: (doc.drills ?? []).map(({ drillId, minutes }) => ({ drillId, minutes })),
  ...(doc.notes ? { notes: doc.notes } : {}),
  createdBy: doc.createdBy.toHexString(),
  createdAt: doc.createdAt,
});

/** The only code that touches team fixtures and team sessions. */
@Injectable()
export class TeamScheduleRepository {
  constructor(
    @InjectModel(FixtureDoc.name) private readonly fixtures: Model<FixtureDoc>,
    @InjectModel(TeamSessionDoc.name) private readonly sessions: Model<TeamSessionDoc>,
  ) {}

  async createFixture(data: FixtureData): Promise<FixtureRecord> {
    const doc = await this.fixtures.create({ ...data, teamId: oid(data.teamId), createdBy: oid(data.createdBy) });
    return toFixture(doc.toObject() as FixtureLean);
  }

  async findFixture(id: string): Promise<FixtureRecord | null> {
    const doc = await this.fixtures.findById(id).lean<FixtureLean>().exec();
    return doc ? toFixture(doc) : null;
  }

  /** Fixtures of these teams in the window, in date order. */
  async fixturesOf(teamIds: readonly string[], window: DateWindow): Promise<FixtureRecord[]> {
    if (teamIds.length === 0) return [];
    const docs = await this.fixtures
      .find({ teamId: { $in: teamIds.map(oid) }, ...dateRangeFilter(window.from, window.to) })
      .sort({ date: 1, kickOff: 1, _id: 1 })
      .lean<FixtureLean[]>()
      .exec();
    return docs.map(toFixture);
  }

  async deleteFixture(id: string): Promise<boolean> {
    return (await this.fixtures.deleteOne({ _id: oid(id) }).exec()).deletedCount === 1;
  }

  async createSession(data: TeamSessionData): Promise<TeamSessionRecord> {
    const doc = await this.sessions.create({ ...data, teamId: oid(data.teamId), createdBy: oid(data.createdBy) });
    return toSession(doc.toObject() as SessionLean);
  }

  async findSession(id: string): Promise<TeamSessionRecord | null> {
    const doc = await this.sessions.findById(id).lean<SessionLean>().exec();
    return doc ? toSession(doc) : null;
  }

  /** Sessions of these teams in the window, in time order. */
  async sessionsOf(teamIds: readonly string[], window: DateWindow): Promise<TeamSessionRecord[]> {
    if (teamIds.length === 0) return [];
    const docs = await this.sessions
      .find({ teamId: { $in: teamIds.map(oid) }, ...dateRangeFilter(window.from, window.to) })
      .sort({ date: 1, startTime: 1, _id: 1 })
      .lean<SessionLean[]>()
      .exec();
    return docs.map(toSession);
  }

  async deleteSession(id: string): Promise<boolean> {
    return (await this.sessions.deleteOne({ _id: oid(id) }).exec()).deletedCount === 1;
  }

  /** A deleted team takes its fixture list and sessions with it. */
  async deleteForTeam(teamId: string): Promise<void> {
    await Promise.all([
      this.fixtures.deleteMany({ teamId: oid(teamId) }).exec(),
      this.sessions.deleteMany({ teamId: oid(teamId) }).exec(),
    ]);
  }
}
