import fc from 'fast-check';
import { SEXES } from '../../common/domain/enums';
import {
  classifyVo2max,
  findOverlap,
  SEED_VO2_BENCHMARKS,
  validateBenchmark,
  Vo2Benchmark,
  vo2TableReference,
} from './vo2-norms';

const benchmark = (overrides: Partial<Vo2Benchmark> = {}): Vo2Benchmark => ({
  sex: 'female',
  ageMin: 20,
  ageMax: 29,
  bands: [
    { name: 'low', minVo2max: 0 },
    { name: 'mid', minVo2max: 30 },
    { name: 'high', minVo2max: 40 },
  ],
  percentiles: [
    { p: 10, vo2max: 25 },
    { p: 50, vo2max: 35 },
    { p: 90, vo2max: 45 },
  ],
  source: 'test table',
  ...overrides,
});

const pathsOf = (b: Vo2Benchmark) => validateBenchmark(b).map((problem) => problem.path);

describe('SEED_VO2_BENCHMARKS', () => {
  it('passes validateBenchmark, every table', () => {
    for (const b of SEED_VO2_BENCHMARKS)
      expect({ b: `${b.sex} ${b.ageMin}-${b.ageMax}`, problems: validateBenchmark(b) }).toEqual({
        b: `${b.sex} ${b.ageMin}-${b.ageMax}`,
        problems: [],
      });
  });

  it('never has two tables for one sex and age', () => {
    for (const b of SEED_VO2_BENCHMARKS) expect(findOverlap(b, SEED_VO2_BENCHMARKS)).toBeUndefined();
  });

  it('covers ages 10-79 for both sexes without gaps, and leaves 6-9 and 80+ uncovered', () => {
    for (const sex of SEXES) {
      for (let age = 5; age <= 100; age++) {
        const covered = SEED_VO2_BENCHMARKS.some((b) => b.sex === sex && age >= b.ageMin && age <= b.ageMax);
        expect({ sex, age, covered }).toEqual({ sex, age, covered: age >= 10 && age <= 79 });
      }
    }
  });

  it('names the table a band and percentile come from, and none where no table covers the player', () => {
    expect(vo2TableReference(25.9, 'male', SEED_VO2_BENCHMARKS)).toEqual({
      citation: expect.stringMatching(/Kaminsky/),
      method: 'percentile-table',
      sex: 'male',
      ages: '20-29',
      ageDefinition: expect.stringMatching(/completed years/),
    });
    expect(vo2TableReference(12, 'female', SEED_VO2_BENCHMARKS)).toMatchObject({
      citation: expect.stringMatching(/FITNESSGRAM/),
      method: 'cut-offs',
      sex: 'female',
    });
    expect(vo2TableReference(8, 'male', SEED_VO2_BENCHMARKS)).toBeNull();
    expect(vo2TableReference(Number.NaN, 'male', SEED_VO2_BENCHMARKS)).toBeNull();
  });

  it('matches the FRIEND 2015 abstract: 50th percentile 48.0 / 37.6 at 20-29 and 24.4 / 18.3 at 70-79', () => {
    expect(classifyVo2max(48.0, 25, 'male', SEED_VO2_BENCHMARKS).percentile).toBe(50);
    expect(classifyVo2max(37.6, 25, 'female', SEED_VO2_BENCHMARKS).percentile).toBe(50);
    expect(classifyVo2max(24.4, 75, 'male', SEED_VO2_BENCHMARKS).percentile).toBe(50);
    expect(classifyVo2max(18.3, 75, 'female', SEED_VO2_BENCHMARKS).percentile).toBe(50);
  });

  it('bands adults at the FRIEND 40th/60th/80th/95th percentiles (men 20-29)', () => {
    const band = (vo2max: number) => classifyVo2max(vo2max, 24, 'male', SEED_VO2_BENCHMARKS).band;
    expect([44.8, 44.9, 50.1, 50.2, 57.0, 57.1, 66.2, 66.3].map(band)).toEqual([
      'poor',
      'fair',
      'fair',
      'good',
      'good',
      'excellent',
      'excellent',
      'superior',
    ]);
  });

  it('applies the FITNESSGRAM zones for a 14-year-old boy (NI-health risk <= 39.6, HFZ >= 42.5)', () => {
    const classify = (vo2max: number) => classifyVo2max(vo2max, 14, 'male', SEED_VO2_BENCHMARKS);
    expect(classify(39.6)).toEqual({ band: 'needs-improvement-health-risk', percentile: null });
    expect(classify(39.7)).toEqual({ band: 'needs-improvement', percentile: null });
    expect(classify(42.4)).toEqual({ band: 'needs-improvement', percentile: null });
    expect(classify(42.5)).toEqual({ band: 'healthy-fitness-zone', percentile: null });
  });

  it('uses the FITNESSGRAM ">17" row for 18- and 19-year-olds (girls HFZ >= 38.6)', () => {
    expect(classifyVo2max(38.6, 19, 'female', SEED_VO2_BENCHMARKS).band).toBe('healthy-fitness-zone');
    expect(classifyVo2max(38.5, 18, 'female', SEED_VO2_BENCHMARKS).band).toBe('needs-improvement');
  });

  it('returns nulls for ages it has no standard for', () => {
    expect(classifyVo2max(45, 9, 'male', SEED_VO2_BENCHMARKS)).toEqual({ band: null, percentile: null });
    expect(classifyVo2max(45, 6, 'female', SEED_VO2_BENCHMARKS)).toEqual({ band: null, percentile: null });
    expect(classifyVo2max(30, 85, 'female', SEED_VO2_BENCHMARKS)).toEqual({ band: null, percentile: null });
  });
});

