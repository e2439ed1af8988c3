import { Injectable } from '@nestjs/common';
import { Level, Position, Sex } from '../common/domain/enums';
import { PlayerCohorts } from '../players/player-cohorts';
import { PlayerRecord } from '../players/player.record';
import { AssessmentRecord } from './assessment.record';
import { AssessmentsRepository } from './assessments.repository';
import { PHYSICAL_TEST_BOUNDS, PHYSICAL_TESTS, PhysicalTest } from './domain/assessment-metrics';
import { COHORT_MIN_PLAYERS, COHORT_WINDOW_MONTHS, CohortPercentile, cohortPercentile } from './domain/cohort';

export const COHORT_WITHIN = ['level', 'position'] as const;
export type CohortWithin = (typeof COHORT_WITHIN)[number];

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
 * The player's place among the academy's players of the same sex and birth year (optionally also level or
 * position): each other player's latest result of the test in the last 12 months, and this assessment's result for
 * the player. The counting is done by the database. The 20 m shuttle's shuttle-in-level is not ranked on its own.
 */
@Injectable()
export class CohortPercentilesService {
  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly cohorts: PlayerCohorts,
  ) {}

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
    const others = (
      await this.cohorts.idsOf({
        sex: definition.sex,
        birthYear: definition.birthYear,
        level: definition.level ?? undefined,
        position: definition.position ?? undefined,
      })
    ).filter((id) => id !== player.id);
    const entries = await Promise.all(
      tests.map(async (test) => {
        const value = assessment.tests[test]!;
        const counts = await this.assessments.cohortCounts(
          test,
          others,
          since,
          value,
          PHYSICAL_TEST_BOUNDS[test].lowerIsBetter === true,
        );
        return [
          test,
          cohortPercentile({ worse: counts.worse, equal: counts.equal, total: counts.others + 1 }),
        ] as const;
      }),
    );
    return { definition, percentiles: Object.fromEntries(entries) };
  }
}
