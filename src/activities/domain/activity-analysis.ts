/**
 * The whole analysis of one activity: summary, football running metrics and heart-rate load of a cleaned
 * track, and (`analyzeActivityFile`) the composition cleanTrack → analyzeTrack → sections for a parsed file.
 * Pure: every figure comes from the modules it composes (running-metrics, heart-rate, sampling); nothing
 * here defines a metric of its own.
 *
 * Segment breaks (GPX trkseg, TCX Track): `stepDistancesM` knows no breaks, so a step across one would add
 * the distance between the end of one segment and the start of the next. The track is therefore split into
 * runs at the breaks, the distance-based metrics are computed on each run and summed (counts summed,
 * maxima taken), and the step across a break counts as no distance, no moving time and ends any effort.
 * Time-based figures (elapsed time, sampling rate, heart rate) are taken over the whole track: heart rate
 * already caps each reading's weight at HEART_RATE_MAX_STEP_S, so a pause at a break is not booked as effort.
 *
 * Each run's per-step view (`trackSteps`) is built once and passed to every metric; `analyzeActivityFile`
 * also reuses the whole track's views for the 1 km splits. Sections (sections.ts) build their own views from
 * their slice, since a slice's edges change its smoothing windows, first step and median step.
 */

import type { Sex } from '../../common/domain/enums';
import type { ActivityLap, ParsedActivity } from '../parsing/parsed-activity';
import {
  banisterTrimpFromSamples,
  edwards1993Trimp,
  heartRateSummary,
  resolveHrMax,
  timeInZones,
  type ZoneSeconds,
} from './heart-rate';
import {
  accelerations,
  type AccelerationEfforts,
  decelerations,
  DEFAULT_FRACTION_OF_MAX,
  distanceInZones,
  effortsAbove,
  type Efforts,
  sprints,
  summarizeTrack,
  type TrackSummary,
  type ZoneDistances,
} from './running-metrics';
import { ACCELERATION_MIN_HZ, detectSamplingHz } from './sampling';
import { analyzeSections, distanceSplitsOfSteps, lapSections, type Section, timeSplits } from './sections';
import { stepDistancesM } from './speed';
import { cleanTrack, type TrackQuality } from './track-cleaning';
import { trackSteps, type TrackSteps } from './track-steps';
import { TrackError, type TrackPoint } from './track';

export interface Athlete {
  sex: Sex;
  ageYears: number;
  /** The player's measured maximum heart rate (bpm); without it Tanaka et al. 2001 predicts one from age. */
  hrMax?: number;
  /** The player's resting heart rate (bpm); Banister's TRIMP needs it and none is assumed. */
  hrRest?: number;
  /** The player's own maximum speed (m/s), for the efforts above 90 % of it. */
  maxSpeedMps?: number;
}

export interface AnalyzeOptions {
  /** Indexes into `points` where a new recorded segment begins (GPX trkseg / TCX Track); see the module note. */
  segmentStarts?: readonly number[];
}

export interface RunningMetrics {
  zonesM: ZoneDistances;
  highSpeedRunningM: number;
  sprints: Efforts;
  accelerations: AccelerationEfforts;
  decelerations: AccelerationEfforts;
  metresPerMinute: number;
  /** Efforts above 90 % of the athlete's own maximum speed; null when that maximum is not known. */
  effortsAbove90: Efforts | null;
}

export interface HeartRateMetrics {
  hrMax: number;
  hrMaxSource: 'measured' | 'tanaka2001';
  /** Seconds in Edwards' zones 1-5 of HRmax (index 0 = zone 1). */
  timeInZonesS: ZoneSeconds;
  edwardsTrimp: number;
  /** Null without the athlete's resting heart rate: the service must not invent one. */
  banisterTrimp: number | null;
}

export interface ActivityMetrics {
  summary: TrackSummary;
  running: RunningMetrics;
  /** Null when the track carries no valid heart-rate reading. */
  heartRate: HeartRateMetrics | null;
}

/**
 * The cleaned points cut into runs at the segment starts. Starts that are 0, out of range, repeated or
 * unsorted are tolerated (sorted, deduplicated, ignored when they do not split anything).
 */
