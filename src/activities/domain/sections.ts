/**
 * Sections of an activity: the file's own laps, automatic splits (every 1 km, every 5 min) and a range a
 * coach defines. The range helpers only say where a section lies; `analyzeSections` slices the cleaned
 * points to each range and gives every section the same metrics as the whole (`analyzeTrack`). Pure.
 *
 * Slicing is closed: a section holds the points with startMs ≤ time ≤ endMs, so consecutive splits share
 * their boundary point and each step belongs to exactly one split; split distances therefore add up to the
 * whole. A section with fewer than 2 points has no step, hence no distance or time: its metrics are null.
 */

import type { ActivityLap } from '../parsing/parsed-activity';
// analyzeTrack and segmentedStepDistancesM are only called inside functions, so the two modules importing
// each other (activity-analysis composes the sections) is safe under CommonJS.
import {
  type ActivityMetrics,
  type AnalyzeOptions,
  type Athlete,
  analyzeTrack,
  segmentedStepDistancesM,
} from './activity-analysis';
import type { TrackPoint } from './track';

/** Issue: automatic splits every 1 km and every 5 min. */
export const DISTANCE_SPLIT_M = 1000;
export const TIME_SPLIT_S = 300;

export type SectionKind = 'lap' | 'split-distance' | 'split-time' | 'custom' | 'planned-block';

export interface SectionRange {
  kind: SectionKind;
  /** 0-based position among the sections of its kind. */
  index: number;
  startMs: number;
  endMs: number;
}

export interface Section extends SectionRange {
  /** Null when the section holds fewer than 2 cleaned points. */
  metrics: ActivityMetrics | null;
}

/** The file's laps, in file order, as the file states their times. */
export function lapSections(laps: readonly ActivityLap[]): SectionRange[] {
  return laps.map((lap, index) => ({ kind: 'lap', index, startMs: lap.startMs, endMs: lap.endMs }));
}

/**
 * Consecutive ranges ending at the given point indexes (each boundary point closes one range and opens the
 * next), the last range running to the last point unless the last boundary already is the last point.
 */
function rangesAt(points: readonly TrackPoint[], boundaries: readonly number[], kind: SectionKind): SectionRange[] {
  if (points.length === 0) return [];
  const ends = [...boundaries.filter((b) => b > 0 && b < points.length - 1), points.length - 1];
  let from = 0;
  return ends.map((end, index) => {
    const range: SectionRange = { kind, index, startMs: points[from].timeMs, endMs: points[end].timeMs };
    from = end;
    return range;
  });
}

/**
 * Splits every `everyM` metres of cumulative distance (within segments, as `analyzeTrack` counts it). A
 * boundary falls at the first point whose cumulative distance is at or beyond k × `everyM` (k = 1, 2, …),
 * like a watch's km markers, so a split differs from `everyM` by less than one step (at 6 m per step:
 * 1,002 m, 1,002 m, 996 m); the last split holds the remainder.
 */
export function distanceSplits(
  points: readonly TrackPoint[],
  everyM: number = DISTANCE_SPLIT_M,
  options: AnalyzeOptions = {},
): SectionRange[] {
  return distanceSplitsOfSteps(points, segmentedStepDistancesM(points, options.segmentStarts), everyM);
}

/**
 * `distanceSplits` from step distances already computed (`segmentedStepDistancesM` of the points), so a
 * caller holding the track's per-step view does not compute them again.
 */
export function distanceSplitsOfSteps(
  points: readonly TrackPoint[],
  steps: readonly number[],
  everyM: number = DISTANCE_SPLIT_M,
): SectionRange[] {
  if (!Number.isFinite(everyM) || everyM <= 0) throw new RangeError(`everyM: expected metres above 0, got ${everyM}`);
  const boundaries: number[] = [];
  let cumulative = 0;
  let next = everyM;
  steps.forEach((d, i) => {
    cumulative += d;
    if (cumulative >= next) {
      boundaries.push(i);
      while (cumulative >= next) next += everyM; // one step longer than a split closes only one split
    }
  });
  return rangesAt(points, boundaries, 'split-distance');
}

/** Splits every `everyS` seconds from the first point; a boundary falls at the first point at or beyond it. */
export function timeSplits(points: readonly TrackPoint[], everyS: number = TIME_SPLIT_S): SectionRange[] {
  if (!Number.isFinite(everyS) || everyS <= 0) throw new RangeError(`everyS: expected seconds above 0, got ${everyS}`);
  if (points.length === 0) return [];
  const t0 = points[0].timeMs;
  const everyMs = everyS * 1000;
  const boundaries: number[] = [];
  let next = t0 + everyMs;
  points.forEach((p, i) => {
    if (p.timeMs >= next) {
      boundaries.push(i);
      while (p.timeMs >= next) next += everyMs; // a recording gap spanning several boundaries closes one split
    }
  });
  return rangesAt(points, boundaries, 'split-time');
}

/**
 * A coach's section from `fromMs` to `toMs` (epoch ms), clipped to the activity's first and last points
 * (a range wholly outside collapses onto the nearer end and has no metrics).
 */
export function timeRangeSection(points: readonly TrackPoint[], fromMs: number, toMs: number): SectionRange {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || fromMs > toMs) {
    throw new RangeError(`time range: expected finite fromMs ≤ toMs, got ${fromMs} to ${toMs}`);
  }
  return { kind: 'custom', index: 0, ...clipToActivity(points, fromMs, toMs) };
}

function clipToActivity(points: readonly TrackPoint[], startMs: number, endMs: number) {
  if (points.length === 0) return { startMs, endMs };
  const first = points[0].timeMs;
  const last = points[points.length - 1].timeMs;
  const clip = (t: number) => Math.min(last, Math.max(first, t));
  return { startMs: clip(startMs), endMs: clip(endMs) };
}

/**
 * Each range's metrics: the cleaned points within [startMs, endMs] passed to `analyzeTrack`, segment starts
 * moved into the slice. Section times are clipped to the activity (a lap may start before the first point,
 * as in a TCX whose trackpoints cover only part of the lap).
 *
 * Each slice is analysed on its own (its own per-step view), not cut out of the whole track's view: at a
 * slice's edges the smoothing windows hold fewer points, its first step has no predecessor and its median
 * step (hence its gaps) is its own, so the whole track's speeds and gaps would not give the same figures.
 */
export function analyzeSections(
  points: readonly TrackPoint[],
  ranges: readonly SectionRange[],
  athlete: Athlete,
  options: AnalyzeOptions = {},
): Section[] {
  const starts = options.segmentStarts ?? [];
  return ranges.map((range) => {
    const clipped = { ...range, ...clipToActivity(points, range.startMs, range.endMs) };
    // Cleaned points are in time order: both ends by binary search, not a scan per section.
    const first = firstPointAtOrAfter(points, clipped.startMs);
    const from = first < points.length ? first : -1;
    const to = from < 0 ? from : Math.max(from, firstPointAfter(points, clipped.endMs));
    const slice = from < 0 ? [] : points.slice(from, to);
    const segmentStarts = starts.filter((s) => s > from && s < to).map((s) => s - from);
    return { ...clipped, metrics: slice.length < 2 ? null : analyzeTrack(slice, athlete, { segmentStarts }) };
  });
}

/** Index of the first point at or after `timeMs` (points in time order); `points.length` if none. */
function firstPointAtOrAfter(points: readonly TrackPoint[], timeMs: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid].timeMs >= timeMs) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first point after `timeMs` (points in time order); `points.length` if none. */
function firstPointAfter(points: readonly TrackPoint[], timeMs: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid].timeMs > timeMs) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
