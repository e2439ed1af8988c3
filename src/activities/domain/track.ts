/**
 * A recorded activity as the watch or vest wrote it: time-stamped samples, each carrying whichever channels
 * the device recorded. Pure data types; cleaning lives in `track-cleaning.ts`, metrics in `running-metrics.ts`.
 */

export interface TrackPoint {
  /** Epoch milliseconds, UTC. */
  timeMs: number;
  /** WGS-84 degrees; a position needs both `lat` and `lon`. */
  lat?: number;
  lon?: number;
  altitudeM?: number;
  /** Beats per minute. */
  heartRate?: number;
  /** Speed reported by the device (m/s), usually GNSS Doppler-derived. */
  speedMps?: number;
  /** Cumulative distance reported by the device (m). */
  distanceM?: number;
}

export interface Track {
  points: TrackPoint[];
}

export const TRACK_ERROR_CODES = ['OUTSIDE_GLOBE', 'PARTIAL_POSITION', 'INVALID_TIME', 'EMPTY_TRACK'] as const;
export type TrackErrorCode = (typeof TRACK_ERROR_CODES)[number];

/** A fault that cleaning cannot repair: the file is rejected rather than guessed at. */
export class TrackError extends Error {
  constructor(
    readonly code: TrackErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TrackError';
  }
}

/** True when the point carries both coordinates. */
export function hasPosition(p: TrackPoint): p is TrackPoint & { lat: number; lon: number } {
  return p.lat !== undefined && p.lon !== undefined;
}
