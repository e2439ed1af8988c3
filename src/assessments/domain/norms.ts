import { Sex } from '../../common/domain/enums';
import { PHYSICAL_TEST_BOUNDS, PhysicalTest } from './assessment-metrics';

export type NormBand = 'well-below' | 'below' | 'average' | 'above' | 'well-above';

export interface NormResult {
  /** 0.1-99.9, one decimal; higher is always better, whatever the test's direction. */
  percentile: number;
  band: NormBand;
  source: string;
}

/**
 * One reference group: the published mean and SD for a test, sex and age span [minAge, maxAge).
 * Only groups whose mean and SD we could check against the paper are listed; a missing group means
 * "no norm" (null), never a guessed one. Sources that publish centiles (LMS tables such as Tomkinson et al.
 * 2018, the 2023 FitBack references) can be added as mean = P50 and SD = (P90 - P10) / 2.563 once transcribed.
 */
export interface NormReference {
  test: PhysicalTest;
  sex: Sex;
  minAge: number;
  maxAge: number;
  mean: number;
  sd: number;
  source: string;
}

const DEPREZ_2014 =
  'Deprez et al. 2014, Biol Sport 31(1) (PMID 25729152): high-level Belgian youth academy players, mean ± SD ' +
  '(U15 2024 ± 470 m, U17 2404 ± 347 m, U19 2547 ± 337 m). An academy reference, not the general population.';
const STRAND_2014 =
  'Strand et al. 2014, J Hum Kinet 40:93-102: prone forearm plank to failure, 471 US college students ' +
  '(men 124 ± 72 s, women 83 ± 63 s). Skewed data, so tail percentiles are approximate.';

const BENEDIKTSSON_2024 =
  'Benediktsson S, Johannsson E, Rygh CB, Gundersen H. Norwegian male U14 soccer players have superior running ' +
  'capacity compared to Icelandic players. Front Sports Act Living 2024;6:1407842, Table 2: Norwegian male U14 club ' +
  'players, mean ± SD (min-max): CMJ 29.1 ± 5.1 cm (14.9-39.4, n = 97); standing long jump 1.88 ± 0.23 m ' +
  '(1.25-2.58, n = 95; the table prints the SD as "23"). A soccer reference, not the general population.';

export const NORM_REFERENCES: readonly NormReference[] = [
  // Yo-Yo IR1, boys: the U15/U17/U19 squads span roughly 13-14, 15-16 and 17-18 years of age.
  { test: 'yoyoIr1M', sex: 'male', minAge: 13, maxAge: 15, mean: 2024, sd: 470, source: DEPREZ_2014 },
  { test: 'yoyoIr1M', sex: 'male', minAge: 15, maxAge: 17, mean: 2404, sd: 347, source: DEPREZ_2014 },
  { test: 'yoyoIr1M', sex: 'male', minAge: 17, maxAge: 19, mean: 2547, sd: 337, source: DEPREZ_2014 },
  // CMJ and standing long jump, boys: U14 means turning 14 that season, so aged 13 to 14 when tested.
  { test: 'cmjCm', sex: 'male', minAge: 13, maxAge: 15, mean: 29.1, sd: 5.1, source: BENEDIKTSSON_2024 },
  { test: 'standingLongJumpCm', sex: 'male', minAge: 13, maxAge: 15, mean: 188, sd: 23, source: BENEDIKTSSON_2024 },
  // Prone plank, young adults: the sample was college-aged (mean about 20 y), so 18-25 only.
  { test: 'plankS', sex: 'male', minAge: 18, maxAge: 26, mean: 124, sd: 72, source: STRAND_2014 },
  { test: 'plankS', sex: 'female', minAge: 18, maxAge: 26, mean: 83, sd: 63, source: STRAND_2014 },
];

/**
 * Where a result sits among its reference group: z = (value - mean) / SD, sign flipped for timed tests,
 * percentile = Φ(z). Null when no reference covers that test, sex and age.
 * `shuttle20mShuttle` never has one on its own: it only means something together with the level.
 */
export function physicalTestNorm(test: PhysicalTest, value: number, ageYears: number, sex: Sex): NormResult | null {
  if (!Number.isFinite(value) || !Number.isFinite(ageYears)) return null;
  const ref = NORM_REFERENCES.find(
    (r) => r.test === test && r.sex === sex && ageYears >= r.minAge && ageYears < r.maxAge,
  );
  return ref ? normFromReference(ref, value) : null;
}

/** The percentile of one value against one reference group; exported so new references can be checked alone. */
export function normFromReference(ref: NormReference, value: number): NormResult {
  const z = (value - ref.mean) / ref.sd;
  const percentile = toPercentile(PHYSICAL_TEST_BOUNDS[ref.test].lowerIsBetter ? -z : z);
  return { percentile, band: normBand(percentile), source: ref.source };
}

/** Bands: <10 well-below, <30 below, ≤70 average, ≤90 above, else well-above. */
export function normBand(percentile: number): NormBand {
  if (percentile < 10) return 'well-below';
  if (percentile < 30) return 'below';
  if (percentile <= 70) return 'average';
  if (percentile <= 90) return 'above';
  return 'well-above';
}

/** One decimal, kept inside 0.1-99.9: beyond about ±3 SD a normal model of real test data says little. */
function toPercentile(z: number): number {
  const p = Math.round(standardNormalCdf(z) * 1000) / 10;
  return Math.min(99.9, Math.max(0.1, p));
}

/** Φ(z) from erf, Abramowitz & Stegun 7.1.26 (|error| ≤ 1.5e-7, far below the one-decimal percentile). */
export function standardNormalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

function erf(x: number): number {
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const y = 1 - poly * Math.exp(-ax * ax);
  return x < 0 ? -y : y;
}
