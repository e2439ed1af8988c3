import fc from 'fast-check';
import { parseFit } from '../parsing/fit';
import { parseTcx } from '../parsing/tcx';
import { sampleBytes } from '../parsing/test-samples';
import { analyzeTrack, cleanedSegmentStarts } from './activity-analysis';
import { STREAM_RESOLUTIONS, type StreamResolution } from './downsampling';
import { activityStreams, STREAM_TYPES, streamIndices, type ActivityStreams } from './streams';
import { cleanTrack } from './track-cleaning';
import { meridianRun, repeat, T0_MS } from './track-fixtures';
import type { TrackPoint } from './track';

const RESOLUTIONS = Object.keys(STREAM_RESOLUTIONS) as StreamResolution[];
const ATHLETE = { sex: 'male' as const, ageYears: 24 };

function expectAligned(result: ActivityStreams): void {
  for (const [type, values] of Object.entries(result.streams)) {
    expect(`${type}: ${(values as unknown[]).length}`).toBe(`${type}: ${result.points}`);
  }
}

function expectNonDecreasing(values: readonly number[]): void {
  for (let i = 1; i < values.length; i++) {
    if (values[i] < values[i - 1]) throw new Error(`decreases at ${i}: ${values[i - 1]} → ${values[i]}`);
  }
}

/** 1 Hz run with heart rate and altitude on every point: 3000 points, 4 m/s with a sprint at 8 m/s at step 1234. */
function sessionRun(): TrackPoint[] {
  const speeds = repeat(4, 3000);
  speeds[1234] = 8;
  return meridianRun(speeds, 1).map((p, i) => ({ ...p, heartRate: 120 + (i % 40), altitudeM: 50 + (i % 7) }));
}

