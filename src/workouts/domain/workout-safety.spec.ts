import { SAFETY_RULE_INFO } from '../../training/domain/program-safety';
import { EXTERNAL_LOAD_MIN_AGE, MAX_STRENGTH_MIN_AGE, SAFETY_REFERENCES } from '../../training/domain/safety-rules';
import type { WorkoutEntry, WorkoutSet } from './workout';
import { LOW_REP_MAX, youthStrengthFindings } from './workout-safety';

let n = 0;
const set = (reps: number | undefined, extra: Partial<WorkoutSet> = {}): WorkoutSet => ({
  setId: `s${++n}`,
  type: 'normal',
  done: false,
  reps,
  weightKg: reps === undefined ? undefined : 40,
  ...extra,
});
const entry = (name: string, externalLoad: boolean, sets: WorkoutSet[]): WorkoutEntry => ({
  entryId: `e${++n}`,
  exerciseId: name.toLowerCase().replace(/ /g, '-'),
  exerciseName: name,
  measure: externalLoad ? 'reps-weight' : 'reps',
  externalLoad,
  bodyParts: ['quadriceps'],
  minAge: externalLoad ? EXTERNAL_LOAD_MIN_AGE : 8,
  order: n,
  sets,
});

// exercises[0] body-weight squat (1 rep: no external load, never a finding);
// exercises[1] goblet squat with sets of 5, 3, 1 and 8 reps: sets[1] and sets[2] are 3 reps or fewer.
const workout = {
  exercises: [
    entry('Bodyweight Squat', false, [set(1)]),
    entry('Goblet Squat', true, [set(5), set(3), set(1), set(8)]),
  ],
};

describe('youthStrengthFindings', () => {
  it('reuses the training rule, constants and reference', () => {
    expect(LOW_REP_MAX).toBe(3);
    expect([EXTERNAL_LOAD_MIN_AGE, MAX_STRENGTH_MIN_AGE]).toEqual([14, 16]);
    expect(SAFETY_RULE_INFO['youth-strength'].reference).toContain(SAFETY_REFERENCES.lloyd2014);
  });

  it('under 14: the external-load entry once, and each of its low-rep sets once', () => {
    const findings = youthStrengthFindings(workout, 12);
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['external-load-under-14', 'exercises[1]'],
      ['low-rep-external-load-under-16', 'exercises[1].sets[1]'],
      ['low-rep-external-load-under-16', 'exercises[1].sets[2]'],
    ]);
    for (const f of findings) {
      expect(f.rule).toBe('youth-strength');
      expect(f.reference).toBe(SAFETY_REFERENCES.lloyd2014);
    }
    expect(findings[0].message).toBe('Goblet Squat uses external load, which is not planned under 14 (player is 12)');
    expect(findings[2].message).toBe(
      '1 rep of Goblet Squat with external load is maximal-strength work (3 reps or fewer), which is not planned under 16 (player is 12)',
    );
  });

  it('14 and 15: only the low-rep sets; from 16: nothing', () => {
    expect(youthStrengthFindings(workout, EXTERNAL_LOAD_MIN_AGE).map((f) => f.path)).toEqual([
      'exercises[1].sets[1]',
      'exercises[1].sets[2]',
    ]);
    expect(youthStrengthFindings(workout, MAX_STRENGTH_MIN_AGE - 1)).toHaveLength(2);
    expect(youthStrengthFindings(workout, MAX_STRENGTH_MIN_AGE)).toEqual([]);
    expect(youthStrengthFindings(workout, 35)).toEqual([]);
  });

  it('any set type, done or planned; a set without reps or with 0 reps is not low-rep', () => {
    const w = {
      exercises: [
        entry('Trap Bar Deadlift', true, [set(2, { type: 'warm-up', done: true }), set(undefined), set(0), set(4)]),
      ],
    };
    expect(youthStrengthFindings(w, 15).map((f) => f.path)).toEqual(['exercises[0].sets[0]']);
  });

  it('no entries, no findings; a bad age is refused', () => {
    expect(youthStrengthFindings({ exercises: [] }, 10)).toEqual([]);
    expect(() => youthStrengthFindings(workout, Number.NaN)).toThrow(RangeError);
    expect(() => youthStrengthFindings(workout, -1)).toThrow(RangeError);
  });
});
