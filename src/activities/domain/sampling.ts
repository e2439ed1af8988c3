/**
 * Sampling rate of a recording, detected from its time stamps. Pure.
 */

import type { TrackPoint } from './track';

/** Issue requirement: with sampling under 5 Hz, accelerations are marked unreliable. */
export const ACCELERATION_MIN_HZ = 5;

/** Median of the positive time steps (ms); null with no positive step. The median ignores gaps and bursts. */
export function medianStepMs(points: readonly TrackPoint[]): number | null {
  const steps: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const dt = points[i].timeMs - points[i - 1].timeMs;
    if (dt > 0) steps.push(dt);
  }
  if (steps.length === 0) return null;
  steps.sort((a, b) => a - b);
  const mid = steps.length >> 1;
  return steps.length % 2 === 1 ? steps[mid] : (steps[mid - 1] + steps[mid]) / 2;
}

/** Sampling rate (Hz) = 1 / median positive time step; null with fewer than two distinct time stamps. */
export function detectSamplingHz(points: readonly TrackPoint[]): number | null {
  return samplingHzOfStep(medianStepMs(points));
}

/** Sampling rate (Hz) of a median step (`medianStepMs`, ms); null for null. */
export function samplingHzOfStep(stepMs: number | null): number | null {
  return stepMs === null ? null : 1000 / stepMs;
}
