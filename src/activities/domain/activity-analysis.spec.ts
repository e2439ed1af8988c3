import fc from 'fast-check';

import {
  analyzeActivityFile,
  analyzeTrack,
  type Athlete,
  cleanedSegmentStarts,
  segmentRuns,
} from './activity-analysis';
import { edwards1993Trimp, tanaka2001HrMax } from './heart-rate';
import { summarizeTrack } from './running-metrics';
import { meridianRun, repeat, T0_MS } from './track-fixtures';
import type { TrackPoint } from './track';

const male: Athlete = { sex: 'male', ageYears: 20 };

/** Constant 6 m/s for 10 min at 1 Hz, distance and speed from the device: 601 points, 3,600 m. */
const steady = (): TrackPoint[] =>
  Array.from({ length: 601 }, (_, i) => ({ timeMs: T0_MS + i * 1000, distanceM: 6 * i, speedMps: 6 }));

describe('analyzeTrack', () => {
  it('a constant 6 m/s run for 10 min: 3,600 m, all of it running (21.6 km/h is high-speed running)', () => {
    const m = analyzeTrack(steady(), male);
    expect(m.summary.distanceM).toBe(3600);
    expect(m.summary.elapsedS).toBe(600);
    expect(m.summary.movingS).toBe(600);
    expect(m.summary.avgSpeedMps).toBe(6);
    expect(m.summary.samplingHz).toBe(1);
    expect(m.running.zonesM.highSpeedRunning).toBe(3600);
    expect(m.running.highSpeedRunningM).toBe(3600);
    expect(m.running.sprints).toEqual({ count: 0, distanceM: 0 });
    expect(m.running.metresPerMinute).toBe(360);
    expect(m.running.accelerations).toEqual({ count: 0, reliable: false });
    expect(m.running.effortsAbove90).toBeNull();
    expect(m.heartRate).toBeNull();
  });

  it('the summary is summarizeTrack exactly when there is no break', () => {
    const pts = meridianRun([0, ...repeat(5, 30), ...repeat(8, 30)], 1);
    expect(analyzeTrack(pts, male).summary).toEqual(summarizeTrack(pts));
  });

  it('efforts above 90 % of the player max: 6 m/s is above 0.9 × 6.5 = 5.85 m/s, one effort of 3,600 m', () => {
    const m = analyzeTrack(steady(), { ...male, maxSpeedMps: 6.5 });
    expect(m.running.effortsAbove90).toEqual({ count: 1, distanceM: 3600 });
    expect(analyzeTrack(steady(), { ...male, maxSpeedMps: 7 }).running.effortsAbove90).toEqual({
      count: 0,
      distanceM: 0,
    });
  });

  it('zones sum to the total distance', () => {
    const speeds = [0, ...repeat(1, 20), ...repeat(3, 20), ...repeat(4.5, 20), ...repeat(6, 20), ...repeat(8, 20)];
    const m = analyzeTrack(meridianRun(speeds, 1), male);
    const zoneSum = Object.values(m.running.zonesM).reduce((a, b) => a + b, 0);
    expect(zoneSum).toBeCloseTo(m.summary.distanceM, 6);
    expect(m.summary.distanceM).toBeCloseTo(20 * (1 + 3 + 4.5 + 6 + 8), 3);
  });

  it('a heart-rate trace with a known Edwards TRIMP: HRmax 194 (Tanaka, age 20), 5 min at 150 then 5 min at 180', () => {
    // 150/194 = 77 % → zone 3, 180/194 = 93 % → zone 5; each 1-s reading counts to the next one.
    const pts = steady().map((p, i) => ({ ...p, heartRate: i < 300 ? 150 : 180 }));
    const hr = analyzeTrack(pts, male).heartRate;
    expect(hr).not.toBeNull();
    expect(hr?.hrMax).toBeCloseTo(tanaka2001HrMax(20), 10);
    expect(hr?.hrMax).toBeCloseTo(194, 10);
    expect(hr?.hrMaxSource).toBe('tanaka2001');
    expect(hr?.timeInZonesS).toEqual([0, 0, 300, 0, 300]);
    // Edwards: 5 min × 3 + 5 min × 5 = 40.
    expect(hr?.edwardsTrimp).toBeCloseTo(40, 10);
    expect(hr?.edwardsTrimp).toBeCloseTo(edwards1993Trimp([0, 0, 300, 0, 300]), 10);
    expect(hr?.banisterTrimp).toBeNull(); // no resting heart rate: none is invented
  });

  it('Banister TRIMP with the measured HRmax and a resting HR: 10 min at 150, rest 50, max 200, male', () => {
    const pts = steady().map((p) => ({ ...p, heartRate: 150 }));
    const hr = analyzeTrack(pts, { ...male, hrMax: 200, hrRest: 50 }).heartRate;
    expect(hr?.hrMaxSource).toBe('measured');
    // ratio (150 − 50)/(200 − 50) = 2/3; 10 min × 2/3 × 0.64 × e^(1.92 × 2/3) = 15.3457…
    expect(hr?.banisterTrimp).toBeCloseTo(10 * (2 / 3) * 0.64 * Math.exp(1.92 * (2 / 3)), 6);
    expect(hr?.banisterTrimp).toBeCloseTo(15.3457, 3);
  });

  it('distance does not cross a segment break: two 100 m runs 1 km apart give 200 m', () => {
    const a = meridianRun([0, ...repeat(5, 20)], 1);
    const b = meridianRun([0, ...repeat(5, 20)], 1).map((p) => ({
      ...p,
      timeMs: p.timeMs + 60_000,
      lat: (p.lat as number) + 0.009, // ≈ 1 km north
    }));
    const pts = [...a, ...b];
    const joined = analyzeTrack(pts, male);
    const split = analyzeTrack(pts, male, { segmentStarts: [a.length] });
    expect(joined.summary.distanceM).toBeGreaterThan(1000);
    expect(split.summary.distanceM).toBeCloseTo(200, 6);
    expect(split.summary.movingS).toBe(40);
    expect(split.summary.elapsedS).toBe(80); // 0-20 s, then 60-80 s
    expect(split.running.metresPerMinute).toBeCloseTo(150, 6); // 200 m / (80 s / 60)
    expect(Object.values(split.running.zonesM).reduce((x, y) => x + y, 0)).toBeCloseTo(200, 6);
  });

  it('throws EMPTY_TRACK for no points', () => {
    expect(() => analyzeTrack([], male)).toThrow(expect.objectContaining({ code: 'EMPTY_TRACK' }));
  });

  it('property: distance with breaks is the sum of the runs, never more than without breaks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 11, noNaN: true }), { minLength: 2, maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 70 }), { maxLength: 4 }),
        (speeds, starts) => {
          const pts = meridianRun([0, ...speeds], 1);
          const withBreaks = analyzeTrack(pts, male, { segmentStarts: starts }).summary.distanceM;
          const runs = segmentRuns(pts, starts).reduce((t, r) => t + summarizeTrack(r).distanceM, 0);
          expect(withBreaks).toBeCloseTo(runs, 6);
          expect(withBreaks).toBeLessThanOrEqual(summarizeTrack(pts).distanceM + 1e-6);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('segmentRuns and cleanedSegmentStarts', () => {
  const pts = meridianRun(repeat(1, 6), 1);
  it('cuts at the starts, tolerating 0, repeats, disorder and out-of-range', () => {
    expect(segmentRuns(pts, [4, 0, 2, 2, 99]).map((r) => r.length)).toEqual([2, 2, 2]);
  });
  it('moves a start onto the first kept point at or after it', () => {
    const kept = [pts[0], pts[1], pts[3], pts[4], pts[5]]; // point 2 dropped
    expect(cleanedSegmentStarts(pts, kept, [2, 4])).toEqual([2, 3]);
  });
});

describe('analyzeActivityFile', () => {
  it('cleans, analyses and cuts sections: a duplicate is dropped, the lap and splits cover the run', () => {
    const points = steady();
    const parsed = {
      format: 'gpx' as const,
      points: [points[0], ...points],
      laps: [{ startMs: T0_MS, endMs: T0_MS + 600_000 }],
    };
    const a = analyzeActivityFile(parsed, male);
    expect(a.quality.duplicateTimestamps).toBe(1);
    expect(a.metrics.summary.distanceM).toBe(3600);
    expect(a.laps).toHaveLength(1);
    expect(a.laps[0].metrics?.summary.distanceM).toBe(3600);
    expect(a.splits.distance.map((s) => s.metrics?.summary.distanceM)).toEqual([1002, 1002, 996, 600]);
    expect(a.splits.time.map((s) => s.metrics?.summary.distanceM)).toEqual([1800, 1800]);
  });
});
