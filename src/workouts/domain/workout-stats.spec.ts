import fc from 'fast-check';
import { addDays, dayOf, isoWeekStart, mondayOf } from '../../training/domain/calendar';
import type { BodyPart } from '../../exercises/domain/exercise';
import type { Workout, WorkoutEntry, WorkoutSet } from './workout';
import { workoutStats as statsOfSummaries, WorkoutStats, WorkoutStatsQuery } from './workout-stats';
import { summarizeWorkout } from './workout-volume';

/** From the sets, the way the service does it: each workout summarized when written, then the statistics. */
const workoutStats = (workouts: readonly Workout[], query: WorkoutStatsQuery): WorkoutStats =>
  statsOfSummaries(workouts.map(summarizeWorkout), query);

let n = 0;
const set = (reps: number | undefined, weightKg?: number, extra: Partial<WorkoutSet> = {}): WorkoutSet => ({
  setId: `s${++n}`,
  type: 'normal',
  done: true,
  reps,
  weightKg,
  ...extra,
});
const warmUp = (reps: number, weightKg: number) => set(reps, weightKg, { type: 'warm-up' });

const EXERCISES = {
  bench: { name: 'Bench Press', measure: 'reps-weight', bodyParts: ['chest', 'triceps'] },
  squat: { name: 'Back Squat', measure: 'reps-weight', bodyParts: ['quadriceps', 'glutes'] },
  plank: { name: 'Plank', measure: 'time', bodyParts: ['core'] },
} as const;
type ExerciseKey = keyof typeof EXERCISES;

const entry = (key: ExerciseKey, sets: WorkoutSet[], order = 1): WorkoutEntry => ({
  entryId: `e${++n}`,
  exerciseId: key,
  exerciseName: EXERCISES[key].name,
  measure: EXERCISES[key].measure,
  externalLoad: EXERCISES[key].measure === 'reps-weight',
  bodyParts: [...EXERCISES[key].bodyParts],
  minAge: 12,
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
  durationMin: 60,
  finishedAt: new Date(`${date}T18:00:00Z`),
  ...extra,
});

/**
 * Three finished workouts over two ISO weeks (2026-03-02 is a Monday), plus a planned and an
 * in-progress one that count nothing.
 *   W1 Mon 03-02, 60 min: bench warm-up 10×40; 5×80, 5×80, drop 8×60 → 3 sets, 18 reps, 400+400+480 = 1280 kg
 *                         plank 60 s, 60 s → 2 sets, 0 reps, 0 kg
 *   W2 Thu 03-05, 45 min: squat warm-up 5×60; 5×100 ×3 → 3 sets, 15 reps, 1500 kg
 *                         bench 3×85 (not done: nothing), 3×85 → 1 set, 3 reps, 255 kg
 *   W3 Tue 03-10, 50 min: squat 5×105, 5×105, failure 3×100 → 3 sets, 13 reps, 525+525+300 = 1350 kg
 * Totals: 3 workouts, 12 sets, 2 warm-ups, 49 reps, 1280+1500+255+1350 = 4385 kg, 155 min.
 */
const W1 = workout('w1', '2026-03-02', [
  entry('bench', [warmUp(10, 40), set(5, 80), set(5, 80), set(8, 60, { type: 'drop' })], 1),
  entry('plank', [set(undefined, undefined, { durationS: 60 }), set(undefined, undefined, { durationS: 60 })], 2),
]);
const W2 = workout(
  'w2',
  '2026-03-05',
  [
    entry('squat', [warmUp(5, 60), set(5, 100), set(5, 100), set(5, 100)], 1),
    entry('bench', [set(3, 85, { done: false }), set(3, 85)], 2),
  ],
  { durationMin: 45 },
);
const W3 = workout('w3', '2026-03-10', [entry('squat', [set(5, 105), set(5, 105), set(3, 100, { type: 'failure' })])], {
  durationMin: 50,
});
const PLANNED = workout('w4', '2026-03-11', [entry('squat', [set(5, 200, { done: false })])], {
  status: 'planned',
  finishedAt: undefined,
});
const IN_PROGRESS = workout('w5', '2026-03-12', [entry('bench', [set(5, 150)])], {
  status: 'in-progress',
  finishedAt: undefined,
});
const HISTORY = [W3, PLANNED, W1, IN_PROGRESS, W2];
const MARCH: WorkoutStatsQuery = { from: '2026-03-01', to: '2026-03-15', groupBy: 'week' };

