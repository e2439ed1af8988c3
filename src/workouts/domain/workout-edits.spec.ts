import { appendEntry, removeEntry, reorderEntries, statusAfterEdit } from './workout-edits';
import type { WorkoutEntry } from './workout';

const entry = (entryId: string, done = false): WorkoutEntry => ({
  entryId,
  exerciseId: 'back-squat',
  exerciseName: 'Back squat',
  measure: 'reps-weight',
  externalLoad: true,
  bodyParts: ['quadriceps'],
  minAge: 14,
  order: 0,
  sets: [{ setId: `${entryId}-1`, type: 'normal', reps: 5, weightKg: 80, done }],
});

describe('workout edits', () => {
  it('numbers entries 1..n in array order after every edit', () => {
    const three = appendEntry(appendEntry(appendEntry([], entry('a')), entry('b')), entry('c'));
    expect(three.map((e) => [e.entryId, e.order])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(removeEntry(three, 0).map((e) => [e.entryId, e.order])).toEqual([
      ['b', 1],
      ['c', 2],
    ]);
  });

  it('reorders when every entry id is named exactly once', () => {
    const three = [entry('a'), entry('b'), entry('c')];
    const result = reorderEntries(three, ['c', 'a', 'b']);
    expect('entries' in result && result.entries.map((e) => `${e.entryId}${e.order}`)).toEqual(['c1', 'a2', 'b3']);
    expect(three.map((e) => e.order)).toEqual([0, 0, 0]);
  });

  it.each([
    [['a', 'b'], [{ kind: 'missing', entryId: 'c' }]],
    [['a', 'b', 'c', 'a'], [{ kind: 'repeated', entryId: 'a' }]],
    [
      ['a', 'b', 'x'],
      [
        { kind: 'unknown', entryId: 'x' },
        { kind: 'missing', entryId: 'c' },
      ],
    ],
  ])('refuses the order %j', (ids, problems) => {
    expect(reorderEntries([entry('a'), entry('b'), entry('c')], ids)).toEqual({ problems });
  });

  it('starts a planned workout once a set is done, and moves no other status', () => {
    expect(statusAfterEdit('planned', [entry('a')])).toBe('planned');
    expect(statusAfterEdit('planned', [entry('a', true)])).toBe('in-progress');
    expect(statusAfterEdit('finished', [entry('a', true)])).toBe('finished');
    expect(statusAfterEdit('in-progress', [entry('a')])).toBe('in-progress');
  });
});