export function segmentRuns(
  points: readonly TrackPoint[],
  segmentStarts: readonly number[] = [],
): (readonly TrackPoint[])[] {
  const cuts = [...new Set(segmentStarts)].filter((s) => Number.isInteger(s) && s > 0 && s < points.length);
  // One run is the track itself, not a copy: what is worked out once per track (its median step, its
  // weighed heart-rate readings) is then shared by the run and the whole.
  if (cuts.length === 0) return points.length > 0 ? [points] : [];
  cuts.sort((a, b) => a - b);
  const runs: TrackPoint[][] = [];
  let from = 0;
  for (const cut of [...cuts, points.length]) {
    runs.push(points.slice(from, cut));
    from = cut;
  }
  return runs.filter((r) => r.length > 0);
}

/** `stepDistancesM` of each run, the step across a break counting 0 m (same indexes as `points`). */
export function segmentedStepDistancesM(
  points: readonly TrackPoint[],
  segmentStarts: readonly number[] = [],
): number[] {
  return segmentRuns(points, segmentStarts).flatMap((run) => stepDistancesM(run));
}

/** The runs' step distances end to end (same indexes as the whole track). */
function runStepDistancesM(runs: readonly TrackSteps[]): number[] {
  return runs.flatMap((run) => run.distanceM);
}

/** `summarizeTrack` per run, combined; with a single run it is exactly `summarizeTrack(points)`. */
function summarizeRuns(points: readonly TrackPoint[], runs: readonly TrackSteps[]): TrackSummary {
  if (points.length === 0) throw new TrackError('EMPTY_TRACK', 'a track needs at least one point');
  if (runs.length === 1) return summarizeTrack(runs[0]);
  const parts = runs.map((r) => summarizeTrack(r));
  const whole = summarizeTrack([points[0], points[points.length - 1]]);
  const distanceM = parts.reduce((t, s) => t + s.distanceM, 0);
  const movingS = parts.reduce((t, s) => t + s.movingS, 0);
  return {
    startTime: whole.startTime,
    elapsedS: whole.elapsedS,
    movingS,
    distanceM,
    // As summarizeTrack defines it: distance / moving time, 0 without moving time.
    avgSpeedMps: movingS > 0 ? distanceM / movingS : 0,
    maxSpeedMps: parts.reduce((m, s) => Math.max(m, s.maxSpeedMps), -Infinity),
    elevationGainM: parts.reduce((t, s) => t + s.elevationGainM, 0),
    heartRate: heartRateSummary(points),
    samplingHz: detectSamplingHz(points),
  };
}

const sumEfforts = (efforts: readonly Efforts[]): Efforts => ({
  count: efforts.reduce((t, e) => t + e.count, 0),
  distanceM: efforts.reduce((t, e) => t + e.distanceM, 0),
});

/** Acceleration counts summed over runs; reliability judged on the whole track's sampling rate. */
function sumAccelerations(efforts: readonly AccelerationEfforts[], samplingHz: number | null): AccelerationEfforts {
  return {
    count: efforts.reduce((t, e) => t + e.count, 0),
    reliable: samplingHz !== null && samplingHz >= ACCELERATION_MIN_HZ,
  };
}

function runningMetrics(runs: readonly TrackSteps[], summary: TrackSummary, athlete: Athlete): RunningMetrics {
  const zonesM: ZoneDistances = { standingWalking: 0, jogging: 0, running: 0, highSpeedRunning: 0, sprinting: 0 };
  for (const run of runs) {
    const z = distanceInZones(run);
    for (const k of Object.keys(zonesM) as (keyof ZoneDistances)[]) zonesM[k] += z[k];
  }
  const minutes = summary.elapsedS / 60;
  const maxSpeed = athlete.maxSpeedMps;
  return {
    zonesM,
    // highSpeedRunningM (running-metrics) is the highSpeedRunning zone; summed per run here.
    highSpeedRunningM: zonesM.highSpeedRunning,
    sprints: sumEfforts(runs.map((r) => sprints(r))),
    accelerations: sumAccelerations(
      runs.map((r) => accelerations(r)),
      summary.samplingHz,
    ),
    decelerations: sumAccelerations(
      runs.map((r) => decelerations(r)),
      summary.samplingHz,
    ),
    // metresPerMinute (running-metrics): distance / elapsed minutes, pauses included; distance within segments.
    metresPerMinute: minutes > 0 ? summary.distanceM / minutes : 0,
    effortsAbove90:
      maxSpeed === undefined ? null : sumEfforts(runs.map((r) => effortsAbove(r, maxSpeed, DEFAULT_FRACTION_OF_MAX))),
  };
}

