import { Injectable, Logger, NotFoundException, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { Sex } from '../common/domain/enums';
import { ProblemException, RuleProblem } from '../common/errors/problem';
import { Page, skipFor } from '../common/pagination/pagination.dto';
import { PlayerAccessService } from '../players/player-access.service';
import { PlayerLifecycle } from '../players/player-lifecycle';
import { exactAgeYears } from '../players/player.record';
import { estimateVo2max, Vo2Inputs, Vo2Protocol } from './domain/vo2-formulas';
import {
  classifyVo2max,
  findOverlap,
  SEED_VO2_BENCHMARKS,
  validateBenchmark,
  Vo2Benchmark,
  vo2TableReference,
  Vo2TableReference,
} from './domain/vo2-norms';
import { Vo2BenchmarkRecord, Vo2Repository, Vo2TestRecord } from './vo2.repository';

export interface ClassifiedEstimate {
  vo2max: number;
  protocol: Vo2Protocol;
  formula: string;
  reference: string;
  band: string | null;
  percentile: number | null;
  /** The table the band and percentile were read from; null when no table covers the sex and age. */
  percentileReference: Vo2TableReference | null;
}

/** A band and percentile with the table they were read from. */
export type Vo2Classification = Pick<ClassifiedEstimate, 'band' | 'percentile' | 'percentileReference'>;

/** VO2max estimates, stored tests and the norm tables they are classified against. */
@Injectable()
export class Vo2Service implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(Vo2Service.name);

  constructor(
    private readonly repository: Vo2Repository,
    private readonly access: PlayerAccessService,
    private readonly lifecycle: PlayerLifecycle,
  ) {}

  onModuleInit(): void {
    this.lifecycle.whenDeleted((playerId) => this.repository.deleteTestsForPlayer(playerId));
  }

  /** Seeds the published tables into an empty collection; admins manage them afterwards. */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.repository.countBenchmarks()) > 0) return;
    await this.repository.insertBenchmarks(SEED_VO2_BENCHMARKS);
    this.logger.log({ tables: SEED_VO2_BENCHMARKS.length }, 'VO2max benchmarks seeded');
  }

  /** Estimates and classifies; an input outside the protocol's validated range is a 400 naming it. */
  async estimate(inputs: Vo2Inputs): Promise<ClassifiedEstimate> {
    const result = estimateVo2max(inputs);
    if (!result.ok) throw new RuleProblem([{ path: result.field, message: result.reason }], result.reason);
    const classify = await this.classifier();
    return {
      vo2max: result.vo2max,
      protocol: result.protocol,
      formula: result.formula,
      reference: result.reference,
      ...classify(result.vo2max, inputs.age, inputs.sex),
    };
  }

  /** Classification against the current tables, for estimates made elsewhere (assessment summaries). */
  async classifier(): Promise<(vo2max: number, age: number, sex: Sex) => Vo2Classification> {
    const tables = await this.repository.allBenchmarks();
    return (vo2max, age, sex) => ({
      ...classifyVo2max(vo2max, age, sex, tables),
      percentileReference: vo2TableReference(age, sex, tables),
    });
  }

  async recordTest(
    caller: AuthUser,
    playerId: string,
    date: Date,
    protocol: Vo2Protocol,
    inputs: Omit<Vo2Inputs, 'protocol' | 'age' | 'sex'>,
  ): Promise<Vo2TestRecord> {
    const player = await this.access.findManageable(caller, playerId);
    const age = exactAgeYears(player.dateOfBirth, date);
    const estimate = await this.estimate({ ...inputs, protocol, age: Math.floor(age), sex: player.sex });
    return this.repository.createTest({
      playerId,
      date,
      protocol,
      inputs: Object.fromEntries(Object.entries(inputs).filter(([, v]) => v !== undefined)) as Record<string, number>,
      ageYears: Math.round(age * 10) / 10,
      vo2max: estimate.vo2max,
      formula: estimate.formula,
      reference: estimate.reference,
      band: estimate.band,
      percentile: estimate.percentile,
      percentileReference: estimate.percentileReference,
      recordedBy: caller.id,
    });
  }

  async listTests(caller: AuthUser, playerId: string, page: number, limit: number): Promise<Page<Vo2TestRecord>> {
    await this.access.findViewable(caller, playerId);
    const { items, total } = await this.repository.listTests(playerId, skipFor({ page, limit }), limit);
    return { items, total, page, limit };
  }

  testHistory(playerId: string, from?: Date, to?: Date): Promise<Vo2TestRecord[]> {
    return this.repository.testHistory(playerId, from, to);
  }

  benchmarks(): Promise<Vo2BenchmarkRecord[]> {
    return this.repository.allBenchmarks();
  }

  async createBenchmark(benchmark: Vo2Benchmark): Promise<Vo2BenchmarkRecord> {
    await this.checkBenchmark(benchmark);
    return this.repository.createBenchmark(benchmark);
  }

  async replaceBenchmark(id: string, benchmark: Vo2Benchmark): Promise<Vo2BenchmarkRecord> {
    if (!(await this.repository.findBenchmark(id))) throw new NotFoundException('Benchmark not found.');
    await this.checkBenchmark(benchmark, id);
    const replaced = await this.repository.replaceBenchmark(id, benchmark);
    if (!replaced) throw new NotFoundException('Benchmark not found.');
    return replaced;
  }

  async deleteBenchmark(id: string): Promise<void> {
    if (!(await this.repository.deleteBenchmark(id))) throw new NotFoundException('Benchmark not found.');
  }

  /** Bands ordered and named once (400); no second table for the same sex and ages (409). */
  private async checkBenchmark(benchmark: Vo2Benchmark, replacing?: string): Promise<void> {
    const problems = validateBenchmark(benchmark);
    if (problems.length > 0) throw new RuleProblem(problems, 'The benchmark table is not valid.');
    const others = (await this.repository.allBenchmarks()).filter((b) => b.id !== replacing);
    const overlap = findOverlap(benchmark, others);
    if (overlap) {
      throw new ProblemException(
        409,
        `Ages ${benchmark.ageMin}-${benchmark.ageMax} overlap the ${overlap.sex} table for ages ${overlap.ageMin}-${overlap.ageMax}.`,
        { slug: 'overlapping-benchmark', errors: [{ path: 'ageMin', message: `overlaps benchmark ${overlap.id}` }] },
      );
    }
  }
}
