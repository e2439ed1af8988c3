import { Injectable } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { RuleProblem } from '../common/errors/problem';
import { parseCalendarDate } from '../common/validation/calendar-date';
import { PlayerAccessService } from '../players/player-access.service';
import { exactAgeYears, PlayerRecord } from '../players/player.record';
import { estimateVo2max } from '../vo2/domain/vo2-formulas';
import type { Vo2TableReference } from '../vo2/domain/vo2-norms';
import { Vo2Service } from '../vo2/vo2.service';
import { AssessmentRecord } from './assessment.record';
import { vo2InputsFromTests } from './assessment-summary.service';
import { AssessmentsRepository } from './assessments.repository';
import { bodyMassIndex } from './domain/anthropometry';
import { PHYSICAL_TEST_BOUNDS, PHYSICAL_TESTS, PhysicalTest, Rating, RATINGS } from './domain/assessment-metrics';
import { NormResult, physicalTestNorm } from './domain/norms';
import { NormTable } from './domain/norm-tables';
import { changeSummary, leastSquaresSlopePerMonth } from './domain/statistics';
import { NormsService } from './norms.service';

export const PROGRESS_METRICS = [...PHYSICAL_TESTS, ...RATINGS, 'heightCm', 'weightKg', 'bmi', 'vo2max'] as const;
export type ProgressMetric = (typeof PROGRESS_METRICS)[number];

export interface ProgressPoint {
  date: Date;
  value: number;
  /** Against norms for the player's age at that date and sex, when norms exist. */
  percentile: number | null;
  /** For physical tests: the percentile with its reference, method and age definition; null otherwise. */
  norm: NormResult | null;
  /** For VO2max: the table the percentile was read from; null otherwise. */
  percentileReference: Vo2TableReference | null;
  /** Where the value comes from: an assessment, or a stored VO2max test. */
  source: 'assessment' | 'vo2-test';
}

export interface MetricProgress {
  metric: ProgressMetric;
  unit: string;
  count: number;
  points: ProgressPoint[];
  changeSinceFirst: number | null;
  changeSinceLast: number | null;
  changePctSinceFirst: number | null;
  /** Least-squares slope, units per month. */
  trendPerMonth: number | null;
}

const UNITS: Record<string, string> = { heightCm: 'cm', weightKg: 'kg', bmi: 'kg/m²', vo2max: 'ml/kg/min' };
const round = (n: number | null, digits = 3) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/** Time series of any assessment metric or VO2max, with changes, trend and percentile path. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly access: PlayerAccessService,
    private readonly vo2: Vo2Service,
    private readonly normReferences: NormsService,
  ) {}

  /** `from` and `to` are validated `YYYY-MM-DD` dates, both inclusive. */
  async metric(
    caller: AuthUser,
    playerId: string,
    metric: ProgressMetric,
    fromDate?: string,
    toDate?: string,
  ): Promise<MetricProgress> {
    const from = fromDate ? parseCalendarDate(fromDate)! : undefined;
    const to = toDate ? parseCalendarDate(toDate)! : undefined;
    if (from && to && from > to) throw new RuleProblem([{ path: 'to', message: 'to must not be before from' }]);
    const player = await this.access.findViewable(caller, playerId);
    const history = await this.assessments.historyForPlayer(playerId, from, to);
    return this.series(player, metric, history, await this.normReferences.tables(), from, to);
  }

  async overview(caller: AuthUser, playerId: string): Promise<MetricProgress[]> {
    const player = await this.access.findViewable(caller, playerId);
    const history = await this.assessments.historyForPlayer(playerId);
    const tables = await this.normReferences.tables();
    const all = await Promise.all(PROGRESS_METRICS.map((m) => this.series(player, m, history, tables)));
    return all.filter((p) => p.count > 0).map((p) => ({ ...p, points: p.points.slice(-1) }));
  }

  private async series(
    player: PlayerRecord,
    metric: ProgressMetric,
    history: AssessmentRecord[],
    tables: readonly NormTable[],
    from?: Date,
    to?: Date,
  ): Promise<MetricProgress> {
    const points =
      metric === 'vo2max'
        ? await this.vo2Points(player, history, from, to)
        : valuePoints(player, metric, history, tables);
    const summary = changeSummary(points);
    return {
      metric,
      unit: unitOf(metric),
      count: points.length,
      points,
      changeSinceFirst: round(summary?.changeSinceFirst ?? null),
      changeSinceLast: round(summary?.changeSinceLast ?? null),
      changePctSinceFirst: round(summary?.changePctSinceFirst ?? null, 1),
      trendPerMonth: round(leastSquaresSlopePerMonth(points)),
    };
  }

  /** VO2max from stored tests and from field tests inside assessments, merged by date. */
  private async vo2Points(
    player: PlayerRecord,
    history: AssessmentRecord[],
    from?: Date,
    to?: Date,
  ): Promise<ProgressPoint[]> {
    const classify = await this.vo2.classifier();
    const points: ProgressPoint[] = (await this.vo2.testHistory(player.id, from, to)).map((t) => ({
      date: t.date,
      value: t.vo2max,
      percentile: t.percentile,
      norm: null,
      percentileReference: t.percentileReference,
      source: 'vo2-test',
    }));
    for (const assessment of history) {
      const age = Math.floor(exactAgeYears(player.dateOfBirth, assessment.date));
      for (const { inputs } of vo2InputsFromTests(assessment.tests)) {
        const estimate = estimateVo2max({ ...inputs, age, sex: player.sex });
        if (!estimate.ok) continue;
        const { percentile, percentileReference } = classify(estimate.vo2max, age, player.sex);
        points.push({
          date: assessment.date,
          value: estimate.vo2max,
          percentile,
          norm: null,
          percentileReference,
          source: 'assessment',
        });
        break; // one estimate per assessment: the first protocol present
      }
    }
    return points.sort((a, b) => a.date.getTime() - b.date.getTime());
  }
}

function unitOf(metric: ProgressMetric): string {
  if (UNITS[metric]) return UNITS[metric];
  if ((PHYSICAL_TESTS as readonly string[]).includes(metric)) return PHYSICAL_TEST_BOUNDS[metric as PhysicalTest].unit;
  return 'rating 1-10';
}

function valuePoints(
  player: PlayerRecord,
  metric: ProgressMetric,
  history: AssessmentRecord[],
  tables: readonly NormTable[],
): ProgressPoint[] {
  const points: ProgressPoint[] = [];
  for (const a of history) {
    const value = valueOf(a, metric, player);
    if (value === undefined) continue;
    const isTest = (PHYSICAL_TESTS as readonly string[]).includes(metric);
    const norm = isTest
      ? physicalTestNorm(metric as PhysicalTest, value, exactAgeYears(player.dateOfBirth, a.date), player.sex, tables)
      : null;
    points.push({
      date: a.date,
      value,
      percentile: norm?.percentile ?? null,
      norm,
      percentileReference: null,
      source: 'assessment',
    });
  }
  return points;
}

function valueOf(a: AssessmentRecord, metric: ProgressMetric, player: PlayerRecord): number | undefined {
  switch (metric) {
    case 'heightCm':
      return a.heightCm;
    case 'weightKg':
      return a.weightKg;
    case 'bmi': {
      const h = a.heightCm ?? player.heightCm;
      return h !== undefined && a.weightKg !== undefined ? bodyMassIndex(h, a.weightKg) : undefined;
    }
    case 'vo2max':
      return undefined;
    default:
      return (PHYSICAL_TESTS as readonly string[]).includes(metric)
        ? a.tests[metric as PhysicalTest]
        : a.ratings[metric as Rating];
  }
}