const zero = { workouts: 0, sets: 0, warmUpSets: 0, reps: 0, tonnageKg: 0, durationMin: 0 };

describe('workoutStats on a hand-worked history', () => {
  const stats = workoutStats(HISTORY, MARCH);

  it('totals', () => {
    expect(stats.totals).toEqual({ workouts: 3, sets: 12, warmUpSets: 2, reps: 49, tonnageKg: 4385, durationMin: 155 });
    expect([stats.from, stats.to, stats.groupBy]).toEqual(['2026-03-01', '2026-03-15', 'week']);
  });

  it('one row per ISO week touching the range, the first starting before from (Sunday 03-01)', () => {
    expect(stats.periods).toEqual([
      { start: '2026-02-23', end: '2026-03-01', ...zero },
      // W1 + W2: 5+4 sets, 36 reps, 1280+1500+255 = 3035 kg, 105 min
      {
        start: '2026-03-02',
        end: '2026-03-08',
        workouts: 2,
        sets: 9,
        warmUpSets: 2,
        reps: 36,
        tonnageKg: 3035,
        durationMin: 105,
      },
      {
        start: '2026-03-09',
        end: '2026-03-15',
        workouts: 1,
        sets: 3,
        warmUpSets: 0,
        reps: 13,
        tonnageKg: 1350,
        durationMin: 50,
      },
    ]);
  });

  it('exercises by tonnage: squat 1500+1350, bench 1280+255, plank 0', () => {
    expect(stats.exercises).toEqual([
      { exerciseId: 'squat', name: 'Back Squat', workouts: 2, sets: 6, reps: 28, tonnageKg: 2850 },
      { exerciseId: 'bench', name: 'Bench Press', workouts: 2, sets: 4, reps: 21, tonnageKg: 1535 },
      { exerciseId: 'plank', name: 'Plank', workouts: 1, sets: 2, reps: 0, tonnageKg: 0 },
    ]);
  });

  it('body parts count each entry fully for every part it trains; ties by name', () => {
    expect(stats.bodyParts).toEqual([
      { bodyPart: 'glutes', workouts: 2, sets: 6, reps: 28, tonnageKg: 2850 },
      { bodyPart: 'quadriceps', workouts: 2, sets: 6, reps: 28, tonnageKg: 2850 },
      { bodyPart: 'chest', workouts: 2, sets: 4, reps: 21, tonnageKg: 1535 },
      { bodyPart: 'triceps', workouts: 2, sets: 4, reps: 21, tonnageKg: 1535 },
      { bodyPart: 'core', workouts: 1, sets: 2, reps: 0, tonnageKg: 0 },
    ]);
  });

  it('streak: weeks of 03-02 and 03-09, the week of to included', () => {
    expect(stats.streaks).toEqual({
      currentWeeks: 2,
      longestWeeks: 2,
      longestFrom: '2026-03-02',
      longestTo: '2026-03-15',
    });
  });

  it('the week of to without a workout yet does not break the streak; a whole empty week does', () => {
    // Wed 03-18: its week (03-16) has none yet, so count from the week of 03-09.
    expect(workoutStats(HISTORY, { ...MARCH, to: '2026-03-18' }).streaks.currentWeeks).toBe(2);
    // Wed 03-25: the week of 03-16 passed without a workout.
    expect(workoutStats(HISTORY, { ...MARCH, to: '2026-03-25' }).streaks).toEqual({
      currentWeeks: 0,
      longestWeeks: 2,
      longestFrom: '2026-03-02',
      longestTo: '2026-03-15',
    });
  });

  it('input order does not matter', () => {
    expect(workoutStats([...HISTORY].reverse(), MARCH)).toEqual(stats);
  });
});

