import fc from 'fast-check';
import {
  DOWNSAMPLING_REFERENCES,
  downsampleIndices,
  largestTriangleThreeBuckets,
  STREAM_RESOLUTIONS,
  XyPoint,
} from './downsampling';

const pts = (ys: number[]): XyPoint[] => ys.map((y, x) => ({ x, y }));

/**
 * Straight transcription of the thesis' algorithm to compare against, except for the bucket bounds: the
 * common JavaScript form takes floor(i × every) with every = (n − 2) / (threshold − 2) in floating point, which can
 * land just below a whole bound (n = 17, threshold = 13: 11 × 15/11 = 14.999…, so floor gives 14, not 15);
 * here the bound is floor(i × (n − 2) / (threshold − 2)), the bucket the definition means.
 */
function referenceLttb(data: XyPoint[], threshold: number): XyPoint[] {
  if (threshold >= data.length) return data.slice();
  const sampled = [data[0]];
  const bound = (i: number) => Math.floor((i * (data.length - 2)) / (threshold - 2));
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    let avgStart = bound(i + 1) + 1;
    const avgEnd = Math.min(bound(i + 2) + 1, data.length);
    const avgLen = avgEnd - avgStart;
    let avgX = 0;
    let avgY = 0;
    for (; avgStart < avgEnd; avgStart++) {
      avgX += data[avgStart].x;
      avgY += data[avgStart].y;
    }
    avgX /= avgLen;
    avgY /= avgLen;
    let maxArea = -1;
    let next = 0;
    for (let j = bound(i) + 1; j < bound(i + 1) + 1; j++) {
      const area =
        Math.abs((data[a].x - avgX) * (data[j].y - data[a].y) - (data[a].x - data[j].x) * (avgY - data[a].y)) * 0.5;
      if (area > maxArea) {
        maxArea = area;
        next = j;
      }
    }
    sampled.push(data[next]);
    a = next;
  }
  sampled.push(data[data.length - 1]);
  return sampled;
}

describe('largestTriangleThreeBuckets', () => {
  it('a known small series: 7 points to 4 keeps indices 0, 2, 4, 6', () => {
    // y = [0, 1, 5, 2, 8, 3, 0] at x = 0…6; inner points 1…5 in 2 buckets: [1, 2] and [3, 4, 5].
    // Bucket 1, a = (0, 0), next mean = (4, 13/3): 2×area = |−4·y + (13/3)·x| → x=1: 1/3, x=2: 34/3 → index 2.
    // Bucket 2, a = (2, 5), next = last (6, 0): 2×area = |−4(y − 5) + 5(2 − x)| → 7, 22, 7 → index 4.
    const series = pts([0, 1, 5, 2, 8, 3, 0]);
    expect(
      downsampleIndices(
        series.map((p) => p.x),
        series.map((p) => p.y),
        4,
      ),
    ).toEqual([0, 2, 4, 6]);
    expect(largestTriangleThreeBuckets(series, 4)).toEqual([series[0], series[2], series[4], series[6]]);
  });

  it('keeps a single peak in a flat line', () => {
    const ys = Array<number>(1000).fill(0);
    ys[437] = 10;
    const kept = largestTriangleThreeBuckets(pts(ys), 50);
    expect(kept).toHaveLength(50);
    expect(kept).toContainEqual({ x: 437, y: 10 });
  });

  it('returns a series no longer than the threshold whole, as a new array', () => {
    const series = pts([3, 1, 4]);
    const out = largestTriangleThreeBuckets(series, 3);
    expect(out).toEqual(series);
    expect(out).not.toBe(series);
    expect(largestTriangleThreeBuckets([], 10)).toEqual([]);
    expect(downsampleIndices([5], [1], 2)).toEqual([0]);
  });

  it('threshold 2 keeps the first and last points only', () => {
    expect(downsampleIndices([0, 1, 2, 3], [0, 9, 9, 0], 2)).toEqual([0, 3]);
  });

  it('rejects a threshold below 2 or not whole, unequal streams and non-finite values', () => {
    expect(() => downsampleIndices([0, 1, 2], [0, 1, 2], 1)).toThrow(RangeError);
    expect(() => downsampleIndices([0, 1, 2], [0, 1, 2], 2.5)).toThrow(RangeError);
    expect(() => downsampleIndices([0, 1, 2], [0, 1], 2)).toThrow(RangeError);
    expect(() => downsampleIndices([0, 1, NaN], [0, 1, 2], 2)).toThrow(RangeError);
  });

  it('does not modify its input', () => {
    const series = pts([0, 1, 5, 2, 8, 3, 0]);
    const copy = series.map((p) => ({ ...p }));
    largestTriangleThreeBuckets(series, 4);
    expect(series).toEqual(copy);
  });

  it('names its source and the service-chosen resolutions', () => {
    expect(DOWNSAMPLING_REFERENCES.steinarsson2013).toContain('University of Iceland; 2013');
    expect(STREAM_RESOLUTIONS).toEqual({ low: 100, medium: 500, high: 2000 });
  });
});

describe('properties', () => {
  const seriesArb = fc
    .array(fc.tuple(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true })), {
      maxLength: 300,
    })
    .map((steps) => {
      let x = 0;
      return steps.map(([dx, y]) => ({ x: (x += dx), y }));
    });
  const thresholdArb = fc.integer({ min: 2, max: 120 });

  it('length, first and last kept, strictly increasing indices, output drawn from the input', () => {
    fc.assert(
      fc.property(seriesArb, thresholdArb, (series, threshold) => {
        const idx = downsampleIndices(
          series.map((p) => p.x),
          series.map((p) => p.y),
          threshold,
        );
        expect(idx).toHaveLength(Math.min(series.length, threshold));
        if (series.length > 0) {
          expect(idx[0]).toBe(0);
          expect(idx[idx.length - 1]).toBe(series.length - 1);
        }
        for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
        const out = largestTriangleThreeBuckets(series, threshold);
        expect(out.every((p, k) => p === series[idx[k]])).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with a straight transcription of the published algorithm', () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 3, max: 120 }), (series, threshold) => {
        expect(largestTriangleThreeBuckets(series, threshold)).toEqual(referenceLttb(series, threshold));
      }),
      { numRuns: 100 },
    );
  });

  it('a single peak or trough in a flat line always survives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 500 }),
        fc.integer({ min: 3, max: 100 }),
        fc.nat(),
        fc.constantFrom(-7, 7),
        (n, threshold, at, height) => {
          const ys = Array<number>(n).fill(0);
          ys[at % n] = height;
          expect(largestTriangleThreeBuckets(pts(ys), threshold)).toContainEqual({ x: at % n, y: height });
        },
      ),
      { numRuns: 100 },
    );
  });
});
