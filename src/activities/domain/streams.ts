/**
 * Per-point streams of a cleaned track for charts and maps (time, position, distance, speed, heart rate,
 * altitude), downsampled for display. Pure.
 *
 * Every stream is cut at ONE set of indices, so index k of every stream describes the same recorded point and the
 * charts stay aligned. The indices come from Largest-Triangle-Three-Buckets (Steinarsson 2013, `downsampleIndices`)
 * with x = time and, as y, the first of these the track has — the service's choice:
 * 1. smoothed speed, when the player moved at all (some speed > 0): sprints and stops are what a coach reads in a
 *    football session, and LTTB keeps a series' peaks and troughs;
 * 2. heart rate, when the track has no movement but some reading (a treadmill or indoor-bike file);
 * 3. altitude, when it has neither;
 * 4. otherwise a constant, for which LTTB keeps the first point of each bucket: an even spread by index.
 * A heart-rate or altitude series with gaps is filled for the choice only (the last reading carried forward, the
 * first reading back to the start); the streams themselves keep null there. A track of `STREAM_RESOLUTIONS[r]`
 * points or fewer keeps every point.
 *
 * Distance and speed are those of the analysis: each recorded segment (`segmentStarts`) is a run of its own, the
 * step across a break counts no distance (`segmentedStepDistancesM`), and speed is `smoothedSpeedsMps` of each
 * run, so the stream's last distance is the summary's distance.
 */

import { segmentRuns } from './activity-analysis';
import { downsampleIndices, STREAM_RESOLUTIONS, type StreamResolution } from './downsampling';
import { stepDistancesAndSmoothedSpeeds } from './speed';
import type { TrackPoint } from './track';

export const STREAM_TYPES = ['time', 'latlng', 'distance', 'speed', 'heartrate', 'altitude'] as const;
export type StreamType = (typeof STREAM_TYPES)[number];

export interface StreamsData {
  /** Seconds from the first point. */
  time?: number[];
  /** [lat, lon] in WGS-84 degrees; null where the point has no position. */
  latlng?: ([number, number] | null)[];
  /** Cumulative metres, no distance across a segment break. */
  distance?: number[];
  /** Smoothed speed (m/s). */
  speed?: number[];
  /** Beats per minute; null where the point has no reading. */
  heartrate?: (number | null)[];
  /** Metres; null where the point has no altitude. */
  altitude?: (number | null)[];
}

export interface ActivityStreams {
  resolution: StreamResolution;
  /** Points of the track given. */
  originalPoints: number;
  /** Points in every stream. */
  points: number;
  streams: StreamsData;
}

export interface StreamsOptions {
  /** Indexes into `points` where a new recorded segment begins (GPX trkseg / TCX Track), as in `analyzeTrack`. */
  segmentStarts?: readonly number[];
}

/** The y-series LTTB chose the points by (see the module comment). */
export type DownsamplingDriver = 'speed' | 'heartrate' | 'altitude' | 'none';

const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);
const orNull = (v: number | undefined): number | null => (finite(v) ? v : null);

/** Per-point step distance and smoothed speed, computed run by run (no step across a break). */
function runChannels(
  points: readonly TrackPoint[],
  segmentStarts: readonly number[],
): { distancesM: number[]; speedsMps: number[] } {
  const distancesM: number[] = [];
  const speedsMps: number[] = [];
  for (const run of segmentRuns(points, segmentStarts)) {
    const { distancesM: d, smoothedMps: v } = stepDistancesAndSmoothedSpeeds(run);
    // A loop, not push(...d): spreading a long run (a 10 Hz vest, 100k+ points) overflows the stack.
    for (let i = 0; i < d.length; i++) {
      distancesM.push(d[i]);
      speedsMps.push(v[i]);
    }
  }
  return { distancesM, speedsMps };
}

