/**
 * Football running metrics and the activity summary, all computed from a cleaned track (`cleanTrack`).
 * Distances in metres, speeds in m/s (zone bands are given in km/h as the issue states them). Pure.
 *
 * Step convention (see `speed.ts`): step i runs from point i − 1 to point i; it is classified by the
 * smoothed speed at point i and carries the distance of `stepDistancesM`. Gap steps (`isGapStep`) end any
 * effort and count neither as moving time nor towards an effort's duration.
 *
 * The step-based metrics take the track as its points or as its shared per-step view (`trackSteps`,
 * track-steps.ts): given points they build the view themselves, so callers computing several metrics of one
 * track build it once and pass it.
 */

import { ACCELERATION_MIN_HZ } from './sampling';
import { HeartRateSummary, heartRateSummary } from './heart-rate';
import { stepsOf, type TrackInput, type TrackSteps } from './track-steps';
import { TrackError, TrackPoint } from './track';

/** Issue bands (km/h). */
export const WALKING_MAX_KMH = 7.2;
export const JOGGING_MAX_KMH = 14.4;
export const HIGH_SPEED_RUNNING_MIN_KMH = 19.8;
export const SPRINT_MIN_KMH = 25.2;
/** Issue: a sprint is an effort of at least 1 s above 25.2 km/h. */
export const SPRINT_MIN_DURATION_S = 1;
/** Issue: accelerations and decelerations of at least 3 m/s² held for 0.5 s. */
export const ACCELERATION_MIN_MPS2 = 3;
export const ACCELERATION_MIN_DURATION_S = 0.5;
/** Issue: efforts above 90 % of the player's own maximum speed. */
export const DEFAULT_FRACTION_OF_MAX = 0.9;
/**
 * Slowest speed counted as moving (m/s). The service's choice, no published value: a standing receiver
 * drifts by small non-zero speeds that should not count as moving, while 0.5 m/s (1.8 km/h) is below a slow walk.
 */
export const MOVING_MIN_SPEED_MPS = 0.5;

export const kmhToMps = (kmh: number): number => kmh / 3.6;

export const SPEED_ZONES_KMH = [
  { zone: 'standingWalking', minKmh: 0, maxKmh: WALKING_MAX_KMH },
  { zone: 'jogging', minKmh: WALKING_MAX_KMH, maxKmh: JOGGING_MAX_KMH },
  { zone: 'running', minKmh: JOGGING_MAX_KMH, maxKmh: HIGH_SPEED_RUNNING_MIN_KMH },
  { zone: 'highSpeedRunning', minKmh: HIGH_SPEED_RUNNING_MIN_KMH, maxKmh: SPRINT_MIN_KMH },
  { zone: 'sprinting', minKmh: SPRINT_MIN_KMH, maxKmh: Infinity },
] as const;
export type SpeedZone = (typeof SPEED_ZONES_KMH)[number]['zone'];
export type ZoneDistances = Record<SpeedZone, number>;

/**
 * Zone of a speed. Bands are closed below and open above, except that sprinting is strictly above
 * 25.2 km/h (the sprint definition), so 25.2 km/h itself is high-speed running.
 */
export function speedZone(speedMps: number): SpeedZone {
  if (speedMps > kmhToMps(SPRINT_MIN_KMH)) return 'sprinting';
  if (speedMps >= kmhToMps(HIGH_SPEED_RUNNING_MIN_KMH)) return 'highSpeedRunning';
  if (speedMps >= kmhToMps(JOGGING_MAX_KMH)) return 'running';
  if (speedMps >= kmhToMps(WALKING_MAX_KMH)) return 'jogging';
  return 'standingWalking';
}

/** Total distance (m): the sum of the step distances. */
export function totalDistanceM(track: TrackInput): number {
  return stepsOf(track).distanceM.reduce((a, b) => a + b, 0);
}

/** Distance (m) in each speed zone; the zones partition the steps, so they sum to `totalDistanceM`. */
export function distanceInZones(track: TrackInput): ZoneDistances {
  const out: ZoneDistances = { standingWalking: 0, jogging: 0, running: 0, highSpeedRunning: 0, sprinting: 0 };
  const s = stepsOf(track);
  for (let i = 1; i < s.points.length; i++) out[speedZone(s.speedMps[i])] += s.distanceM[i];
  return out;
}

/** High-speed running distance (m): the 19.8–25.2 km/h band as the issue names it (sprinting is apart). */
export function highSpeedRunningM(track: TrackInput): number {
  return distanceInZones(track).highSpeedRunning;
}

export interface Efforts {
  count: number;
  distanceM: number;
}

/**
 * Runs of consecutive non-gap steps satisfying `inside`, kept when their duration reaches `minDurationS`;
 * each kept run is one effort with the distance of its steps.
 */
function effortsWhere(steps: TrackSteps, inside: (i: number) => boolean, minDurationS: number): Efforts {
  let count = 0;
  let distanceM = 0;
  let runS = 0;
  let runM = 0;
  const close = () => {
    if (runS > 0 && runS >= minDurationS) {
      count++;
      distanceM += runM;
    }
    runS = 0;
    runM = 0;
  };
  for (let i = 1; i < steps.dtS.length; i++) {
    if (!steps.gap[i] && inside(i)) {
      runS += steps.dtS[i];
      runM += steps.distanceM[i];
    } else close();
  }
  close();
  return { count, distanceM };
}

