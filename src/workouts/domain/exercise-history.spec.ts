import fc from 'fast-check';
import { addDays } from '../../training/domain/calendar';
import type { Measure } from '../../exercises/domain/exercise';
import { exerciseHistory } from './exercise-history';
import type { Workout, WorkoutEntry, WorkoutSet } from './workout';

let n = 0;
const set = (reps: number | undefined, weightKg?: number, extra: Partial<WorkoutSet> = {}): WorkoutSet => {
  const s: WorkoutSet = { setId: `s${++n}`, type: 'normal', done: true, ...extra };
  if (reps !== undefined) s.reps = reps;
  if (weightKg !== undefined) s.weightKg = weightKg;
  return s;
};
const entry = (exerciseId: string, measure: Measure, sets: WorkoutSet[], order = 1): WorkoutEntry => ({
  entryId: `e${++n}`,
  exerciseId,
  exerciseName: exerciseId,
  measure,
  externalLoad: measure === 'reps-weight',
  bodyParts: ['chest'],
  minAge: 14,
  order,
  sets,
});
const workout = (id: string, date: string, exercises: WorkoutEntry[], extra: Partial<Workout> = {}): Workout => ({
  id,
  playerId: 'p1',
  date,
  name: id,
  status: 'finished',
  exercises,
  finishedAt: new Date(`${date}T18:00:00Z`),
  ...extra,
});
const bench = (sets: WorkoutSet[], order = 1) => entry('bench', 'reps-weight', sets, order);

/**
 * Bench press over two finished workouts (and two that do not count):
 *   H1 03-02: warm-up 10×40; 5×100 (Epley 100×35/30 = 116.67, Brzycki 100×36/32 = 112.5);
 *             5×100 again (equal: no record); 8×90 (Epley 90×38/30 = 114, below 116.67; first at 8 reps)
 *   H2 03-09: 3×110 (Epley 110×33/30 = 121, Brzycki 110×36/34 = 116.47: e1RM record over 116.67; first at 3);
 *             5×102.5 (Epley 119.58: no e1RM record; 102.5 > 100 at 5 reps: record); 12×60 (no e1RM, first at 12);
 *             1×140 not done (ignored)
 *   H3 03-16 in progress: 1×150 done, ignored.   H0 02-23 planned: ignored.
 */
const H1 = workout('h1', '2026-03-02', [
  entry('squat', 'reps-weight', [set(5, 200)], 1),
  bench(
    [
      set(10, 40, { type: 'warm-up', setId: 'h1-wu' }),
      set(5, 100, { setId: 'h1-a' }),
      set(5, 100, { setId: 'h1-b' }),
      set(8, 90, { setId: 'h1-c', rpe: 8, rir: 2 }),
    ],
    2,
  ),
]);
const H2 = workout('h2', '2026-03-09', [
  bench([
    set(3, 110, { setId: 'h2-a' }),
    set(5, 102.5, { setId: 'h2-b' }),
    set(12, 60, { setId: 'h2-c' }),
    set(1, 140, { setId: 'h2-d', done: false }),
  ]),
]);
const H3 = workout('h3', '2026-03-16', [bench([set(1, 150)])], { status: 'in-progress', finishedAt: undefined });
const H0 = workout('h0', '2026-02-23', [bench([set(1, 150)])], { status: 'planned', finishedAt: undefined });

