import fc from 'fast-check';
import { addDays } from './calendar';
import {
  EXTERNAL_LOAD_METRICS,
  externalDailyTotals,
  ExternalLoadEntry,
  externalLoadReport,
  matchDays,
  trainingLoadReport,
} from './external-load';
import { LOAD_THRESHOLDS, LoadEntry, loadReport } from './load-monitoring';
import { LOAD_FIXTURE_ENTRIES, LOAD_FIXTURE_QUERY } from './test-load-history';

type Measured = Omit<ExternalLoadEntry, 'date' | 'match'>;

const activity = (date: string, measured: Partial<Measured> = {}, match = false): ExternalLoadEntry => ({
  date,
  distanceM: 0,
  highSpeedRunningM: 0,
  sprintDistanceM: 0,
  accelerations: 0,
  ...measured,
  match,
});

/** One activity a day from `start`, `days` days long, each measuring `measured`. */
const everyDay = (start: string, days: number, measured: Partial<Measured>): ExternalLoadEntry[] =>
  Array.from({ length: days }, (_, i) => activity(addDays(start, i), measured));

/** A typical training day: 6 km, 400 m high-speed running, 80 m sprinting, 30 accelerations. */
const trainingDay: Measured = { distanceM: 6000, highSpeedRunningM: 400, sprintDistanceM: 80, accelerations: 30 };

const session = (date: string, kind: LoadEntry['kind'] = 'training', status: LoadEntry['status'] = 'done') =>
  ({ date, durationMin: 90, rpe: 7, status, kind }) satisfies LoadEntry;

const warningsOf = (entries: readonly ExternalLoadEntry[], to: string) =>
  externalLoadReport(entries, { to }).warnings.map((w) => [w.metric, w.code, w.value]);

describe('externalDailyTotals', () => {
  it('adds up the activities of a day and counts them; days without one are 0', () => {
    const days = externalDailyTotals(
      [
        activity('2025-03-04', { distanceM: 5200, highSpeedRunningM: 310, sprintDistanceM: 45, accelerations: 21 }),
        activity('2025-03-04', { distanceM: 3100, highSpeedRunningM: 90, sprintDistanceM: 0, accelerations: 8 }),
        activity('2025-03-01', { distanceM: 9999 }), // before the range
      ],
      '2025-03-03',
      '2025-03-04',
    );
    expect(days).toEqual([
      { date: '2025-03-03', activities: 0, distanceM: 0, highSpeedRunningM: 0, sprintDistanceM: 0, accelerations: 0 },
      {
        date: '2025-03-04',
        activities: 2,
        distanceM: 5200 + 3100,
        highSpeedRunningM: 310 + 90,
        sprintDistanceM: 45,
        accelerations: 21 + 8,
      },
    ]);
  });

  it('refuses what an activity cannot measure, naming the field', () => {
    const range = ['2025-03-01', '2025-03-07'] as const;
    expect(() => externalDailyTotals([activity('2025-03-02', { distanceM: -1 })], ...range)).toThrow(
      /external\[0\]\.distanceM/,
    );
    expect(() =>
      externalDailyTotals([activity('2025-03-02'), activity('2025-03-02', { sprintDistanceM: NaN })], ...range),
    ).toThrow(/external\[1\]\.sprintDistanceM/);
    expect(() => externalDailyTotals([activity('2025-03-02', { accelerations: 2.5 })], ...range)).toThrow(
      /external\[0\]\.accelerations: expected a count/,
    );
    expect(() => externalDailyTotals([activity('2025-02-30')], ...range)).toThrow(/external\[0\]\.date/);
    expect(() => externalDailyTotals([], '2025-03-07', '2025-03-01')).toThrow(/after/);
  });
});

