import type { BodyPart, Measure } from '../../exercises/domain/exercise';

/** A workout's life: planned (by a coach or the player), in progress in the gym, finished. */
export const WORKOUT_STATUSES = ['planned', 'in-progress', 'finished'] as const;
export type WorkoutStatus = (typeof WORKOUT_STATUSES)[number];

/** Warm-up sets prepare; normal, drop and failure sets are working sets. */
export const SET_TYPES = ['warm-up', 'normal', 'drop', 'failure'] as const;
export type SetType = (typeof SET_TYPES)[number];

export interface WorkoutSet {
  setId: string;
  type: SetType;
  reps?: number;
  weightKg?: number;
  durationS?: number;
  distanceM?: number;
  /** RPE of the set (1-10, Zourdos et al. 2016 RIR-based scale). */
  rpe?: number;
  /** Repetitions in reserve. */
  rir?: number;
  restS?: number;
  /** Whether the set was performed (a planned set is not yet). */
  done: boolean;
}

export interface WorkoutEntry {
  entryId: string;
  exerciseId: string;
  /** The exercise as it was when the entry was added. */
  exerciseName: string;
  /** Its name in the other languages of the library (`ar`), beside the English. */
  exerciseNameTranslations?: { ar?: string };
  measure: Measure;
  externalLoad: boolean;
  bodyParts: BodyPart[];
  /** The exercise's youngest suitable age, in whole years. */
  minAge: number;
  /** 1-based position in the workout. */
  order: number;
  notes?: string;
  sets: WorkoutSet[];
}

export interface Workout {
  id: string;
  playerId: string;
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  name: string;
  status: WorkoutStatus;
  exercises: WorkoutEntry[];
  durationMin?: number;
  /** Session RPE (CR-10, Foster et al. 2001), asked after the workout. */
  sessionRpe?: number;
  notes?: string;
  finishedAt?: Date;
}
