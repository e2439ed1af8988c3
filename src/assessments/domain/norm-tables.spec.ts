import fc from 'fast-check';
import { PHYSICAL_TEST_BOUNDS } from './assessment-metrics';
import { coleGreenLmsValue } from './lms';
import momoPushUps from './norm-data/niessner-2020-momo-push-ups.json';
import momoStandingLongJump from './norm-data/niessner-2020-momo-standing-long-jump.json';
import { normFromTables, NormTable, percentileFromCentiles } from './norm-tables';
import { physicalTestNorm, SHIPPED_NORM_TABLES } from './norms';

describe('MoMo growth curves (LMS) at exact decimal age', () => {
  it('places a girl of exactly 12 at the median on the 50th percentile, and one z above on the 84.1st', () => {
    expect(physicalTestNorm('standingLongJumpCm', 145.073, 12, 'female')).toMatchObject({
      percentile: 50,
      band: 'average',
      method: 'LMS',
      zScore: 0,
      source: expect.stringContaining('Niessner C'),
      reference: {
        id: 'niessner-2020-momo-standing-long-jump',
        doi: '10.3389/fpubh.2020.00458',
        population: expect.stringContaining('Germany'),
        ageDefinition: expect.stringContaining('Exact decimal age'),
        origin: 'shipped',
      },
      matched: { sex: 'female', ageYears: 12 },
    });
    expect(physicalTestNorm('standingLongJumpCm', 165.3582, 12, 'female')).toMatchObject({
      percentile: 84.1,
      zScore: 1,
    });
  });

  it.each([
    ['standingLongJumpCm', momoStandingLongJump],
    ['pushUps40s', momoPushUps],
  ] as const)('%s: every grid row’s median is the 50th percentile at that exact age', (test, file) => {
    for (const row of file.rows) {
      const norm = physicalTestNorm(test, row.M, row.age, row.sex as 'male' | 'female')!;
      if (norm.method !== 'LMS') continue; // a football reference takes precedence (boys 13-14, long jump)
      expect(norm.percentile).toBe(50);
      const z1 = coleGreenLmsValue(1, row);
      expect(physicalTestNorm(test, z1, row.age, row.sex as 'male' | 'female')!.zScore).toBe(1);
    }
  });

  it('interpolates L, M and S between monthly grid ages', () => {
    // Boys 9.0 (M 133.6658) and 9.0833 (M 134.3667): halfway, the median is halfway.
    const age = (9 + 9.08333333333333) / 2;
    expect(physicalTestNorm('standingLongJumpCm', (133.6658 + 134.3667) / 2, age, 'male')).toMatchObject({
      percentile: 50,
      zScore: 0,
    });
  });

  it('gives a 7-year-old boy percentiles for the long jump and the 40-second push-ups', () => {
    expect(physicalTestNorm('standingLongJumpCm', 114.6685, 7, 'male')).toMatchObject({ percentile: 50 });
    expect(physicalTestNorm('pushUps40s', 9.965958, 7, 'male')).toMatchObject({
      percentile: 50,
      reference: { id: 'niessner-2020-momo-push-ups-40s' },
    });
  });

  it('keeps the football reference first where it covers the player (boys 13-14, long jump)', () => {
    expect(physicalTestNorm('standingLongJumpCm', 188, 13.5, 'male')!.reference.id).toBe(
      'benediktsson-2024-u14-standingLongJumpCm',
    );
    expect(physicalTestNorm('standingLongJumpCm', 188, 15, 'male')!.method).toBe('LMS');
  });
});

describe('percentile tables', () => {
  const centiles = [
    { p: 10, value: 15 },
    { p: 25, value: 28 },
    { p: 50, value: 51 },
    { p: 75, value: 72 },
    { p: 90, value: 104 },
  ];

  it('reads a published centile exactly and interpolates linearly between two', () => {
    expect(percentileFromCentiles(centiles, 51)).toEqual({ percentile: 50, bound: null });
    expect(percentileFromCentiles(centiles, 72)).toEqual({ percentile: 75, bound: null });
    expect(percentileFromCentiles(centiles, 61.5)).toEqual({ percentile: 62.5, bound: null });
  });

  it('gives only a bound beyond the outermost centiles', () => {
    expect(percentileFromCentiles(centiles, 5)).toEqual({ percentile: 10, bound: 'below' });
    expect(percentileFromCentiles(centiles, 300)).toEqual({ percentile: 90, bound: 'above' });
  });

  it('scores the plank of an 8-year-old girl on the NNYFS 6-9 centiles (sexes pooled)', () => {
    expect(physicalTestNorm('plankS', 51, 8.4, 'female')).toMatchObject({
      percentile: 50,
      method: 'percentile-table',
      zScore: null,
      reference: { id: 'edelson-2016-nnyfs-plank', ageDefinition: expect.stringContaining('last birthday') },
      matched: { sex: 'all', ages: '6-9', ageYears: 8 },
    });
    const low = physicalTestNorm('plankS', 10, 8.4, 'female')!;
    expect(low).toMatchObject({ percentile: 10, band: 'well-below', note: expect.stringContaining('below 10') });
    const high = physicalTestNorm('plankS', 200, 14.2, 'male')!;
    expect(high).toMatchObject({ percentile: 90, band: 'well-above', matched: { ages: '13-15' } });
  });

  it('turns a timed centile table round: a faster time is a higher percentile', () => {
    const timed: NormTable = {
      id: 'timed',
      test: 'sprint20mS',
      citation: 'made up for the direction only',
      doi: null,
      population: 'none',
      ageDefinition: 'last birthday',
      origin: 'uploaded',
      caveat: null,
      method: 'percentile-table',
      rows: [
        {
          sex: 'male',
          minAge: 10,
          maxAge: 11,
          centiles: [
            { p: 10, value: 3.5 },
            { p: 50, value: 3.8 },
            { p: 90, value: 4.2 },
          ],
        },
      ],
    };
    expect(normFromTables([timed], 'sprint20mS', 3.5, 10.5, 'male')).toMatchObject({ percentile: 90 });
    expect(normFromTables([timed], 'sprint20mS', 3.3, 10.5, 'male')).toMatchObject({
      percentile: 90,
      band: 'well-above',
    });
    expect(normFromTables([timed], 'sprint20mS', 4.5, 10.5, 'male')).toMatchObject({
      percentile: 10,
      band: 'well-below',
    });
  });
});

