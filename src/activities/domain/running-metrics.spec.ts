import fc from 'fast-check';
import {
  accelerations,
  decelerations,
  distanceInZones,
  effortsAbove,
  elevationGainM,
  highSpeedRunningM,
  kmhToMps,
  metresPerMinute,
  movingS,
  speedZone,
  SPEED_ZONES_KMH,
  sprints,
  summarizeTrack,
  totalDistanceM,
} from './running-metrics';
import { TrackError, TrackPoint } from './track';
import { meridianRun, repeat, T0_MS } from './track-fixtures';

/** Step speeds of a ramp from 0 to `top` m/s at `accel` m/s², 10 Hz, with 2 s still before and 2 s at `top` after. */
function ramp(accel: number, top: number): number[] {
  const rampSteps = Math.round((top / accel) * 10);
  return [
    ...repeat(0, 21),
    ...Array.from({ length: rampSteps }, (_, k) => Math.min(top, (accel * (k + 1)) / 10)),
    ...repeat(top, 20),
  ];
}

describe('speed zones', () => {
  it('five issue bands with closed lower bounds; sprinting strictly above 25.2 km/h', () => {
    expect(SPEED_ZONES_KMH.map((z) => z.minKmh)).toEqual([0, 7.2, 14.4, 19.8, 25.2]);
    expect(speedZone(kmhToMps(7.1))).toBe('standingWalking');
    expect(speedZone(kmhToMps(7.2))).toBe('jogging');
    expect(speedZone(kmhToMps(14.4))).toBe('running');
    expect(speedZone(6)).toBe('highSpeedRunning'); // 6 m/s = 21.6 km/h
    expect(speedZone(7)).toBe('highSpeedRunning'); // exactly 25.2 km/h is not above it
    expect(speedZone(7.01)).toBe('sprinting');
  });
});

describe('constant 6 m/s along a meridian at 10 Hz for 60 s', () => {
  const points = meridianRun(repeat(6, 601), 10);

  it('covers 360 m, all of it high-speed running (21.6 km/h), at 360 m/min', () => {
    expect(totalDistanceM(points)).toBeCloseTo(360, 6);
    const zones = distanceInZones(points);
    expect(zones.highSpeedRunning).toBeCloseTo(360, 6);
    expect(zones.standingWalking + zones.jogging + zones.running + zones.sprinting).toBe(0);
    expect(highSpeedRunningM(points)).toBeCloseTo(360, 6);
    expect(metresPerMinute(points)).toBeCloseTo(360, 6);
  });

  it('has no sprint, acceleration or deceleration; accelerations are reliable at 10 Hz', () => {
    expect(sprints(points)).toEqual({ count: 0, distanceM: 0 });
    expect(accelerations(points)).toEqual({ count: 0, reliable: true });
    expect(decelerations(points)).toEqual({ count: 0, reliable: true });
  });

  it('summary', () => {
    const s = summarizeTrack(points);
    expect(s.startTime).toBe('2024-05-01T18:00:00.000Z');
    expect(s.elapsedS).toBe(60);
    expect(s.movingS).toBeCloseTo(60, 9);
    expect(s.distanceM).toBeCloseTo(360, 6);
    expect(s.avgSpeedMps).toBeCloseTo(6, 6);
    expect(s.maxSpeedMps).toBeCloseTo(6, 6);
    expect(s.elevationGainM).toBe(0);
    expect(s.heartRate).toBeNull();
    expect(s.samplingHz).toBe(10);
  });
});

describe('a 4 s sprint at 8 m/s inside a 3 m/s jog (10 Hz)', () => {
  const points = meridianRun([0, ...repeat(3, 50), ...repeat(8, 40), ...repeat(3, 50)], 10);

  it('is one sprint; smoothing trims 0.3 s off each end, so 3.4 s × 8 m/s = 27.2 m of the raw 32 m', () => {
    // A smoothed point exceeds 7 m/s when ≥ 9 of its 11 window samples are 8 m/s: points 54–87, 34 steps.
    const s = sprints(points);
    expect(s.count).toBe(1);
    expect(s.distanceM).toBeCloseTo(27.2, 6);
  });

  it('efforts above 90 % of a 8.5 m/s maximum (7.65 m/s): one; above 90 % of 10 m/s: none', () => {
    expect(effortsAbove(points, 8.5).count).toBe(1);
    expect(effortsAbove(points, 8.5).distanceM).toBeGreaterThan(0);
    expect(effortsAbove(points, 10)).toEqual({ count: 0, distanceM: 0 });
    expect(effortsAbove(points, 10, 0.5).count).toBe(1);
  });

  it('an effort shorter than 1 s above 25.2 km/h is not a sprint', () => {
    const short = meridianRun([0, ...repeat(3, 50), ...repeat(8, 12), ...repeat(3, 50)], 10);
    expect(sprints(short).count).toBe(0);
  });
});

