import { Sex } from '../../common/domain/enums';
import { PhysicalTest, Rating, RATING_BOUNDS, RATINGS } from './assessment-metrics';
import { NormResult, physicalTestNorm } from './norms';

export interface AreaScore {
  area: string;
  /** 0-100, higher is better. */
  score: number;
  basis: 'norm' | 'rating';
}

export const PHYSICAL_AREA_NAMES = ['speed', 'agility', 'power', 'endurance', 'strength'] as const;
export type PhysicalArea = (typeof PHYSICAL_AREA_NAMES)[number];

/** Physical areas and the tests that feed them; a test without a norm for the player's age and sex is skipped. */
export const PHYSICAL_AREAS: readonly { area: PhysicalArea; tests: readonly PhysicalTest[] }[] = [
  { area: 'speed', tests: ['sprint10mS', 'sprint20mS', 'sprint30mS'] },
  { area: 'agility', tests: ['agility505S', 'tTestS'] },
  { area: 'power', tests: ['cmjCm', 'standingLongJumpCm'] },
  {
    area: 'endurance',
    tests: ['yoyoIr1M', 'yoyoIr2M', 'shuttle20mLevel', 'shuttle20mShuttle', 'shuttle20mLaps', 'cooper12minM'],
  },
  { area: 'strength', tests: ['pushUps', 'pushUps40s', 'plankS'] },
];

/** How a test result is placed against a norm; replaceable so the grouping can be checked on its own. */
export type NormLookup = (test: PhysicalTest, value: number, ageYears: number, sex: Sex) => NormResult | null;

export interface AreaScoresInput {
  tests: Partial<Record<PhysicalTest, number>>;
  ratings: Partial<Record<Rating, number>>;
  ageYears: number;
  sex: Sex;
}

/**
 * One score per area on a common 0-100 scale: the mean normative percentile of the area's tests, and each
 * coach rating rescaled linearly ((r - 1) / 9 x 100). Physical areas come first, then ratings, in list order.
 */
export function areaScores(input: AreaScoresInput, normFor: NormLookup = physicalTestNorm): AreaScore[] {
  const scores: AreaScore[] = [];
  for (const { area, tests } of PHYSICAL_AREAS) {
    const percentiles: number[] = [];
    for (const test of tests) {
      const value = input.tests[test];
      if (value === undefined) continue;
      const norm = normFor(test, value, input.ageYears, input.sex);
      if (norm) percentiles.push(norm.percentile);
    }
    if (percentiles.length > 0) scores.push({ area, score: round1(average(percentiles)), basis: 'norm' });
  }
  for (const rating of RATINGS) {
    const value = input.ratings[rating];
    if (value === undefined || !Number.isFinite(value)) continue;
    scores.push({ area: rating, score: round1(ratingScore(value)), basis: 'rating' });
  }
  return scores;
}

function ratingScore(value: number): number {
  const { min, max } = RATING_BOUNDS;
  const clamped = Math.min(max, Math.max(min, value));
  return ((clamped - min) / (max - min)) * 100;
}

/**
 * The n best areas (highest first) and the n weakest (lowest first); equal scores are ordered by area name so
 * the answer never depends on input order. With fewer than 2n areas an area already named a strength is not
 * also listed as a weakness.
 */
export function strengthsAndWeaknesses(
  scores: readonly AreaScore[],
  n = 3,
): { strengths: AreaScore[]; weaknesses: AreaScore[] } {
  const count = Math.max(0, Math.floor(n));
  const valid = scores.filter((s) => Number.isFinite(s.score));
  const byName = (a: AreaScore, b: AreaScore) => (a.area < b.area ? -1 : a.area > b.area ? 1 : 0);
  const best = [...valid].sort((a, b) => b.score - a.score || byName(a, b));
  const strengths = best.slice(0, count);
  const taken = new Set(strengths);
  const weakest = [...valid].sort((a, b) => a.score - b.score || byName(a, b));
  const weaknesses = weakest.filter((s) => !taken.has(s)).slice(0, count);
  return { strengths, weaknesses };
}

function average(xs: readonly number[]): number {
  return xs.reduce((sum, x) => sum + x, 0) / xs.length;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
