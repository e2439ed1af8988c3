import { isOnGlobe } from '../domain/geo';
import type { TrackPoint } from '../domain/track';

/** The file formats an activity can come in, recognised by content (`detectActivityFormat`). */
export const ACTIVITY_FORMATS = ['gpx', 'tcx', 'fit', 'vest-csv'] as const;
export type ActivityFormat = (typeof ACTIVITY_FORMATS)[number];

/** The recording device, as far as the file says. */
export interface ActivityDevice {
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
}

/** A lap as the file records it (a lap button, an auto-lap). */
export interface ActivityLap {
  startMs: number;
  endMs: number;
  /** The lap's own distance when the file states it. */
  distanceM?: number;
}

/**
 * What every parser returns: the points in file order (uncleaned: duplicates, backwards times and
 * jumps are for `cleanTrack`), the file's laps and device, and the distance the file states itself.
 */
export interface ParsedActivity {
  format: ActivityFormat;
  points: TrackPoint[];
  laps: ActivityLap[];
  device?: ActivityDevice;
  /** A sport or activity type the file names (`running`, `Biking`), as written. */
  sport?: string;
  /** FIT session total distance, TCX sum of lap distances; GPX and vest CSV state none. */
  statedDistanceM?: number;
}

/** Codes of a file refused as a whole: each becomes a 400 that says what is wrong. */
export const ACTIVITY_FILE_ERRORS = [
  'unknown-format',
  'not-xml',
  'xml-entities',
  'corrupt-fit',
  'truncated-fit',
  'no-timestamps',
  'outside-globe',
  'no-points',
  'bad-csv',
  'too-large-uncompressed',
] as const;
export type ActivityFileErrorCode = (typeof ACTIVITY_FILE_ERRORS)[number];

export class ActivityFileError extends Error {
  constructor(
    readonly code: ActivityFileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ActivityFileError';
  }
}

/** A file's point before its time is known to be there (XML formats may leave it out). */
export type UntimedPoint = Omit<TrackPoint, 'timeMs'> & { timeMs?: number };

/**
 * The one check every parser applies to a position a file states: off the globe, the whole file is
 * refused ('outside-globe'), naming where (`where`: "GPX point #3", "CSV line 12").
 */
export function checkedPosition(lat: number, lon: number, where: string): { lat: number; lon: number } {
  if (!isOnGlobe(lat, lon)) {
    throw new ActivityFileError('outside-globe', `${where} has a position off the globe (lat ${lat}, lon ${lon})`);
  }
  return { lat, lon };
}
