/**
 * The per-step data of a cleaned track, computed once and shared by every metric (running-metrics.ts,
 * activity-analysis.ts). Pure. Same step convention as `speed.ts`: index i describes the step from point
 * i − 1 to point i, and index 0 (no step ends there) has duration 0, distance 0 and no gap.
 */

import { medianStepMs, samplingHzOfStep } from './sampling';
import { stepDistancesAndSmoothedSpeeds } from './speed';
import { isGapStep } from './track-cleaning';
import type { TrackPoint } from './track';

export interface TrackSteps {
  readonly points: readonly TrackPoint[];
  /** Duration of each step (s). */
  readonly dtS: readonly number[];
  /** `stepDistancesM` of the points. */
  readonly distanceM: readonly number[];
  /** `smoothedSpeedsMps` of the points (per point). */
  readonly speedMps: readonly number[];
  /** `isGapStep` of each step against the track's median step. */
  readonly gap: readonly boolean[];
  /** `medianStepMs` of the points. */
  readonly intervalMs: number | null;
  /** `detectSamplingHz` of the points. */
  readonly samplingHz: number | null;
}

/** Builds the shared view of `points` (one pass per channel). */
export function trackSteps(points: readonly TrackPoint[]): TrackSteps {
  const intervalMs = medianStepMs(points);
  const { distancesM, smoothedMps } = stepDistancesAndSmoothedSpeeds(points);
  const n = points.length;
  const dtS: number[] = new Array<number>(n);
  const gap: boolean[] = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const dtMs = i === 0 ? 0 : points[i].timeMs - points[i - 1].timeMs;
    dtS[i] = i === 0 ? 0 : dtMs / 1000;
    gap[i] = i > 0 && isGapStep(dtMs, intervalMs);
  }
  return {
    points,
    dtS,
    distanceM: distancesM,
    speedMps: smoothedMps,
    gap,
    intervalMs,
    samplingHz: samplingHzOfStep(intervalMs),
  };
}

/** A cleaned track given as its points or as its already built view. */
export type TrackInput = readonly TrackPoint[] | TrackSteps;

/** The view of a track input: built from points, or the given view as it is. */
export function stepsOf(track: TrackInput): TrackSteps {
  return isTrackSteps(track) ? track : trackSteps(track as readonly TrackPoint[]);
}

function isTrackSteps(track: TrackInput): track is TrackSteps {
  return !Array.isArray(track);
}
