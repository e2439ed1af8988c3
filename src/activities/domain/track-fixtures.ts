/**
 * Constructed tracks with known answers, for the specs of this folder. Pure.
 */

import { EARTH_MEAN_RADIUS_M } from './geo';
import type { TrackPoint } from './track';

export const T0_MS = Date.UTC(2024, 4, 1, 18, 0, 0);
const LAT0 = 51.5;
const DEG_PER_M = 180 / (Math.PI * EARTH_MEAN_RADIUS_M);

/**
 * A run north along the Greenwich meridian sampled at `hz`: `stepSpeeds[i]` (m/s) is the speed of the step
 * ending at point i (index 0 unused), so point i lies Σ stepSpeeds[1..i] / hz metres north of the start.
 */
export function meridianRun(stepSpeeds: readonly number[], hz: number): TrackPoint[] {
  let northM = 0;
  return stepSpeeds.map((v, i) => {
    if (i > 0) northM += v / hz;
    return { timeMs: T0_MS + Math.round((i * 1000) / hz), lat: LAT0 + northM * DEG_PER_M, lon: 0 };
  });
}

/** `n` copies of `v`. */
export const repeat = (v: number, n: number): number[] => new Array<number>(n).fill(v);