describe('CAPL mean/SD (normal approximation)', () => {
  it('scores a 10-year-old girl’s PACER laps on the girls’ row (ages 8-12 pooled) before the pooled-sex age row', () => {
    expect(physicalTestNorm('shuttle20mLaps', 20.9, 10.3, 'female')).toMatchObject({
      percentile: 50,
      method: 'normal-approximation',
      reference: { id: 'tremblay-2018-capl-pacer-20m-laps', caveat: expect.stringContaining('skewed') },
      matched: { sex: 'female', ages: '8-12', ageYears: 10 },
    });
    expect(physicalTestNorm('shuttle20mLaps', 20.9 + 11.6, 10.3, 'female')).toMatchObject({ percentile: 84.1 });
    expect(physicalTestNorm('shuttle20mLaps', 25.8, 12.9, 'male')).toMatchObject({ percentile: 50 });
    expect(physicalTestNorm('shuttle20mLaps', 25, 13, 'male')).toBeNull();
    expect(physicalTestNorm('shuttle20mLaps', 25, 7.9, 'female')).toBeNull();
  });

  it('leaves the CAPL plank behind the NNYFS centiles, which need no normality assumption', () => {
    expect(physicalTestNorm('plankS', 60, 10, 'male')!.reference.id).toBe('edelson-2016-nnyfs-plank');
    expect(SHIPPED_NORM_TABLES.map((t) => t.id)).toContain('tremblay-2018-capl-plank');
  });
});

describe('every shipped reference', () => {
  it('names its citation, method, population and age definition in each percentile', () => {
    const covered = SHIPPED_NORM_TABLES.flatMap((t): { t: NormTable; sex: string; age: number }[] =>
      t.method === 'LMS'
        ? t.rows.filter((_, i) => i % 17 === 0).map((r) => ({ t, sex: r.sex, age: r.age }))
        : t.rows.map((r) => ({ t, sex: r.sex, age: r.minAge })),
    );
    fc.assert(
      fc.property(fc.constantFrom(...covered), fc.double({ min: 0, max: 1, noNaN: true }), ({ t, sex, age }, f) => {
        const { min, max } = PHYSICAL_TEST_BOUNDS[t.test];
        const norm = physicalTestNorm(t.test, min + f * (max - min), age, sex === 'male' ? 'male' : 'female')!;
        expect(norm).not.toBeNull();
        expect(norm.percentile).toBeGreaterThanOrEqual(0.1);
        expect(norm.percentile).toBeLessThanOrEqual(99.9);
        expect(norm.reference.citation.length).toBeGreaterThan(20);
        expect(norm.reference.population.length).toBeGreaterThan(10);
        expect(norm.reference.ageDefinition.length).toBeGreaterThan(10);
        expect(['LMS', 'percentile-table', 'normal-approximation']).toContain(norm.method);
      }),
    );
  });

  it('has unique ids and rows inside the test’s plausible bounds', () => {
    expect(new Set(SHIPPED_NORM_TABLES.map((t) => t.id)).size).toBe(SHIPPED_NORM_TABLES.length);
    for (const t of SHIPPED_NORM_TABLES) {
      const { min, max } = PHYSICAL_TEST_BOUNDS[t.test];
      const centres =
        t.method === 'LMS'
          ? t.rows.map((r) => r.M)
          : t.method === 'normal-approximation'
            ? t.rows.map((r) => r.mean)
            : t.rows.flatMap((r) => r.centiles.map((c) => c.value));
      for (const c of centres) {
        expect(c).toBeGreaterThanOrEqual(min);
        expect(c).toBeLessThanOrEqual(max);
      }
    }
  });
});
