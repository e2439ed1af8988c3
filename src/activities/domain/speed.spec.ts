import fc from 'fast-check';
import { movingAverageSpeeds, rawSpeedsMps, smoothedSpeedsMps, SMOOTHING_WINDOW_S, stepDistancesM } from './speed';
import { TrackPoint } from './track';
import { meridianRun, repeat, T0_MS } from './track-fixtures';

describe('raw speeds and step distances', () => {
  it('from positions: a 6 m/s meridian run at 10 Hz gives 6 m/s and 0.6 m per step', () => {
    const points = meridianRun(repeat(6, 11), 10);
    for (const v of rawSpeedsMps(points)) expect(v).toBeCloseTo(6, 6);
    const d = stepDistancesM(points);
    expect(d[0]).toBe(0);
    for (const x of d.slice(1)) expect(x).toBeCloseTo(0.6, 6);
  });

  it('device speed takes precedence over positions; device distance over positions', () => {
    const points = meridianRun(repeat(6, 3), 1).map((p, i) => ({ ...p, speedMps: 5, distanceM: 10 * i }));
    expect(rawSpeedsMps(points)).toEqual([5, 5, 5]);
    expect(stepDistancesM(points)).toEqual([0, 10, 10]);
  });

  it('a point without position takes the speed of the segment spanning it; a decreasing device distance counts 0', () => {
    const run = meridianRun(repeat(4, 3), 1);
    const points: TrackPoint[] = [run[0], { timeMs: run[1].timeMs }, run[2]];
    expect(rawSpeedsMps(points).map((v) => +v.toFixed(6))).toEqual([4, 4, 4]);
    expect(stepDistancesM(points).map((v) => +v.toFixed(6))).toEqual([0, 4, 4]);
    const dev: TrackPoint[] = [
      { timeMs: T0_MS, distanceM: 50 },
      { timeMs: T0_MS + 1000, distanceM: 40 },
    ];
    expect(stepDistancesM(dev)).toEqual([0, 0]);
  });
});

describe('movingAverageSpeeds (centred, ±0.5 s)', () => {
  const times = (n: number, stepMs: number): TrackPoint[] =>
    Array.from({ length: n }, (_, i) => ({ timeMs: T0_MS + i * stepMs }));

  it('averages the 11 samples within ±0.5 s at 10 Hz; at 1 Hz keeps each sample', () => {
    expect(SMOOTHING_WINDOW_S).toBe(1);
    const speeds = [...repeat(0, 10), 11, ...repeat(0, 10)];
    expect(movingAverageSpeeds(times(21, 100), speeds)[10]).toBeCloseTo(1, 12);
    expect(movingAverageSpeeds(times(21, 100), speeds)[4]).toBe(0);
    expect(movingAverageSpeeds(times(3, 1000), [1, 5, 2])).toEqual([1, 5, 2]);
  });

  it('keeps a constant speed exactly, at any sampling', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 12, noNaN: true }),
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom(40, 100, 200, 1000),
        (c, n, step) => {
          expect(movingAverageSpeeds(times(n, step), repeat(c, n))).toEqual(repeat(c, n));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('never produces a negative speed nor leaves the range of the raw speeds', () => {
    const arb = fc.array(
      fc.record({ dt: fc.integer({ min: 1, max: 1500 }), v: fc.double({ min: 0, max: 12, noNaN: true }) }),
      { minLength: 1, maxLength: 80 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        let t = T0_MS;
        const points = rows.map((r) => ({ timeMs: (t += r.dt) }));
        const speeds = rows.map((r) => r.v);
        const out = movingAverageSpeeds(points, speeds);
        for (const v of out) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(Math.max(...speeds));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('smoothedSpeedsMps of a constant-speed device track is exact', () => {
    const points = times(50, 100).map((p) => ({ ...p, speedMps: 6 }));
    expect(smoothedSpeedsMps(points)).toEqual(repeat(6, 50));
  });
});
