import { Sex } from '../../common/domain/enums';
import { PHYSICAL_TEST_BOUNDS, PhysicalTest } from './assessment-metrics';
import { coleGreenLmsZ, LmsParameters } from './lms';
import { standardNormalCdf } from './statistics';

export type NormBand = 'well-below' | 'below' | 'average' | 'above' | 'well-above';

/** How a percentile was obtained from a reference. */
export const NORM_METHODS = ['LMS', 'percentile-table', 'normal-approximation'] as const;
export type NormMethod = (typeof NORM_METHODS)[number];

/** A reference row may describe one sex or both sexes pooled. */
export type ReferenceSex = Sex | 'all';

/** What a reference is: enough for a coach to judge whether the comparison is fair. */
export interface NormReferenceInfo {
  /** Stable name, e.g. `niessner-2020-momo-standing-long-jump`. */
  id: string;
  citation: string;
  doi: string | null;
  population: string;
  /** How the player's age is mapped onto the reference's ages. */
  ageDefinition: string;
  /** `shipped` with the service, or `uploaded` by an admin. */
  origin: 'shipped' | 'uploaded';
  /** Limits of the reference that change how a percentile should be read; null when none is known. */
  caveat: string | null;
}

/** LMS parameters at one exact decimal age; ages between two rows are interpolated. */
export interface LmsRow extends LmsParameters {
  sex: ReferenceSex;
  age: number;
}

/** One published centile: the value at percentile `p`. */
export interface Centile {
  p: number;
  value: number;
}

/** Age spans are [minAge, maxAge) in years: whole-year groups 8-12 are minAge 8, maxAge 13. */
export interface CentileRow {
  sex: ReferenceSex;
  minAge: number;
  maxAge: number;
  /** Ascending by p. */
  centiles: Centile[];
}

export interface MeanSdRow {
  sex: ReferenceSex;
  minAge: number;
  maxAge: number;
  mean: number;
  sd: number;
}

export type NormTable = NormReferenceInfo & { test: PhysicalTest } & (
    | { method: 'LMS'; rows: LmsRow[] }
    | { method: 'percentile-table'; rows: CentileRow[] }
    | { method: 'normal-approximation'; rows: MeanSdRow[] }
  );

export interface NormResult {
  /** 0.1-99.9, one decimal; higher is always better, whatever the test's direction. */
  percentile: number;
  band: NormBand;
  /** The reference's citation (kept for clients that read only this). */
  source: string;
  method: NormMethod;
  /** z-score (sign flipped for timed tests) for LMS and normal approximations; null for a percentile table. */
  zScore: number | null;
  reference: NormReferenceInfo;
  /** The part of the reference the player was compared with. */
  matched: { sex: ReferenceSex; ages: string; ageYears: number };
  /** Present when the percentile is only a bound (beyond the outermost published centile). */
  note?: string;
}

/** Bands: <10 well-below, <30 below, ≤70 average, ≤90 above, else well-above. */
export function normBand(percentile: number): NormBand {
  if (percentile < 10) return 'well-below';
  if (percentile < 30) return 'below';
  if (percentile <= 70) return 'average';
  if (percentile <= 90) return 'above';
  return 'well-above';
}