describe('exerciseHistory on a hand-worked history', () => {
  const history = exerciseHistory([H2, H3, H0, H1], 'bench');

  it('lists the done sets of finished workouts in order, warm-ups included, with e1RM to 0.1 kg', () => {
    expect(history.measure).toBe('reps-weight');
    expect(history.sets.map((s) => s.setId)).toEqual(['h1-wu', 'h1-a', 'h1-b', 'h1-c', 'h2-a', 'h2-b', 'h2-c']);
    expect(history.sets[0]).toEqual({
      workoutId: 'h1',
      date: '2026-03-02',
      setId: 'h1-wu',
      type: 'warm-up',
      reps: 10,
      weightKg: 40,
      e1rm: null,
    });
    expect(history.sets[1].e1rm).toEqual({ epleyKg: 116.7, brzyckiKg: 112.5 });
    // 90 × 36/29 = 111.72
    expect(history.sets[3]).toMatchObject({ rpe: 8, rir: 2, e1rm: { epleyKg: 114, brzyckiKg: 111.7 } });
    expect(history.sets[6].e1rm).toBeNull(); // 12 reps: beyond E1RM_MAX_REPS
  });

  it('best e1RM and best set: 3 × 110 kg, Epley 121, Brzycki 116.5', () => {
    expect(history.bestE1rm).toEqual({
      epleyKg: 121,
      brzyckiKg: 116.5,
      workoutId: 'h2',
      setId: 'h2-a',
      date: '2026-03-09',
      reps: 3,
      weightKg: 110,
    });
    expect(history.bestSet).toBe(history.sets[4]);
  });

  it('personal records in set order, each with the best it beat', () => {
    expect(history.personalRecords).toEqual([
      {
        kind: 'e1rm',
        date: '2026-03-02',
        workoutId: 'h1',
        setId: 'h1-a',
        reps: 5,
        weightKg: 100,
        e1rmKg: 116.7,
        previous: null,
      },
      {
        kind: 'weight-at-reps',
        date: '2026-03-02',
        workoutId: 'h1',
        setId: 'h1-a',
        reps: 5,
        weightKg: 100,
        previous: null,
      },
      {
        kind: 'weight-at-reps',
        date: '2026-03-02',
        workoutId: 'h1',
        setId: 'h1-c',
        reps: 8,
        weightKg: 90,
        previous: null,
      },
      {
        kind: 'e1rm',
        date: '2026-03-09',
        workoutId: 'h2',
        setId: 'h2-a',
        reps: 3,
        weightKg: 110,
        e1rmKg: 121,
        previous: 116.7,
      },
      {
        kind: 'weight-at-reps',
        date: '2026-03-09',
        workoutId: 'h2',
        setId: 'h2-a',
        reps: 3,
        weightKg: 110,
        previous: null,
      },
      {
        kind: 'weight-at-reps',
        date: '2026-03-09',
        workoutId: 'h2',
        setId: 'h2-b',
        reps: 5,
        weightKg: 102.5,
        previous: 100,
      },
      {
        kind: 'weight-at-reps',
        date: '2026-03-09',
        workoutId: 'h2',
        setId: 'h2-c',
        reps: 12,
        weightKg: 60,
        previous: null,
      },
    ]);
  });

  it('an exercise never done: empty history', () => {
    expect(exerciseHistory([H1, H2], 'deadlift')).toEqual({
      exerciseId: 'deadlift',
      measure: null,
      sets: [],
      bestSet: null,
      bestE1rm: null,
      personalRecords: [],
    });
    expect(exerciseHistory([], 'bench').sets).toEqual([]);
  });
});

describe('order and ties', () => {
  it('same date: by finishedAt, then id; entries by order', () => {
    const late = workout('a', '2026-03-02', [bench([set(5, 90, { setId: 'late' })])], {
      finishedAt: new Date('2026-03-02T20:00:00Z'),
    });
    const early = workout(
      'b',
      '2026-03-02',
      [bench([set(5, 80, { setId: 'second' })], 2), bench([set(5, 70, { setId: 'first' })], 1)],
      {
        finishedAt: new Date('2026-03-02T08:00:00Z'),
      },
    );
    const noTime = workout('c', '2026-03-02', [bench([set(5, 60, { setId: 'untimed' })])], { finishedAt: undefined });
    expect(exerciseHistory([noTime, late, early], 'bench').sets.map((s) => s.setId)).toEqual([
      'first',
      'second',
      'late',
      'untimed',
    ]);
  });

  it('equal e1RM: the heavier set is best (40 × 6 and 45 × 2 are both Epley 48); equal again: the earlier', () => {
    const h = exerciseHistory(
      [
        workout('a', '2026-03-02', [
          bench([set(6, 40, { setId: 'light' }), set(2, 45, { setId: 'heavy' }), set(2, 45, { setId: 'again' })]),
        ]),
      ],
      'bench',
    );
    expect(h.bestE1rm).toMatchObject({ setId: 'heavy', epleyKg: 48 });
    expect(h.bestSet?.setId).toBe('heavy');
    // 45 × 2 equals the record: not a new e1RM record; a new rep count (2) is a weight record once.
    expect(h.personalRecords.map((r) => [r.kind, r.setId])).toEqual([
      ['e1rm', 'light'],
      ['weight-at-reps', 'light'],
      ['weight-at-reps', 'heavy'],
    ]);
  });

  it('no eligible set: the heaviest working set, then more reps', () => {
    const h = exerciseHistory(
      [
        workout('a', '2026-03-02', [
          bench([
            set(12, 60),
            set(15, 65, { setId: 'x' }),
            set(20, 65, { setId: 'best' }),
            set(12, 80, { type: 'warm-up' }),
          ]),
        ]),
      ],
      'bench',
    );
    expect(h.bestE1rm).toBeNull();
    expect(h.bestSet?.setId).toBe('best');
    expect(h.personalRecords.every((r) => r.kind === 'weight-at-reps')).toBe(true);
  });

  it('other measures: most reps, longest time, longest distance, fastest pace; ties to the earlier', () => {
    const one = (measure: Measure, sets: WorkoutSet[]) =>
      exerciseHistory([workout('a', '2026-03-02', [entry('x', measure, sets)])], 'x');
    expect(
      one('reps', [set(8), set(12, undefined, { setId: 'r' }), set(12), set(30, undefined, { type: 'warm-up' })])
        .bestSet?.setId,
    ).toBe('r');
    expect(
      one('time', [
        set(undefined, undefined, { durationS: 45 }),
        set(undefined, undefined, { durationS: 90, setId: 't' }),
      ]).bestSet?.setId,
    ).toBe('t');
    expect(
      one('distance', [
        set(undefined, undefined, { distanceM: 5000, setId: 'd' }),
        set(undefined, undefined, { distanceM: 3000 }),
      ]).bestSet?.setId,
    ).toBe('d');
    // 400 m / 80 s = 5 m/s beats 1000 m / 210 s = 4.76 m/s.
    const pace = one('time-distance', [
      set(undefined, undefined, { distanceM: 1000, durationS: 210 }),
      set(undefined, undefined, { distanceM: 400, durationS: 80, setId: 'fast' }),
      set(undefined, undefined, { distanceM: 400, durationS: 0 }),
    ]);
    expect(pace.bestSet?.setId).toBe('fast');
    expect(pace.bestE1rm).toBeNull();
    expect(pace.personalRecords).toEqual([]);
    expect(pace.sets[1]).toEqual({
      workoutId: 'a',
      date: '2026-03-02',
      setId: 'fast',
      type: 'normal',
      durationS: 80,
      distanceM: 400,
      e1rm: null,
    });
  });
});

