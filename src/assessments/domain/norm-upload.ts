import { PHYSICAL_TEST_BOUNDS, PhysicalTest } from './assessment-metrics';
import { ageSpanOf, centilesOf, NormFile } from './norm-file';
import { NormTable, ReferenceSex } from './norm-tables';

/** Formats that can place an individual; `mean_ci95` and `category_bands` cannot. */
export const NORM_UPLOAD_FORMATS = ['LMS', 'percentiles', 'mean_sd'] as const;

/** The `pNN` columns an uploaded percentile row may carry. */
export const CENTILE_COLUMNS = [1, 3, 5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 75, 80, 85, 90, 95, 97, 99] as const;

/** An upload that fits the schema (types, enums, field names), still to be checked against the rules below. */
export type NormUpload = NormFile & { test: PhysicalTest; format: (typeof NORM_UPLOAD_FORMATS)[number] };

export interface UploadProblem {
  path: string;
  message: string;
}

/** Where a reference applies: one sex (or both pooled) over ages [minAge, maxAge), or [minAge, maxAge] for LMS. */
export interface CoverageSpan {
  sex: ReferenceSex;
  minAge: number;
  maxAge: number;
  /** LMS: the ages are exact decimal ages and both ends are covered. */
  exactAge: boolean;
}

/** What a table covers: one span per sex for a growth curve (first to last grid age), one per row otherwise. */
export function tableCoverage(table: NormTable): CoverageSpan[] {
  if (table.method !== 'LMS') {
    return table.rows.map((r) => ({ sex: r.sex, minAge: r.minAge, maxAge: r.maxAge, exactAge: false }));
  }
  const spans: CoverageSpan[] = [];
  for (const sex of ['female', 'male', 'all'] as const) {
    const ages = table.rows.filter((r) => r.sex === sex).map((r) => r.age);
    if (ages.length > 0) spans.push({ sex, minAge: Math.min(...ages), maxAge: Math.max(...ages), exactAge: true });
  }
  return spans;
}

/** Pooled rows (`all`) overlap either sex. */
const sexesOverlap = (a: ReferenceSex, b: ReferenceSex) => a === b || a === 'all' || b === 'all';

/** Half-open spans overlap when each starts before the other ends; an LMS span is closed at its last age. */
export function spansOverlap(a: CoverageSpan, b: CoverageSpan): boolean {
  if (!sexesOverlap(a.sex, b.sex)) return false;
  const end = (s: CoverageSpan) => (s.exactAge ? s.maxAge + 1e-9 : s.maxAge);
  return a.minAge < end(b) && b.minAge < end(a);
}

export function describeSpan(s: CoverageSpan): string {
  const ages = s.exactAge
    ? `exact ages ${s.minAge}-${s.maxAge}`
    : s.maxAge - s.minAge === 1
      ? `age ${s.minAge}`
      : `ages ${s.minAge}-${s.maxAge - 1}`;
  return `${s.sex === 'all' ? 'both sexes' : s.sex}, ${ages}`;
}

/**
 * The rules of an upload the schema cannot state, every problem listed: each row has what its format needs (L, M
 * and S at an exact age; two or more centiles ascending; a mean and a positive SD over whole years), values are
 * plausible for the test's unit (within the bounds an assessment accepts), and no two rows cover the same sex and
 * age.
 */
export function normUploadProblems(upload: NormUpload): UploadProblem[] {
  const problems: UploadProblem[] = [];
  const bounds = PHYSICAL_TEST_BOUNDS[upload.test];
  const plausible = (path: string, name: string, value: unknown) => {
    if (typeof value !== 'number') return;
    if (value < bounds.min || value > bounds.max) {
      problems.push({
        path,
        message: `${name} ${value} is not plausible for ${bounds.label} in ${bounds.unit} (${bounds.min}-${bounds.max})`,
      });
    }
  };
  const required = (path: string, row: Record<string, unknown>, field: string) => {
    if (typeof row[field] === 'number') return true;
    problems.push({ path: `${path}.${field}`, message: `a ${upload.format} row needs ${field}` });
    return false;
  };
  const spans: { span: CoverageSpan; path: string }[] = [];

  upload.rows.forEach((row, i) => {
    const path = `rows.${i}`;
    const sex = row.sex as ReferenceSex;
    if (upload.format === 'LMS') {
      if (typeof row.age !== 'number') {
        problems.push({ path: `${path}.age`, message: 'an LMS row needs an exact decimal age (a number of years)' });
      } else {
        spans.push({ span: { sex, minAge: row.age, maxAge: row.age, exactAge: true }, path });
      }
      const hasAll = ['L', 'M', 'S'].map((f) => required(path, row, f)).every(Boolean);
      if (hasAll) {
        if ((row.M as number) <= 0) problems.push({ path: `${path}.M`, message: 'M (the median) must be positive' });
        else plausible(`${path}.M`, 'M (the median)', row.M);
        if ((row.S as number) <= 0)
          problems.push({ path: `${path}.S`, message: 'S (the coefficient of variation) must be positive' });
      }
      return;
    }
    const span = ageSpanOf(row.age);
    if (!span) {
      problems.push({
        path: `${path}.age`,
        message: 'age must be a whole year (9) or an ascending span of whole years ("8-12")',
      });
    } else {
      spans.push({ span: { sex, ...span, exactAge: false }, path });
    }
    if (upload.format === 'percentiles') {
      const centiles = centilesOf(row);
      if (centiles.length < 2) {
        problems.push({ path, message: 'a percentiles row needs at least two centiles (p10, p50, ...)' });
      }
      centiles.forEach((c, k) => {
        plausible(`${path}.p${c.p}`, `p${c.p}`, c.value);
        const before = centiles[k - 1];
        if (before && c.value < before.value) {
          problems.push({
            path: `${path}.p${c.p}`,
            message: `p${c.p} (${c.value}) is below p${before.p} (${before.value}): centiles must ascend`,
          });
        }
      });
      return;
    }
    if (required(path, row, 'mean')) plausible(`${path}.mean`, 'mean', row.mean);
    if (required(path, row, 'sd') && (row.sd as number) <= 0) {
      problems.push({ path: `${path}.sd`, message: 'sd must be positive' });
    }
  });

  for (let j = 1; j < spans.length; j++) {
    const earlier = spans.slice(0, j).find((s) => spansOverlap(s.span, spans[j].span));
    if (earlier) {
      problems.push({
        path: `${spans[j].path}.age`,
        message: `${describeSpan(spans[j].span)} overlaps ${earlier.path} (${describeSpan(earlier.span)}) for ${upload.test}`,
      });
    }
  }
  return problems;
}
