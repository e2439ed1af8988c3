/**
 * What a set of each measure records. A set carries exactly the measured fields of its exercise's
 * measure: every one of them, and none of the others (a stray `reps` on a timed plank would be counted
 * as repetitions by the statistics). RPE, RIR and rest are not measured fields and are always allowed.
 */

import type { Measure } from '../../exercises/domain/exercise';
import type { WorkoutSet } from './workout';

export const MEASURED_FIELDS = ['reps', 'weightKg', 'durationS', 'distanceM'] as const;
export type MeasuredField = (typeof MEASURED_FIELDS)[number];

export const SET_FIELDS_BY_MEASURE: Record<Measure, { required: readonly MeasuredField[] }> = {
  'reps-weight': { required: ['reps', 'weightKg'] },
  reps: { required: ['reps'] },
  time: { required: ['durationS'] },
  distance: { required: ['distanceM'] },
  'time-distance': { required: ['durationS', 'distanceM'] },
};

export interface SetFieldProblem {
  path: string;
  message: string;
}

/** Whether sets of `measure` record `field`. */
export function measureRecords(measure: Measure, field: MeasuredField): boolean {
  return SET_FIELDS_BY_MEASURE[measure].required.includes(field);
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * One problem per missing measured field (`${path}.weightKg`, or `weightKg` for an empty path), then one per measured field the measure
 * does not record, in the order of `MEASURED_FIELDS`. A null counts as absent. Values are not checked
 * here (ranges belong to the request validation); only which fields are there.
 */
export function setFieldProblems(set: Partial<WorkoutSet>, measure: Measure, path: string): SetFieldProblem[] {
  const spec = SET_FIELDS_BY_MEASURE[measure];
  if (!spec) throw new RangeError(`measure: expected one of ${Object.keys(SET_FIELDS_BY_MEASURE).join(', ')}`);
  const required = spec.required.join(' and ');
  const at = (field: MeasuredField) => (path ? `${path}.${field}` : field);
  const problems: SetFieldProblem[] = [];
  for (const field of spec.required) {
    if (!present(set[field])) {
      problems.push({ path: at(field), message: `a ${measure} exercise records ${required} on every set` });
    }
  }
  for (const field of MEASURED_FIELDS) {
    if (!spec.required.includes(field) && present(set[field])) {
      problems.push({
        path: at(field),
        message: `a ${measure} exercise records ${required} only; remove ${field}`,
      });
    }
  }
  return problems;
}
