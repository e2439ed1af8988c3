/**
 * Cleaning of a recorded track: recoverable faults (duplicate or backwards time stamps, GPS jumps faster
 * than a human can run) are dropped and counted, gaps are counted (not filled); faults that cannot be
 * repaired (coordinates outside the globe, half a position, a non-finite time) throw a `TrackError`.
 * Pure. Input order is kept: points are never re-sorted, each is judged against the last point kept.
 */

import { haversineDistanceM, isOnGlobe } from './geo';
import { medianStepMs } from './sampling';
import { hasPosition, TrackError, TrackPoint } from './track';

export const CLEANING_REFERENCES = {
  graubner2011:
    'Graubner R, Nixdorf E. Biomechanical analysis of the sprint and hurdles events at the 2009 IAAF World ' +
    'Championships in Athletics. New Studies in Athletics 2011;26(1/2):19-53.',
} as const;

/**
 * Fastest speed a position step may imply before it is treated as a GPS jump. Bolt's 100 m world record
 * (Berlin 2009) peaked at about 12.3 m/s (Graubner & Nixdorf 2011), the fastest measured human sprint;
 * rounding up to 12.5 m/s is the service's choice, a small margin so a genuine top-speed sample is kept.
 */
export const MAX_HUMAN_SPEED_MPS = 12.5;

/**
 * A gap is a step more than GAP_FACTOR × the detected sampling interval and at least GAP_MIN_S long.
 * Both are the service's choice: over twice the usual step means at least one sample is missing, and the
 * 5 s floor keeps the jitter of slow (1 Hz) loggers from being reported as missing data.
 */
export const GAP_FACTOR = 2;
export const GAP_MIN_S = 5;

export interface TrackQuality {
  inputPoints: number;
  duplicateTimestamps: number;
  backwardsTimestamps: number;
  gpsJumps: number;
  gaps: number;
  /** Total length of the gap steps (s), each counted whole. */
  gapSeconds: number;
}

export interface CleanedTrack {
  points: TrackPoint[];
  quality: TrackQuality;
}

/** True when a step of `dtMs` between kept points is a gap for a recording whose usual step is `intervalMs`. */
export function isGapStep(dtMs: number, intervalMs: number | null): boolean {
  return intervalMs !== null && dtMs > GAP_FACTOR * intervalMs && dtMs >= GAP_MIN_S * 1000;
}

function assertRepairable(p: TrackPoint, index: number): void {
  if (!Number.isFinite(p.timeMs)) throw new TrackError('INVALID_TIME', `point ${index}: time is not a finite number`);
  if ((p.lat === undefined) !== (p.lon === undefined)) {
    throw new TrackError('PARTIAL_POSITION', `point ${index}: a position needs both latitude and longitude`);
  }
  if (hasPosition(p) && !isOnGlobe(p.lat, p.lon)) {
    throw new TrackError('OUTSIDE_GLOBE', `point ${index}: (${p.lat}, ${p.lon}) is outside the globe`);
  }
}

/**
 * Drops, in input order: a point whose time equals the last kept point's (duplicate) or precedes it
 * (backwards); a positioned point implying more than MAX_HUMAN_SPEED_MPS from the last kept position
 * (GPS jump). The whole point is dropped on a jump — the service's choice, so every kept point's channels
 * stay together. Gaps between kept points are counted against their median step. Idempotent.
 */
export function cleanTrack(points: readonly TrackPoint[]): CleanedTrack {
  points.forEach(assertRepairable);
  const kept: TrackPoint[] = [];
  let duplicateTimestamps = 0;
  let backwardsTimestamps = 0;
  let gpsJumps = 0;
  let lastPositioned: (TrackPoint & { lat: number; lon: number }) | null = null;

  for (const p of points) {
    const last = kept.length > 0 ? kept[kept.length - 1] : null;
    if (last !== null && p.timeMs === last.timeMs) {
      duplicateTimestamps++;
      continue;
    }
    if (last !== null && p.timeMs < last.timeMs) {
      backwardsTimestamps++;
      continue;
    }
    if (hasPosition(p) && lastPositioned !== null) {
      const dtS = (p.timeMs - lastPositioned.timeMs) / 1000;
      if (haversineDistanceM(lastPositioned, p) / dtS > MAX_HUMAN_SPEED_MPS) {
        gpsJumps++;
        continue;
      }
    }
    kept.push(p);
    if (hasPosition(p)) lastPositioned = p;
  }

  const intervalMs = medianStepMs(kept);
  let gaps = 0;
  let gapMs = 0;
  for (let i = 1; i < kept.length; i++) {
    const dt = kept[i].timeMs - kept[i - 1].timeMs;
    if (isGapStep(dt, intervalMs)) {
      gaps++;
      gapMs += dt;
    }
  }

  return {
    points: kept,
    quality: {
      inputPoints: points.length,
      duplicateTimestamps,
      backwardsTimestamps,
      gpsJumps,
      gaps,
      gapSeconds: gapMs / 1000,
    },
  };
}