/** One decimal, kept inside 0.1-99.9: beyond about ±3 SD a model of real test data says little. */
export function percentileFromZ(z: number): number {
  const p = Math.round(standardNormalCdf(z) * 1000) / 10;
  return Math.min(99.9, Math.max(0.1, p));
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const spanText = (minAge: number, maxAge: number) => (maxAge - minAge === 1 ? `${minAge}` : `${minAge}-${maxAge - 1}`);

/**
 * LMS parameters at an exact age: linear interpolation of L, M and S between the two neighbouring grid ages of one
 * sex (a row at exactly that age is used as it is). Null outside the grid: the curve is never extrapolated.
 */
export function lmsAtAge(rows: readonly LmsRow[], sex: ReferenceSex, age: number): LmsParameters | null {
  const own = rows.filter((r) => r.sex === sex).sort((a, b) => a.age - b.age);
  if (own.length === 0 || !Number.isFinite(age) || age < own[0].age || age > own[own.length - 1].age) return null;
  const upper = own.findIndex((r) => r.age >= age);
  const hi = own[upper];
  if (hi.age === age || upper === 0) return { L: hi.L, M: hi.M, S: hi.S };
  const lo = own[upper - 1];
  const f = (age - lo.age) / (hi.age - lo.age);
  const mix = (a: number, b: number) => a + (b - a) * f;
  return { L: mix(lo.L, hi.L), M: mix(lo.M, hi.M), S: mix(lo.S, hi.S) };
}

/**
 * Percentile of a value in a published centile table: linear between the two neighbouring centiles. Beyond the
 * outermost centiles only a bound is known, so the outermost centile is returned with `bound` saying which side.
 */
export function percentileFromCentiles(
  centiles: readonly Centile[],
  value: number,
): { percentile: number; bound: 'below' | 'above' | null } {
  const first = centiles[0];
  const last = centiles[centiles.length - 1];
  if (value < first.value) return { percentile: first.p, bound: 'below' };
  if (value > last.value) return { percentile: last.p, bound: 'above' };
  for (let i = 0; i < centiles.length - 1; i++) {
    const lo = centiles[i];
    const hi = centiles[i + 1];
    if (value >= lo.value && value <= hi.value) {
      if (hi.value === lo.value) return { percentile: (lo.p + hi.p) / 2, bound: null };
      return { percentile: lo.p + ((value - lo.value) / (hi.value - lo.value)) * (hi.p - lo.p), bound: null };
    }
  }
  return { percentile: last.p, bound: null };
}

interface Candidate {
  rank: number;
  specific: number;
  width: number;
  result: () => NormResult | null;
}

/**
 * The percentile of one result against the first table that covers the test, sex and age. Tables are tried in the
 * order given (precedence); within a table a sex-specific row is preferred to a pooled one, then the narrowest
 * age span. LMS tables use the exact decimal age; tables of age groups the age at last birthday (an exact age of
 * 9.7 is in the group 9, and in 8-12). Null when nothing covers the player or the value cannot be placed.
 */
export function normFromTables(
  tables: readonly NormTable[],
  test: PhysicalTest,
  value: number,
  exactAgeYears: number,
  sex: Sex,
): NormResult | null {
  if (!Number.isFinite(value) || !Number.isFinite(exactAgeYears)) return null;
  const flip = PHYSICAL_TEST_BOUNDS[test].lowerIsBetter ? -1 : 1;
  const wholeAge = Math.floor(exactAgeYears);
  const candidates: Candidate[] = [];
  tables.forEach((table, rank) => {
    if (table.test !== test) return;
    const info = referenceInfo(table);
    const base = { source: table.citation, method: table.method, reference: info };
    if (table.method === 'LMS') {
      for (const rowSex of [sex, 'all'] as const) {
        const lms = lmsAtAge(table.rows, rowSex, exactAgeYears);
        if (!lms) continue;
        candidates.push({
          rank,
          specific: rowSex === 'all' ? 1 : 0,
          width: 0,
          result: () => {
            const z = coleGreenLmsZ(value, lms);
            if (Number.isNaN(z)) return null;
            const percentile = percentileFromZ(flip * z);
            return {
              ...base,
              percentile,
              band: normBand(percentile),
              zScore: Number.isFinite(z) ? round2(flip * z) : null,
              matched: { sex: rowSex, ages: `exact age ${round2(exactAgeYears)}`, ageYears: round2(exactAgeYears) },
            };
          },
        });
      }
      return;
    }
    for (const row of table.rows) {
      if ((row.sex !== sex && row.sex !== 'all') || wholeAge < row.minAge || wholeAge >= row.maxAge) continue;
      const matched = { sex: row.sex, ages: spanText(row.minAge, row.maxAge), ageYears: wholeAge };
      const common = { rank, specific: row.sex === 'all' ? 1 : 0, width: row.maxAge - row.minAge };
      if (table.method === 'normal-approximation') {
        const r = row as MeanSdRow;
        candidates.push({
          ...common,
          result: () => {
            const z = (flip * (value - r.mean)) / r.sd;
            const percentile = percentileFromZ(z);
            return { ...base, percentile, band: normBand(percentile), zScore: round2(z), matched };
          },
        });
      } else {
        const r = row as CentileRow;
        candidates.push({
          ...common,
          result: () => {
            // A timed table lists times ascending with p; "better" is then 100 - p.
            const { percentile: raw, bound } = percentileFromCentiles(r.centiles, value);
            const p = flip === 1 ? raw : 100 - raw;
            const better = (flip === 1 ? bound === 'above' : bound === 'below') ? 'above' : 'below';
            const percentile = Math.min(99.9, Math.max(0.1, Math.round(p * 10) / 10));
            if (bound === null) return { ...base, percentile, band: normBand(percentile), zScore: null, matched };
            // Strictly beyond the outermost centile: the band is the one just past it.
            const band = normBand(
              better === 'above' ? Math.min(99.9, percentile + 0.1) : Math.max(0.1, percentile - 0.1),
            );
            const note =
              better === 'above'
                ? `beyond the highest published centile: the percentile is above ${percentile}`
                : `beyond the lowest published centile: the percentile is below ${percentile}`;
            return { ...base, percentile, band, zScore: null, matched, note };
          },
        });
      }
    }
  });
  candidates.sort((a, b) => a.rank - b.rank || a.specific - b.specific || a.width - b.width);
  for (const c of candidates) {
    const result = c.result();
    if (result) return result;
  }
  return null;
}

function referenceInfo(t: NormTable): NormReferenceInfo {
  return {
    id: t.id,
    citation: t.citation,
    doi: t.doi,
    population: t.population,
    ageDefinition: t.ageDefinition,
    origin: t.origin,
    caveat: t.caveat,
  };
}
