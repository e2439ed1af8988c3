import fc from 'fast-check';
import { Sex } from '../../common/domain/enums';
import { PHYSICAL_TEST_BOUNDS, PHYSICAL_TESTS, PhysicalTest } from './assessment-metrics';
import {
  NORM_REFERENCES,
  normBand,
  NormReference,
  normFromReference,
  physicalTestNorm,
  standardNormalCdf,
} from './norms';

describe('standardNormalCdf', () => {
  it('matches tabulated values', () => {
    expect(standardNormalCdf(0)).toBeCloseTo(0.5, 7);
    expect(standardNormalCdf(1)).toBeCloseTo(0.841345, 6);
    expect(standardNormalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(standardNormalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(standardNormalCdf(-2.326348)).toBeCloseTo(0.01, 6);
  });

  it('property: Φ(z) + Φ(-z) = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (z) => {
        expect(standardNormalCdf(z) + standardNormalCdf(-z)).toBeCloseTo(1, 7); // the approximation is good to 1.5e-7
      }),
    );
  });
});

describe('normBand', () => {
  it.each([
    [0.1, 'well-below'],
    [9.9, 'well-below'],
    [10, 'below'],
    [29.9, 'below'],
    [30, 'average'],
    [70, 'average'],
    [70.1, 'above'],
    [90, 'above'],
    [90.1, 'well-above'],
    [99.9, 'well-above'],
  ])('%p → %s', (percentile, band) => {
    expect(normBand(percentile)).toBe(band);
  });
});

describe('physicalTestNorm', () => {
  it('places a result at the reference mean on the 50th percentile', () => {
    expect(physicalTestNorm('yoyoIr1M', 2024, 14.2, 'male')).toMatchObject({
      percentile: 50,
      band: 'average',
      source: expect.stringContaining('Deprez et al. 2014'),
    });
    expect(physicalTestNorm('plankS', 83, 20, 'female')).toMatchObject({ percentile: 50, band: 'average' });
  });

  it('converts z-scores to percentiles', () => {
    // U17 reference 2404 ± 347 m: one SD above is the 84.1st percentile, one below the 15.9th.
    expect(physicalTestNorm('yoyoIr1M', 2404 + 347, 16, 'male')).toMatchObject({ percentile: 84.1, band: 'above' });
    expect(physicalTestNorm('yoyoIr1M', 2404 - 347, 16, 'male')).toMatchObject({ percentile: 15.9, band: 'below' });
    // Men's plank 124 ± 72 s: 2 SD above is the 97.7th.
    expect(physicalTestNorm('plankS', 124 + 144, 22, 'male')).toMatchObject({ percentile: 97.7, band: 'well-above' });
  });

  it('keeps percentiles inside 0.1-99.9', () => {
    expect(physicalTestNorm('yoyoIr1M', 40, 14, 'male')!.percentile).toBe(0.1);
    expect(physicalTestNorm('yoyoIr1M', 5000, 14, 'male')!.percentile).toBe(99.9);
  });

  it('chooses the age band by decimal age, lower bound inclusive', () => {
    expect(physicalTestNorm('yoyoIr1M', 2404, 14.99, 'male')!.percentile).toBeGreaterThan(50);
    expect(physicalTestNorm('yoyoIr1M', 2404, 15, 'male')!.percentile).toBe(50);
  });

  it('is null where no reference exists', () => {
    expect(physicalTestNorm('yoyoIr1M', 2000, 12.9, 'male')).toBeNull();
    expect(physicalTestNorm('yoyoIr1M', 2000, 19, 'male')).toBeNull();
    expect(physicalTestNorm('yoyoIr1M', 2000, 14, 'female')).toBeNull();
    expect(physicalTestNorm('plankS', 100, 17.9, 'male')).toBeNull();
    expect(physicalTestNorm('sprint20mS', 3.2, 14, 'male')).toBeNull();
    expect(physicalTestNorm('cmjCm', 29, 14, 'female')).toBeNull();
    expect(physicalTestNorm('cmjCm', 29, 12.9, 'male')).toBeNull();
    expect(physicalTestNorm('shuttle20mShuttle', 5, 14, 'male')).toBeNull();
    expect(physicalTestNorm('shuttle20mLevel', 5, 10, 'female')).toBeNull(); // PACER laps are not a level
    expect(physicalTestNorm('pushUps', 12, 12, 'female')).toBeNull(); // the MoMo curves are for 40 s only
    expect(physicalTestNorm('standingLongJumpCm', 150, 23.5, 'male')).toBeNull(); // past the MoMo grid
    expect(physicalTestNorm('standingLongJumpCm', 80, 4.1, 'female')).toBeNull(); // before it
    expect(physicalTestNorm('yoyoIr1M', Number.NaN, 14, 'male')).toBeNull();
  });

  it('has well-formed references: positive SD, one group per test, sex and age', () => {
    for (const r of NORM_REFERENCES) {
      expect(r.sd).toBeGreaterThan(0);
      expect(r.minAge).toBeLessThan(r.maxAge);
      expect(r.source.length).toBeGreaterThan(20);
      const bounds = PHYSICAL_TEST_BOUNDS[r.test];
      expect(r.mean).toBeGreaterThanOrEqual(bounds.min);
      expect(r.mean).toBeLessThanOrEqual(bounds.max);
      const overlapping = NORM_REFERENCES.filter(
        (o) => o !== r && o.test === r.test && o.sex === r.sex && o.minAge < r.maxAge && r.minAge < o.maxAge,
      );
      expect(overlapping).toEqual([]);
    }
  });

  it('property: a better result never gets a lower percentile, for every reference', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NORM_REFERENCES),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ref, a, b) => {
          const { min, max } = PHYSICAL_TEST_BOUNDS[ref.test];
          const [lo, hi] = [min + Math.min(a, b) * (max - min), min + Math.max(a, b) * (max - min)];
          const age = (ref.minAge + ref.maxAge) / 2;
          const worse = physicalTestNorm(ref.test, lo, age, ref.sex)!;
          const better = physicalTestNorm(ref.test, hi, age, ref.sex)!;
          expect(better.percentile).toBeGreaterThanOrEqual(worse.percentile);
          expect(worse.percentile).toBeGreaterThanOrEqual(0.1);
          expect(better.percentile).toBeLessThanOrEqual(99.9);
        },
      ),
    );
  });
});

