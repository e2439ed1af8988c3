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
  constructor(@InjectModel(Assessment.name) private readonly assessments: Model<Assessment>) {}

  async create(data: AssessmentData): Promise<AssessmentRecord> {
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
  async cohortCounts(
    test: PhysicalTest,
    playerIds: readonly string[],
    since: Date,
    value: number,
    lowerIsBetter: boolean,
  ): Promise<{ others: number; worse: number; equal: number }> {
    if (playerIds.length === 0) return { others: 0, worse: 0, equal: 0 };
    const field = `tests.${test}`;
    const [row] = await this.assessments
      .aggregate<{ others: number; worse: number; equal: number }>([
        {
          $match: {
            playerId: { $in: playerIds.map((id) => new Types.ObjectId(id)) },
            date: { $gte: since },
            [field]: { $exists: true, $ne: null },
          },
        },
        { $sort: { playerId: 1, date: -1, _id: -1 } },
        { $group: { _id: '$playerId', value: { $first: `$${field}` } } },
        {
          $group: {
            _id: null,
            others: { $sum: 1 },
            worse: { $sum: { $cond: [{ [lowerIsBetter ? '$gt' : '$lt']: ['$value', value] }, 1, 0] } },
            equal: { $sum: { $cond: [{ $eq: ['$value', value] }, 1, 0] } },
          },
        },
      ])
      .exec();
    return row ? { others: row.others, worse: row.worse, equal: row.equal } : { others: 0, worse: 0, equal: 0 };
  }

  async update(id: string, update: UpdateQuery<Assessment>): Promise<AssessmentRecord | null> {
    const doc = await this.assessments
      .findByIdAndUpdate(id, update, { returnDocument: 'after', runValidators: true })
      .lean<AssessmentLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.assessments.deleteOne({ _id: new Types.ObjectId(id) }).exec()).deletedCount === 1;
  }

  async deleteForPlayer(playerId: string): Promise<void> {
    await this.assessments.deleteMany({ playerId: new Types.ObjectId(playerId) }).exec();
  }
}