describe('the range', () => {
  it('includes from and to, excludes what lies outside, but streaks see everything up to to', () => {
    // 03-05 .. 03-09: W2 only; W1 (03-02) before, W3 (03-10) after.
    const stats = workoutStats(HISTORY, { from: '2026-03-05', to: '2026-03-09', groupBy: 'week' });
    expect(stats.totals).toEqual({ workouts: 1, sets: 4, warmUpSets: 1, reps: 18, tonnageKg: 1755, durationMin: 45 });
    // W3 is after to: not in the streak. Week of 03-09 (to) has nothing up to 03-09, so count from 03-02.
    expect(stats.streaks).toEqual({
      currentWeeks: 1,
      longestWeeks: 1,
      longestFrom: '2026-03-02',
      longestTo: '2026-03-08',
    });
    expect(workoutStats(HISTORY, { from: '2026-03-02', to: '2026-03-02', groupBy: 'week' }).totals.workouts).toBe(1);
  });

  it('a range with no workouts: empty periods, streaks from the history before it', () => {
    const stats = workoutStats(HISTORY, { from: '2026-03-16', to: '2026-03-22', groupBy: 'week' });
    expect(stats.totals).toEqual(zero);
    expect(stats.periods).toEqual([{ start: '2026-03-16', end: '2026-03-22', ...zero }]);
    expect(stats.bodyParts).toEqual([]);
    expect(stats.exercises).toEqual([]);
    expect(stats.streaks.currentWeeks).toBe(2);
  });

  it('empty input', () => {
    expect(workoutStats([], { from: '2026-01-01', to: '2026-01-31', groupBy: 'month' })).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      groupBy: 'month',
      totals: zero,
      periods: [{ start: '2026-01-01', end: '2026-01-31', ...zero }],
      bodyParts: [],
      exercises: [],
      streaks: { currentWeeks: 0, longestWeeks: 0, longestFrom: null, longestTo: null },
    });
  });

  it('the ISO week across the year boundary is one week (2026-12-28 .. 2027-01-03); months split it', () => {
    const history = [
      workout('a', '2026-12-31', [entry('bench', [set(5, 100)])]),
      workout('b', '2027-01-02', [entry('bench', [set(5, 110)])]),
    ];
    const weeks = workoutStats(history, { from: '2026-12-28', to: '2027-01-03', groupBy: 'week' });
    expect(weeks.periods).toEqual([
      {
        start: '2026-12-28',
        end: '2027-01-03',
        workouts: 2,
        sets: 2,
        warmUpSets: 0,
        reps: 10,
        tonnageKg: 1050,
        durationMin: 120,
      },
    ]);
    expect(weeks.streaks).toEqual({
      currentWeeks: 1,
      longestWeeks: 1,
      longestFrom: '2026-12-28',
      longestTo: '2027-01-03',
    });
    const months = workoutStats(history, { from: '2026-12-28', to: '2027-01-03', groupBy: 'month' });
    expect(months.periods.map((p) => [p.start, p.end, p.tonnageKg])).toEqual([
      ['2026-12-01', '2026-12-31', 500],
      ['2027-01-01', '2027-01-31', 550],
    ]);
  });

  it('months over the February of a leap year (2028-02-29)', () => {
    const history = [
      workout('a', '2028-01-31', [entry('squat', [set(5, 100)])]),
      workout('b', '2028-02-29', [entry('squat', [set(5, 120)])]),
      workout('c', '2028-03-01', [entry('squat', [set(5, 130)])]),
    ];
    const stats = workoutStats(history, { from: '2028-01-15', to: '2028-03-01', groupBy: 'month' });
    expect(stats.periods.map((p) => [p.start, p.end, p.workouts, p.tonnageKg])).toEqual([
      ['2028-01-01', '2028-01-31', 1, 500],
      ['2028-02-01', '2028-02-29', 1, 600],
      ['2028-03-01', '2028-03-31', 1, 650],
    ]);
    // 01-31 (Mon 01-31 week 01-31), 02-29 (Tue, week 02-28), 03-01 (week 02-28): weeks 01-31 and 02-28.
    expect(stats.streaks.currentWeeks).toBe(1);
  });

  it('refuses a bad query', () => {
    expect(() => workoutStats([], { from: '2026-03-02', to: '2026-03-01', groupBy: 'week' })).toThrow(RangeError);
    expect(() => workoutStats([], { from: '2026-02-30', to: '2026-03-01', groupBy: 'week' })).toThrow(/from/);
    expect(() =>
      workoutStats([], { from: '2026-03-01', to: '2026-03-01', groupBy: 'day' as WorkoutStatsQuery['groupBy'] }),
    ).toThrow(/groupBy/);
    expect(() => workoutStats([workout('x', '2026-3-1', [])], MARCH)).toThrow(/workouts\[0\]\.date/);
  });
});