describe('externalLoadReport', () => {
  it('without activities: hasData false, every day and week at 0, no ratio, no warnings', () => {
    const report = externalLoadReport([], { to: '2025-03-09' });
    expect(report.hasData).toBe(false);
    expect(report.daily).toHaveLength(28);
    const none = { total: 0, acute: 0, chronic: 0, acwr: null };
    expect(report.daily[0]).toEqual({
      date: '2025-02-10',
      activities: 0,
      baselineEstablished: false,
      distanceM: none,
      highSpeedRunningM: none,
      sprintDistanceM: none,
      accelerations: none,
    });
    expect(report.weekly.map((w) => [w.weekStart, w.distanceM.total, w.complete])).toEqual([
      ['2025-02-10', 0, false],
      ['2025-02-17', 0, false],
      ['2025-02-24', 0, false],
      ['2025-03-03', 0, false],
    ]);
    expect(report.current).toMatchObject({
      date: '2025-03-09',
      historyStart: null,
      historyDays: 0,
      baselineEstablished: false,
      baselineDate: null,
      activities: 0,
      highSpeedRunningM: { ...none, last7Days: 0, previous7Days: null, changePct: null },
    });
    expect(report.warnings).toEqual([]);
  });

  it('follows Williams 2017 step by step for a metric, from its first-week mean', () => {
    // Distances 4000, 0, 6000, 2000 m: start value 12000 / 4 = 3000 m.
    // Acute (λ = 0.25): 3250, 2437.5, 3328.125, 2996.09375 → 3250, 2438, 3328, 2996.
    // Chronic (λ = 2/29): 89000/29 = 3068.97, 2403000/841 = 2857.31, 74973000/24389 = 3074.05,
    // 2121827000/707281 = 2999.98 → 3069, 2857, 3074, 3000.
    const entries = [
      activity('2025-03-03', { distanceM: 4000 }),
      activity('2025-03-05', { distanceM: 6000 }),
      activity('2025-03-06', { distanceM: 2000 }),
    ];
    const report = externalLoadReport(entries, { from: '2025-03-03', to: '2025-03-06' });
    expect(report.hasData).toBe(true);
    expect(report.daily.map((d) => [d.distanceM.total, d.distanceM.acute, d.distanceM.chronic])).toEqual([
      [4000, 3250, 3069],
      [0, 2438, 2857],
      [6000, 3328, 3074],
      [2000, 2996, 3000],
    ]);
    expect(report.daily.map((d) => d.activities)).toEqual([1, 0, 1, 1]);
    // Four days are no chronic baseline.
    expect(report.daily.every((d) => d.distanceM.acwr === null && !d.baselineEstablished)).toBe(true);
    expect(report.current).toMatchObject({ historyStart: '2025-03-03', historyDays: 4, baselineDate: '2025-03-30' });
  });

  it('a constant daily distance: ratio 1.00 from the 28th day of history, none before, no warnings', () => {
    const entries = everyDay('2025-01-06', 35, trainingDay);
    const report = externalLoadReport(entries, { from: '2025-01-06', to: '2025-02-09' });
    expect(report.daily[26]).toMatchObject({ date: '2025-02-01', baselineEstablished: false });
    expect(report.daily[26].distanceM.acwr).toBeNull();
    expect(report.daily[27]).toMatchObject({ date: '2025-02-02', baselineEstablished: true });
    for (const day of report.daily.slice(27)) {
      for (const metric of EXTERNAL_LOAD_METRICS) {
        expect(day[metric]).toEqual({ total: trainingDay[metric], ...steady(trainingDay[metric]) });
      }
    }
    expect(report.current).toMatchObject({
      baselineEstablished: true,
      baselineDate: '2025-02-02',
      historyDays: 35,
      distanceM: { total: 6000, acwr: 1, last7Days: 42000, previous7Days: 42000, changePct: 0 },
    });
    expect(report.warnings).toEqual([]);
  });

  it('a week of doubled high-speed running: a spike of exactly +100.0 %, and a ratio of 1.34, below 1.5', () => {
    // 28 days at 400 m of HSR, then 7 days at 800 m; the other metrics stay as they were.
    // Last 7 days: 7 × 800 = 5600 m; the 7 before: 7 × 400 = 2800 m; (5600 - 2800) / 2800 = +100.0 %.
    // From a steady 400 m, after t = 7 days of 2 × 400 the EWMA ratio is
    // (2 - 0.75^7) / (2 - (27/29)^7) = 1.86652 / 1.39303 = 1.34: no acwr-high.
    const entries = [
      ...everyDay('2025-01-06', 28, trainingDay),
      ...everyDay('2025-02-03', 7, { ...trainingDay, highSpeedRunningM: 800 }),
    ];
    const report = externalLoadReport(entries, { from: '2025-01-06', to: '2025-02-09' });
    const ratio = (2 - 0.75 ** 7) / (2 - (27 / 29) ** 7);
    expect(report.current.highSpeedRunningM).toMatchObject({
      total: 800,
      acwr: Math.round(ratio * 100) / 100,
      last7Days: 5600,
      previous7Days: 2800,
      changePct: 100,
    });
    expect(report.current.highSpeedRunningM.acwr).toBe(1.34);
    expect(report.warnings).toHaveLength(1);
    const [spike] = report.warnings;
    expect(spike).toMatchObject({
      code: 'load-spike',
      metric: 'highSpeedRunningM',
      date: '2025-02-09',
      value: 100,
      threshold: LOAD_THRESHOLDS.weeklyIncreasePct,
    });
    expect(spike.message).toBe(
      'High-speed running over the last 7 days (5600 m) is 100.0 % higher than the 7 days before (2800 m); ' +
        'rises of more than 15 % in a week go with more injuries. Raise it more gradually, over several weeks.',
    );
    // The weeks say the same: the ISO week of 3 Feb against that of 27 Jan.
    expect(report.weekly.map((w) => [w.weekStart, w.highSpeedRunningM.total, w.highSpeedRunningM.changePct])).toEqual([
      ['2025-01-06', 2800, null],
      ['2025-01-13', 2800, 0],
      ['2025-01-20', 2800, 0],
      ['2025-01-27', 2800, 0],
      ['2025-02-03', 5600, 100],
    ]);
  });

  it('a rise of more than 15 % in accelerations is a spike; 15 % itself is not', () => {
    // Previous 7 days: 7 × 20 = 140. Last 7 days: 6 × 20 + x. x = 41 gives 161, +15.0 %; x = 42 gives 162,
    // (162 - 140) / 140 = +15.7 %.
    const twoWeeks = (last: number) => [
      ...everyDay('2025-03-03', 13, { accelerations: 20 }),
      activity('2025-03-16', { accelerations: last }),
    ];
    const at15 = externalLoadReport(twoWeeks(41), { to: '2025-03-16' });
    expect(at15.current.accelerations).toMatchObject({ last7Days: 161, previous7Days: 140, changePct: 15 });
    expect(at15.warnings).toEqual([]);
    const above = externalLoadReport(twoWeeks(42), { to: '2025-03-16' });
    expect(above.current.accelerations.changePct).toBe(15.7);
    expect(above.warnings.map((w) => [w.metric, w.code, w.value])).toEqual([['accelerations', 'load-spike', 15.7]]);
    expect(above.warnings[0].message).toContain(
      '(162 accelerations) is 15.7 % higher than the 7 days before (140 accelerations)',
    );
  });

  it('a sudden tripling of sprint distance: acwr-high for sprint distance only', () => {
    // 35 days at 80 m, then 4 days at 240 m: (3 - 2 × 0.75^4) / (3 - 2 × (27/29)^4) = 2.3672 / 1.4972 = 1.58.
    const entries = [
      ...everyDay('2025-01-01', 35, trainingDay),
      ...everyDay('2025-02-05', 4, { ...trainingDay, sprintDistanceM: 3 * trainingDay.sprintDistanceM }),
    ];
    const report = externalLoadReport(entries, { to: '2025-02-08' });
    expect(report.current.sprintDistanceM.acwr).toBe(1.58);
    expect(report.current.distanceM.acwr).toBe(1);
    const high = report.warnings.filter((w) => w.code === 'acwr-high');
    expect(high).toHaveLength(1);
    expect(high[0]).toMatchObject({ metric: 'sprintDistanceM', value: 1.58, threshold: 1.5, date: '2025-02-08' });
    expect(high[0].message).toMatch(/^Sprint distance this week .* ratio is 1\.58, above 1\.5\./);
    // The same 4 days against 3 of the old 7: (3 × 80 + 4 × 240 = 1200) over 560 m, +114.3 %.
    expect(report.warnings.map((w) => [w.metric, w.code, w.value])).toEqual([
      ['sprintDistanceM', 'acwr-high', 1.58],
      ['sprintDistanceM', 'load-spike', 114.3],
    ]);
  });

  it('a week without activities after steady ones: acwr-low for every metric, in metric order', () => {
    // Acute keeps 0.75^7 = 13.3 % of the steady value, chronic (27/29)^7 = 60.7 %: ratio 0.22.
    const report = externalLoadReport(everyDay('2025-01-01', 35, trainingDay), { to: '2025-02-11' });
    expect(warningsOf(everyDay('2025-01-01', 35, trainingDay), '2025-02-11')).toEqual(
      EXTERNAL_LOAD_METRICS.map((metric) => [metric, 'acwr-low', 0.22]),
    );
    expect(report.current.distanceM).toMatchObject({ total: 0, last7Days: 0, changePct: -100 });
    expect(report.warnings[0].message).toMatch(
      /^Total distance this week is much lower than usual: .* 0\.22, below 0\.8\./,
    );
    expect(report.warnings[3].message).toMatch(/^The number of accelerations this week/);
  });

  it('a metric that was never measured has no ratio and no warning', () => {
    const entries = everyDay('2025-01-01', 40, { distanceM: 5000 });
    const report = externalLoadReport(entries, { to: '2025-02-09' });
    expect(report.current.sprintDistanceM).toEqual({
      total: 0,
      acute: 0,
      chronic: 0,
      acwr: null,
      last7Days: 0,
      previous7Days: 0,
      changePct: null,
    });
    expect(report.warnings).toEqual([]);
  });

  it('starts the history at the first activity: no ratio before 28 days, however sharp the rise', () => {
    const entries = [
      ...everyDay('2025-03-01', 13, { distanceM: 3000 }),
      ...everyDay('2025-03-14', 7, { distanceM: 12000 }),
    ];
    const report = externalLoadReport(entries, { to: '2025-03-20' });
    expect(report.current).toMatchObject({
      historyStart: '2025-03-01',
      historyDays: 20,
      baselineEstablished: false,
      baselineDate: '2025-03-28',
    });
    expect(report.current.distanceM.acwr).toBeNull();
    expect(report.current.distanceM.acute / report.current.distanceM.chronic).toBeGreaterThan(1.5);
    expect(report.warnings.map((w) => w.code)).not.toContain('acwr-high');
  });

  it('weeks: only complete weeks are compared, a partial week is shown with what it has', () => {
    // Thursday 27 Feb to Wednesday 19 Mar: Thu-Sun 4 × 5000, a week at 5000, a week at 6000, Mon-Wed 3 × 6000.
    const entries = [
      ...everyDay('2025-02-27', 11, { distanceM: 5000 }),
      ...everyDay('2025-03-10', 10, { distanceM: 6000 }),
    ];
    const report = externalLoadReport(entries, { from: '2025-02-27', to: '2025-03-19' });
    expect(
      report.weekly.map((w) => [w.weekStart, w.activities, w.complete, w.distanceM.total, w.distanceM.changePct]),
    ).toEqual([
      ['2025-02-24', 4, false, 20000, null],
      ['2025-03-03', 7, true, 35000, null],
      ['2025-03-10', 7, true, 42000, 20], // (42000 - 35000) / 35000
      ['2025-03-17', 3, false, 18000, null],
    ]);
  });

  it('rounds what it reports: metres to whole metres, ratios to 2 decimals', () => {
    const entries = [
      activity('2025-03-03', { distanceM: 5234.6, highSpeedRunningM: 310.5 }),
      activity('2025-03-03', { distanceM: 100.2, highSpeedRunningM: 0.4 }),
    ];
    const report = externalLoadReport(entries, { to: '2025-03-03' });
    expect(report.current.distanceM.total).toBe(5335); // 5334.8
    expect(report.current.highSpeedRunningM.total).toBe(311); // 310.9
    for (const d of externalLoadReport(everyDay('2025-01-01', 40, { distanceM: 4321.7 }), { to: '2025-02-09' }).daily) {
      expect(Number.isInteger(d.distanceM.acute) && Number.isInteger(d.distanceM.chronic)).toBe(true);
      if (d.distanceM.acwr !== null) expect(Math.round(d.distanceM.acwr * 100)).toBeCloseTo(d.distanceM.acwr * 100, 9);
    }
  });

  it('does not depend on the window shown, the order of the activities, or activities after `to`', () => {
    const entries = [...everyDay('2025-01-01', 35, trainingDay), ...everyDay('2025-02-05', 4, { distanceM: 12000 })];
    const a = externalLoadReport(entries, { to: '2025-02-08' });
    const b = externalLoadReport([...entries].reverse(), { from: '2024-12-01', to: '2025-02-08' });
    const c = externalLoadReport([...entries, activity('2025-02-09', { distanceM: 30000 })], {
      from: '2025-02-08',
      to: '2025-02-08',
    });
    expect(b.current).toEqual(a.current);
    expect(c.current).toEqual(a.current);
    expect(b.warnings).toEqual(a.warnings);
    expect(c.daily).toHaveLength(1);
    expect(b.daily[0]).toMatchObject({ date: '2024-12-01', activities: 0, baselineEstablished: false });
    expect(externalLoadReport(entries, { to: '2024-12-31' }).hasData).toBe(false);
  });
});

