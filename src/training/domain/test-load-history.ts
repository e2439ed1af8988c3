import { LoadEntry } from './load-monitoring';

/**
 * Six weeks of one player's sessions, for tests that seed the same history through the API and expect
 * the same report. Four ordinary weeks (Mon 375, Tue 540, Thu 450, Fri 135, Sat match 720 AU), a light
 * week after a knock, then a training camp with double sessions that ends in a match on Saturday
 * 2025-03-08: too much, too soon. Includes skipped sessions and days with two sessions.
 * The expected figures are checked in load-monitoring.spec.ts.
 */
export const LOAD_FIXTURE_QUERY = { from: '2025-01-27', to: '2025-03-08' } as const;

const training = (date: string, durationMin: number, rpe: number): LoadEntry => ({
  date,
  durationMin,
  rpe,
  status: 'done',
  kind: 'training',
});
const match = (date: string, durationMin: number, rpe: number): LoadEntry => ({
  ...training(date, durationMin, rpe),
  kind: 'match',
});
const skipped = (date: string, durationMin: number, rpe: number): LoadEntry => ({
  ...training(date, durationMin, rpe),
  status: 'skipped',
});

export const LOAD_FIXTURE_ENTRIES: readonly LoadEntry[] = [
  // Week of 27 Jan: 2220 AU.
  training('2025-01-27', 75, 5),
  training('2025-01-28', 90, 6),
  training('2025-01-30', 75, 6),
  training('2025-01-31', 45, 3),
  match('2025-02-01', 90, 8),
  // Week of 3 Feb: 2370 AU, a gym session added on Thursday.
  training('2025-02-03', 75, 5),
  training('2025-02-04', 90, 6),
  training('2025-02-06', 75, 6),
  training('2025-02-06', 30, 5),
  training('2025-02-07', 45, 3),
  match('2025-02-08', 90, 8),
  // Week of 10 Feb: 1680 AU, Tuesday skipped.
  training('2025-02-10', 75, 5),
  skipped('2025-02-11', 90, 6),
  training('2025-02-13', 75, 6),
  training('2025-02-14', 45, 3),
  match('2025-02-15', 90, 8),
  // Week of 17 Feb: 2220 AU.
  training('2025-02-17', 75, 5),
  training('2025-02-18', 90, 6),
  training('2025-02-20', 75, 6),
  training('2025-02-21', 45, 3),
  match('2025-02-22', 90, 8),
  // Week of 24 Feb: 450 AU, light work after a knock, no match.
  training('2025-02-24', 45, 4),
  skipped('2025-02-25', 60, 5),
  training('2025-02-27', 45, 4),
  training('2025-02-28', 30, 3),
  // Week of 3 Mar, to Saturday: camp, 3840 AU in six days.
  training('2025-03-03', 90, 6),
  training('2025-03-04', 90, 6),
  training('2025-03-04', 45, 5),
  training('2025-03-05', 80, 6),
  training('2025-03-06', 90, 6),
  training('2025-03-06', 45, 5),
  training('2025-03-07', 80, 6),
  match('2025-03-08', 90, 9),
];

/** What a report for `LOAD_FIXTURE_QUERY` answers (figures as reported, rounded). */
export const LOAD_FIXTURE_EXPECTED = {
  current: {
    date: '2025-03-08',
    historyStart: '2025-01-27',
    baselineEstablished: true,
    acute: 557,
    chronic: 358,
    acwr: 1.56,
    last7DaysLoad: 3840,
    previous7DaysLoad: 450,
    changePct: 753.3,
    monotony: 2.11,
    strain: 8109,
  },
  warnings: [
    { code: 'acwr-high', value: 1.56, threshold: 1.5 },
    { code: 'monotony-high', value: 2.11, threshold: 2 },
    { code: 'load-spike', value: 753.3, threshold: 15 },
  ],
  weeklyLoads: [2220, 2370, 1680, 2220, 450, 3840],
} as const;