describe('details', () => {
  it('rounds tonnage only at the end: 3 × (1 × 0.1 kg) = 0.3 kg', () => {
    const stats = workoutStats(
      [workout('a', '2026-03-02', [entry('bench', [set(1, 0.1), set(1, 0.1), set(1, 0.1)])])],
      MARCH,
    );
    expect(stats.totals.tonnageKg).toBe(0.3);
  });

  it('an exercise twice in one workout counts that workout once; its name is the latest', () => {
    const renamed = { ...entry('bench', [set(5, 50)]), exerciseName: 'Barbell Bench Press' };
    const stats = workoutStats(
      [
        workout('late', '2026-03-09', [renamed]),
        workout('early', '2026-03-02', [entry('bench', [set(5, 100)]), entry('bench', [set(5, 100)], 2)]),
      ],
      MARCH,
    );
    expect(stats.exercises).toEqual([
      { exerciseId: 'bench', name: 'Barbell Bench Press', workouts: 2, sets: 3, reps: 15, tonnageKg: 1250 },
    ]);
    expect(stats.bodyParts.map((b) => [b.bodyPart, b.workouts, b.sets])).toEqual([
      ['chest', 2, 3],
      ['triceps', 2, 3],
    ]);
  });

  it('an exercise with only warm-up sets adds warm-ups but no exercise or body-part row', () => {
    const stats = workoutStats([workout('a', '2026-03-02', [entry('bench', [warmUp(10, 40)])])], MARCH);
    expect(stats.totals).toMatchObject({ workouts: 1, sets: 0, warmUpSets: 1, tonnageKg: 0 });
    expect(stats.exercises).toEqual([]);
    expect(stats.bodyParts).toEqual([]);
  });

  it('a body part listed twice on an entry counts once', () => {
    const e = { ...entry('bench', [set(5, 100)]), bodyParts: ['chest', 'chest'] as BodyPart[] };
    expect(workoutStats([workout('a', '2026-03-02', [e])], MARCH).bodyParts).toEqual([
      { bodyPart: 'chest', workouts: 1, sets: 1, reps: 5, tonnageKg: 500 },
    ]);
  });

  it('longest streak: the longer run wins; on a tie the most recent', () => {
    const at = (date: string) => workout(date, date, []);
    // Weeks 01-05, 01-12, 01-19 (3), gap, 02-09, 02-16 (2).
    const three = ['2026-01-05', '2026-01-14', '2026-01-25', '2026-02-09', '2026-02-16'].map(at);
    expect(workoutStats(three, { from: '2026-02-01', to: '2026-02-20', groupBy: 'week' }).streaks).toEqual({
      currentWeeks: 2,
      longestWeeks: 3,
      longestFrom: '2026-01-05',
      longestTo: '2026-01-25',
    });
    const tie = ['2026-01-05', '2026-01-12', '2026-02-09', '2026-02-16', '2026-02-17'].map(at);
    expect(workoutStats(tie, { from: '2026-02-01', to: '2026-03-31', groupBy: 'week' }).streaks).toEqual({
      currentWeeks: 0,
      longestWeeks: 2,
      longestFrom: '2026-02-09',
      longestTo: '2026-02-22',
    });
  });
});

