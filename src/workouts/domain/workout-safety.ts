/**
 * The youth strength rule of the programme safety checks ('youth-strength', Lloyd et al. 2014), applied
 * to a workout's entries. The ages come from the training safety rules; nothing is copied here.
 */

import type { SafetyRule } from '../../training/domain/program-safety';
import { EXTERNAL_LOAD_MIN_AGE, MAX_STRENGTH_MIN_AGE, SAFETY_REFERENCES } from '../../training/domain/safety-rules';
import type { Workout } from './workout';

/**
 * Sets of 1 to 3 repetitions are the maximal-strength zone: the maximal strength work that the same
 * statement (Lloyd et al. 2014, SAFETY_REFERENCES.lloyd2014) keeps from players under MAX_STRENGTH_MIN_AGE.
 */
export const LOW_REP_MAX = 3;

export const YOUTH_STRENGTH_RULE = 'youth-strength' satisfies SafetyRule;

export const YOUTH_STRENGTH_CODES = ['external-load-under-14', 'low-rep-external-load-under-16'] as const;
export type YouthStrengthCode = (typeof YOUTH_STRENGTH_CODES)[number];

export interface YouthStrengthFinding {
  rule: typeof YOUTH_STRENGTH_RULE;
  code: YouthStrengthCode;
  /** `exercises[i]` or `exercises[i].sets[j]`, indices in stored order. */
  path: string;
  message: string;
  reference: string;
}

/**
 * Every youth strength finding of a workout for a player of `ageYears`, in entry then set order:
 * - an entry of an external-load exercise under EXTERNAL_LOAD_MIN_AGE (`exercises[i]`);
 * - a set of 1 to LOW_REP_MAX reps of an external-load exercise under MAX_STRENGTH_MIN_AGE
 *   (`exercises[i].sets[j]`), whatever the set type or whether it is done yet.
 * Under 14 both apply: the entry is reported once, and each of its low-rep sets once.
 */
export function youthStrengthFindings(workout: Pick<Workout, 'exercises'>, ageYears: number): YouthStrengthFinding[] {
  if (!Number.isFinite(ageYears) || ageYears < 0) {
    throw new RangeError(`ageYears: expected an age in years, 0 or more, got ${ageYears}`);
  }
  const findings: YouthStrengthFinding[] = [];
  const reference = SAFETY_REFERENCES.lloyd2014;
  workout.exercises.forEach((entry, i) => {
    if (!entry.externalLoad) return;
    if (ageYears < EXTERNAL_LOAD_MIN_AGE) {
      findings.push({
        rule: YOUTH_STRENGTH_RULE,
        code: 'external-load-under-14',
        path: `exercises[${i}]`,
        message: `${entry.exerciseName} uses external load, which is not planned under ${EXTERNAL_LOAD_MIN_AGE} (player is ${ageYears})`,
        reference,
      });
    }
    if (ageYears >= MAX_STRENGTH_MIN_AGE) return;
    entry.sets.forEach((set, j) => {
      if (typeof set.reps !== 'number' || set.reps < 1 || set.reps > LOW_REP_MAX) return;
      findings.push({
        rule: YOUTH_STRENGTH_RULE,
        code: 'low-rep-external-load-under-16',
        path: `exercises[${i}].sets[${j}]`,
        message:
          `${set.reps} rep${set.reps === 1 ? '' : 's'} of ${entry.exerciseName} with external load is maximal-strength ` +
          `work (${LOW_REP_MAX} reps or fewer), which is not planned under ${MAX_STRENGTH_MIN_AGE} (player is ${ageYears})`,
        reference,
      });
    });
  });
  return findings;
}
