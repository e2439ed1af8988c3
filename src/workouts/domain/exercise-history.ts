/**
 * One exercise across a player's workouts: every set done in a finished workout, oldest first, with its
 * estimated 1RM, the best set and the personal records. Pure; kg figures are compared unrounded and
 * rounded to 0.1 kg only in the output (recorded weights are shown as recorded).
 */

import type { Measure } from '../../exercises/domain/exercise';
import { estimateOneRepMax, OneRepMaxEstimate } from './one-rep-max';
import { countsWorkout, isWorkingSet, roundKg } from './workout-volume';
import type { Workout, WorkoutSet } from './workout';

/** A done set of the exercise, where it was done, with its estimated 1RM (rest and `done` left out: all are done). */
export interface ExerciseHistorySet extends Omit<WorkoutSet, 'restS' | 'done'> {
  workoutId: string;
  date: string;
  /** Epley and Brzycki estimates to 0.1 kg, for eligible sets of a reps-weight entry; null otherwise. */
  e1rm: OneRepMaxEstimate | null;
}

export interface BestE1rm extends OneRepMaxEstimate {
  workoutId: string;
  setId: string;
  date: string;
  reps: number;
  weightKg: number;
}

export const PERSONAL_RECORD_KINDS = ['e1rm', 'weight-at-reps'] as const;
export type PersonalRecordKind = (typeof PERSONAL_RECORD_KINDS)[number];

export interface PersonalRecord {
  kind: PersonalRecordKind;
  date: string;
  workoutId: string;
  setId: string;
  reps: number;
  weightKg: number;
  /** Epley e1RM of the set (kind `e1rm` only). */
  e1rmKg?: number;
  /** The best this set beat (the previous Epley e1RM, or the previous heaviest weight at these reps); null for the first. */
  previous: number | null;
}

export interface ExerciseHistory {
  exerciseId: string;
  /** The measure of the most recent entry, which decides how `bestSet` is chosen; null without sets. */
  measure: Measure | null;
  sets: ExerciseHistorySet[];
  bestSet: ExerciseHistorySet | null;
  bestE1rm: BestE1rm | null;
  /** Chronological; for one set an `e1rm` record comes before its `weight-at-reps` record. */
  personalRecords: PersonalRecord[];
}

interface Row {
  workoutId: string;
  date: string;
  measure: Measure;
  set: WorkoutSet;
  estimate: OneRepMaxEstimate | null;
  item: ExerciseHistorySet;
}

function finishedTime(workout: Workout): number {
  const t = workout.finishedAt instanceof Date ? workout.finishedAt.getTime() : NaN;
  return Number.isNaN(t) ? Infinity : t;
}

