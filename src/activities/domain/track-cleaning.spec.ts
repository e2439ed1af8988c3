import fc from 'fast-check';
import { CLEANING_REFERENCES, cleanTrack, GAP_MIN_S, isGapStep, MAX_HUMAN_SPEED_MPS } from './track-cleaning';
import { TrackError, TrackPoint } from './track';
import { meridianRun, repeat, T0_MS } from './track-fixtures';

describe('cleanTrack', () => {
  it('keeps a clean 10 Hz track unchanged, all counts 0', () => {
    const points = meridianRun(repeat(6, 101), 10);
    const { points: kept, quality } = cleanTrack(points);
    expect(kept).toEqual(points);
    expect(quality).toEqual({
      inputPoints: 101,
      duplicateTimestamps: 0,
      backwardsTimestamps: 0,
      gpsJumps: 0,
      gaps: 0,
      gapSeconds: 0,
    });
  });

  it('drops duplicate and backwards time stamps against the last kept point', () => {
    const run = meridianRun(repeat(3, 6), 1);
    const points = [run[0], run[1], { ...run[1], heartRate: 150 }, run[2], { timeMs: run[1].timeMs + 500 }, run[3]];
    const { points: kept, quality } = cleanTrack(points);
    expect(kept).toEqual([run[0], run[1], run[2], run[3]]);
    expect(quality.duplicateTimestamps).toBe(1);
    expect(quality.backwardsTimestamps).toBe(1);
  });

  it('drops a GPS jump (> 12.5 m/s from the last kept position) and judges the next point against the one before it', () => {
    const run = meridianRun(repeat(5, 6), 1);
    const jump = { ...run[3], lat: run[3].lat! + 0.001 }; // ~111 m in 1 s
    const points = [run[0], run[1], run[2], jump, run[4], run[5]];
    const { points: kept, quality } = cleanTrack(points);
    expect(kept).toEqual([run[0], run[1], run[2], run[4], run[5]]);
    expect(quality.gpsJumps).toBe(1);
    expect(MAX_HUMAN_SPEED_MPS).toBe(12.5);
    expect(CLEANING_REFERENCES.graubner2011).toContain('New Studies in Athletics 2011;26(1/2):19-53');
  });

  it('keeps a genuine 12 m/s top-speed step', () => {
    expect(cleanTrack(meridianRun(repeat(12, 5), 10)).quality.gpsJumps).toBe(0);
  });

  it('counts gaps (> 2 × the sampling interval and ≥ 5 s) and their length, without dropping points', () => {
    const a = meridianRun(repeat(2, 11), 10);
    const later = (ms: number) => meridianRun(repeat(2, 11), 10).map((p) => ({ ...p, timeMs: p.timeMs + ms }));
    const points = [...a, ...later(1000 + 6000), ...later(1000 + 6000 + 1000 + 2000)];
    const { points: kept, quality } = cleanTrack(points.map((p) => ({ timeMs: p.timeMs, heartRate: 140 })));
    expect(kept).toHaveLength(33);
    // 1 s → 7 s is a 6 s gap; 8 s → 10 s is only a 2 s step (under the 5 s floor)
    expect(quality.gaps).toBe(1);
    expect(quality.gapSeconds).toBe(6);
    expect(isGapStep(4999, 100)).toBe(false);
    expect(isGapStep(GAP_MIN_S * 1000, 1000)).toBe(true);
    expect(isGapStep(GAP_MIN_S * 1000, 3000)).toBe(false);
  });

  it('throws TrackError on coordinates outside the globe, half a position or a non-finite time', () => {
    const bad: [TrackPoint, string][] = [
      [{ timeMs: T0_MS, lat: 91, lon: 0 }, 'OUTSIDE_GLOBE'],
      [{ timeMs: T0_MS, lat: 0, lon: 181 }, 'OUTSIDE_GLOBE'],
      [{ timeMs: T0_MS, lat: Number.NaN, lon: 0 }, 'OUTSIDE_GLOBE'],
      [{ timeMs: T0_MS, lat: 10 }, 'PARTIAL_POSITION'],
      [{ timeMs: Number.NaN }, 'INVALID_TIME'],
    ];
    for (const [p, code] of bad) {
      expect(() => cleanTrack([{ timeMs: T0_MS - 1000 }, p])).toThrow(TrackError);
      try {
        cleanTrack([p]);
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        expect((e as TrackError).code).toBe(code);
      }
    }
  });
});

describe('cleanTrack properties', () => {
  const pointArb: fc.Arbitrary<TrackPoint> = fc
    .record(
      {
        timeMs: fc.integer({ min: T0_MS, max: T0_MS + 20_000 }),
        lat: fc.double({ min: 51.5, max: 51.5005, noNaN: true }),
        lon: fc.double({ min: 0, max: 0.0005, noNaN: true }),
        heartRate: fc.integer({ min: 60, max: 200 }),
      },
      { requiredKeys: ['timeMs'] },
    )
    .map((p) => ((p.lat === undefined) !== (p.lon === undefined) ? { timeMs: p.timeMs } : p));

  it('is idempotent and leaves strictly increasing times; every input point is kept or counted', () => {
    fc.assert(
      fc.property(fc.array(pointArb, { maxLength: 60 }), (points) => {
        const once = cleanTrack(points);
        const twice = cleanTrack(once.points);
        expect(twice.points).toEqual(once.points);
        expect(twice.quality.duplicateTimestamps + twice.quality.backwardsTimestamps + twice.quality.gpsJumps).toBe(0);
        expect(twice.quality.gaps).toBe(once.quality.gaps);
        for (let i = 1; i < once.points.length; i++)
          expect(once.points[i].timeMs).toBeGreaterThan(once.points[i - 1].timeMs);
        const q = once.quality;
        expect(once.points.length + q.duplicateTimestamps + q.backwardsTimestamps + q.gpsJumps).toBe(q.inputPoints);
      }),
      { numRuns: 100 },
    );
  });
});
