import { Sex, SEXES } from '../../common/domain/enums';

export { SEED_VO2_BENCHMARKS } from './vo2-seed-benchmarks';

/** A named band starting at `minVo2max` (inclusive); bands run ascending and the first starts at 0. */
export interface Vo2BandCutoff {
  name: string;
  minVo2max: number;
}

/**
 * A reference table for one sex and age range (whole years, inclusive). `percentiles` may be empty
 * when the source is criterion-referenced (cut-offs only): the percentile is then unknown, not guessed.
 */
export interface Vo2Benchmark {
  sex: Sex;
  ageMin: number;
  ageMax: number;
  bands: Vo2BandCutoff[];
  percentiles: { p: number; vo2max: number }[];
  source: string;
}

export interface BenchmarkProblem {
  path: string;
  message: string;
}

export const BENCHMARK_AGE = { min: 5, max: 100 } as const;
/** A table's own ends are its 1st and 99th percentiles at most; beyond them we clamp to these. */
export const PERCENTILE_FLOOR = 1;
export const PERCENTILE_CEILING = 99;

/** The table a VO2max band or percentile was read from: what a coach needs to judge the comparison. */
export interface Vo2TableReference {
  /** The published source, as stored with the table. */
  citation: string;
  /** `percentile-table` (linear between rows) or `cut-offs` (bands only, no percentile). */
  method: 'percentile-table' | 'cut-offs';
  sex: Sex;
  /** The table's ages, whole years inclusive. */
  ages: string;
  ageDefinition: string;
}

const VO2_AGE_DEFINITION = 'age in completed years at the test (29.9 counts as 29)';

/** The benchmark that covers this sex and age (completed years), as a reference; null when none does. */
export function vo2TableReference(
  age: number,
  sex: Sex,
  benchmarks: readonly Vo2Benchmark[],
): Vo2TableReference | null {
  if (!Number.isFinite(age)) return null;
  const years = Math.floor(age);
  const benchmark = benchmarks.find((b) => b.sex === sex && years >= b.ageMin && years <= b.ageMax);
  if (!benchmark) return null;
  return {
    citation: benchmark.source,
    method: benchmark.percentiles.length > 0 ? 'percentile-table' : 'cut-offs',
    sex: benchmark.sex,
    ages: `${benchmark.ageMin}-${benchmark.ageMax}`,
    ageDefinition: VO2_AGE_DEFINITION,
  };
}

/**
 * The band and percentile of `vo2max` against the benchmark for this sex and age, or nulls when no
 * benchmark covers them. Age counts in completed years (29.9 is still 29). The percentile is linearly
 * interpolated between table rows and rounded to a whole number (the tables step by 5); below the
 * table's first row it is 1, above its last 99.
 */
export function classifyVo2max(
  vo2max: number,
  age: number,
  sex: Sex,
  benchmarks: readonly Vo2Benchmark[],
): { band: string | null; percentile: number | null } {
  if (!Number.isFinite(vo2max) || !Number.isFinite(age)) return { band: null, percentile: null };
  const years = Math.floor(age);
  const benchmark = benchmarks.find((b) => b.sex === sex && years >= b.ageMin && years <= b.ageMax);
  if (!benchmark) return { band: null, percentile: null };
  return { band: bandOf(vo2max, benchmark.bands), percentile: percentileOf(vo2max, benchmark.percentiles) };
}

function bandOf(vo2max: number, bands: readonly Vo2BandCutoff[]): string | null {
  let band: string | null = null;
  for (const cutoff of bands) {
    if (vo2max >= cutoff.minVo2max) band = cutoff.name;
  }
  return band;
}