/** By date, then finishedAt (a workout without one after those with), then id. */
function chronological(a: Workout, b: Workout): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ta = finishedTime(a);
  const tb = finishedTime(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const round = (e: OneRepMaxEstimate): OneRepMaxEstimate => ({
  epleyKg: roundKg(e.epleyKg),
  brzyckiKg: roundKg(e.brzyckiKg),
});

function historyItem(workout: Workout, set: WorkoutSet, estimate: OneRepMaxEstimate | null): ExerciseHistorySet {
  const item: ExerciseHistorySet = {
    workoutId: workout.id,
    date: workout.date,
    setId: set.setId,
    type: set.type,
    e1rm: null,
  };
  for (const field of ['reps', 'weightKg', 'durationS', 'distanceM', 'rpe', 'rir'] as const) {
    if (set[field] !== undefined && set[field] !== null) item[field] = set[field];
  }
  item.e1rm = estimate && round(estimate);
  return item;
}

const finite = (value: number | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * The score a working set is ranked by for `measure`, higher better; undefined when the set does not
 * record what is ranked. reps → reps; time → durationS; distance → distanceM; time-distance → average
 * speed distanceM / durationS. (reps-weight is ranked by `bestSet` itself: e1RM, then weight.)
 */
function score(set: WorkoutSet, measure: Exclude<Measure, 'reps-weight'>): number | undefined {
  switch (measure) {
    case 'reps':
      return finite(set.reps) ? set.reps : undefined;
    case 'time':
      return finite(set.durationS) ? set.durationS : undefined;
    case 'distance':
      return finite(set.distanceM) ? set.distanceM : undefined;
    case 'time-distance':
      return finite(set.distanceM) && finite(set.durationS) && set.durationS > 0
        ? set.distanceM / set.durationS
        : undefined;
  }
}

/** The eligible set with the highest Epley e1RM; on a tie the heavier weight, then the earlier set. */
function topByE1rm(rows: readonly Row[]): Row | null {
  let best: Row | null = null;
  for (const row of rows) {
    if (!row.estimate) continue;
    if (
      !best?.estimate ||
      row.estimate.epleyKg > best.estimate.epleyKg ||
      (row.estimate.epleyKg === best.estimate.epleyKg && Number(row.set.weightKg) > Number(best.set.weightKg))
    ) {
      best = row;
    }
  }
  return best;
}

/**
 * The best working set for `measure`, among sets of entries of that measure; on equal scores the
 * earlier set. reps-weight: the top e1RM set (`topByE1rm`); with no eligible set (all above 10 reps,
 * say), the heaviest working set, then the one with more reps.
 */
function bestSet(rows: readonly Row[], measure: Measure, topE1rm: Row | null): Row | null {
  let best: Row | null = null;
  if (measure === 'reps-weight') {
    if (topE1rm) return topE1rm;
    let bestReps = -Infinity;
    let bestWeight = -Infinity;
    for (const row of rows) {
      if (row.measure !== measure || !isWorkingSet(row.set) || !finite(row.set.weightKg)) continue;
      const reps = finite(row.set.reps) ? row.set.reps : 0;
      if (row.set.weightKg > bestWeight || (row.set.weightKg === bestWeight && reps > bestReps)) {
        best = row;
        bestWeight = row.set.weightKg;
        bestReps = reps;
      }
    }
    return best;
  }
  let bestScore = -Infinity;
  for (const row of rows) {
    if (row.measure !== measure || !isWorkingSet(row.set)) continue;
    const s = score(row.set, measure);
    if (s !== undefined && s > bestScore) {
      best = row;
      bestScore = s;
    }
  }
  return best;
}

/**
 * Personal records, reps-weight entries only, in set order:
 * - `e1rm`: an eligible set whose Epley e1RM is above every earlier one (the first eligible set is one,
 *   with `previous` null). Epley ranks; Brzycki is reported beside it in `bestE1rm` and on the sets.
 * - `weight-at-reps`: a working set with a load above 0 kg heavier than every earlier working set of
 *   exactly its rep count (the first at a rep count is one, with `previous` null).
 * Equal values are not records.
 */
function personalRecords(rows: readonly Row[]): PersonalRecord[] {
  const records: PersonalRecord[] = [];
  let bestEpley: number | null = null;
  const heaviestAt = new Map<number, number>();
  for (const row of rows) {
    const { set } = row;
    if (row.measure !== 'reps-weight' || !isWorkingSet(set)) continue;
    if (!finite(set.reps) || !Number.isInteger(set.reps) || set.reps < 1) continue;
    if (!finite(set.weightKg) || set.weightKg <= 0) continue;
    const where = {
      date: row.date,
      workoutId: row.workoutId,
      setId: set.setId,
      reps: set.reps,
      weightKg: set.weightKg,
    };
    if (row.estimate && (bestEpley === null || row.estimate.epleyKg > bestEpley)) {
      records.push({
        kind: 'e1rm',
        ...where,
        e1rmKg: roundKg(row.estimate.epleyKg),
        previous: bestEpley === null ? null : roundKg(bestEpley),
      });
      bestEpley = row.estimate.epleyKg;
    }
    const heaviest = heaviestAt.get(set.reps);
    if (heaviest === undefined || set.weightKg > heaviest) {
      records.push({ kind: 'weight-at-reps', ...where, previous: heaviest ?? null });
      heaviestAt.set(set.reps, set.weightKg);
    }
  }
  return records;
}

/**
 * The history of `exerciseId` in `workouts` (one player's, in any order): done sets of finished
 * workouts, by workout date (then finishedAt, then id), entry order and set order.
 */
export function exerciseHistory(workouts: readonly Workout[], exerciseId: string): ExerciseHistory {
  const rows: Row[] = [];
  const finished = workouts.filter((w) => countsWorkout(w) && w.exercises.some((e) => e.exerciseId === exerciseId));
  for (const workout of [...finished].sort(chronological)) {
    const entries = workout.exercises
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => entry.exerciseId === exerciseId)
      .sort((a, b) => a.entry.order - b.entry.order || a.index - b.index);
    for (const { entry } of entries) {
      for (const set of entry.sets) {
        if (!set.done) continue;
        const estimate = entry.measure === 'reps-weight' ? estimateOneRepMax(set) : null;
        rows.push({
          workoutId: workout.id,
          date: workout.date,
          measure: entry.measure,
          set,
          estimate,
          item: historyItem(workout, set, estimate),
        });
      }
    }
  }
  const measure = rows.length > 0 ? rows[rows.length - 1].measure : null;
  // Estimates exist only on reps-weight entries, so the top e1RM is also the reps-weight best set.
  const topE1rm = topByE1rm(rows);
  const best = measure === null ? null : bestSet(rows, measure, topE1rm);
  return {
    exerciseId,
    measure,
    sets: rows.map((r) => r.item),
    bestSet: best ? best.item : null,
    bestE1rm:
      topE1rm && topE1rm.estimate
        ? {
            ...round(topE1rm.estimate),
            workoutId: topE1rm.workoutId,
            setId: topE1rm.set.setId,
            date: topE1rm.date,
            reps: Number(topE1rm.set.reps),
            weightKg: Number(topE1rm.set.weightKg),
          }
        : null,
    personalRecords: personalRecords(rows),
  };
}