describe('properties', () => {
  const START = '2026-01-01';
  const arbSet = fc.record({
    type: fc.constantFrom<WorkoutSet['type'][]>('warm-up', 'normal', 'drop', 'failure'),
    done: fc.boolean(),
    reps: fc.integer({ min: 0, max: 20 }),
    // Multiples of 0.5 kg: every tonnage is exact in tenths, so rounded parts add up to the rounded total.
    weightKg: fc.integer({ min: 0, max: 400 }).map((q) => q / 2),
  });
  const arbEntry = fc.record({
    key: fc.constantFrom<ExerciseKey>('bench', 'squat', 'plank'),
    sets: fc.array(arbSet, { maxLength: 6 }),
  });
  const arbWorkout = fc.record({
    day: fc.integer({ min: 0, max: 180 }),
    status: fc.constantFrom('planned', 'in-progress', 'finished', 'finished', 'finished'),
    durationMin: fc.integer({ min: 0, max: 120 }),
    entries: fc.array(arbEntry, { maxLength: 4 }),
  });
  interface RawWorkout {
    day: number;
    status: string;
    durationMin: number;
    entries: {
      key: ExerciseKey;
      sets: { type: WorkoutSet['type']; done: boolean; reps: number; weightKg: number }[];
    }[];
  }
  const build = (raw: RawWorkout[]) =>
    raw.map((w, i) =>
      workout(
        `w${i}`,
        addDays(START, w.day),
        w.entries.map((e, j) =>
          entry(
            e.key,
            e.sets.map((s) =>
              EXERCISES[e.key].measure === 'time'
                ? set(undefined, undefined, { type: s.type, done: s.done, durationS: 30 })
                : set(s.reps, s.weightKg, { type: s.type, done: s.done }),
            ),
            j + 1,
          ),
        ),
        { status: w.status as Workout['status'], durationMin: w.durationMin },
      ),
    );
  const arbQuery = fc.record({
    from: fc.integer({ min: 0, max: 180 }),
    length: fc.integer({ min: 0, max: 120 }),
    groupBy: fc.constantFrom<WorkoutStatsQuery['groupBy']>('week', 'month'),
  });

  it('periods add up to the totals, and so do the exercises', () => {
    fc.assert(
      fc.property(fc.array(arbWorkout, { maxLength: 30 }), arbQuery, (raw, q) => {
        const from = addDays(START, q.from);
        const stats = workoutStats(build(raw), { from, to: addDays(from, q.length), groupBy: q.groupBy });
        const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((a, r) => a + f(r), 0);
        for (const key of ['workouts', 'sets', 'warmUpSets', 'reps', 'tonnageKg', 'durationMin'] as const) {
          expect(sum(stats.periods, (p) => p[key])).toBe(stats.totals[key]);
        }
        expect(sum(stats.exercises, (e) => e.tonnageKg)).toBe(stats.totals.tonnageKg);
        expect(sum(stats.exercises, (e) => e.sets)).toBe(stats.totals.sets);
        expect(sum(stats.exercises, (e) => e.reps)).toBe(stats.totals.reps);
        // Periods are contiguous and cover the range.
        expect(stats.periods[0].start <= from && stats.periods[stats.periods.length - 1].end >= stats.to).toBe(true);
        stats.periods.slice(1).forEach((p, i) => expect(p.start).toBe(addDays(stats.periods[i].end, 1)));
      }),
      { numRuns: 200 },
    );
  });

  it('streaks match a week-by-week count', () => {
    fc.assert(
      fc.property(fc.array(arbWorkout, { maxLength: 30 }), fc.integer({ min: 0, max: 200 }), (raw, toOffset) => {
        const workouts = build(raw);
        const to = addDays(START, toOffset);
        const { streaks } = workoutStats(workouts, { from: START, to, groupBy: 'week' });
        const weeks = new Set(
          workouts.filter((w) => w.status === 'finished' && w.date <= to).map((w) => isoWeekStart(w.date)),
        );
        let longest = 0;
        for (const monday of weeks) {
          let length = 0;
          while (weeks.has(addDays(monday, 7 * length))) length += 1;
          longest = Math.max(longest, length);
        }
        expect(streaks.longestWeeks).toBe(longest);
        let week = isoWeekStart(to);
        if (!weeks.has(week)) week = addDays(week, -7);
        let current = 0;
        while (weeks.has(addDays(week, -7 * current))) current += 1;
        expect(streaks.currentWeeks).toBe(current);
        expect(streaks.currentWeeks).toBeLessThanOrEqual(streaks.longestWeeks);
        if (longest > 0) {
          expect(dayOf(streaks.longestTo!) - dayOf(streaks.longestFrom!) + 1).toBe(7 * longest);
          expect(mondayOf(dayOf(streaks.longestFrom!))).toBe(dayOf(streaks.longestFrom!));
        } else {
          expect([streaks.longestFrom, streaks.longestTo]).toEqual([null, null]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
