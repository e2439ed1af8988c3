/**
 * Estimated one-repetition maximum (e1RM) from a set taken short of it. Each published equation is its
 * own function, named after its source and applied as published; `estimateOneRepMax` decides which sets
 * the equations are used on. Pure: no rounding here, callers round what they show.
 */

import type { WorkoutSet } from './workout';

export const STRENGTH_REFERENCES = {
  epley1985: 'Epley B. Poundage Chart. Boyd Epley Workout. Lincoln, NE: Body Enterprises; 1985.',
  brzycki1993:
    'Brzycki M. Strength testing—predicting a one-rep max from reps-to-fatigue. ' +
    'J Phys Educ Recreat Dance 1993;64(1):88-90.',
} as const;

/**
 * Estimates come only from sets of 10 repetitions or fewer: both equations are fitted to low-repetition
 * sets and drift apart (and from the measured 1RM) beyond that, and Brzycki's has a pole at 37 reps.
 */
export const E1RM_MAX_REPS = 10;

// Epley, Boyd Epley Workout 1985 — 1RM = w × (1 + r / 30).
export function epley1985(weightKg: number, reps: number): number {
  return weightKg * (1 + reps / 30);
}

// Brzycki, J Phys Educ Recreat Dance 1993;64(1):88-90 — 1RM = w × 36 / (37 − r).
export function brzycki1993(weightKg: number, reps: number): number {
  return (weightKg * 36) / (37 - reps);
}

export interface OneRepMaxEstimate {
  epleyKg: number;
  brzyckiKg: number;
}

export type OneRepMaxSet = Pick<WorkoutSet, 'done' | 'type' | 'reps' | 'weightKg'>;

/** A set the equations apply to: performed, a working set, 1 to `E1RM_MAX_REPS` whole reps, a load above 0 kg. */
export function isE1rmEligible(set: OneRepMaxSet): set is OneRepMaxSet & { reps: number; weightKg: number } {
  const { reps, weightKg } = set;
  return (
    set.done &&
    set.type !== 'warm-up' &&
    typeof reps === 'number' &&
    Number.isInteger(reps) &&
    reps >= 1 &&
    reps <= E1RM_MAX_REPS &&
    typeof weightKg === 'number' &&
    Number.isFinite(weightKg) &&
    weightKg > 0
  );
}

/** Both estimates for an eligible set (unrounded), null for any other set. */
export function estimateOneRepMax(set: OneRepMaxSet): OneRepMaxEstimate | null {
  if (!isE1rmEligible(set)) return null;
  return { epleyKg: epley1985(set.weightKg, set.reps), brzyckiKg: brzycki1993(set.weightKg, set.reps) };
}
