import { EXTERNAL_LOAD_MIN_AGE } from '../../training/domain/safety-rules';
import type { Exercise } from './exercise';

/** Tag of exercises meant for maximal-strength work (near-maximal loads). */
export const MAX_STRENGTH_TAG = 'max-strength';

/** One broken rule, named by the field that has to change. */
export interface ExerciseRuleViolation {
  path: string;
  message: string;
}

/**
 * Rules between the fields of an exercise, which a field-by-field schema cannot state. The
 * shipped library and every custom exercise are held to them; a workout can then trust
 * `externalLoad` and `minAge` for its youth rules.
 */
export function exerciseRuleViolations(
  exercise: Pick<Exercise, 'measure' | 'externalLoad' | 'minAge' | 'modality' | 'tags'>,
): ExerciseRuleViolation[] {
  const violations: ExerciseRuleViolation[] = [];
  if (exercise.measure === 'reps-weight' && !exercise.externalLoad) {
    violations.push({ path: 'externalLoad', message: 'externalLoad must be true when measure is reps-weight' });
  }
  if (exercise.modality === 'bodyweight' && exercise.externalLoad) {
    violations.push({ path: 'externalLoad', message: 'externalLoad must be false when modality is bodyweight' });
  }
  // Youth resistance training (Lloyd et al. 2014): external load from 14.
  if (exercise.externalLoad && exercise.minAge < EXTERNAL_LOAD_MIN_AGE) {
    violations.push({
      path: 'minAge',
      message: `minAge must be at least ${EXTERNAL_LOAD_MIN_AGE} when externalLoad is true (Lloyd et al. 2014)`,
    });
  }
  if (exercise.tags.includes(MAX_STRENGTH_TAG) && !exercise.externalLoad) {
    violations.push({ path: 'tags', message: `the tag "${MAX_STRENGTH_TAG}" needs externalLoad true` });
  }
  return violations;
}
