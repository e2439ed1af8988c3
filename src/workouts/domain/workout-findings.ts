import type { SafetyRule } from '../../training/domain/program-safety';
import type { Workout } from './workout';
import { YouthStrengthFinding, youthStrengthFindings } from './workout-safety';

/** The library's own contract, like the drills' age range: an exercise suits players from its `minAge`. */
export const EXERCISE_AGE_REFERENCE =
  'Exercise library contract: an exercise is planned only from its minAge (this service).';

export interface ExerciseAgeFinding {
  rule: Extract<SafetyRule, 'age-eligibility'>;
  code: 'below-exercise-min-age';
  path: string;
  message: string;
  reference: string;
}

export type WorkoutFinding = ExerciseAgeFinding | YouthStrengthFinding;

/** Entries of exercises meant for older players than `ageYears`. */
export function exerciseAgeFindings(workout: Pick<Workout, 'exercises'>, ageYears: number): ExerciseAgeFinding[] {
  return workout.exercises.flatMap((entry, i) =>
    ageYears < entry.minAge
      ? [
          {
            rule: 'age-eligibility' as const,
            code: 'below-exercise-min-age' as const,
            path: `exercises[${i}]`,
            message: `${entry.exerciseName} suits players from ${entry.minAge} (player is ${ageYears})`,
            reference: EXERCISE_AGE_REFERENCE,
          },
        ]
      : [],
  );
}

/**
 * Everything a planned workout (or a template planned for a player) is refused for, and a logged one
 * is warned about: the exercise's own age, then the youth strength rules, in entry order.
 */
export function workoutFindings(workout: Pick<Workout, 'exercises'>, ageYears: number): WorkoutFinding[] {
  return [...exerciseAgeFindings(workout, ageYears), ...youthStrengthFindings(workout, ageYears)];
}
