import { Sex } from '../../common/domain/enums';
import { PhysicalTest } from './assessment-metrics';
import edelson2016Plank from './norm-data/edelson-2016-nnyfs-plank.json';
import momoPushUps from './norm-data/niessner-2020-momo-push-ups.json';
import momoStandingLongJump from './norm-data/niessner-2020-momo-standing-long-jump.json';
import caplPacer from './norm-data/tremblay-2018-capl-pacer-20m-laps.json';
import caplPlank from './norm-data/tremblay-2018-capl-plank.json';
import { normTableFromFile } from './norm-file';
import { normFromTables, NormResult, NormTable } from './norm-tables';

export { normBand } from './norm-tables';
export type { NormBand, NormMethod, NormReferenceInfo, NormResult, NormTable } from './norm-tables';
export { standardNormalCdf } from './statistics';

/**
 * One reference group: the published mean and SD for a test, sex and age span [minAge, maxAge).
 * Only groups whose mean and SD we could check against the paper are listed; a missing group means
 * "no norm" (null), never a guessed one. Growth curves (LMS) and centile tables live in `norm-data/`.
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

/** What each mean/SD reference above describes, beside its citation. */
const LEGACY_REFERENCE_INFO: Record<string, { id: string; population: string; ageDefinition: string; caveat: string }> =
  {
    [DEPREZ_2014]: {
      id: 'deprez-2014-yoyo-ir1',
      population: 'High-level Belgian youth academy players (boys), U15, U17 and U19 squads.',
      ageDefinition:
        'Squad age groups mapped to age at last birthday: U15 = 13-14, U17 = 15-16, U19 = 17-18 years (exact age, lower bound inclusive).',
      caveat:
        'An academy reference, not the general population; mean and SD only, so a normal distribution is assumed.',
    },
    [BENEDIKTSSON_2024]: {
      id: 'benediktsson-2024-u14',
      population: 'Norwegian male U14 club football players (n = 95-97).',
      ageDefinition: 'U14 squad (turning 14 that season) mapped to ages 13-14 at last birthday.',
      caveat:
        'A football reference, not the general population; mean and SD only, so a normal distribution is assumed.',
    },
    [STRAND_2014]: {
      id: 'strand-2014-plank',
      population: '471 US college students (mean age about 20 years).',
      ageDefinition: 'Applied to ages 18-25 at last birthday (the college-aged sample).',
      caveat: 'Plank times are skewed, so percentiles from mean and SD are approximate in the tails.',
    },
  };

/** The mean/SD references as tables: one table per source and test, in list order. */
function legacyTables(): NormTable[] {
  const tables = new Map<string, NormTable & { method: 'normal-approximation' }>();
  for (const r of NORM_REFERENCES) {
    const info = LEGACY_REFERENCE_INFO[r.source];
    const key = `${info.id}:${r.test}`;
    const table = tables.get(key) ?? {
      ...info,
      id: r.test === 'standingLongJumpCm' || r.test === 'cmjCm' ? `${info.id}-${r.test}` : info.id,
      test: r.test,
      citation: r.source,
      doi: null,
      origin: 'shipped' as const,
      method: 'normal-approximation' as const,
      rows: [],
    };
    table.rows.push({ sex: r.sex, minAge: r.minAge, maxAge: r.maxAge, mean: r.mean, sd: r.sd });
    tables.set(key, table);
  }
  return [...tables.values()];
}

const MOMO_AGE =
  'Exact decimal age at the test (365.25-day years), as MoMo uses it; L, M and S are interpolated linearly between ' +
  "the reference's monthly grid ages, never extrapolated beyond its first and last age.";
const MOMO_CAVEAT =
  'Parameters read from the R package childsds 0.9.11 (momo.ref), which cites Niessner et al. 2020; not checked ' +
  'against the article tables. German general population, not footballers.';
const CAPL_AGE =
  'Age at last birthday in whole years (CAPL groups children by whole year; the 8-12 rows pool those years).';