describe('matchDays', () => {
  it('marks a day with a match activity or a logged match, once each, oldest first, within the window', () => {
    const external = [
      activity('2025-03-08', trainingDay, true),
      activity('2025-03-08', trainingDay, true), // two files of one match
      activity('2025-03-05', trainingDay, false),
      activity('2025-02-20', trainingDay, true), // before the window
    ];
    const sessions = [
      session('2025-03-01', 'match'),
      session('2025-03-08', 'match'), // the same match, also logged with its RPE
      session('2025-03-03', 'training'),
      session('2025-03-04', 'match', 'skipped'),
      session('2025-03-20', 'match'), // after the window
    ];
    expect(matchDays(sessions, external, { from: '2025-02-24', to: '2025-03-09' })).toEqual([
      '2025-03-01',
      '2025-03-08',
    ]);
    expect(matchDays([], [], { to: '2025-03-09' })).toEqual([]);
    expect(matchDays([], [activity('2025-03-09', {}, true)], { to: '2025-03-09' })).toEqual(['2025-03-09']);
  });
});

describe('trainingLoadReport', () => {
  const external = [
    ...everyDay('2025-01-27', 41, trainingDay),
    activity('2025-03-08', { distanceM: 10500, highSpeedRunningM: 900, sprintDistanceM: 250, accelerations: 60 }, true),
  ];

  it('leaves the session-RPE figures exactly as loadReport has them: activities add no session load', () => {
    const {
      external: ext,
      matchDays: days,
      ...sessionPart
    } = trainingLoadReport(LOAD_FIXTURE_ENTRIES, external, LOAD_FIXTURE_QUERY);
    expect(sessionPart).toEqual(loadReport(LOAD_FIXTURE_ENTRIES, LOAD_FIXTURE_QUERY));
    expect(ext.hasData).toBe(true);
    // Two activities on the match day, one the rest of the time.
    expect(ext.current).toMatchObject({ date: '2025-03-08', activities: 2, historyDays: 41 });
    expect(ext.current.distanceM.total).toBe(16500);
    // Fixture matches on the Saturdays of 1, 8, 15 and 22 Feb and 8 Mar; the activity's is the last.
    expect(days).toEqual(['2025-02-01', '2025-02-08', '2025-02-15', '2025-02-22', '2025-03-08']);
  });

  it('shows both parts over the same days, external history counted from the first activity', () => {
    const report = trainingLoadReport(LOAD_FIXTURE_ENTRIES, everyDay('2025-03-01', 8, trainingDay), {
      to: '2025-03-08',
    });
    expect(report.external.daily.map((d) => d.date)).toEqual(report.daily.map((d) => d.date));
    expect(report.external.weekly.map((w) => w.weekStart)).toEqual(report.weekly.map((w) => w.weekStart));
    expect(report.current.historyStart).toBe('2025-01-27');
    expect(report.external.current).toMatchObject({ historyStart: '2025-03-01', baselineEstablished: false });
    expect(report.current.acwr).toBe(1.56);
  });

  it('without activities: external has no data and match days come from the logs alone', () => {
    const report = trainingLoadReport(LOAD_FIXTURE_ENTRIES, [], { from: '2025-03-01', to: '2025-03-08' });
    expect(report.external.hasData).toBe(false);
    expect(report.external.daily.every((d) => d.activities === 0 && d.distanceM.total === 0)).toBe(true);
    expect(report.matchDays).toEqual(['2025-03-08']);
  });
});