/** The series with each gap filled by the last value before it (the first value for a leading gap); undefined if none. */
function filled(values: readonly (number | null)[]): number[] | undefined {
  const first = values.find((v): v is number => v !== null);
  if (first === undefined) return undefined;
  let last = first;
  return values.map((v) => {
    if (v !== null) last = v;
    return last;
  });
}

function driverSeries(
  speedsMps: readonly number[],
  points: readonly TrackPoint[],
): { driver: DownsamplingDriver; ys: number[] } {
  if (speedsMps.some((v) => v > 0)) return { driver: 'speed', ys: [...speedsMps] };
  const hr = filled(points.map((p) => orNull(p.heartRate)));
  if (hr) return { driver: 'heartrate', ys: hr };
  const alt = filled(points.map((p) => orNull(p.altitudeM)));
  if (alt) return { driver: 'altitude', ys: alt };
  return { driver: 'none', ys: points.map(() => 0) };
}

/**
 * The indices every stream keeps (strictly increasing, first and last point included, at most `threshold` of
 * them) and the series that chose them. Throws RangeError for a non-finite time or a threshold below 2.
 */
export function streamIndices(
  points: readonly TrackPoint[],
  threshold: number,
  options: StreamsOptions = {},
): { indices: number[]; driver: DownsamplingDriver } {
  const { speedsMps } = runChannels(points, options.segmentStarts ?? []);
  return indicesFrom(points, speedsMps, threshold);
}

function indicesFrom(
  points: readonly TrackPoint[],
  speedsMps: readonly number[],
  threshold: number,
): { indices: number[]; driver: DownsamplingDriver } {
  const { driver, ys } = driverSeries(speedsMps, points);
  const t0 = points.length > 0 ? points[0].timeMs : 0;
  const xs = points.map((p) => (p.timeMs - t0) / 1000);
  return { indices: downsampleIndices(xs, ys, threshold), driver };
}

/**
 * The requested streams of a cleaned track at a resolution (`STREAM_RESOLUTIONS`: at most 100, 500 or 2000
 * points), all cut at the same indices (see the module comment). An empty `types` means every stream type. Throws
 * RangeError for an unknown stream type or a non-finite time.
 */
export function activityStreams(
  points: readonly TrackPoint[],
  types: readonly StreamType[],
  resolution: StreamResolution,
  options: StreamsOptions = {},
): ActivityStreams {
  const threshold = STREAM_RESOLUTIONS[resolution] as number | undefined;
  if (threshold === undefined) throw new RangeError(`unknown stream resolution: ${String(resolution)}`);
  for (const t of types) {
    if (!(STREAM_TYPES as readonly string[]).includes(t)) throw new RangeError(`unknown stream type: ${String(t)}`);
  }
  const wanted = new Set<StreamType>(types.length === 0 ? STREAM_TYPES : types);

  const { distancesM, speedsMps } = runChannels(points, options.segmentStarts ?? []);
  const { indices } = indicesFrom(points, speedsMps, threshold);
  const kept = indices.map((i) => points[i]);
  const streams: StreamsData = {};

  if (wanted.has('time')) {
    const t0 = points.length > 0 ? points[0].timeMs : 0;
    streams.time = kept.map((p) => (p.timeMs - t0) / 1000);
  }
  if (wanted.has('latlng')) {
    streams.latlng = kept.map((p) => (finite(p.lat) && finite(p.lon) ? [p.lat, p.lon] : null));
  }
  if (wanted.has('distance')) {
    const cumulative: number[] = new Array<number>(distancesM.length);
    let total = 0;
    for (let i = 0; i < distancesM.length; i++) {
      total += distancesM[i];
      cumulative[i] = total;
    }
    streams.distance = indices.map((i) => cumulative[i]);
  }
  if (wanted.has('speed')) streams.speed = indices.map((i) => speedsMps[i]);
  if (wanted.has('heartrate')) streams.heartrate = kept.map((p) => orNull(p.heartRate));
  if (wanted.has('altitude')) streams.altitude = kept.map((p) => orNull(p.altitudeM));

  return { resolution, originalPoints: points.length, points: indices.length, streams };
}