const CAPL_CAVEAT =
  'Canadian site samples, not nationally representative. Scores are strongly right-skewed (SD about 60-70% of the ' +
  'mean), so a normal approximation misplaces children in the tails. The by-sex rows pool ages 8-12 and the by-age ' +
  'rows pool the sexes; no table splits both.';

/**
 * Every shipped reference, in order of precedence where several cover a player (the first that covers the test,
 * sex and age is used):
 * 1. football references (academy or club players), the comparison a coach asks for first;
 * 2. references that need no normality assumption: MoMo growth curves (LMS), then the NNYFS centile table;
 * 3. mean/SD references (normal approximation), CAPL last because its rows pool ages or sexes.
 * The 40-second push-up curves score only `pushUps40s` (the MoMo protocol), never the plain push-up count, and the
 * CAPL PACER only `shuttle20mLaps` (laps as counted, not the Léger level and shuttle).
 */
export const SHIPPED_NORM_TABLES: readonly NormTable[] = (() => {
  const legacy = legacyTables();
  const football = legacy.filter((t) => !t.id.startsWith('strand'));
  const strand = legacy.filter((t) => t.id.startsWith('strand'));
  return [
    ...football,
    normTableFromFile(momoStandingLongJump, {
      id: 'niessner-2020-momo-standing-long-jump',
      test: 'standingLongJumpCm',
      origin: 'shipped',
      ageDefinition: MOMO_AGE,
      caveat: MOMO_CAVEAT,
    }),
    normTableFromFile(momoPushUps, {
      id: 'niessner-2020-momo-push-ups-40s',
      test: 'pushUps40s',
      origin: 'shipped',
      ageDefinition: MOMO_AGE,
      caveat: `${MOMO_CAVEAT} Push-ups counted in 40 s (MoMo/DMT protocol); not comparable with other push-up tests.`,
    }),
    normTableFromFile(edelson2016Plank, {
      id: 'edelson-2016-nnyfs-plank',
      test: 'plankS',
      origin: 'shipped',
      ageDefinition:
        'Age at last birthday in whole years, in the groups 6-9, 10-12 and 13-15 (NHANES convention; not stated in the readable table).',
      caveat:
        'Sexes pooled; per-group n not given; whether the centiles are survey-weighted is not stated. Beyond P10 and P90 only a bound is known.',
    }),
    ...strand,
    normTableFromFile(caplPlank, {
      id: 'tremblay-2018-capl-plank',
      test: 'plankS',
      origin: 'shipped',
      ageDefinition: CAPL_AGE,
      caveat: CAPL_CAVEAT,
    }),
    normTableFromFile(caplPacer, {
      id: 'tremblay-2018-capl-pacer-20m-laps',
      test: 'shuttle20mLaps',
      origin: 'shipped',
      ageDefinition: CAPL_AGE,
      caveat: `${CAPL_CAVEAT} 15 m courses were converted to 20 m laps.`,
    }),
  ];
})();

/**
 * Where a result sits among the first reference that covers its test, sex and age (see SHIPPED_NORM_TABLES for the
 * order), with the reference, method and age definition it used. Null when no reference covers the player.
 * `shuttle20mShuttle` never has one on its own: it only means something together with the level.
 */
export function physicalTestNorm(
  test: PhysicalTest,
  value: number,
  ageYears: number,
  sex: Sex,
  tables: readonly NormTable[] = SHIPPED_NORM_TABLES,
): NormResult | null {
  return normFromTables(tables, test, value, ageYears, sex);
}

/** The percentile of one value against one mean/SD reference group; exported so new references can be checked alone. */
export function normFromReference(ref: NormReference, value: number): NormResult {
  const table: NormTable = {
    id: 'single-reference',
    test: ref.test,
    citation: ref.source,
    doi: null,
    population: ref.source,
    ageDefinition: `ages ${ref.minAge} to under ${ref.maxAge}`,
    origin: 'shipped',
    caveat: null,
    method: 'normal-approximation',
    rows: [{ sex: ref.sex, minAge: ref.minAge, maxAge: ref.maxAge, mean: ref.mean, sd: ref.sd }],
  };
  return normFromTables([table], ref.test, value, ref.minAge, ref.sex)!;
}
