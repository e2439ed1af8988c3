import { Injectable } from '@nestjs/common';
import { Level, Position, Sex } from '../common/domain/enums';
import { PlayerCohorts } from '../players/player-cohorts';
import { PlayerRecord } from '../players/player.record';
import { AssessmentRecord } from './assessment.record';
import { AssessmentsRepository } from './assessments.repository';
import { PHYSICAL_TEST_BOUNDS, PHYSICAL_TESTS, PhysicalTest } from './domain/assessment-metrics';
import {
  COHORT_MIN_PLAYERS,
  CohortWithin,
  COHORT_WINDOW_MONTHS,
  cohortCounts,
  CohortPercentile,
  cohortPercentile,
} from './domain/cohort';

export interface CohortDefinition {
  sex: Sex;
  /** Calendar year of birth, the football age group. */
  birthYear: number;
  within: CohortWithin | null;
  level: Level | null;
  position: Position | null;
  /** Each other player's latest result on or after this day counts. */
  since: Date;
  minimumPlayers: number;
  method: string;
}

export interface CohortPercentiles {
  definition: CohortDefinition;
  percentiles: Partial<Record<PhysicalTest, CohortPercentile>>;
}

const METHOD =
  'Percentile rank (mid-rank: 100 × (players below + half of those level, the player included) / players) ' +
  "against each other academy player's latest result";

/**
 * How long a cohort's members and the latest results stay cached. Writes through this instance
 * drop them at once; another instance's writes show within this time (statistics, not access).
 */
const CACHE_MS = 60_000;

interface Cached<T> {
  writes: number;
  expires: number;
  value: Promise<T>;
}

/**
 * The player's place among the academy's players of the same sex and birth year (optionally also level or
 * position): each other player's latest result of the test in the last 12 months, and this assessment's result for
 * the player. The latest results of every player in the window are read in one pass and, like each cohort's
 * members, cached for CACHE_MS, so a summary costs no scan of its own. The 20 m shuttle's shuttle-in-level is not
 * ranked on its own.
 */
@Injectable()
export class CohortPercentilesService {
  private latest?: Cached<Map<string, Partial<Record<PhysicalTest, number>>>> & { since: number };
  private readonly members = new Map<string, Cached<string[]>>();

  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly cohorts: PlayerCohorts,
  ) {}

  /** A cached value while it is fresh and nothing was written through this instance since. */
  private fresh<T>(cached: Cached<T> | undefined, now: number): cached is Cached<T> {
    return cached !== undefined && cached.expires > now && cached.writes === this.assessments.writeCount;
  }

  private latestResults(since: Date, now: number) {
    if (!this.fresh(this.latest, now) || this.latest.since !== since.getTime()) {
      const value = this.assessments.latestResultsSince(since);
      this.latest = { since: since.getTime(), writes: this.assessments.writeCount, expires: now + CACHE_MS, value };
      value.catch(() => (this.latest = undefined));
    }
    return this.latest.value;
  }

  private membersOf(criteria: Parameters<PlayerCohorts['idsOf']>[0], now: number): Promise<string[]> {
    const key = JSON.stringify(criteria);
    const cached = this.members.get(key);
    if (this.fresh(cached, now)) return cached.value;
    const value = this.cohorts.idsOf(criteria);
    this.members.set(key, { writes: this.assessments.writeCount, expires: now + CACHE_MS, value });
    value.catch(() => this.members.delete(key));
    return value;
  }

  async forAssessment(
    assessment: AssessmentRecord,
    player: PlayerRecord,
    within?: CohortWithin,
    now: Date = new Date(),
  ): Promise<CohortPercentiles> {
    const since = new Date(now);
    since.setUTCMonth(since.getUTCMonth() - COHORT_WINDOW_MONTHS);
    since.setUTCHours(0, 0, 0, 0);
    const definition: CohortDefinition = {
      sex: player.sex,
      birthYear: player.dateOfBirth.getUTCFullYear(),
      within: within ?? null,
      level: within === 'level' ? player.level : null,
      position: within === 'position' ? player.position : null,
      since,
      minimumPlayers: COHORT_MIN_PLAYERS,
      method: METHOD,
    };
    const tests = PHYSICAL_TESTS.filter((t) => t !== 'shuttle20mShuttle' && assessment.tests[t] !== undefined);
    if (tests.length === 0) return { definition, percentiles: {} };
    const [members, latest] = await Promise.all([
      this.membersOf(
        {
          sex: definition.sex,
          birthYear: definition.birthYear,
          level: definition.level ?? undefined,
          position: definition.position ?? undefined,
        },
        now.getTime(),
      ),
      this.latestResults(since, now.getTime()),
    ]);
    const others = members.filter((id) => id !== player.id);
    const entries = tests.map((test) => {
      const values = others.flatMap((id) => {
        const value = latest.get(id)?.[test];
        return value === undefined ? [] : [value];
      });
      const counts = cohortCounts(values, assessment.tests[test]!, PHYSICAL_TEST_BOUNDS[test].lowerIsBetter === true);
      return [test, cohortPercentile(counts)] as const;
    });
    return { definition, percentiles: Object.fromEntries(entries) };
  }
}
