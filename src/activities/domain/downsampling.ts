/**
 * Downsampling of activity streams for display: Largest-Triangle-Three-Buckets (LTTB) keeps the points
 * that shape a line (peaks and troughs survive) rather than every n-th point. Applied as published:
 * first and last points kept, the others split into equal-count buckets in input order, one point kept
 * per bucket. Pure: arrays in, arrays out; the input is never modified.
 */

export const DOWNSAMPLING_REFERENCES = {
  steinarsson2013:
    'Steinarsson S. Downsampling Time Series for Visual Representation. MSc thesis, University of Iceland; 2013.',
} as const;

/**
 * Points per stream the API serves at each resolution: the service's choice (enough for a phone chart, a
 * desktop chart and a zoomed chart), not a published value.
 */
export const STREAM_RESOLUTIONS = { low: 100, medium: 500, high: 2000 } as const;
export type StreamResolution = keyof typeof STREAM_RESOLUTIONS;

export interface XyPoint {
  x: number;
  y: number;
}

/**
 * Steinarsson 2013, Largest-Triangle-Three-Buckets — indices of the `threshold` points kept from the series
 * (xs[i], ys[i]): the first, the last, and in each of `threshold − 2` equal-count buckets between them
 * the point forming the largest triangle with the point kept in the previous bucket and the mean of the
 * next bucket (first such point on a tie). Indices are strictly increasing. A series of `threshold`
 * points or fewer keeps every index.
 *
 * Returning indices lets several streams (time, lat/lng, heart rate, …) be cut at the same points: the
 * caller chooses the stream that drives the choice (speed or distance against time, for instance).
 * Points are expected in x order (time or distance); buckets go by position, as published.
 */
export function downsampleIndices(xs: readonly number[], ys: readonly number[], threshold: number): number[] {
  if (xs.length !== ys.length) throw new RangeError(`xs and ys differ in length (${xs.length} and ${ys.length})`);
  if (!Number.isInteger(threshold) || threshold < 2) {
    throw new RangeError(`threshold: expected a whole number of points, 2 or more (first and last), got ${threshold}`);
  }
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) throw new RangeError(`point ${i} is not finite`);
  }
  if (n <= threshold) return xs.map((_, i) => i);

  const buckets = threshold - 2;
  // Bucket b (0-based) covers indices [start(b), start(b + 1)), the inner points 1 … n − 2 split evenly.
  // Integer numerator over integer denominator, exact at whole-number bounds. The common form, floor(b × every)
  // with every = (n − 2) / (threshold − 2) as a float, can fall just short (n 17, threshold 13: 11 × 15/11 =
  // 14.999…) and shift a bucket's bound by one.
  const start = (b: number): number => Math.floor((b * (n - 2)) / buckets) + 1;

  const kept = [0];
  let a = 0;
  for (let b = 0; b < buckets; b++) {
    // Mean of the next bucket; after the last bucket, the last point alone.
    const nextFrom = start(b + 1);
    const nextTo = b + 1 < buckets ? start(b + 2) : n;
    let meanX = 0;
    let meanY = 0;
    for (let j = nextFrom; j < nextTo; j++) {
      meanX += xs[j];
      meanY += ys[j];
    }
    meanX /= nextTo - nextFrom;
    meanY /= nextTo - nextFrom;

    let best = -1;
    let bestArea = -1;
    for (let j = start(b); j < nextFrom; j++) {
      // Twice the triangle's area (the factor ½ does not change which is largest).
      const area = Math.abs((xs[a] - meanX) * (ys[j] - ys[a]) - (xs[a] - xs[j]) * (meanY - ys[a]));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    kept.push(best);
    a = best;
  }
  kept.push(n - 1);
  return kept;
}

/**
 * Steinarsson 2013, Largest-Triangle-Three-Buckets — the `threshold` points kept from `points` (see
 * `downsampleIndices`); a series of `threshold` points or fewer comes back whole (a new array, same points).
 */
export function largestTriangleThreeBuckets<P extends XyPoint>(points: readonly P[], threshold: number): P[] {
  const indices = downsampleIndices(
    points.map((p) => p.x),
    points.map((p) => p.y),
    threshold,
  );
  return indices.map((i) => points[i]);
}