describe('activityStreams', () => {
  const run = sessionRun();

  it.each(RESOLUTIONS)('%s: at most the resolution’s points, every stream aligned, first and last kept', (res) => {
    const result = activityStreams(run, [], res);
    expect(result.resolution).toBe(res);
    expect(result.originalPoints).toBe(3000);
    expect(result.points).toBe(Math.min(3000, STREAM_RESOLUTIONS[res]));
    expect(Object.keys(result.streams).sort()).toEqual([...STREAM_TYPES].sort());
    expectAligned(result);
    expect(result.streams.time?.[0]).toBe(0);
    expect(result.streams.time?.[result.points - 1]).toBe(2999);
    expect(result.streams.latlng?.[0]).toEqual([run[0].lat, run[0].lon]);
    expect(result.streams.latlng?.[result.points - 1]).toEqual([run[2999].lat, run[2999].lon]);
  });

  it('keeps every point of a track no longer than the resolution', () => {
    const short = run.slice(0, 100);
    const result = activityStreams(short, ['time', 'heartrate'], 'low');
    expect(result.points).toBe(100);
    expect(result.streams.time).toEqual(short.map((_, i) => i));
    expect(result.streams.heartrate).toEqual(short.map((p) => p.heartRate));
    expect(activityStreams(run.slice(0, 101), ['time'], 'low').points).toBe(100);
  });

  it('chooses the points by speed when the player moves, so the one sprint survives the cut', () => {
    expect(streamIndices(run, 100).driver).toBe('speed');
    const { streams } = activityStreams(run, ['time', 'speed'], 'low');
    expect(Math.max(...(streams.speed ?? []))).toBeCloseTo(8, 6);
    expect(streams.time).toContain(1234);
  });

  it('falls back to heart rate, then altitude, then an even spread when nothing moves', () => {
    const still = (extra: (i: number) => Partial<TrackPoint>) =>
      Array.from({ length: 500 }, (_, i) => ({ timeMs: T0_MS + i * 1000, lat: 51.5, lon: 0, ...extra(i) }));
    // A heart-rate peak at 300 that an even spread could miss.
    const hr = still((i) => (i === 300 ? { heartRate: 190 } : i % 3 === 0 ? {} : { heartRate: 100 }));
    expect(streamIndices(hr, 50).driver).toBe('heartrate');
    expect(activityStreams(hr, ['heartrate'], 'low').streams.heartrate).toContain(190);
    const alt = still((i) => ({ altitudeM: i === 222 ? 80 : 20 }));
    expect(streamIndices(alt, 50).driver).toBe('altitude');
    expect(activityStreams(alt, ['altitude'], 'low').streams.altitude).toContain(80);
    const none = still(() => ({}));
    expect(streamIndices(none, 50).driver).toBe('none');
    expect(activityStreams(none, ['time'], 'low').points).toBe(100);
  });

  it('gives only the requested streams, and every stream for an empty list', () => {
    const result = activityStreams(run, ['speed', 'heartrate'], 'medium');
    expect(Object.keys(result.streams).sort()).toEqual(['heartrate', 'speed']);
    expect(Object.keys(activityStreams(run, [], 'low').streams)).toHaveLength(STREAM_TYPES.length);
  });

  it('refuses an unknown stream type or resolution', () => {
    expect(() => activityStreams(run, ['power' as never], 'low')).toThrow(RangeError);
    expect(() => activityStreams(run, [], 'ultra' as never)).toThrow(RangeError);
  });

  it('writes null where a point has no position, heart rate or altitude', () => {
    const points: TrackPoint[] = [
      { timeMs: T0_MS, lat: 51.5, lon: 0, heartRate: 120, altitudeM: 10 },
      { timeMs: T0_MS + 1000, heartRate: 121 },
      { timeMs: T0_MS + 2000, lat: 51.50001, lon: 0 },
    ];
    const { streams } = activityStreams(points, [], 'low');
    expect(streams.time).toEqual([0, 1, 2]);
    expect(streams.latlng).toEqual([[51.5, 0], null, [51.50001, 0]]);
    expect(streams.heartrate).toEqual([120, 121, null]);
    expect(streams.altitude).toEqual([10, null, null]);
  });

  it('gives empty streams for an empty track', () => {
    const result = activityStreams([], [], 'low');
    expect(result).toMatchObject({ originalPoints: 0, points: 0 });
    expect(result.streams.time).toEqual([]);
    expect(result.streams.distance).toEqual([]);
  });

  it('distance is cumulative, non-decreasing and ends at the full distance', () => {
    const full = analyzeTrack(run, ATHLETE).summary.distanceM;
    expect(full).toBeCloseTo(2999 * 4 + 4, 6); // 2999 steps at 4 m/s, one of them at 8
    for (const res of RESOLUTIONS) {
      const distance = activityStreams(run, ['distance'], res).streams.distance ?? [];
      expect(distance[0]).toBe(0);
      expectNonDecreasing(distance);
      expect(distance[distance.length - 1]).toBeCloseTo(full, 6);
    }
  });

  it('counts no distance across a segment break', () => {
    const first = meridianRun(repeat(3, 50), 1);
    // The second segment starts 1 km further north, a minute later.
    const second = meridianRun(repeat(3, 50), 1).map((p) => ({
      ...p,
      timeMs: p.timeMs + 110_000,
      lat: (p.lat as number) + 0.009,
    }));
    const points = [...first, ...second];
    const broken = activityStreams(points, ['distance', 'speed'], 'low', { segmentStarts: [50] });
    expect(broken.streams.distance?.[99]).toBeCloseTo(2 * 49 * 3, 6);
    expect(broken.streams.distance?.[50]).toBeCloseTo(49 * 3, 6);
    expect(Math.max(...(broken.streams.speed ?? []))).toBeCloseTo(3, 6);
    expect(broken.streams.distance?.[99]).toBeCloseTo(
      analyzeTrack(points, ATHLETE, { segmentStarts: [50] }).summary.distanceM,
      6,
    );
    // Joined, the 1 km jump is distance.
    const joined = activityStreams(points, ['distance'], 'low');
    expect(joined.streams.distance?.[99]).toBeGreaterThan(1000);
  });

  it('strictly increasing indices, first and last kept, never more than the threshold (property)', () => {
    const track = fc
      .array(
        fc.record({
          dtMs: fc.integer({ min: 100, max: 5000 }),
          speed: fc.double({ min: 0, max: 10, noNaN: true }),
          heartRate: fc.option(fc.integer({ min: 60, max: 200 }), { nil: undefined }),
        }),
        { minLength: 0, maxLength: 400 },
      )
      .map((steps) => {
        let t = T0_MS;
        let north = 0;
        return steps.map((s) => {
          t += s.dtMs;
          north += (s.speed * s.dtMs) / 1000 / 111_195;
          return { timeMs: t, lat: 51.5 + north, lon: 0, heartRate: s.heartRate };
        });
      });
    fc.assert(
      fc.property(track, fc.integer({ min: 2, max: 120 }), (points, threshold) => {
        const { indices } = streamIndices(points, threshold);
        expect(indices.length).toBe(Math.min(points.length, threshold));
        for (let i = 1; i < indices.length; i++) expect(indices[i]).toBeGreaterThan(indices[i - 1]);
        if (points.length > 0) {
          expect(indices[0]).toBe(0);
          expect(indices[indices.length - 1]).toBe(points.length - 1);
        }
        const result = activityStreams(points, [], 'low');
        expectAligned(result);
        expectNonDecreasing(result.streams.distance ?? []);
      }),
      { numRuns: 150 },
    );
  });
});

describe('activityStreams on real samples', () => {
  it.each(RESOLUTIONS)(
    'activity-small-fenix2-run.fit at %s: aligned, and the distance is the summary’s',
    async (res) => {
      const parsed = await parseFit(sampleBytes('activity-small-fenix2-run.fit'));
      const { points } = cleanTrack(parsed.points);
      const result = activityStreams(points, [], res);
      expect(result.points).toBe(Math.min(points.length, STREAM_RESOLUTIONS[res]));
      expectAligned(result);
      const distance = result.streams.distance ?? [];
      expectNonDecreasing(distance);
      expect(distance[distance.length - 1]).toBeCloseTo(analyzeTrack(points, ATHLETE).summary.distanceM, 6);
    },
  );

  it('running_workout_1.tcx (16 Tracks): the distance stops at the breaks as the analysis does', () => {
    const parsed = parseTcx(sampleBytes('running_workout_1.tcx').toString('utf8'));
    const { points } = cleanTrack(parsed.points);
    const segmentStarts = cleanedSegmentStarts(parsed.points, points, parsed.segmentStarts);
    expect(segmentStarts.length).toBeGreaterThan(10);
    const result = activityStreams(points, ['distance', 'time'], 'medium', { segmentStarts });
    expect(result.points).toBe(500);
    const distance = result.streams.distance ?? [];
    const full = analyzeTrack(points, ATHLETE, { segmentStarts }).summary.distanceM;
    expect(distance[distance.length - 1]).toBeCloseTo(full, 6);
    const joined = activityStreams(points, ['distance'], 'medium').streams.distance ?? [];
    expect(joined[joined.length - 1]).toBeGreaterThan(full);
  });
});
