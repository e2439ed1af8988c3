import type { Vo2TableReference } from './domain/vo2-norms';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { dateRangeFilter } from '../common/database/date-range';
import { Vo2Benchmark } from './domain/vo2-norms';
import { Vo2BenchmarkDoc, Vo2TestDoc } from './schemas/vo2.schema';

export type Vo2BenchmarkRecord = Vo2Benchmark & { id: string };

export interface Vo2TestRecord {
  id: string;
  playerId: string;
  date: Date;
  protocol: Vo2TestDoc['protocol'];
  inputs: Record<string, number>;
  ageYears: number;
  vo2max: number;
  formula: string;
  reference: string;
  band: string | null;
  percentile: number | null;
  percentileReference: Vo2TableReference | null;
  recordedBy: string;
  createdAt: Date;
}

type BenchmarkLean = Vo2BenchmarkDoc & { _id: Types.ObjectId };
type TestLean = Vo2TestDoc & { _id: Types.ObjectId };

const toBenchmark = (d: BenchmarkLean): Vo2BenchmarkRecord => ({
  id: d._id.toHexString(),
  sex: d.sex,
  ageMin: d.ageMin,
  ageMax: d.ageMax,
  bands: d.bands,
  percentiles: d.percentiles ?? [],
  source: d.source,
});

const toTest = (d: TestLean): Vo2TestRecord => ({
  id: d._id.toHexString(),
  playerId: d.playerId.toHexString(),
  date: d.date,
  protocol: d.protocol,
  inputs: d.inputs,
  ageYears: d.ageYears,
  vo2max: d.vo2max,
  formula: d.formula,
  reference: d.reference,
  band: d.band ?? null,
  percentile: d.percentile ?? null,
  percentileReference: d.percentileReference ?? null,
  recordedBy: d.recordedBy.toHexString(),
  createdAt: d.createdAt,
});

/** The only code that touches the VO2max collections. */
@Injectable()
export class Vo2Repository {
  constructor(
    @InjectModel(Vo2BenchmarkDoc.name) private readonly benchmarks: Model<Vo2BenchmarkDoc>,
    @InjectModel(Vo2TestDoc.name) private readonly tests: Model<Vo2TestDoc>,
  ) {}

  async allBenchmarks(): Promise<Vo2BenchmarkRecord[]> {
    const docs = await this.benchmarks.find().sort({ sex: 1, ageMin: 1 }).lean<BenchmarkLean[]>().exec();
    return docs.map(toBenchmark);
  }

  async findBenchmark(id: string): Promise<Vo2BenchmarkRecord | null> {
    const doc = await this.benchmarks.findById(id).lean<BenchmarkLean>().exec();
    return doc ? toBenchmark(doc) : null;
  }

  async countBenchmarks(): Promise<number> {
    return this.benchmarks.estimatedDocumentCount().exec();
  }

  async insertBenchmarks(list: readonly Vo2Benchmark[]): Promise<void> {
    await this.benchmarks.insertMany(list);
  }

  async createBenchmark(b: Vo2Benchmark): Promise<Vo2BenchmarkRecord> {
    const doc = await this.benchmarks.create(b);
    return toBenchmark(doc.toObject());
  }

  async replaceBenchmark(id: string, b: Vo2Benchmark): Promise<Vo2BenchmarkRecord | null> {
    const doc = await this.benchmarks
      .findOneAndReplace({ _id: new Types.ObjectId(id) }, b, { returnDocument: 'after' })
      .lean<BenchmarkLean>()
      .exec();
    return doc ? toBenchmark(doc) : null;
  }

  async deleteBenchmark(id: string): Promise<boolean> {
    return (await this.benchmarks.deleteOne({ _id: new Types.ObjectId(id) }).exec()).deletedCount === 1;
  }

  async createTest(data: Omit<Vo2TestRecord, 'id' | 'createdAt'>): Promise<Vo2TestRecord> {
    const doc = await this.tests.create({
      ...data,
      playerId: new Types.ObjectId(data.playerId),
      recordedBy: new Types.ObjectId(data.recordedBy),
    });
    return toTest(doc.toObject());
  }

  async listTests(playerId: string, skip: number, limit: number): Promise<{ items: Vo2TestRecord[]; total: number }> {
    const filter = { playerId: new Types.ObjectId(playerId) };
    const [docs, total] = await Promise.all([
      this.tests.find(filter).sort({ date: -1, _id: -1 }).skip(skip).limit(limit).lean<TestLean[]>().exec(),
      this.tests.countDocuments(filter).exec(),
    ]);
    return { items: docs.map(toTest), total };
  }

  async deleteTestsForPlayer(playerId: string): Promise<void> {
    await this.tests.deleteMany({ playerId: new Types.ObjectId(playerId) }).exec();
  }

  /** Oldest first, for progress series. */
  async testHistory(playerId: string, from?: Date, to?: Date): Promise<Vo2TestRecord[]> {
    const filter = { playerId: new Types.ObjectId(playerId), ...dateRangeFilter(from, to) };
    return (await this.tests.find(filter).sort({ date: 1, _id: 1 }).lean<TestLean[]>().exec()).map(toTest);
  }
}
