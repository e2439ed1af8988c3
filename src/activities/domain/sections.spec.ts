import fc from 'fast-check';

import { analyzeTrack, type Athlete } from './activity-analysis';
import { analyzeSections, distanceSplits, lapSections, timeRangeSection, timeSplits } from './sections';
import { meridianRun, repeat, T0_MS } from './track-fixtures';
import type { TrackPoint } from './track';

const athlete: Athlete = { sex: 'female', ageYears: 25 };

/** Constant 6 m/s for 10 min at 1 Hz (device distance and speed): 601 points, 3,600 m. */
const steady = (): TrackPoint[] =>
  Array.from({ length: 601 }, (_, i) => ({ timeMs: T0_MS + i * 1000, distanceM: 6 * i, speedMps: 6 }));

const distances = (points: TrackPoint[], ranges: ReturnType<typeof timeSplits>) =>
  analyzeSections(points, ranges, athlete).map((s) => s.metrics?.summary.distanceM ?? 0);

describe('distanceSplits', () => {
  it('6 m/s for 10 min: boundaries at the first point at or beyond 1, 2, 3 km → 1,002, 1,002, 996 m and 600 m left', () => {
    const pts = steady();
    const ranges = distanceSplits(pts);
    expect(ranges.map((r) => (r.startMs - T0_MS) / 1000)).toEqual([0, 167, 334, 500]);
    expect(ranges.map((r) => (r.endMs - T0_MS) / 1000)).toEqual([167, 334, 500, 600]);
    expect(ranges.every((r, i) => r.kind === 'split-distance' && r.index === i)).toBe(true);
    expect(distances(pts, ranges)).toEqual([1002, 1002, 996, 600]);
  });

  it('a track that ends exactly on a boundary has no empty remainder split', () => {
    const pts = steady().slice(0, 501); // 3,000 m
    expect(distances(pts, distanceSplits(pts))).toEqual([1002, 1002, 996]);
  });

  it('refuses a non-positive split length', () => {
    expect(() => distanceSplits(steady(), 0)).toThrow(RangeError);
  });
});

describe('timeSplits', () => {
  it('6 m/s for 10 min: two 5-min splits of 1,800 m each', () => {
    const pts = steady();
    const ranges = timeSplits(pts);
    expect(ranges).toEqual([
      { kind: 'split-time', index: 0, startMs: T0_MS, endMs: T0_MS + 300_000 },
      { kind: 'split-time', index: 1, startMs: T0_MS + 300_000, endMs: T0_MS + 600_000 },
    ]);
    expect(distances(pts, ranges)).toEqual([1800, 1800]);
  });
});

describe('lapSections and timeRangeSection', () => {
  it('laps keep the file order; each lap has the same metrics as analyzeTrack of its points', () => {
    const pts = steady();
    const ranges = lapSections([
      { startMs: T0_MS, endMs: T0_MS + 120_000 },
      { startMs: T0_MS + 120_000, endMs: T0_MS + 600_000, distanceM: 2880 },
    ]);
    const sections = analyzeSections(pts, ranges, athlete);
    expect(sections.map((s) => [s.kind, s.index])).toEqual([
      ['lap', 0],
      ['lap', 1],
    ]);
    expect(sections[1].metrics).toEqual(analyzeTrack(pts.slice(120), athlete));
    expect(sections.map((s) => s.metrics?.summary.distanceM)).toEqual([720, 2880]);
  });

  it('a coach range is clipped to the activity; a range holding fewer than 2 points has null metrics', () => {
    const pts = steady();
    const range = timeRangeSection(pts, T0_MS - 60_000, T0_MS + 60_000);
    expect(range).toEqual({ kind: 'custom', index: 0, startMs: T0_MS, endMs: T0_MS + 60_000 });
    expect(analyzeSections(pts, [range], athlete)[0].metrics?.summary.distanceM).toBe(360);
    const one = timeRangeSection(pts, T0_MS + 10_500, T0_MS + 11_500); // only the point at 11 s
    expect(analyzeSections(pts, [one], athlete)[0].metrics).toBeNull();
    const after = analyzeSections(pts, lapSections([{ startMs: T0_MS + 700_000, endMs: T0_MS + 800_000 }]), athlete);
    expect(after[0]).toMatchObject({ startMs: T0_MS + 600_000, endMs: T0_MS + 600_000, metrics: null });
    expect(() => timeRangeSection(pts, 2, 1)).toThrow(RangeError);
  });

  it('segment starts are moved into the slice: a split does not count the jump across a break', () => {
    const a = meridianRun([0, ...repeat(5, 20)], 1);
    const b = a.map((p) => ({ ...p, timeMs: p.timeMs + 60_000, lat: (p.lat as number) + 0.009 }));
    const pts = [...a, ...b];
    const options = { segmentStarts: [a.length] };
    const [whole] = analyzeSections(pts, [timeRangeSection(pts, T0_MS, T0_MS + 80_000)], athlete, options);
    expect(whole.metrics?.summary.distanceM).toBeCloseTo(200, 6);
    const splits = analyzeSections(pts, distanceSplits(pts, 1000, options), athlete, options);
    expect(splits).toHaveLength(1);
  });
});

describe('properties', () => {
  const track = fc
    .tuple(
      fc.array(fc.double({ min: 0, max: 11, noNaN: true }), { minLength: 1, maxLength: 400 }),
      fc.constantFrom(1, 2, 10),
    )
    .map(([speeds, hz]) => meridianRun([0, ...speeds], hz));

  it('split distances add up to the whole, and section times lie within the activity', () => {
    fc.assert(
      fc.property(
        track,
        fc.integer({ min: 50, max: 1000 }),
        fc.integer({ min: 5, max: 120 }),
        (pts, everyM, everyS) => {
          const whole = analyzeTrack(pts, athlete).summary.distanceM;
          const first = pts[0].timeMs;
          const last = pts[pts.length - 1].timeMs;
          for (const ranges of [distanceSplits(pts, everyM), timeSplits(pts, everyS)]) {
            const sections = analyzeSections(pts, ranges, athlete);
            const sum = sections.reduce((t, s) => t + (s.metrics?.summary.distanceM ?? 0), 0);
            expect(sum).toBeCloseTo(whole, 6);
            for (const s of sections) {
              expect(s.startMs).toBeGreaterThanOrEqual(first);
              expect(s.endMs).toBeLessThanOrEqual(last);
              expect(s.startMs).toBeLessThanOrEqual(s.endMs);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
