import fc from 'fast-check';
import { cohortCounts, cohortPercentile, percentileRankMidpoint } from './cohort';

describe('cohort percentiles', () => {
  // A constructed cohort: 19 other players jumped 101..119 cm.
  const others = Array.from({ length: 19 }, (_, i) => 101 + i);

  it('ranks a player among 20 with known ranks: best 97.5, worst 2.5, tenth of twenty 47.5', () => {
    expect(cohortPercentile(cohortCounts(others, 120))).toMatchObject({ percentile: 97.5, players: 20, reason: null });
    expect(cohortPercentile(cohortCounts(others, 100))).toMatchObject({ percentile: 2.5, band: 'well-below' });
    // 110.5 cm beats 10 of the 19 (101-110): rank 11 of 20 from the bottom, (10 + 0.5) / 20.
    expect(cohortPercentile(cohortCounts(others, 110.5))).toMatchObject({ percentile: 52.5, band: 'average' });
    // Equal to the 110 cm player: 9 below, 2 at the score, (9 + 1) / 20.
    expect(cohortCounts(others, 110)).toEqual({ worse: 9, equal: 1, total: 20 });
    expect(cohortPercentile(cohortCounts(others, 110)).percentile).toBe(50);
  });

  it('turns timed tests round: the fastest is the best', () => {
    const times = Array.from({ length: 19 }, (_, i) => 3.5 + i / 10);
    expect(cohortPercentile(cohortCounts(times, 3.0, true)).percentile).toBe(97.5);
    expect(cohortPercentile(cohortCounts(times, 6.0, true)).percentile).toBe(2.5);
  });

  it('is null with the reason below 20 players', () => {
    const result = cohortPercentile(cohortCounts(others.slice(1), 120));
    expect(result).toEqual({
      percentile: null,
      band: null,
      players: 19,
      reason: expect.stringContaining('20 are needed'),
    });
  });

  it('property: the percentile rank stays inside (0, 100) and never falls as the result improves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 19, maxLength: 60 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (cohort, a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          const pLo = percentileRankMidpoint(cohortCounts(cohort, lo));
          const pHi = percentileRankMidpoint(cohortCounts(cohort, hi));
          expect(pHi).toBeGreaterThanOrEqual(pLo);
          expect(pLo).toBeGreaterThan(0);
          expect(pHi).toBeLessThan(100);
        },
      ),
    );
  });
});
