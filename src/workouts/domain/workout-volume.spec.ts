import {
  countsWorkout,
  entryVolume,
  isWorkingSet,
  roundKg,
  setReps,
  setTonnageKg,
  setVolume,
  workoutVolume,
} from './workout-volume';
import type { Workout, WorkoutEntry, WorkoutSet } from './workout';

let n = 0;
const s = (fields: Partial<WorkoutSet>): WorkoutSet => ({ setId: `s${++n}`, type: 'normal', done: true, ...fields });
const entry = (measure: WorkoutEntry['measure'], sets: WorkoutSet[]): WorkoutEntry => ({
  entryId: `e${++n}`,
  exerciseId: 'x',
  exerciseName: 'X',
  measure,
  externalLoad: measure === 'reps-weight',
  bodyParts: ['chest'],
  minAge: 14,
  order: 1,
  sets,
});

describe('workout volume', () => {
  it('counts a working set: reps × weight for reps-weight', () => {
    expect(setVolume(s({ reps: 5, weightKg: 100 }), 'reps-weight')).toEqual({
      sets: 1,
      warmUpSets: 0,
      reps: 5,
      tonnageKg: 500,
    });
    expect(setVolume(s({ type: 'drop', reps: 8, weightKg: 60 }), 'reps-weight').tonnageKg).toBe(480);
    expect(setVolume(s({ type: 'failure', reps: 3, weightKg: 100 }), 'reps-weight').tonnageKg).toBe(300);
  });

  it('counts warm-ups apart and sets not done not at all', () => {
    expect(setVolume(s({ type: 'warm-up', reps: 10, weightKg: 40 }), 'reps-weight')).toEqual({
      sets: 0,
      warmUpSets: 1,
      reps: 0,
      tonnageKg: 0,
    });
    expect(setVolume(s({ done: false, reps: 5, weightKg: 100 }), 'reps-weight')).toEqual({
      sets: 0,
      warmUpSets: 0,
      reps: 0,
      tonnageKg: 0,
    });
    expect(isWorkingSet(s({ type: 'warm-up' }))).toBe(false);
  });

  it('counts reps only for measures that record them, tonnage only for reps-weight', () => {
    expect(setReps(s({ reps: 12 }), 'reps')).toBe(12);
    expect(setTonnageKg(s({ reps: 12, weightKg: 10 }), 'reps')).toBe(0);
    expect(setReps(s({ reps: 3, durationS: 60 }), 'time')).toBe(0);
    expect(setVolume(s({ durationS: 60 }), 'time')).toEqual({ sets: 1, warmUpSets: 0, reps: 0, tonnageKg: 0 });
  });

  it('adds nothing for missing, negative or non-finite values', () => {
    expect(setTonnageKg(s({ reps: 5 }), 'reps-weight')).toBe(0);
    expect(setTonnageKg(s({ reps: -5, weightKg: 100 }), 'reps-weight')).toBe(0);
    expect(setTonnageKg(s({ reps: 5, weightKg: Number.NaN }), 'reps-weight')).toBe(0);
  });

  it('sums an entry and a finished workout; other workouts count nothing', () => {
    // 10×40 warm-up; 5×80 + 5×80 + 8×60 (drop) = 400 + 400 + 480 = 1280 kg; one set not done.
    const bench = entry('reps-weight', [
      s({ type: 'warm-up', reps: 10, weightKg: 40 }),
      s({ reps: 5, weightKg: 80 }),
      s({ reps: 5, weightKg: 80 }),
      s({ type: 'drop', reps: 8, weightKg: 60 }),
      s({ done: false, reps: 5, weightKg: 80 }),
    ]);
    expect(entryVolume(bench)).toEqual({ sets: 3, warmUpSets: 1, reps: 18, tonnageKg: 1280 });
    const workout = { status: 'finished', exercises: [bench, entry('time', [s({ durationS: 60 })])] } as const;
    expect(workoutVolume(workout as unknown as Workout)).toEqual({ sets: 4, warmUpSets: 1, reps: 18, tonnageKg: 1280 });
    expect(countsWorkout({ status: 'in-progress' })).toBe(false);
    expect(workoutVolume({ status: 'in-progress', exercises: [bench] }).sets).toBe(0);
    expect(workoutVolume({ status: 'planned', exercises: [bench] }).tonnageKg).toBe(0);
  });

  it('rounds to 0.1 kg', () => {
    expect(roundKg(0.1 + 0.2)).toBe(0.3);
    expect(roundKg(116.6666)).toBe(116.7);
    expect(roundKg(112.45)).toBe(112.5);
  });
});