function percentileOf(vo2max: number, table: Vo2Benchmark['percentiles']): number | null {
  if (table.length === 0) return null;
  const first = table[0];
  const last = table[table.length - 1];
  if (vo2max < first.vo2max) return PERCENTILE_FLOOR;
  if (vo2max > last.vo2max) return PERCENTILE_CEILING;
  const upper = table.findIndex((row) => row.vo2max >= vo2max);
  if (table[upper].vo2max === vo2max) return table[upper].p;
  const lo = table[upper - 1];
  const hi = table[upper];
  return Math.round(lo.p + ((vo2max - lo.vo2max) / (hi.vo2max - lo.vo2max)) * (hi.p - lo.p));
}

/**
 * Everything wrong with a benchmark, with paths like `bands.2.minVo2max`; empty when it is usable.
 * Checks: sex; whole-year ages within 5–100 and ageMin <= ageMax; at least one band, the first at 0,
 * names non-empty and unique, minimums strictly ascending; percentile rows with p in 1–99 and both p
 * and VO2max strictly ascending (an empty table is allowed); a source.
 */
export function validateBenchmark(b: Vo2Benchmark): BenchmarkProblem[] {
  const problems: BenchmarkProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  if (!(SEXES as readonly unknown[]).includes(b.sex)) add('sex', `must be one of: ${SEXES.join(', ')}`);
  for (const key of ['ageMin', 'ageMax'] as const) {
    const age = b[key];
    if (!Number.isInteger(age) || age < BENCHMARK_AGE.min || age > BENCHMARK_AGE.max) {
      add(key, `must be a whole number of years from ${BENCHMARK_AGE.min} to ${BENCHMARK_AGE.max}`);
    }
  }
  if (b.ageMin > b.ageMax) add('ageMax', 'must not be below ageMin');

  if (!Array.isArray(b.bands) || b.bands.length === 0) {
    add('bands', 'must list at least one band');
  } else {
    const seen = new Map<string, number>();
    b.bands.forEach((band, i) => {
      if (typeof band.name !== 'string' || band.name.trim() === '') add(`bands.${i}.name`, 'must be a non-empty name');
      else if (seen.has(band.name)) add(`bands.${i}.name`, `duplicate band name (also at ${seen.get(band.name)})`);
      else seen.set(band.name, i);
      if (!Number.isFinite(band.minVo2max)) add(`bands.${i}.minVo2max`, 'must be a finite number');
      else if (i === 0 && band.minVo2max !== 0) add('bands.0.minVo2max', 'the first band must start at 0');
      else if (i > 0 && !(band.minVo2max > b.bands[i - 1].minVo2max)) {
        add(`bands.${i}.minVo2max`, 'must be above the previous band');
      }
    });
  }

  if (!Array.isArray(b.percentiles)) {
    add('percentiles', 'must be a list (possibly empty)');
  } else {
    b.percentiles.forEach((row, i) => {
      const previous = b.percentiles[i - 1];
      if (!Number.isFinite(row.p) || row.p < PERCENTILE_FLOOR || row.p > PERCENTILE_CEILING) {
        add(`percentiles.${i}.p`, `must be between ${PERCENTILE_FLOOR} and ${PERCENTILE_CEILING}`);
      } else if (previous && !(row.p > previous.p)) {
        add(`percentiles.${i}.p`, 'must be above the previous row');
      }
      if (!Number.isFinite(row.vo2max) || row.vo2max <= 0) add(`percentiles.${i}.vo2max`, 'must be a positive number');
      else if (previous && !(row.vo2max > previous.vo2max))
        add(`percentiles.${i}.vo2max`, 'must be above the previous row');
    });
  }

  if (typeof b.source !== 'string' || b.source.trim() === '') add('source', 'must name the published source');
  return problems;
}

/**
 * The first of `others` for the same sex whose age range intersects `b`'s, so two tables never
 * answer for one person. `b` itself is skipped if present, so a whole set can be checked member by member.
 */
export function findOverlap<T extends Vo2Benchmark>(b: Vo2Benchmark, others: readonly T[]): T | undefined {
  return others.find((o) => o !== b && o.sex === b.sex && o.ageMin <= b.ageMax && b.ageMin <= o.ageMax);
}
