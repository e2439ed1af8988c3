import fc from 'fast-check';
import {
  accelerations,
  decelerations,
  distanceInZones,
  effortsAbove,
  metresPerMinute,
  movingS,
  sprints,
  summarizeTrack,
  totalDistanceM,
} from './running-metrics';
import { detectSamplingHz, medianStepMs } from './sampling';
import { smoothedSpeedsMps, stepDistancesM } from './speed';
import { isGapStep } from './track-cleaning';
import type { TrackPoint } from './track';
import { meridianRun, repeat, T0_MS } from './track-fixtures';
import { stepsOf, trackSteps } from './track-steps';

/** A 10 Hz run with a sprint, a 20 s recording gap and points with only device speed or distance. */
function mixedTrack(): TrackPoint[] {
  const run = meridianRun([0, ...repeat(3, 50), ...repeat(8, 40), ...repeat(3, 50)], 10);
  const later = meridianRun(repeat(5, 30), 10).map((p) => ({ ...p, timeMs: p.timeMs + 34_000 }));
  const deviceOnly = [1, 2, 3].map((k) => ({ timeMs: later[later.length - 1].timeMs + k * 100, speedMps: 4 }));
  const withDistance = [1, 2].map((k) => ({ timeMs: T0_MS + 40_000 + k * 100, distanceM: 500 + k * 0.4 }));
  return [...run, ...later, ...deviceOnly, ...withDistance];
}

describe('trackSteps', () => {
  it('holds exactly what the per-point functions compute', () => {
    const points = mixedTrack();
    const s = trackSteps(points);
    const intervalMs = medianStepMs(points);
    expect(s.points).toBe(points);
    expect(s.distanceM).toEqual(stepDistancesM(points));
    expect(s.speedMps).toEqual(smoothedSpeedsMps(points));
    expect(s.intervalMs).toBe(intervalMs);
    expect(s.samplingHz).toBe(detectSamplingHz(points));
    expect(s.dtS).toEqual(points.map((p, i) => (i === 0 ? 0 : (p.timeMs - points[i - 1].timeMs) / 1000)));
    expect(s.gap).toEqual(points.map((p, i) => i > 0 && isGapStep(p.timeMs - points[i - 1].timeMs, intervalMs)));
    expect(s.gap.filter(Boolean)).toHaveLength(1);
  });

  it('is empty for no points, and stepsOf passes a built view through', () => {
    const s = trackSteps([]);
    expect(s).toMatchObject({ dtS: [], distanceM: [], speedMps: [], gap: [], intervalMs: null, samplingHz: null });
    expect(stepsOf(s)).toBe(s);
  });

  it('every metric gives the same figures from the points and from their view', () => {
    const arbitraryTrack = fc
      .array(fc.record({ dtMs: fc.integer({ min: 1, max: 8000 }), v: fc.double({ min: 0, max: 11, noNaN: true }) }), {
        minLength: 1,
        maxLength: 60,
      })
      .map((steps) => {
        let t = T0_MS;
        return meridianRun(
          steps.map((s) => s.v),
          10,
        ).map((p, i) => ({ ...p, timeMs: (t += i === 0 ? 0 : steps[i].dtMs) }));
      });
    fc.assert(
      fc.property(arbitraryTrack, (points) => {
        const s = trackSteps(points);
        expect(summarizeTrack(s)).toEqual(summarizeTrack(points));
        expect(totalDistanceM(s)).toBe(totalDistanceM(points));
        expect(distanceInZones(s)).toEqual(distanceInZones(points));
        expect(sprints(s)).toEqual(sprints(points));
        expect(effortsAbove(s, 8)).toEqual(effortsAbove(points, 8));
        expect(accelerations(s)).toEqual(accelerations(points));
        expect(decelerations(s)).toEqual(decelerations(points));
        expect(movingS(s)).toBe(movingS(points));
        expect(metresPerMinute(s)).toBe(metresPerMinute(points));
      }),
    );
  });
});
