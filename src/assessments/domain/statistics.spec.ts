import fc from 'fast-check';
import { changeSummary, DAYS_PER_MONTH, leastSquaresSlopePerMonth, Point } from './statistics';

const START = Date.UTC(2024, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;
const atMonth = (months: number, value: number): Point => ({
  date: new Date(START + months * DAYS_PER_MONTH * DAY_MS),
  value,
});
const atDay = (day: number, value: number): Point => ({ date: new Date(START + day * DAY_MS), value });

/** Strictly increasing day offsets, 2-12 of them, within about six years. */
const distinctDays = fc
  .uniqueArray(fc.integer({ min: 0, max: 2200 }), { minLength: 2, maxLength: 12 })
  .map((days) => [...days].sort((a, b) => a - b));

describe('leastSquaresSlopePerMonth', () => {
  it('recovers the exact slope of a perfectly linear series', () => {
    const points = [0, 1, 2, 5, 9].map((m) => atMonth(m, 2 + 0.5 * m));
    expect(leastSquaresSlopePerMonth(points)).toBeCloseTo(0.5, 12);
  });

  it('is 0 for a constant series', () => {
    expect(leastSquaresSlopePerMonth([0, 3, 7].map((m) => atMonth(m, 42)))).toBe(0);
  });

  it('matches a hand-computed fit', () => {
    // x = 0,1,2,3 months; y = 1,3,2,5. x̄ = 1.5, ȳ = 2.75, Sxy = 5.5, Sxx = 5, slope = 1.1.
    const points = [atMonth(0, 1), atMonth(1, 3), atMonth(2, 2), atMonth(3, 5)];
    expect(leastSquaresSlopePerMonth(points)).toBeCloseTo(1.1, 12);
  });

  it('measures months as 30.4375 days, whatever the calendar', () => {
    // 1 Jan to 1 Jul 2024 is 182 days = 5.9795 average months.
    const slope = leastSquaresSlopePerMonth([atDay(0, 0), atDay(182, 182 / DAYS_PER_MONTH)]);
    expect(slope).toBeCloseTo(1, 12);
  });

  it('does not depend on the order of the points', () => {
    const points = [atMonth(0, 1), atMonth(1, 3), atMonth(2, 2), atMonth(3, 5)];
    expect(leastSquaresSlopePerMonth([...points].reverse())).toBeCloseTo(1.1, 12);
  });

  it('is null without two distinct dates', () => {
    expect(leastSquaresSlopePerMonth([])).toBeNull();
    expect(leastSquaresSlopePerMonth([atDay(0, 1)])).toBeNull();
    expect(leastSquaresSlopePerMonth([atDay(3, 1), atDay(3, 9)])).toBeNull();
  });

  it('ignores points without a usable value or date', () => {
    const points = [atMonth(0, 0), atMonth(1, Number.NaN), { date: new Date(Number.NaN), value: 5 }, atMonth(2, 2)];
    expect(leastSquaresSlopePerMonth(points)).toBeCloseTo(1, 12);
  });

  it('property: the sign follows a strictly monotonic series', () => {
    fc.assert(
      fc.property(
        distinctDays,
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 12 }),
        (days, steps) => {
          let value = 0;
          const rising = days.map((d, i) => atDay(d, (value += steps[i])));
          const falling = rising.map((p) => ({ ...p, value: -p.value }));
          expect(leastSquaresSlopePerMonth(rising)!).toBeGreaterThan(0);
          expect(leastSquaresSlopePerMonth(falling)!).toBeLessThan(0);
        },
      ),
    );
  });

  it('property: adding a constant does not change the slope; scaling the values scales it', () => {
    fc.assert(
      fc.property(
        distinctDays,
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 12 }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (days, values, shift) => {
          const points = days.map((d, i) => atDay(d, values[i]));
          const slope = leastSquaresSlopePerMonth(points)!;
          const shifted = leastSquaresSlopePerMonth(points.map((p) => ({ ...p, value: p.value + shift })))!;
          const doubled = leastSquaresSlopePerMonth(points.map((p) => ({ ...p, value: p.value * 2 })))!;
          expect(Math.abs(shifted - slope)).toBeLessThan(1e-6 * (1 + Math.abs(slope) + Math.abs(shift)));
          expect(Math.abs(doubled - 2 * slope)).toBeLessThan(1e-6 * (1 + Math.abs(slope)));
        },
      ),
    );
  });
});

describe('changeSummary', () => {
  it('is null without points', () => {
    expect(changeSummary([])).toBeNull();
  });

  it('orders by date and reports the changes since the first and the previous result', () => {
    const summary = changeSummary([atMonth(2, 12), atMonth(0, 10), atMonth(5, 9), atMonth(3, 15)]);
    expect(summary).toEqual({
      first: atMonth(0, 10),
      last: atMonth(5, 9),
      changeSinceFirst: -1,
      changeSinceLast: -6,
      changePctSinceFirst: -10,
    });
  });

  it('reports no change for a single point', () => {
    expect(changeSummary([atMonth(0, 4)])).toMatchObject({
      changeSinceFirst: 0,
      changeSinceLast: 0,
      changePctSinceFirst: 0,
    });
  });

  it('has no percentage from a zero baseline and keeps the sign for a negative one', () => {
    expect(changeSummary([atMonth(0, 0), atMonth(1, 5)])!.changePctSinceFirst).toBeNull();
    expect(changeSummary([atMonth(0, -4), atMonth(1, -2)])!.changePctSinceFirst).toBe(50);
  });

  it('hands back the caller’s own point objects', () => {
    const points = [
      { ...atMonth(0, 1), source: 'a' },
      { ...atMonth(1, 2), source: 'b' },
    ];
    const summary = changeSummary(points)!;
    expect(summary.first.source).toBe('a');
    expect(summary.last).toBe(points[1]);
  });
});
