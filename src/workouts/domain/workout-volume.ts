/**
 * What a workout's sets add up to. A set counts when it was performed (`done`) in a `finished` workout;
 * a planned or in-progress workout counts nothing yet. Warm-up sets are counted apart (`warmUpSets`) and
 * add no sets, reps or tonnage: they prepare for the work and are not the work. Normal, drop and
 * failure sets are working sets.
 *
 * Tonnage (volume load) of a working set = reps × weightKg, for exercises of measure `reps-weight` only
 * (kg). Reps are counted for the measures that record them (`reps-weight`, `reps`). A missing, negative
 * or non-finite value adds 0. Nothing is rounded here.
 */

import { BodyPart, Measure, MEASURES } from '../../exercises/domain/exercise';
import { measureRecords } from './set-requirements';
import type { Workout, WorkoutEntry, WorkoutSet, WorkoutStatus } from './workout';

export interface SetVolume {
  /** Working sets. */
  sets: number;
  warmUpSets: number;
  reps: number;
  tonnageKg: number;
}

export const NO_VOLUME: Readonly<SetVolume> = Object.freeze({ sets: 0, warmUpSets: 0, reps: 0, tonnageKg: 0 });

export function countsWorkout(workout: Pick<Workout, 'status'>): boolean {
  return workout.status === 'finished';
}

export function isWarmUp(set: Pick<WorkoutSet, 'type'>): boolean {
  return set.type === 'warm-up';
}

/** A performed set that is not a warm-up. */
export function isWorkingSet(set: Pick<WorkoutSet, 'done' | 'type'>): boolean {
  return set.done && set.type !== 'warm-up';
}

// Held locally: the statistics call this once per set, and a global lookup is slow inside a vm context (jest).
const { isFinite } = Number;

/** A recorded amount as counted: the value when finite and above 0, else 0. */
export function measuredAmount(value: number | undefined): number {
  return typeof value === 'number' && value > 0 && isFinite(value) ? value : 0;
}

/** What the working sets of each measure add up: reps where the measure records them, tonnage for reps-weight. */
export const MEASURE_COUNTS: Readonly<Record<Measure, { reps: boolean; tonnage: boolean }>> = Object.freeze(
  Object.fromEntries(
    MEASURES.map((m) => [m, Object.freeze({ reps: measureRecords(m, 'reps'), tonnage: m === 'reps-weight' })]),
  ) as Record<Measure, { reps: boolean; tonnage: boolean }>,
);

/** Reps a set adds: those of a working set of a measure that records reps. */
export function setReps(set: Pick<WorkoutSet, 'done' | 'type' | 'reps'>, measure: Measure): number {
  return isWorkingSet(set) && MEASURE_COUNTS[measure].reps ? measuredAmount(set.reps) : 0;
}

/** Tonnage a set adds (kg): reps × weightKg of a working set of a `reps-weight` exercise. */
export function setTonnageKg(set: Pick<WorkoutSet, 'done' | 'type' | 'reps' | 'weightKg'>, measure: Measure): number {
  return isWorkingSet(set) && MEASURE_COUNTS[measure].tonnage
    ? measuredAmount(set.reps) * measuredAmount(set.weightKg)
    : 0;
}

/** What one set of a finished workout adds; a set not done adds nothing. */
export function setVolume(set: WorkoutSet, measure: Measure): SetVolume {
  if (!set.done) return { ...NO_VOLUME };
  if (isWarmUp(set)) return { ...NO_VOLUME, warmUpSets: 1 };
  return { sets: 1, warmUpSets: 0, reps: setReps(set, measure), tonnageKg: setTonnageKg(set, measure) };
}

/** The sum of an entry's sets, as counted in a finished workout. */
export function entryVolume(entry: Pick<WorkoutEntry, 'measure' | 'sets'>): SetVolume {
  const total = { ...NO_VOLUME };
  for (const set of entry.sets) addVolume(total, setVolume(set, entry.measure));
  return total;
}

/** The sum of a workout's entries; nothing unless the workout is finished. */
export function workoutVolume(workout: Pick<Workout, 'status' | 'exercises'>): SetVolume {
  const total = { ...NO_VOLUME };
  if (!countsWorkout(workout)) return total;
  for (const entry of workout.exercises) addVolume(total, entryVolume(entry));
  return total;
}

/** What one entry adds up to, with what the statistics group it by. */
export interface EntryVolume extends SetVolume {
  exerciseId: string;
  exerciseName: string;
  bodyParts: BodyPart[];
}

/**
 * A workout as the statistics read it: its date, status, minutes and what each entry adds up to,
 * without the sets. Stored beside the workout on every write, so statistics over years of history
 * read a few hundred bytes per workout instead of every set.
 */
export interface WorkoutVolumeSummary {
  date: string;
  status: WorkoutStatus;
  durationMin?: number;
  entries: EntryVolume[];
}

export function summarizeWorkout(
  workout: Pick<Workout, 'date' | 'status' | 'durationMin' | 'exercises'>,
): WorkoutVolumeSummary {
  return {
    date: workout.date,
    status: workout.status,
    ...(workout.durationMin !== undefined ? { durationMin: workout.durationMin } : {}),
    entries: workout.exercises.map(summarizeEntry),
  };
}

export function summarizeEntry(entry: WorkoutEntry): EntryVolume {
  return {
    exerciseId: entry.exerciseId,
    exerciseName: entry.exerciseName,
    bodyParts: entry.bodyParts,
    ...entryVolume(entry),
  };
}

/** Adds `more` into `total` (mutates and returns `total`). */
export function addVolume(total: SetVolume, more: Readonly<SetVolume>): SetVolume {
  total.sets += more.sets;
  total.warmUpSets += more.warmUpSets;
  total.reps += more.reps;
  total.tonnageKg += more.tonnageKg;
  return total;
}

/** To 0.1 kg, for output only. */
export function roundKg(kg: number): number {
  return Math.round(kg * 10) / 10;
}
