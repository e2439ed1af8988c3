import { NormBand, normBand } from './norm-tables';

/** What a cohort may be narrowed to, beside sex and birth year. */
export const COHORT_WITHIN = ['level', 'position'] as const;
export type CohortWithin = (typeof COHORT_WITHIN)[number];

/** A cohort percentile is shown only among at least this many players (the player included). */
export const COHORT_MIN_PLAYERS = 20;
/** Each player's latest result within this many months before today. */
export const COHORT_WINDOW_MONTHS = 12;

/** How a result compares with the other players' latest results; `total` counts the player too. */
export interface CohortCounts {
  /** Other players with a worse result (lower, or slower for timed tests). */
  worse: number;
  /** Other players with exactly the same result. */
  equal: number;
  /** Players in the cohort, the player included. */
  total: number;
}

export type CohortPercentile =
  | { percentile: number; band: NormBand; players: number; reason: null }
  | { percentile: null; band: null; players: number; reason: string };

/**
 * Percentile rank, mid-rank definition: PR = 100 · (B + E/2) / N, with B the players below the score, E those at
 * it (the player included) and N all players. The best of 20 distinct results is 97.5, the worst 2.5.
 */
export function percentileRankMidpoint({ worse, equal, total }: CohortCounts): number {
  return (100 * (worse + (equal + 1) / 2)) / total;
}

/** Counts for `value` among the other players' results. */
export function cohortCounts(others: readonly number[], value: number, lowerIsBetter = false): CohortCounts {
  const worse = others.filter((o) => (lowerIsBetter ? o > value : o < value)).length;
  const equal = others.filter((o) => o === value).length;
  return { worse, equal, total: others.length + 1 };
}

/** The cohort percentile (one decimal), or null with the reason when fewer than COHORT_MIN_PLAYERS take part. */
export function cohortPercentile(counts: CohortCounts, minPlayers = COHORT_MIN_PLAYERS): CohortPercentile {
  if (counts.total < minPlayers) {
    return {
      percentile: null,
      band: null,
      players: counts.total,
      reason: `only ${counts.total} player(s) in the cohort with a result in the last ${COHORT_WINDOW_MONTHS} months; ${minPlayers} are needed`,
    };
  }
  const percentile = Math.round(percentileRankMidpoint(counts) * 10) / 10;
  return { percentile, band: normBand(percentile), players: counts.total, reason: null };
}