describe('accelerations and decelerations', () => {
  it('0 → 6 m/s at 4 m/s² (1.5 s): one acceleration, no deceleration', () => {
    const points = meridianRun(ramp(4, 6), 10);
    expect(accelerations(points)).toEqual({ count: 1, reliable: true });
    expect(decelerations(points).count).toBe(0);
  });

  it('0 → 6 m/s at 2 m/s² (3 s): none', () => {
    expect(accelerations(meridianRun(ramp(2, 6), 10)).count).toBe(0);
  });

  it('6 → 0 m/s at 4 m/s²: one deceleration', () => {
    const points = meridianRun([0, ...ramp(4, 6).slice(1).reverse()], 10);
    expect(decelerations(points).count).toBe(1);
    expect(accelerations(points).count).toBe(0);
  });

  it('a 1 Hz track is marked unreliable', () => {
    const points = meridianRun(repeat(3, 30), 1);
    expect(accelerations(points).reliable).toBe(false);
    expect(decelerations(points).reliable).toBe(false);
  });
});

describe('summary channels', () => {
  it('elevation gain sums positive altitude steps only; the heart rate is summarized by heart-rate.ts', () => {
    const points: TrackPoint[] = [100, 103, 101, 104, undefined, 104.5].map((a, i) => ({
      timeMs: T0_MS + i * 1000,
      altitudeM: a,
      heartRate: [120, 0, 140, 160, 150, 130][i],
    }));
    expect(elevationGainM(points)).toBeCloseTo(3 + 3 + 0.5, 10);
    // The 0 reading is no reading: 120 stands for 2 s, 140, 160 and 150 for 1 s each, the last for none.
    // (240 + 140 + 160 + 150) / 5 = 138.
    expect(summarizeTrack(points).heartRate).toEqual({ avg: 138, max: 160 });
  });

  it('moving time leaves out standing still and gaps', () => {
    const run = meridianRun([0, ...repeat(0, 10), ...repeat(2, 10)], 1);
    expect(movingS(run)).toBe(10);
    const withGap = [...run, ...meridianRun(repeat(2, 3), 1).map((p) => ({ ...p, timeMs: p.timeMs + 60_000 }))];
    expect(movingS(withGap)).toBe(12);
  });

  it('an empty track cannot be summarized', () => {
    expect(() => summarizeTrack([])).toThrow(TrackError);
  });
});

describe('properties', () => {
  const arb = fc.record({
    hz: fc.constantFrom(1, 5, 10),
    speeds: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 150 }),
  });

  it('zone distances sum to the total distance, and no metric is negative', () => {
    fc.assert(
      fc.property(arb, fc.double({ min: 1, max: 12, noNaN: true }), ({ hz, speeds }, playerMax) => {
        const points = meridianRun(speeds, hz);
        const zones = Object.values(distanceInZones(points));
        const total = totalDistanceM(points);
        expect(zones.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
        const s = summarizeTrack(points);
        const values = [
          ...zones,
          total,
          sprints(points).count,
          sprints(points).distanceM,
          accelerations(points).count,
          decelerations(points).count,
          metresPerMinute(points),
          effortsAbove(points, playerMax).distanceM,
          s.elapsedS,
          s.movingS,
          s.avgSpeedMps,
          s.maxSpeedMps,
          s.elevationGainM,
        ];
        for (const v of values) expect(v).toBeGreaterThanOrEqual(0);
        expect(s.movingS).toBeLessThanOrEqual(s.elapsedS + 1e-9);
      }),
      { numRuns: 60 },
    );
  });
});