describe('properties', () => {
  const metres = (max: number) => fc.integer({ min: 0, max });
  const entry = fc.record({
    date: fc.integer({ min: 0, max: 69 }).map((d) => addDays('2025-01-06', d)),
    distanceM: metres(14000),
    highSpeedRunningM: metres(1500),
    sprintDistanceM: metres(600),
    accelerations: fc.integer({ min: 0, max: 120 }),
    match: fc.boolean(),
  });
  const fractional = entry.chain((e) =>
    fc
      .record({
        distanceM: fc.double({ min: 0, max: 14000, noNaN: true }),
        highSpeedRunningM: fc.double({ min: 0, max: 1500, noNaN: true }),
        sprintDistanceM: fc.double({ min: 0, max: 600, noNaN: true }),
      })
      .map((m) => ({ ...e, ...m })),
  );
  // Monday 6 Jan to Sunday 16 Mar: ten whole ISO weeks.
  const window = { from: '2025-01-06', to: '2025-03-16' };
  const runs = { numRuns: 200 };

  /** For each week of the report, the sum of `pick` over its days of `daily` (which covers the window). */
  const weekSums = (weekStarts: string[], daily: { date: string }[], pick: (i: number) => number) =>
    weekStarts.map((_, w) => daily.slice(7 * w, 7 * w + 7).reduce((sum, _day, d) => sum + pick(7 * w + d), 0));

  it('weekly totals are the sums of the daily totals, and nothing is negative', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 50 }), (entries) => {
        const report = externalLoadReport(entries, window);
        const weekStarts = report.weekly.map((w) => w.weekStart);
        expect(weekStarts).toHaveLength(10);
        expect(report.daily.filter((_, i) => i % 7 === 0).map((d) => d.date)).toEqual(weekStarts);
        expect(report.weekly.map((w) => w.activities)).toEqual(
          weekSums(weekStarts, report.daily, (i) => report.daily[i].activities),
        );
        for (const metric of EXTERNAL_LOAD_METRICS) {
          expect(report.weekly.map((w) => w[metric].total)).toEqual(
            weekSums(weekStarts, report.daily, (i) => report.daily[i][metric].total),
          );
          // All the activities are inside the window: the weeks hold every metre of them.
          const all = entries.reduce((sum, e) => sum + e[metric], 0);
          expect(report.weekly.reduce((sum, w) => sum + w[metric].total, 0)).toBe(all);
        }
        const figures = [
          ...report.daily.flatMap((d) => EXTERNAL_LOAD_METRICS.map((m) => d[m])),
          ...EXTERNAL_LOAD_METRICS.map((m) => report.current[m]),
        ];
        const negative = figures.filter(
          (f) => f.total < 0 || f.acute < 0 || f.chronic < 0 || (f.acwr !== null && f.acwr < 0),
        );
        expect(negative).toEqual([]);
        expect(EXTERNAL_LOAD_METRICS.filter((m) => report.current[m].last7Days < 0)).toEqual([]);
      }),
      runs,
    );
  });

  it('with fractional metres, a week is its unrounded days summed, then rounded', () => {
    fc.assert(
      fc.property(fc.array(fractional, { maxLength: 50 }), (entries) => {
        const report = externalLoadReport(entries, window);
        const weekStarts = report.weekly.map((w) => w.weekStart);
        const raw = externalDailyTotals(entries, window.from, window.to);
        for (const metric of EXTERNAL_LOAD_METRICS) {
          const exact = weekSums(weekStarts, raw, (i) => raw[i][metric]);
          expect(report.weekly.map((w) => w[metric].total)).toEqual(exact.map(Math.round));
          expect(exact.every((total) => total >= 0)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('warnings only repeat the figures and thresholds they report', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 70 }), (entries) => {
        const { current, warnings } = externalLoadReport(entries, { to: '2025-03-16' });
        for (const w of warnings) {
          const figure = current[w.metric];
          if (w.code === 'acwr-high') expect(figure.acwr!).toBeGreaterThan(LOAD_THRESHOLDS.acwrHigh);
          if (w.code === 'acwr-low') expect(figure.acwr!).toBeLessThan(LOAD_THRESHOLDS.acwrLow);
          if (w.code === 'load-spike') expect(figure.changePct!).toBeGreaterThan(LOAD_THRESHOLDS.weeklyIncreasePct);
          expect(w.message).not.toMatch(/undefined|NaN|null/);
        }
        if (!current.baselineEstablished) {
          for (const metric of EXTERNAL_LOAD_METRICS) expect(current[metric].acwr).toBeNull();
        }
      }),
      runs,
    );
  });

  it('activities never change the session-RPE figures', () => {
    const sessionEntry = fc.record({
      date: fc.integer({ min: 0, max: 69 }).map((d) => addDays('2025-01-06', d)),
      durationMin: fc.integer({ min: 0, max: 180 }),
      rpe: fc.integer({ min: 0, max: 10 }),
      status: fc.constantFrom('done' as const, 'skipped' as const),
      kind: fc.constantFrom('training' as const, 'match' as const),
    });
    fc.assert(
      fc.property(
        fc.array(sessionEntry, { maxLength: 30 }),
        fc.array(entry, { maxLength: 30 }),
        (sessions, external) => {
          const {
            external: _external,
            matchDays: _days,
            ...sessionPart
          } = trainingLoadReport(sessions, external, window);
          expect(sessionPart).toEqual(loadReport(sessions, window));
        },
      ),
      runs,
    );
  });
});

/** What a steady daily value gives once the EWMAs have settled on it. */
function steady(value: number) {
  return { acute: value, chronic: value, acwr: value > 0 ? 1 : null };
}
