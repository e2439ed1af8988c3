import fc from 'fast-check';
import { EARTH_MEAN_RADIUS_M, GEO_REFERENCES, haversineDistanceM, isOnGlobe } from './geo';

describe('haversineDistanceM', () => {
  const oneDegreeM = (EARTH_MEAN_RADIUS_M * Math.PI) / 180; // 111,194.93 m

  it('one degree along a meridian or the equator is R·π/180', () => {
    expect(oneDegreeM).toBeCloseTo(111_194.93, 2);
    expect(haversineDistanceM({ lat: 10, lon: 5 }, { lat: 11, lon: 5 })).toBeCloseTo(oneDegreeM, 6);
    expect(haversineDistanceM({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(oneDegreeM, 6);
  });

  it('antipodes are half the circumference apart; a point is 0 m from itself', () => {
    expect(haversineDistanceM({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * EARTH_MEAN_RADIUS_M, 3);
    expect(haversineDistanceM({ lat: 51.5, lon: -0.1 }, { lat: 51.5, lon: -0.1 })).toBe(0);
  });

  it('one degree of longitude at 60° N: just under the parallel arc R·cos 60°·π/180 (a great circle is shorter)', () => {
    const d = haversineDistanceM({ lat: 60, lon: 0 }, { lat: 60, lon: 1 });
    expect(d).toBeLessThan(oneDegreeM / 2);
    expect(d).toBeGreaterThan(oneDegreeM / 2 - 1);
  });

  it('is symmetric, non-negative and at most half the circumference', () => {
    const pt = fc.record({
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lon: fc.double({ min: -180, max: 180, noNaN: true }),
    });
    fc.assert(
      fc.property(pt, pt, (a, b) => {
        const d = haversineDistanceM(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.PI * EARTH_MEAN_RADIUS_M + 1e-6);
        expect(haversineDistanceM(b, a)).toBeCloseTo(d, 6);
      }),
      { numRuns: 100 },
    );
  });

  it('cites its sources', () => {
    expect(GEO_REFERENCES.sinnott1984).toContain('Sky and Telescope 1984');
    expect(GEO_REFERENCES.moritz1980).toContain('Geodetic Reference System 1980');
  });
});

describe('isOnGlobe', () => {
  it.each([
    [90, 180, true],
    [-90, -180, true],
    [0, 0, true],
    [90.0001, 0, false],
    [0, -180.5, false],
    [Number.NaN, 0, false],
    [0, Infinity, false],
  ])('(%p, %p) → %p', (lat, lon, expected) => {
    expect(isOnGlobe(lat, lon)).toBe(expected);
  });
});
