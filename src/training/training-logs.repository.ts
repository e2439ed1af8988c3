import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { dateRangeFilter } from '../common/database/date-range';
import { LoadEntry } from './domain/load-monitoring';
import { TrainingLogDoc } from './schemas/training-log.schema';
import { TrainingLogData, TrainingLogRecord } from './training-log.record';
import { TrainingRevisions } from './training-revisions.repository';

type LogLean = TrainingLogDoc & { _id: Types.ObjectId };

const toRecord = (doc: LogLean): TrainingLogRecord => ({
  id: doc._id.toHexString(),
  playerId: doc.playerId.toHexString(),
  date: doc.date,
  kind: doc.kind,
  status: doc.status,
  durationMin: doc.durationMin,
  rpe: doc.rpe,
  load: doc.load,
  ...(doc.programId ? { programId: doc.programId.toHexString(), sessionId: doc.sessionId } : {}),
  ...(doc.teamSessionId ? { teamSessionId: doc.teamSessionId.toHexString() } : {}),
  ...(doc.notes ? { notes: doc.notes } : {}),
  loggedBy: doc.loggedBy.toHexString(),
  createdAt: doc.createdAt,
});

const plannedKey = (programId: string, sessionId: string) => `${programId}:${sessionId}`;
const teamSessionKey = (teamSessionId: string, playerId: string) => `team-session:${teamSessionId}:${playerId}`;

/** The only code that touches the training logs. */
@Injectable()
export class TrainingLogsRepository {
  constructor(
    @InjectModel(TrainingLogDoc.name) private readonly logs: Model<TrainingLogDoc>,
    private readonly revisions: TrainingRevisions,
  ) {}

  async create(data: TrainingLogData): Promise<TrainingLogRecord> {
    const doc = await this.logs.create({
      ...data,
      playerId: new Types.ObjectId(data.playerId),
      loggedBy: new Types.ObjectId(data.loggedBy),
      ...(data.programId && data.sessionId
        ? { programId: new Types.ObjectId(data.programId), plannedKey: plannedKey(data.programId, data.sessionId) }
        : {}),
      ...(data.teamSessionId
        ? {
            teamSessionId: new Types.ObjectId(data.teamSessionId),
            plannedKey: teamSessionKey(data.teamSessionId, data.playerId),
          }
        : {}),
    });
    await this.revisions.bump(data.playerId);
    return toRecord(doc.toObject() as LogLean);
  }

  async findById(id: string): Promise<TrainingLogRecord | null> {
    const doc = await this.logs.findById(id).lean<LogLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findPlanned(programId: string, sessionId: string): Promise<TrainingLogRecord | null> {
    const doc = await this.logs
      .findOne({ plannedKey: plannedKey(programId, sessionId) })
      .lean<LogLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  /** Every player's log of one team session. */
  async forTeamSession(teamSessionId: string): Promise<TrainingLogRecord[]> {
    const docs = await this.logs
      .find({ teamSessionId: new Types.ObjectId(teamSessionId) })
      .lean<LogLean[]>()
      .exec();
    return docs.map(toRecord);
  }

  /** The logs of these players within the dates, oldest first (dashboards, calendars). */
  async forPlayersBetween(playerIds: readonly string[], from: string, to: string): Promise<TrainingLogRecord[]> {
    if (playerIds.length === 0) return [];
    const docs = await this.logs
      .find({ playerId: { $in: playerIds.map((id) => new Types.ObjectId(id)) }, date: { $gte: from, $lte: to } })
      .sort({ date: 1, _id: 1 })
      .lean<LogLean[]>()
      .exec();
    return docs.map(toRecord);
  }

  /** The logs of one programme's sessions, for showing what was done of it. */
  async forProgram(programId: string): Promise<TrainingLogRecord[]> {
    const docs = await this.logs
      .find({ programId: new Types.ObjectId(programId) })
      .lean<LogLean[]>()
      .exec();
    return docs.map(toRecord);
  }

  /** Newest first, within an optional date range. */
  async listForPlayer(
    playerId: string,
    range: { from?: string; to?: string },
    skip: number,
    limit: number,
  ): Promise<{ items: TrainingLogRecord[]; total: number }> {
    const filter = { playerId: new Types.ObjectId(playerId), ...dateRangeFilter(range.from, range.to) };
    const [docs, total] = await Promise.all([
      this.logs.find(filter).sort({ date: -1, _id: -1 }).skip(skip).limit(limit).lean<LogLean[]>().exec(),
      this.logs.countDocuments(filter).exec(),
    ]);
    return { items: docs.map(toRecord), total };
  }

  /** Every entry on or before `to`: load history starts at the player's first entry. */
  async loadEntries(playerId: string, to: string): Promise<LoadEntry[]> {
    const docs = await this.logs
      .find({ playerId: new Types.ObjectId(playerId), date: { $lte: to } })
      .select({ date: 1, durationMin: 1, rpe: 1, status: 1, kind: 1, _id: 0 })
      .lean<LoadEntry[]>()
      .exec();
    return docs.map(({ date, durationMin, rpe, status, kind }) => ({ date, durationMin, rpe, status, kind }));
  }

  /** `loadEntries` of many players in one read, by player id. */
  async loadEntriesOf(playerIds: readonly string[], to: string): Promise<Map<string, LoadEntry[]>> {
    const byPlayer = new Map<string, LoadEntry[]>();
    if (playerIds.length === 0) return byPlayer;
    const docs = await this.logs
      .find({ playerId: { $in: playerIds.map((id) => new Types.ObjectId(id)) }, date: { $lte: to } })
      .select({ playerId: 1, date: 1, durationMin: 1, rpe: 1, status: 1, kind: 1, _id: 0 })
      .lean<(LoadEntry & { playerId: Types.ObjectId })[]>()
      .exec();
    for (const { playerId, date, durationMin, rpe, status, kind } of docs) {
      const id = playerId.toHexString();
      const entries = byPlayer.get(id) ?? [];
      if (entries.length === 0) byPlayer.set(id, entries);
      entries.push({ date, durationMin, rpe, status, kind });
    }
    return byPlayer;
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.logs
      .findOneAndDelete({ _id: new Types.ObjectId(id) })
      .select({ playerId: 1 })
      .lean<{ playerId: Types.ObjectId }>()
      .exec();
    if (deleted) await this.revisions.bump(deleted.playerId);
    return deleted !== null;
  }

  async deleteForPlayer(playerId: string): Promise<void> {
    await this.logs.deleteMany({ playerId: new Types.ObjectId(playerId) }).exec();
    await this.revisions.bump(playerId);
  }
}
