import fc from 'fast-check';
import { meridianRun, repeat } from './domain/track-fixtures';
import type { TrackPoint } from './domain/track';
import { decodeTrack, encodeTrack } from './track-codec';

describe('track codec', () => {
  it('gives back every channel exactly, and leaves out the ones a point lacks', () => {
    const points: TrackPoint[] = [
      {
        timeMs: 1_700_000_000_000,
        lat: 51.5,
        lon: -0.12,
        altitudeM: 12.5,
        heartRate: 141,
        speedMps: 3.2,
        distanceM: 0,
      },
      { timeMs: 1_700_000_000_100 },
      { timeMs: 1_700_000_000_200, heartRate: 0 },
    ];
    expect(decodeTrack(encodeTrack(points))).toEqual(points);
  });

  it('stores a 10 Hz match of 54,000 points in well under its raw size', () => {
    const points = meridianRun(repeat(4, 54_000), 10).map((p, i) => ({ ...p, heartRate: 120 + (i % 40) }));
    const encoded = encodeTrack(points);
    expect(encoded.length).toBeLessThan(54_000 * 7 * 8);
    expect(decodeTrack(encoded)).toEqual(points);
  });

  it('an empty track, and an unknown layout refused', () => {
    expect(decodeTrack(encodeTrack([]))).toEqual([]);
    const encoded = encodeTrack([{ timeMs: 1 }]);
    encoded[0] = 9;
    expect(() => decodeTrack(encoded)).toThrow(/layout 9/);
  });

  it('round-trips any finite channels (property)', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    const point = fc.record(
      { timeMs: fc.integer({ min: 0, max: 2 ** 42 }), lat: finite, lon: finite, heartRate: finite, altitudeM: finite },
      { requiredKeys: ['timeMs'] },
    );
    fc.assert(
      fc.property(fc.array(point, { maxLength: 50 }), (points) => {
        expect(decodeTrack(encodeTrack(points))).toEqual(points);
      }),
      { numRuns: 200 },
    );
  });
});
