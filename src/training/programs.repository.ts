import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import type { PlannedSession } from './domain/program';
import { ProgramData, ProgramRecord, ProgramSummary } from './program.record';
import { ProgramDoc } from './schemas/program.schema';
import { TrainingRevisions } from './training-revisions.repository';

type ProgramLean = ProgramDoc & { _id: Types.ObjectId };

/** Everything but the weeks, which lists leave out. */
const withoutWeeks = (doc: Omit<ProgramLean, 'weeks'>): Omit<ProgramRecord, 'weeks'> => ({
  id: doc._id.toHexString(),
  playerId: doc.playerId.toHexString(),
  kind: doc.kind,
  startDate: doc.startDate,
  endDate: doc.endDate,
  sessionsPerWeek: doc.sessionsPerWeek,
  availableDays: doc.availableDays,
  focus: doc.focus ?? [],
  fixtures: doc.fixtures ?? [],
  // Programmes stored before adjustments were recorded had none.
  adjustments: doc.adjustments ?? [],
  seed: doc.seed,
  assessmentId: doc.assessmentId.toHexString(),
  ageYears: doc.ageYears,
  drillSource: doc.drillSource,
  ...(doc.drillVersion !== undefined && doc.drillVersion !== null ? { drillVersion: doc.drillVersion } : {}),
  totalPlannedLoad: doc.totalPlannedLoad,
  safety: doc.safety,
  createdBy: doc.createdBy.toHexString(),
  createdAt: doc.createdAt,
});

const toRecord = (doc: ProgramLean): ProgramRecord => ({ ...withoutWeeks(doc), weeks: doc.weeks });

/** The only code that touches the programmes collection. */
@Injectable()
export class ProgramsRepository {
  constructor(
    @InjectModel(ProgramDoc.name) private readonly programs: Model<ProgramDoc>,
    private readonly revisions: TrainingRevisions,
  ) {}

  /**
   * Written straight through the driver: a programme is some 200 KB of plain data built and checked
   * by the service, and hydrating it into a Mongoose document only to copy it back costs more than
   * the write. The record returned is the data in hand.
   */
  async create(data: ProgramData): Promise<ProgramRecord> {
    const now = new Date();
    const doc: ProgramLean = {
      ...data,
      _id: new Types.ObjectId(),
      playerId: new Types.ObjectId(data.playerId),
      assessmentId: new Types.ObjectId(data.assessmentId),
      createdBy: new Types.ObjectId(data.createdBy),
      createdAt: now,
      updatedAt: now,
    };
    await this.programs.collection.insertOne(doc);
    await this.revisions.bump(data.playerId);
    return toRecord(doc);
  }

  async findById(id: string): Promise<ProgramRecord | null> {
    const doc = await this.programs.findById(id).lean<ProgramLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  /** Newest first, without the weeks (a list shows what each programme is, not its sessions). */
  async listForPlayer(
    playerId: string,
    skip: number,
    limit: number,
  ): Promise<{ items: ProgramSummary[]; total: number }> {
    const filter = { playerId: new Types.ObjectId(playerId) };
    const [docs, total] = await Promise.all([
      this.programs
        .aggregate<Omit<ProgramLean, 'weeks'> & { weekCount: number }>([
          { $match: filter },
          { $sort: { createdAt: -1, _id: -1 } },
          { $skip: skip },
          { $limit: limit },
          { $addFields: { weekCount: { $size: '$weeks' } } },
          { $project: { weeks: 0 } },
        ])
        .exec(),
      this.programs.countDocuments(filter).exec(),
    ]);
    return { items: docs.map((doc) => ({ ...withoutWeeks(doc), weekCount: doc.weekCount })), total };
  }

  /**
   * The planned sessions of these players' programmes that fall within the dates, with their programme
   * (dashboards, calendars). Unwound in the database, so only the sessions asked for travel.
   */
  async plannedSessionsBetween(
    playerIds: readonly string[],
    from: string,
    to: string,
  ): Promise<{ programId: string; playerId: string; kind: ProgramRecord['kind']; session: PlannedSession }[]> {
    if (playerIds.length === 0) return [];
    const rows = await this.programs
      .aggregate<{
        _id: Types.ObjectId;
        playerId: Types.ObjectId;
        kind: ProgramRecord['kind'];
        session: PlannedSession;
      }>([
        {
          $match: {
            playerId: { $in: playerIds.map((id) => new Types.ObjectId(id)) },
            startDate: { $lte: to },
            endDate: { $gte: from },
          },
        },
        { $unwind: '$weeks' },
        { $unwind: '$weeks.sessions' },
        { $match: { 'weeks.sessions.date': { $gte: from, $lte: to } } },
        { $project: { playerId: 1, kind: 1, session: '$weeks.sessions' } },
        { $sort: { 'session.date': 1, _id: 1 } },
      ])
      .exec();
    return rows.map((r) => ({
      programId: r._id.toHexString(),
      playerId: r.playerId.toHexString(),
      kind: r.kind,
      session: r.session,
    }));
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.programs
      .findOneAndDelete({ _id: new Types.ObjectId(id) })
      .select({ playerId: 1 })
      .lean<{ playerId: Types.ObjectId }>()
      .exec();
    if (deleted) await this.revisions.bump(deleted.playerId);
    return deleted !== null;
  }

  async deleteForPlayer(playerId: string): Promise<void> {
    await this.programs.deleteMany({ playerId: new Types.ObjectId(playerId) }).exec();
    await this.revisions.bump(playerId);
  }
}