/** Sprints: efforts of at least 1 s continuously above 25.2 km/h (smoothed speed), with their distance. */
export function sprints(track: TrackInput): Efforts {
  const s = stepsOf(track);
  const v = kmhToMps(SPRINT_MIN_KMH);
  return effortsWhere(s, (i) => s.speedMps[i] > v, SPRINT_MIN_DURATION_S);
}

/**
 * Efforts above `fractionOfMax` × the player's own maximum speed. The issue sets no minimum duration, so
 * none is applied: any run of steps above the threshold is one effort.
 */
export function effortsAbove(
  track: TrackInput,
  playerMaxSpeedMps: number,
  fractionOfMax: number = DEFAULT_FRACTION_OF_MAX,
): Efforts {
  const s = stepsOf(track);
  const v = fractionOfMax * playerMaxSpeedMps;
  return effortsWhere(s, (i) => s.speedMps[i] > v, 0);
}

export interface AccelerationEfforts {
  count: number;
  /** False when the detected sampling is under ACCELERATION_MIN_HZ (or unknown). */
  reliable: boolean;
}

function accelerationEfforts(track: TrackInput, sign: 1 | -1): AccelerationEfforts {
  const s = stepsOf(track);
  const accel = (i: number) => (s.dtS[i] > 0 ? (s.speedMps[i] - s.speedMps[i - 1]) / s.dtS[i] : 0);
  const { count } = effortsWhere(s, (i) => sign * accel(i) >= ACCELERATION_MIN_MPS2, ACCELERATION_MIN_DURATION_S);
  const hz = s.samplingHz;
  return { count, reliable: hz !== null && hz >= ACCELERATION_MIN_HZ };
}

/** Accelerations: efforts of ≥ 3 m/s² (step change of smoothed speed) held ≥ 0.5 s, each counted once. */
export function accelerations(track: TrackInput): AccelerationEfforts {
  return accelerationEfforts(track, 1);
}

/** Decelerations: efforts of ≤ −3 m/s² held ≥ 0.5 s, each counted once. */
export function decelerations(track: TrackInput): AccelerationEfforts {
  return accelerationEfforts(track, -1);
}

/** Elapsed time (s) from the first to the last point. */
export function elapsedS(points: readonly TrackPoint[]): number {
  return points.length < 2 ? 0 : (points[points.length - 1].timeMs - points[0].timeMs) / 1000;
}

/** Metres per minute: total distance / elapsed minutes (the whole recording, pauses included); 0 if no time. */
export function metresPerMinute(track: TrackInput): number {
  const s = stepsOf(track);
  const minutes = elapsedS(s.points) / 60;
  return minutes > 0 ? totalDistanceM(s) / minutes : 0;
}

/** Moving time (s): non-gap steps whose smoothed speed is at least MOVING_MIN_SPEED_MPS. */
export function movingS(track: TrackInput): number {
  const s = stepsOf(track);
  let total = 0;
  for (let i = 1; i < s.points.length; i++) if (!s.gap[i] && s.speedMps[i] >= MOVING_MIN_SPEED_MPS) total += s.dtS[i];
  return total;
}

/**
 * Elevation gain (m): the sum of the positive steps between consecutive points carrying an altitude. No noise
 * threshold is applied (none is given), so altimeter or GPS altitude noise adds to the figure.
 */
export function elevationGainM(points: readonly TrackPoint[]): number {
  let gain = 0;
  let last: number | undefined;
  for (const p of points) {
    if (p.altitudeM === undefined || !Number.isFinite(p.altitudeM)) continue;
    if (last !== undefined && p.altitudeM > last) gain += p.altitudeM - last;
    last = p.altitudeM;
  }
  return gain;
}

export interface TrackSummary {
  /** ISO 8601 UTC time of the first point. */
  startTime: string;
  elapsedS: number;
  movingS: number;
  distanceM: number;
  /** Distance / moving time (the service's choice: pauses do not dilute it); 0 with no moving time. */
  avgSpeedMps: number;
  /** Highest smoothed speed. */
  maxSpeedMps: number;
  elevationGainM: number;
  /** Time-weighted mean and maximum (heart-rate.ts), null without readings. */
  heartRate: HeartRateSummary | null;
  samplingHz: number | null;
}

/** Summary of a cleaned track; throws TrackError('EMPTY_TRACK') for no points. */
export function summarizeTrack(track: TrackInput): TrackSummary {
  const s = stepsOf(track);
  const points = s.points;
  if (points.length === 0) throw new TrackError('EMPTY_TRACK', 'a track needs at least one point');
  const distanceM = totalDistanceM(s);
  const moving = movingS(s);
  let maxSpeedMps = 0;
  for (const v of s.speedMps) maxSpeedMps = Math.max(maxSpeedMps, v);
  return {
    startTime: new Date(points[0].timeMs).toISOString(),
    elapsedS: elapsedS(points),
    movingS: moving,
    distanceM,
    avgSpeedMps: moving > 0 ? distanceM / moving : 0,
    maxSpeedMps,
    elevationGainM: elevationGainM(points),
    heartRate: heartRateSummary(points),
    samplingHz: s.samplingHz,
  };
}
