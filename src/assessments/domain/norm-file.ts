import { PhysicalTest } from './assessment-metrics';
import { CentileRow, LmsRow, MeanSdRow, NormReferenceInfo, NormTable, ReferenceSex } from './norm-tables';

/**
 * The published-norms file format (one source, one test): `source` with its citation, `test`, `unit`, `format`
 * (`LMS`, `percentiles` or `mean_sd`; `mean_ci95` and `category_bands` cannot place an individual), `notes`, `rows`.
 * Rows carry `sex` (`male`, `female` or `all`) and `age`: an exact decimal age for LMS, otherwise a whole year
 * (`9`) or an inclusive span of whole years (`"8-12"`).
 */
export interface NormFile {
  source: { citation: string; doi: string | null; population: string; where?: string; n?: number | null };
  test: string;
  unit: string;
  format: string;
  notes?: readonly string[];
  rows: readonly Record<string, unknown>[];
}

export type NormFileFormat = 'LMS' | 'percentiles' | 'mean_sd';

/** `9` → [9, 10), `"8-12"` → [8, 13): whole years at last birthday, both ends inclusive as printed. */
export function ageSpanOf(age: unknown): { minAge: number; maxAge: number } | null {
  if (typeof age === 'number' && Number.isInteger(age)) return { minAge: age, maxAge: age + 1 };
  if (typeof age !== 'string') return null;
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(age.trim());
  if (!m) return null;
  const [minAge, last] = [Number(m[1]), Number(m[2])];
  return minAge <= last ? { minAge, maxAge: last + 1 } : null;
}

/** The `pNN` columns of a percentile row, ascending by NN. */
export function centilesOf(row: Record<string, unknown>): { p: number; value: number }[] {
  return Object.entries(row)
    .filter(([key, value]) => /^p\d{1,2}$/.test(key) && typeof value === 'number')
    .map(([key, value]) => ({ p: Number(key.slice(1)), value: value as number }))
    .sort((a, b) => a.p - b.p);
}

/** A table from a file already known to be well formed (the shipped files; uploads are validated first). */
export function normTableFromFile(
  file: NormFile,
  meta: Omit<NormReferenceInfo, 'citation' | 'doi' | 'population'> & { test: PhysicalTest },
): NormTable {
  const info = {
    ...meta,
    citation: file.source.citation,
    doi: file.source.doi,
    population: file.source.population,
  };
  const sexOf = (row: Record<string, unknown>) => row.sex as ReferenceSex;
  switch (file.format) {
    case 'LMS':
      return {
        ...info,
        method: 'LMS',
        rows: file.rows.map((r): LmsRow => ({
          sex: sexOf(r),
          age: r.age as number,
          L: r.L as number,
          M: r.M as number,
          S: r.S as number,
        })),
      };
    case 'percentiles':
      return {
        ...info,
        method: 'percentile-table',
        rows: file.rows.map((r): CentileRow => ({ sex: sexOf(r), ...ageSpanOf(r.age)!, centiles: centilesOf(r) })),
      };
    case 'mean_sd':
      return {
        ...info,
        method: 'normal-approximation',
        rows: file.rows.map((r): MeanSdRow => ({
          sex: sexOf(r),
          ...ageSpanOf(r.age)!,
          mean: r.mean as number,
          sd: r.sd as number,
        })),
      };
    default:
      throw new Error(`${meta.id}: format ${file.format} cannot place an individual`);
  }
}
