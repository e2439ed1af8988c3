/**
 * Per-step distance and per-point speed of a cleaned track, then smoothing. Pure.
 *
 * Index convention: step i runs from point i − 1 to point i (i ≥ 1); `distances[i]` and `speeds[i]` belong to
 * that step, and index 0 (no step ends there) has distance 0 and the speed of step 1.
 *
 * Precedence, the service's choice: the device's own channels first (its speed is usually GNSS
 * Doppler-derived and its cumulative distance already filtered by the device), positions second.
 */

import { haversineDistanceM } from './geo';
import { hasPosition, TrackPoint } from './track';

/**
 * Width of the centred moving-average window (s). The service's choice, no published value: 1 s is the
 * shortest effort the issue counts (a sprint), so the window does not span more than one such effort, and
 * it is wide enough to average 10 samples of a 10 Hz vest. At 1 Hz it keeps each sample as it is.
 */
export const SMOOTHING_WINDOW_S = 1;

const validDevice = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v) && v >= 0;

/**
 * Speed of each step from positions (m/s): each positioned segment's speed spread over the steps it spans;
 * NaN where no positioned segment spans the step. A typed column: an array holding `undefined` beside numbers
 * would box every number.
 */
function positionalStepSpeeds(points: readonly TrackPoint[]): Float64Array {
  const out = new Float64Array(points.length).fill(Number.NaN);
  let j = -1;
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    if (!hasPosition(p)) continue;
    if (j >= 0) {
      const q = points[j] as TrackPoint & { lat: number; lon: number };
      const dtS = (p.timeMs - q.timeMs) / 1000;
      const v = dtS > 0 ? haversineDistanceM(q, p) / dtS : 0;
      for (let k = j + 1; k <= i; k++) out[k] = v;
    }
    j = i;
  }
  return out;
}

/**
 * Distance of each step (m): device cumulative distance when both ends carry it (a decrease counts 0), else
 * the positional segment speed × the step's duration, else the device speed × the step's duration, else 0.
 */
export function stepDistancesM(points: readonly TrackPoint[]): number[] {
  return distancesFrom(points, positionalStepSpeeds(points));
}

function distancesFrom(points: readonly TrackPoint[], positional: Float64Array): number[] {
  return points.map((p, i) => {
    if (i === 0) return 0;
    const q = points[i - 1];
    const dtS = (p.timeMs - q.timeMs) / 1000;
    if (validDevice(p.distanceM) && validDevice(q.distanceM)) return Math.max(0, p.distanceM - q.distanceM);
    const pos = positional[i];
    if (!Number.isNaN(pos)) return pos * dtS;
    if (validDevice(p.speedMps)) return p.speedMps * dtS;
    return 0;
  });
}

/**
 * Unsmoothed speed at each point (m/s): the device speed when present, else the positional speed of the step
 * ending there, else that step's distance over its duration, else 0.
 */
export function rawSpeedsMps(points: readonly TrackPoint[]): number[] {
  const positional = positionalStepSpeeds(points);
  return rawSpeedsFrom(points, positional, distancesFrom(points, positional));
}

function rawSpeedsFrom(
  points: readonly TrackPoint[],
  positional: Float64Array,
  distances: readonly number[],
): number[] {
  const speeds = points.map((p, i) => {
    if (validDevice(p.speedMps)) return p.speedMps;
    if (i === 0) return Number.NaN; // filled below from step 1
    const pos = positional[i];
    if (!Number.isNaN(pos)) return pos;
    const dtS = (p.timeMs - points[i - 1].timeMs) / 1000;
    return dtS > 0 ? distances[i] / dtS : 0;
  });
  if (speeds.length > 0 && Number.isNaN(speeds[0])) speeds[0] = speeds.length > 1 ? speeds[1] : 0;
  return speeds;
}

/**
 * Centred moving average over a time window: each speed becomes the mean of the speeds whose time stamps
 * lie within ±window/2 of its own. Chosen over an exponential filter because it is symmetric (no lag, so
 * efforts are not shifted in time) and a mean never leaves the range of its inputs (never negative, never
 * above the raw maximum). Each mean is taken as v_i + mean(v_j − v_i), exact for a constant speed; the
 * clamp to the window's range only guards floating-point rounding.
 */
export function movingAverageSpeeds(
  points: readonly TrackPoint[],
  speeds: readonly number[],
  windowS: number = SMOOTHING_WINDOW_S,
): number[] {
  const halfMs = (windowS * 1000) / 2;
  const out: number[] = [];
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < points.length; i++) {
    const t = points[i].timeMs;
    while (points[lo].timeMs < t - halfMs) lo++;
    if (hi < i) hi = i;
    while (hi + 1 < points.length && points[hi + 1].timeMs <= t + halfMs) hi++;
    let deviation = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let j = lo; j <= hi; j++) {
      deviation += speeds[j] - speeds[i];
      if (speeds[j] < min) min = speeds[j];
      if (speeds[j] > max) max = speeds[j];
    }
    const mean = speeds[i] + deviation / (hi - lo + 1);
    out.push(Math.min(max, Math.max(min, mean)));
  }
  return out;
}

/** Smoothed speed at each point of a cleaned track (m/s): `rawSpeedsMps`, then `movingAverageSpeeds`. */
export function smoothedSpeedsMps(points: readonly TrackPoint[], windowS: number = SMOOTHING_WINDOW_S): number[] {
  return movingAverageSpeeds(points, rawSpeedsMps(points), windowS);
}

/**
 * `stepDistancesM` and `smoothedSpeedsMps` of the same points in one go, sharing the positional pass (the
 * values are exactly those of the two functions; `trackSteps` uses it).
 */
export function stepDistancesAndSmoothedSpeeds(
  points: readonly TrackPoint[],
  windowS: number = SMOOTHING_WINDOW_S,
): { distancesM: number[]; smoothedMps: number[] } {
  const positional = positionalStepSpeeds(points);
  const distancesM = distancesFrom(points, positional);
  return {
    distancesM,
    smoothedMps: movingAverageSpeeds(points, rawSpeedsFrom(points, positional, distancesM), windowS),
  };
}
