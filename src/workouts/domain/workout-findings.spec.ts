import type { WorkoutEntry } from './workout';
import { workoutFindings } from './workout-findings';

const entry = (over: Partial<WorkoutEntry>): WorkoutEntry => ({
  entryId: 'e',
  exerciseId: 'x',
  exerciseName: 'Exercise',
  measure: 'reps-weight',
  externalLoad: false,
  bodyParts: ['glutes'],
  minAge: 8,
  order: 1,
  sets: [],
  ...over,
});

describe('workoutFindings', () => {
  const squat = entry({
    exerciseName: 'Back squat',
    externalLoad: true,
    minAge: 14,
    sets: [
      { setId: 's1', type: 'normal', reps: 5, weightKg: 60, done: false },
      { setId: 's2', type: 'normal', reps: 3, weightKg: 70, done: false },
    ],
  });

  it('finds nothing for an adult', () => {
    expect(workoutFindings({ exercises: [squat] }, 18)).toEqual([]);
  });

  it('at 15 finds the 3-rep set only', () => {
    expect(workoutFindings({ exercises: [squat] }, 15).map((f) => [f.code, f.path])).toEqual([
      ['low-rep-external-load-under-16', 'exercises[0].sets[1]'],
    ]);
  });

  it("at 12 finds the exercise's own age first, then the youth strength rules", () => {
    const bridge = entry({
      exerciseName: 'Glute bridge',
      sets: [{ setId: 'b', type: 'normal', reps: 2, done: false }],
    });
    expect(workoutFindings({ exercises: [bridge, squat] }, 12).map((f) => [f.rule, f.code, f.path])).toEqual([
      ['age-eligibility', 'below-exercise-min-age', 'exercises[1]'],
      ['youth-strength', 'external-load-under-14', 'exercises[1]'],
      ['youth-strength', 'low-rep-external-load-under-16', 'exercises[1].sets[1]'],
    ]);
  });
});