describe('properties', () => {
  const arbSet = fc.record({
    type: fc.constantFrom<WorkoutSet['type'][]>('warm-up', 'normal', 'drop', 'failure'),
    done: fc.boolean(),
    reps: fc.integer({ min: 0, max: 15 }),
    weightKg: fc.integer({ min: 0, max: 300 }).map((q) => q / 2),
  });
  const arbWorkouts = fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 60 }),
      finished: fc.boolean(),
      sets: fc.array(arbSet, { maxLength: 6 }),
    }),
    { maxLength: 25 },
  );
  type RawSet = { type: WorkoutSet['type']; done: boolean; reps: number; weightKg: number };
  const build = (raw: { day: number; finished: boolean; sets: RawSet[] }[], scale = 1) =>
    raw.map((w, i) =>
      workout(
        `w${String(i).padStart(3, '0')}`,
        addDays('2026-01-01', w.day),
        [bench(w.sets.map((s) => set(s.reps, s.weightKg * scale, { type: s.type, done: s.done })))],
        { status: w.finished ? 'finished' : 'in-progress', finishedAt: undefined },
      ),
    );

  it('bestE1rm is the highest e1RM of the sets; e1RM records rise and chain to each other', () => {
    fc.assert(
      fc.property(arbWorkouts, (raw) => {
        const h = exerciseHistory(build(raw), 'bench');
        const e1rms = h.sets.flatMap((s) => (s.e1rm ? [s.e1rm.epleyKg] : []));
        expect(h.bestE1rm?.epleyKg ?? null).toBe(e1rms.length ? Math.max(...e1rms) : null);
        const records = h.personalRecords.filter((r) => r.kind === 'e1rm');
        records.forEach((r, i) => {
          expect(r.previous).toBe(i === 0 ? null : records[i - 1].e1rmKg);
          if (i > 0) expect(r.e1rmKg!).toBeGreaterThanOrEqual(records[i - 1].e1rmKg!);
        });
        if (records.length) expect(records[records.length - 1].e1rmKg).toBe(h.bestE1rm?.epleyKg);
      }),
      { numRuns: 200 },
    );
  });

  it('with weights in multiples of 3 kg (Epley values 0.1 kg apart) the e1RM records strictly increase', () => {
    // Epley = w(30 + r)/30 = (w/3)(30 + r)/10: distinct values differ by at least 0.1 kg, so rounding keeps them apart.
    fc.assert(
      fc.property(arbWorkouts, (raw) => {
        const h = exerciseHistory(build(raw, 6), 'bench');
        const e1rm = h.personalRecords.filter((r) => r.kind === 'e1rm').map((r) => r.e1rmKg!);
        e1rm.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(e1rm[i]));
        const byReps = new Map<number, number>();
        for (const r of h.personalRecords.filter((p) => p.kind === 'weight-at-reps')) {
          expect(r.previous).toBe(byReps.get(r.reps) ?? null);
          expect(r.weightKg).toBeGreaterThan(byReps.get(r.reps) ?? 0);
          byReps.set(r.reps, r.weightKg);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('input order does not matter', () => {
    fc.assert(
      fc.property(arbWorkouts, (raw) => {
        const workouts = build(raw);
        expect(exerciseHistory([...workouts].reverse(), 'bench')).toEqual(exerciseHistory(workouts, 'bench'));
      }),
      { numRuns: 100 },
    );
  });
});