function heartRateMetrics(
  points: readonly TrackPoint[],
  summary: TrackSummary,
  athlete: Athlete,
): HeartRateMetrics | null {
  if (summary.heartRate === null) return null; // heartRateSummary(points), as summarizeRuns takes it
  const resolved = resolveHrMax(athlete.hrMax, athlete.ageYears);
  if (resolved === null) return null; // unreachable: ageYears is required, kept for the type
  const timeInZonesS = timeInZones(points, resolved.hrMax);
  return {
    hrMax: resolved.hrMax,
    hrMaxSource: resolved.source,
    timeInZonesS,
    edwardsTrimp: edwards1993Trimp(timeInZonesS),
    banisterTrimp:
      athlete.hrRest === undefined
        ? null
        : banisterTrimpFromSamples(points, athlete.hrRest, resolved.hrMax, athlete.sex),
  };
}

/** Summary, running and heart-rate metrics of a cleaned track; throws TrackError('EMPTY_TRACK') for no points. */
export function analyzeTrack(
  points: readonly TrackPoint[],
  athlete: Athlete,
  options: AnalyzeOptions = {},
): ActivityMetrics {
  return analyzeRuns(points, trackRuns(points, options.segmentStarts), athlete);
}

/** The per-step view of each run of the track (see `segmentRuns`). */
function trackRuns(points: readonly TrackPoint[], segmentStarts: readonly number[] = []): TrackSteps[] {
  return segmentRuns(points, segmentStarts).map(trackSteps);
}

function analyzeRuns(points: readonly TrackPoint[], runs: readonly TrackSteps[], athlete: Athlete): ActivityMetrics {
  const summary = summarizeRuns(points, runs);
  return {
    summary,
    running: runningMetrics(runs, summary, athlete),
    heartRate: heartRateMetrics(points, summary, athlete),
  };
}

/**
 * Segment starts (indexes into the parsed points) moved onto the cleaned points: cleaning keeps point
 * objects and their order, so a start falls on the first kept point at or after it; a start whose whole
 * segment was dropped merges into the next one.
 */
export function cleanedSegmentStarts(
  parsed: readonly TrackPoint[],
  cleaned: readonly TrackPoint[],
  segmentStarts: readonly number[],
): number[] {
  const originalIndex: number[] = [];
  let i = 0;
  for (const p of cleaned) {
    while (i < parsed.length && parsed[i] !== p) i++;
    originalIndex.push(i);
    i++;
  }
  const out = new Set<number>();
  for (const s of segmentStarts) {
    const j = firstAtLeast(originalIndex, s);
    if (j > 0 && j < originalIndex.length) out.add(j);
  }
  return [...out].sort((a, b) => a - b);
}

/** Index of the first value ≥ `target` in increasing `values` (binary search); `values.length` if none. */
function firstAtLeast(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface ActivityAnalysis {
  quality: TrackQuality;
  metrics: ActivityMetrics;
  laps: Section[];
  splits: { distance: Section[]; time: Section[] };
  /** The cleaned points everything above was computed on, and their segment starts. */
  points: TrackPoint[];
  segmentStarts: number[];
}

/**
 * cleanTrack → analyzeTrack → laps, 1 km and 5 min splits, for a parsed file (segment starts honoured).
 * `athlete` may depend on when the activity started (an age is counted on the day): it is then called with
 * the first cleaned point's time.
 */
export function analyzeActivityFile(
  parsed: ParsedActivity & Partial<{ segmentStarts: number[] }>,
  athleteOrAt: Athlete | ((startMs: number) => Athlete),
): ActivityAnalysis {
  const { points, quality } = cleanTrack(parsed.points);
  if (points.length === 0) throw new TrackError('EMPTY_TRACK', 'The file has no usable points');
  const athlete = typeof athleteOrAt === 'function' ? athleteOrAt(points[0].timeMs) : athleteOrAt;
  const segmentStarts = cleanedSegmentStarts(parsed.points, points, parsed.segmentStarts ?? []);
  const options = { segmentStarts };
  const laps: readonly ActivityLap[] = parsed.laps;
  const runs = trackRuns(points, segmentStarts);
  return {
    quality,
    metrics: analyzeRuns(points, runs, athlete),
    laps: analyzeSections(points, lapSections(laps), athlete, options),
    splits: {
      distance: analyzeSections(points, distanceSplitsOfSteps(points, runStepDistancesM(runs)), athlete, options),
      time: analyzeSections(points, timeSplits(points), athlete, options),
    },
    points,
    segmentStarts,
  };
}