/**
 * Each reference read back against the numbers its paper prints: the published mean is the 50th percentile, one SD
 * either side is the 84.1st / 15.9th, and where the paper gives the sample's range, its extremes land in the tails
 * (a sample of about 100 rarely reaches beyond ±3 SD, so the normal model should put them outside the 2.5-97.5 band).
 */
describe('published references', () => {
  const published: {
    test: PhysicalTest;
    sex: Sex;
    age: number;
    mean: number;
    sd: number;
    range?: [number, number];
    cites: string;
  }[] = [
    { test: 'yoyoIr1M', sex: 'male', age: 14, mean: 2024, sd: 470, cites: 'Deprez et al. 2014' },
    { test: 'yoyoIr1M', sex: 'male', age: 16, mean: 2404, sd: 347, cites: 'Deprez et al. 2014' },
    { test: 'yoyoIr1M', sex: 'male', age: 18, mean: 2547, sd: 337, cites: 'Deprez et al. 2014' },
    { test: 'plankS', sex: 'male', age: 20, mean: 124, sd: 72, cites: 'Strand et al. 2014' },
    { test: 'plankS', sex: 'female', age: 20, mean: 83, sd: 63, cites: 'Strand et al. 2014' },
    // Benediktsson et al. 2024, Table 2, Norwegian U14 boys.
    { test: 'cmjCm', sex: 'male', age: 13.5, mean: 29.1, sd: 5.1, range: [14.9, 39.4], cites: 'Benediktsson' },
    {
      test: 'standingLongJumpCm',
      sex: 'male',
      age: 14.5,
      mean: 188,
      sd: 23,
      range: [125, 258],
      cites: 'Benediktsson',
    },
  ];

  it('covers every reference in the table', () => {
    expect(published).toHaveLength(NORM_REFERENCES.length);
  });

  it.each(published)('$test, $sex, $age y: the published mean is the 50th percentile', (p) => {
    expect(physicalTestNorm(p.test, p.mean, p.age, p.sex)).toMatchObject({
      percentile: 50,
      band: 'average',
      source: expect.stringContaining(p.cites),
    });
  });

  it.each(published)('$test, $sex, $age y: one published SD above and below is the 84.1st and 15.9th', (p) => {
    const better = PHYSICAL_TEST_BOUNDS[p.test].lowerIsBetter ? -p.sd : p.sd;
    expect(physicalTestNorm(p.test, p.mean + better, p.age, p.sex)!.percentile).toBe(84.1);
    expect(physicalTestNorm(p.test, p.mean - better, p.age, p.sex)!.percentile).toBe(15.9);
  });

  it.each(published.filter((p) => p.range))('$test, $sex, $age y: the sample range lands in the tails', (p) => {
    const [min, max] = p.range!;
    expect(physicalTestNorm(p.test, min, p.age, p.sex)!.percentile).toBeLessThan(2.5);
    expect(physicalTestNorm(p.test, max, p.age, p.sex)!.percentile).toBeGreaterThan(97.5);
  });

  it('says when a reference is a sport sample rather than the general population', () => {
    for (const r of NORM_REFERENCES.filter((x) => /Deprez|Benediktsson/.test(x.source))) {
      expect(r.source).toMatch(/not the general population/);
    }
  });
});

describe('normFromReference', () => {
  // A made-up timed reference, only to check the direction flip: 20 m in 3.40 ± 0.15 s.
  const sprint: NormReference = {
    test: 'sprint20mS',
    sex: 'male',
    minAge: 14,
    maxAge: 15,
    mean: 3.4,
    sd: 0.15,
    source: 'test',
  };

  it('flips the sign for timed tests: faster is a higher percentile', () => {
    expect(normFromReference(sprint, 3.25)).toMatchObject({ percentile: 84.1, band: 'above' });
    expect(normFromReference(sprint, 3.55)).toMatchObject({ percentile: 15.9, band: 'below' });
  });

  it('property: for every timed test a lower time never gets a lower percentile', () => {
    const timed = PHYSICAL_TESTS.filter((t) => PHYSICAL_TEST_BOUNDS[t].lowerIsBetter);
    expect(timed).toEqual(['sprint10mS', 'sprint20mS', 'sprint30mS', 'agility505S', 'tTestS']);
    fc.assert(
      fc.property(
        fc.constantFrom(...timed),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (test, a, b) => {
          const { min, max } = PHYSICAL_TEST_BOUNDS[test];
          const ref = { ...sprint, test, mean: (min + max) / 2, sd: (max - min) / 8 };
          const faster = normFromReference(ref, min + Math.min(a, b) * (max - min));
          const slower = normFromReference(ref, min + Math.max(a, b) * (max - min));
          expect(faster.percentile).toBeGreaterThanOrEqual(slower.percentile);
        },
      ),
    );
  });
});