describe('classifyVo2max', () => {
  const tables = [benchmark(), benchmark({ sex: 'male', bands: [{ name: 'only', minVo2max: 0 }], percentiles: [] })];

  it('picks the table by sex and completed years of age', () => {
    expect(classifyVo2max(35, 29.9, 'female', tables).band).toBe('mid');
    expect(classifyVo2max(35, 29.9, 'male', tables).band).toBe('only');
    expect(classifyVo2max(35, 30, 'female', tables)).toEqual({ band: null, percentile: null });
    expect(classifyVo2max(35, 19.9, 'female', tables)).toEqual({ band: null, percentile: null });
  });

  it('puts a value on a cut-off into the band that starts there', () => {
    expect(classifyVo2max(29.99, 25, 'female', tables).band).toBe('low');
    expect(classifyVo2max(30, 25, 'female', tables).band).toBe('mid');
    expect(classifyVo2max(40, 25, 'female', tables).band).toBe('high');
  });

  it('interpolates the percentile linearly within the table', () => {
    expect(classifyVo2max(25, 25, 'female', tables).percentile).toBe(10);
    expect(classifyVo2max(30, 25, 'female', tables).percentile).toBe(30);
    expect(classifyVo2max(37.5, 25, 'female', tables).percentile).toBe(60);
    expect(classifyVo2max(45, 25, 'female', tables).percentile).toBe(90);
  });

  it('clamps to 1 below the table and 99 above it', () => {
    expect(classifyVo2max(24.9, 25, 'female', tables).percentile).toBe(1);
    expect(classifyVo2max(45.1, 25, 'female', tables).percentile).toBe(99);
  });

  it('has no percentile for a table without one', () => {
    expect(classifyVo2max(35, 25, 'male', tables)).toEqual({ band: 'only', percentile: null });
  });

  it('returns nulls for non-finite input', () => {
    expect(classifyVo2max(Number.NaN, 25, 'female', tables)).toEqual({ band: null, percentile: null });
    expect(classifyVo2max(35, Number.POSITIVE_INFINITY, 'female', tables)).toEqual({ band: null, percentile: null });
  });

  it('never ranks a higher VO2max lower, in band or percentile (property over the seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 79 }),
        fc.constantFrom(...SEXES),
        fc.double({ min: 5, max: 90, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (age, sex, vo2max, more) => {
          const a = classifyVo2max(vo2max, age, sex, SEED_VO2_BENCHMARKS);
          const b = classifyVo2max(vo2max + more, age, sex, SEED_VO2_BENCHMARKS);
          const table = SEED_VO2_BENCHMARKS.find((t) => t.sex === sex && age >= t.ageMin && age <= t.ageMax)!;
          const rank = (band: string | null) => table.bands.findIndex((x) => x.name === band);
          const percentileOk = a.percentile === null ? b.percentile === null : a.percentile <= b.percentile!;
          return (
            rank(a.band) <= rank(b.band) && percentileOk && (b.percentile ?? 50) >= 1 && (b.percentile ?? 50) <= 99
          );
        },
      ),
    );
  });
});

