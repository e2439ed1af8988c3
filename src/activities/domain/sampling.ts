/**
 * Sampling rate of a recording, detected from its time stamps. Pure.
 */

import type { TrackPoint } from './track';

/** Issue requirement: with sampling under 5 Hz, accelerations are marked unreliable. */
export const ACCELERATION_MIN_HZ = 5;

/** Median of the positive time steps (ms); null with no positive step. The median ignores gaps and bursts. */
export function medianStepMs(points: readonly TrackPoint[]): number | null {
  if (medians.has(points)) return medians.get(points)!;
  const median = computeMedianStepMs(points);
  medians.set(points, median);
  return median;
}

/**
 * Medians already found: the analysis asks for the same track's several times (its view, its sampling rate).
 * Tracks are never changed once cleaned (the lists are readonly). Weakly held, so they go with the track.
 */
const medians = new WeakMap<readonly TrackPoint[], number | null>();

function computeMedianStepMs(points: readonly TrackPoint[]): number | null {
  const steps = new Float64Array(Math.max(0, points.length - 1));
  let n = 0;
  for (let i = 1; i < points.length; i++) {
    const dt = points[i].timeMs - points[i - 1].timeMs;
    if (dt > 0) steps[n++] = dt;
  }
  if (n === 0) return null;
  const mid = n >> 1;
  const upper = selectKth(steps, n, mid);
  if (n % 2 === 1) return upper;
  // After selecting `mid`, every value before it is at most the median's upper half: its largest is the lower.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (steps[i] > lower) lower = steps[i];
  return (lower + upper) / 2;
}

/**
 * The k-th smallest of the first `n` values (0-based), reordering them so that those before index k are no
 * larger and those after no smaller: Hoare's selection (quickselect), linear on average, where a full sort
 * of every section's steps cost most of the analysis of a 10 Hz match.
 */
function selectKth(values: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}

/** Sampling rate (Hz) = 1 / median positive time step; null with fewer than two distinct time stamps. */
export function detectSamplingHz(points: readonly TrackPoint[]): number | null {
  return samplingHzOfStep(medianStepMs(points));
}

/** Sampling rate (Hz) of a median step (`medianStepMs`, ms); null for null. */
export function samplingHzOfStep(stepMs: number | null): number | null {
  return stepMs === null ? null : 1000 / stepMs;
}
