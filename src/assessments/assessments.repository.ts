import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types, UpdateQuery } from 'mongoose';
import { dateRangeFilter } from '../common/database/date-range';
import { AssessmentData, AssessmentRecord } from './assessment.record';
import { PhysicalTest } from './domain/assessment-metrics';
import { Assessment } from './schemas/assessment.schema';

type AssessmentLean = Assessment & { _id: Types.ObjectId };

const toRecord = (doc: AssessmentLean): AssessmentRecord => ({
  id: doc._id.toHexString(),
  playerId: doc.playerId.toHexString(),
  date: doc.date,
  assessedBy: doc.assessedBy.toHexString(),
  heightCm: doc.heightCm ?? undefined,
  weightKg: doc.weightKg ?? undefined,
  sittingHeightCm: doc.sittingHeightCm ?? undefined,
  tests: doc.tests ?? {},
  ratings: doc.ratings ?? {},
  notes: doc.notes ?? undefined,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

/** The only code that touches the assessments collection. */
@Injectable()
export class AssessmentsRepository {
  /** Writes through this instance, so what is cached from assessments (cohorts) knows it is stale. */
  private writes = 0;

  constructor(@InjectModel(Assessment.name) private readonly assessments: Model<Assessment>) {}

  get writeCount(): number {
    return this.writes;
  }

  async create(data: AssessmentData): Promise<AssessmentRecord> {
    this.writes++;
    const doc = await this.assessments.create({
      ...data,
      playerId: new Types.ObjectId(data.playerId),
      assessedBy: new Types.ObjectId(data.assessedBy),
    });
    return toRecord(doc.toObject());
  }

  async findById(id: string): Promise<AssessmentRecord | null> {
    const doc = await this.assessments.findById(id).lean<AssessmentLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  /** Newest first. */
  async listForPlayer(
    playerId: string,
    skip: number,
    limit: number,
  ): Promise<{ items: AssessmentRecord[]; total: number }> {
    const filter = { playerId: new Types.ObjectId(playerId) };
    const [docs, total] = await Promise.all([
      this.assessments.find(filter).sort({ date: -1, _id: -1 }).skip(skip).limit(limit).lean<AssessmentLean[]>().exec(),
      this.assessments.countDocuments(filter).exec(),
    ]);
    return { items: docs.map(toRecord), total };
  }

  /** The most recent by date (then by creation), or null when the player has none. */
  async latestForPlayer(playerId: string): Promise<AssessmentRecord | null> {
    const doc = await this.assessments
      .findOne({ playerId: new Types.ObjectId(playerId) })
      .sort({ date: -1, _id: -1 })
      .lean<AssessmentLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  /** Each player's most recent assessment dated before `before`, in one read; players without one are absent. */
  async latestForPlayers(playerIds: readonly string[], before: Date): Promise<Map<string, AssessmentRecord>> {
    const latest = new Map<string, AssessmentRecord>();
    if (playerIds.length === 0) return latest;
    const docs = await this.assessments
      .find({ playerId: { $in: playerIds.map((id) => new Types.ObjectId(id)) }, date: { $lt: before } })
      .sort({ date: -1, _id: -1 })
      .lean<AssessmentLean[]>()
      .exec();
    for (const doc of docs) {
      const playerId = doc.playerId.toHexString();
      if (!latest.has(playerId)) latest.set(playerId, toRecord(doc));
    }
    return latest;
  }

  /** The sprint times of every assessment of the player that timed a sprint. */
  async sprintTimesForPlayer(
    playerId: string,
  ): Promise<Partial<Record<'sprint10mS' | 'sprint20mS' | 'sprint30mS', number>>[]> {
    const docs = await this.assessments
      .find(
        {
          playerId: new Types.ObjectId(playerId),
          $or: [
            { 'tests.sprint10mS': { $gt: 0 } },
            { 'tests.sprint20mS': { $gt: 0 } },
            { 'tests.sprint30mS': { $gt: 0 } },
          ],
        },
        { 'tests.sprint10mS': 1, 'tests.sprint20mS': 1, 'tests.sprint30mS': 1 },
      )
      .lean<{ tests?: Partial<Record<'sprint10mS' | 'sprint20mS' | 'sprint30mS', number>> }[]>()
      .exec();
    return docs.map((d) => d.tests ?? {});
  }

  /** Oldest first, within an optional date range: the raw material of progress series. */
  async historyForPlayer(playerId: string, from?: Date, to?: Date): Promise<AssessmentRecord[]> {
    const filter = { playerId: new Types.ObjectId(playerId), ...dateRangeFilter(from, to) };
    const docs = await this.assessments.find(filter).sort({ date: 1, _id: 1 }).lean<AssessmentLean[]>().exec();
    return docs.map(toRecord);
  }

  /**
   * How `value` compares with the latest result (by date, then creation) of `test` of each of `playerIds` dated on
   * or after `since`, computed by the database: how many are worse and how many equal.
   */
  /**
   * Every player's latest result of each test on or after `since`, in one pass over the window
   * (newest first; the first value seen per player and test is the latest). One scan serves every
   * cohort, where a query per cohort and test with the players' ids in `$in` cost a scan each.
   */
  async latestResultsSince(since: Date): Promise<Map<string, Partial<Record<PhysicalTest, number>>>> {
    const docs = await this.assessments
      .find({ date: { $gte: since } }, { playerId: 1, tests: 1 })
      .sort({ date: -1, _id: -1 })
      .lean<{ playerId: Types.ObjectId; tests?: Partial<Record<PhysicalTest, number | null>> }[]>()
      .exec();
    const latest = new Map<string, Partial<Record<PhysicalTest, number>>>();
    for (const doc of docs) {
      const id = doc.playerId.toHexString();
      let results = latest.get(id);
      if (!results) latest.set(id, (results = {}));
      for (const [test, value] of Object.entries(doc.tests ?? {}) as [PhysicalTest, number | null][]) {
        if (typeof value === 'number' && results[test] === undefined) results[test] = value;
      }
    }
    return latest;
  }

  async update(id: string, update: UpdateQuery<Assessment>): Promise<AssessmentRecord | null> {
    this.writes++;
    const doc = await this.assessments
      .findByIdAndUpdate(id, update, { returnDocument: 'after', runValidators: true })
      .lean<AssessmentLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  async delete(id: string): Promise<boolean> {
    this.writes++;
    return (await this.assessments.deleteOne({ _id: new Types.ObjectId(id) }).exec()).deletedCount === 1;
  }

  async deleteForPlayer(playerId: string): Promise<void> {
    this.writes++;
    await this.assessments.deleteMany({ playerId: new Types.ObjectId(playerId) }).exec();
  }
}