describe('validateBenchmark', () => {
  it('accepts a well-formed table, and one without percentiles', () => {
    expect(validateBenchmark(benchmark())).toEqual([]);
    expect(validateBenchmark(benchmark({ percentiles: [] }))).toEqual([]);
  });

  it.each([
    ['an unknown sex', { sex: 'x' as never }, 'sex'],
    ['ageMin above ageMax', { ageMin: 30, ageMax: 20 }, 'ageMax'],
    ['an age under 5', { ageMin: 4 }, 'ageMin'],
    ['an age over 100', { ageMax: 101 }, 'ageMax'],
    ['a fractional age', { ageMin: 20.5 }, 'ageMin'],
    ['no bands', { bands: [] }, 'bands'],
    ['a first band not at 0', { bands: [{ name: 'a', minVo2max: 5 }] }, 'bands.0.minVo2max'],
    [
      'bands not strictly ascending',
      {
        bands: [
          { name: 'a', minVo2max: 0 },
          { name: 'b', minVo2max: 30 },
          { name: 'c', minVo2max: 30 },
        ],
      },
      'bands.2.minVo2max',
    ],
    [
      'a repeated band name',
      {
        bands: [
          { name: 'a', minVo2max: 0 },
          { name: 'a', minVo2max: 30 },
        ],
      },
      'bands.1.name',
    ],
    ['an empty band name', { bands: [{ name: ' ', minVo2max: 0 }] }, 'bands.0.name'],
    ['a percentile of 0', { percentiles: [{ p: 0, vo2max: 20 }] }, 'percentiles.0.p'],
    ['a percentile of 100', { percentiles: [{ p: 100, vo2max: 20 }] }, 'percentiles.0.p'],
    [
      'percentiles out of order',
      {
        percentiles: [
          { p: 50, vo2max: 30 },
          { p: 40, vo2max: 35 },
        ],
      },
      'percentiles.1.p',
    ],
    [
      'values falling as p rises',
      {
        percentiles: [
          { p: 40, vo2max: 35 },
          { p: 50, vo2max: 30 },
        ],
      },
      'percentiles.1.vo2max',
    ],
    ['a NaN value', { percentiles: [{ p: 50, vo2max: Number.NaN }] }, 'percentiles.0.vo2max'],
    ['no source', { source: '' }, 'source'],
  ] as [string, Partial<Vo2Benchmark>, string][])('refuses %s', (_what, overrides, path) => {
    expect(pathsOf(benchmark(overrides))).toContain(path);
  });
});

describe('findOverlap', () => {
  const existing = [
    benchmark({ ageMin: 20, ageMax: 29 }),
    benchmark({ ageMin: 30, ageMax: 39 }),
    benchmark({ sex: 'male', ageMin: 40, ageMax: 49 }),
  ];

  it('finds a table of the same sex whose ages intersect', () => {
    expect(findOverlap(benchmark({ ageMin: 29, ageMax: 29 }), existing)).toBe(existing[0]);
    expect(findOverlap(benchmark({ ageMin: 35, ageMax: 60 }), existing)).toBe(existing[1]);
    expect(findOverlap(benchmark({ ageMin: 10, ageMax: 90 }), existing)).toBe(existing[0]);
  });

  it('ignores adjacent ranges, the other sex and the table itself', () => {
    expect(findOverlap(benchmark({ ageMin: 40, ageMax: 49 }), existing)).toBeUndefined();
    expect(findOverlap(benchmark({ ageMin: 10, ageMax: 19 }), existing)).toBeUndefined();
    expect(findOverlap(existing[0], existing)).toBeUndefined();
  });
});
