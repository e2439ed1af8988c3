import fc from 'fast-check';
import { addDays, calendarDay, isCalendarDate, isoWeekStart } from './calendar';
import {
  DailyLoad,
  dailyLoads,
  ewmaWorkload,
  fosterMonotony,
  fosterSessionRpe,
  fosterStrain,
  gabbettAcwr,
  isoWeeks,
  lastSevenDays,
  LOAD_THRESHOLDS,
  LoadEntry,
  loadReport,
  monotonyAndStrain,
  reportDays,
  reportWeekStarts,
  sessionRpeLoad,
  weeklyLoads,
  williamsEwma,
  williamsLambda,
} from './load-monitoring';
import { LOAD_FIXTURE_ENTRIES, LOAD_FIXTURE_EXPECTED, LOAD_FIXTURE_QUERY } from './test-load-history';

const done = (date: string, durationMin: number, rpe: number, kind: LoadEntry['kind'] = 'training'): LoadEntry => ({
  date,
  durationMin,
  rpe,
  status: 'done',
  kind,
});
const skipped = (date: string, durationMin: number, rpe: number): LoadEntry => ({
  ...done(date, durationMin, rpe),
  status: 'skipped',
});

/** Consecutive days from `start` carrying `loads` (one session on each day with load). */
const series = (start: string, loads: readonly number[]): DailyLoad[] =>
  loads.map((load, i) => ({ date: addDays(start, i), load, sessions: load > 0 ? 1 : 0 }));

const dailyLoad = fc.integer({ min: 0, max: 1500 });

describe('published formulas reproduce their worked values', () => {
  it('Foster 2001 session RPE: 60 min at RPE 7 = 420 AU', () => {
    expect(fosterSessionRpe(60, 7)).toBe(420);
    expect(sessionRpeLoad(60, 7)).toBe(420);
  });

  it('Foster 2001 Table 5 training diary: the sessions whose columns agree', () => {
    // Jog 5 km + stretch: RPE 2 × 25 min = 50; skate 6 × 10 min at AT pace: 7 × 120 = 840;
    // explosive weights + abs: 7 × 40 = 280; cycle 30 km: 3 × 60 = 180.
    expect(fosterSessionRpe(25, 2)).toBe(50);
    expect(fosterSessionRpe(120, 7)).toBe(840);
    expect(fosterSessionRpe(40, 7)).toBe(280);
    expect(fosterSessionRpe(60, 3)).toBe(180);
  });

  it('Foster 2001 Table 5: strain = weekly load × monotony, 3400 × 1.26 = 4284', () => {
    // The table's monotony cannot be rebuilt from its rows (some loads differ from RPE × duration),
    // so only the strain identity is taken from it; monotony is checked on a hand-computed week below.
    expect(fosterStrain(3400, 1.26)).toBeCloseTo(4284, 9);
  });

  it('Foster 1998 monotony and strain of a hand-computed week', () => {
    // Mon 300, Tue 400, Wed 200, Thu 300, Fri 200, Sat 700 (match), Sun 0 (rest).
    // Weekly load 2100, mean 300. Deviations 0, 100, -100, 0, -100, 400, -300; squares sum
    // 0 + 10000 + 10000 + 0 + 10000 + 160000 + 90000 = 280000; /7 = 40000; SD = 200.
    // Monotony = 300 / 200 = 1.5; strain = 2100 × 1.5 = 3150.
    expect(monotonyAndStrain([300, 400, 200, 300, 200, 700, 0])).toEqual({
      weeklyLoad: 2100,
      meanDaily: 300,
      sdDaily: 200,
      monotony: 1.5,
      strain: 3150,
    });
    expect(fosterMonotony(300, 200)).toBe(1.5);
  });

  it('Williams 2017: λa = 2/(7+1) = 0.25 and λc = 2/(28+1) ≈ 0.069', () => {
    expect(williamsLambda(7)).toBe(0.25);
    expect(williamsLambda(28)).toBeCloseTo(0.0689655, 7);
    expect(williamsEwma(100, 500, 0.25)).toBe(200); // 500 × 0.25 + 0.75 × 100
  });

  it('Gabbett 2016 ratio: acute over chronic, none without a chronic load', () => {
    expect(gabbettAcwr(450, 300)).toBe(1.5);
    expect(gabbettAcwr(0, 0)).toBeNull();
  });
});

describe('calendar days', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', '2025-01-01T00:00:00Z', '', 20250101, null]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
    expect(calendarDay('1970-01-02')).toBe(1);
    expect(calendarDay('0050-06-01')).toBeLessThan(calendarDay('1950-06-01')!); // not read as 1950
  });

  it('weeks start on Monday (ISO 8601)', () => {
    expect(isoWeekStart('2025-03-03')).toBe('2025-03-03'); // Monday
    expect(isoWeekStart('2025-03-09')).toBe('2025-03-03'); // Sunday
    expect(isoWeekStart('2025-03-10')).toBe('2025-03-10');
    expect(isoWeekStart('2021-01-01')).toBe('2020-12-28'); // across a year end
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('sessionRpeLoad', () => {
  it('refuses what is not minutes and a CR-10 rating', () => {
    expect(() => sessionRpeLoad(-1, 5)).toThrow(/durationMin/);
    expect(() => sessionRpeLoad(Number.NaN, 5)).toThrow(/durationMin/);
    expect(() => sessionRpeLoad(60, 11)).toThrow(/rpe/);
    expect(() => sessionRpeLoad(60, -0.5)).toThrow(/rpe/);
    expect(sessionRpeLoad(0, 10)).toBe(0);
    expect(sessionRpeLoad(45, 6.5)).toBe(292.5);
  });
});

describe('dailyLoads', () => {
  it('has every day of the range, rest days at 0, even without entries', () => {
    expect(dailyLoads([], '2025-03-01', '2025-03-03')).toEqual([
      { date: '2025-03-01', load: 0, sessions: 0 },
      { date: '2025-03-02', load: 0, sessions: 0 },
      { date: '2025-03-03', load: 0, sessions: 0 },
    ]);
  });

  it('adds up several sessions on one day and counts them', () => {
    const days = dailyLoads(
      [done('2025-03-02', 60, 7), done('2025-03-02', 30, 4), done('2025-03-02', 90, 8, 'match')],
      '2025-03-02',
      '2025-03-02',
    );
    expect(days).toEqual([{ date: '2025-03-02', load: 420 + 120 + 720, sessions: 3 }]);
  });

  it('gives skipped sessions no load and does not count them, whatever was planned', () => {
    const days = dailyLoads([skipped('2025-03-02', 90, 8), done('2025-03-02', 20, 3)], '2025-03-02', '2025-03-02');
    expect(days).toEqual([{ date: '2025-03-02', load: 60, sessions: 1 }]);
    // A skipped entry with values no done session could have is still no load.
    expect(dailyLoads([skipped('2025-03-02', -5, 42)], '2025-03-02', '2025-03-02')[0].load).toBe(0);
  });

  it('ignores entries outside the range and does not depend on input order', () => {
    const entries = [
      done('2025-03-05', 60, 5),
      done('2025-02-28', 60, 9),
      done('2025-03-03', 40, 6),
      done('2025-03-06', 60, 9),
    ];
    const days = dailyLoads(entries, '2025-03-03', '2025-03-05');
    expect(days.map((d) => d.load)).toEqual([240, 0, 300]);
    expect(dailyLoads([...entries].reverse(), '2025-03-03', '2025-03-05')).toEqual(days);
  });

  it('refuses bad dates, reversed ranges and impossible sessions, naming the field', () => {
    expect(() => dailyLoads([], '2025-03-05', '2025-03-01')).toThrow(/after/);
    expect(() => dailyLoads([], '2025-02-30', '2025-03-01')).toThrow(/from/);
    expect(() => dailyLoads([done('03/02/2025', 60, 5)], '2025-03-01', '2025-03-03')).toThrow(/entries\[0\]\.date/);
    expect(() => dailyLoads([done('2025-03-02', 60, 12)], '2025-03-01', '2025-03-03')).toThrow(/rpe/);
  });
});

describe('ewmaWorkload', () => {
  it('follows Williams 2017 step by step from the first-week mean', () => {
    // Loads 400, 0, 600, 200; start value = mean of the (up to 7) first days = 1200 / 4 = 300.
    // Acute, λ = 0.25:   d1 0.25·400 + 0.75·300 = 325;  d2 0 + 0.75·325 = 243.75;
    //                    d3 0.25·600 + 0.75·243.75 = 332.8125;  d4 0.25·200 + 0.75·332.8125 = 299.609375.
    // Chronic, λ = 2/29: d1 (2/29)·400 + (27/29)·300 = 8900/29 = 306.8966;
    //                    d2 (27/29)·8900/29 = 240300/841 = 285.7313;
    //                    d3 (2/29)·600 + (27/29)·240300/841 = 7497300/24389 = 307.4050;
    //                    d4 (2/29)·200 + (27/29)·7497300/24389 = 212182700/707281 = 299.9977.
    const points = ewmaWorkload(series('2025-03-03', [400, 0, 600, 200]));
    expect(points.map((p) => p.acute)).toEqual([325, 243.75, 332.8125, 299.609375]);
    const chronic = [8900 / 29, 240300 / 841, 7497300 / 24389, 212182700 / 707281];
    points.forEach((p, i) => expect(p.chronic).toBeCloseTo(chronic[i], 9));
    // Four days are no chronic baseline.
    expect(points.map((p) => p.acwr)).toEqual([null, null, null, null]);
    expect(points.every((p) => !p.baselineEstablished)).toBe(true);
  });

  it('reports the ratio from the day the chronic window is full of history', () => {
    const points = ewmaWorkload(series('2025-01-06', new Array(30).fill(400)));
    expect(points[26]).toMatchObject({ baselineEstablished: false, acwr: null });
    expect(points[27]).toMatchObject({ date: '2025-02-02', baselineEstablished: true });
    expect(points[27].acwr).toBeCloseTo(1, 12);
    // With shorter windows the baseline comes sooner.
    const short = ewmaWorkload(series('2025-01-06', [100, 200, 300]), 2, 3);
    expect(short.map((p) => p.acwr === null)).toEqual([true, true, false]);
  });

  it('a sudden doubling peaks near 1.36, a tripling crosses 1.5', () => {
    // From a steady 300 AU a day, the EWMA ratio of a step to k × 300 is
    // (k - (k-1)·0.75^t) / (k - (k-1)·(27/29)^t) on day t of the new load. k = 2 peaks on day 5 at
    // 1.7627 / 1.3004 = 1.36, so doubling alone never reaches 1.5; k = 3 on day 4 at 2.3672 / 1.4972 = 1.58.
    const steady = new Array(35).fill(300);
    const peak = (k: number) =>
      Math.max(...ewmaWorkload(series('2025-01-06', [...steady, ...new Array(14).fill(300 * k)])).map((p) => p.acwr!));
    const onDay = (k: number, t: number) => (k - (k - 1) * 0.75 ** t) / (k - (k - 1) * (27 / 29) ** t);
    expect(peak(2)).toBeCloseTo(onDay(2, 5), 9);
    expect(peak(2)).toBeCloseTo(1.3555, 4);
    expect(peak(3)).toBeCloseTo(onDay(3, 4), 9);
    expect(peak(3)).toBeCloseTo(1.581, 4);
  });

  it('detraining: a week off after steady training drops the ratio far below 0.8', () => {
    const points = ewmaWorkload(series('2025-01-06', [...new Array(35).fill(400), ...new Array(7).fill(0)]));
    // Acute keeps 0.75^7 = 13.3 % of 400, chronic (27/29)^7 = 60.7 %: ratio 0.22.
    expect(points[points.length - 1].acwr).toBeCloseTo(0.75 ** 7 / (27 / 29) ** 7, 9);
  });

  it('is empty for no days and refuses gaps, disorder and negative loads', () => {
    expect(ewmaWorkload([])).toEqual([]);
    const days = series('2025-03-03', [1, 2, 3]);
    expect(() => ewmaWorkload([days[0], days[2]])).toThrow(/daily\[1\]\.date/);
    expect(() => ewmaWorkload([days[1], days[0]])).toThrow(/daily\[1\]\.date/);
    expect(() => ewmaWorkload([{ ...days[0], load: -1 }])).toThrow(/load/);
    expect(() => ewmaWorkload(days, 0)).toThrow(/acuteDays/);
  });
});

describe('monotonyAndStrain', () => {
  it('six identical days and a rest day: monotony √6 ≈ 2.45 whatever the load; five and two: √2.5 ≈ 1.58', () => {
    // a × 6 and 0: mean 6a/7, SD a·√6/7, so monotony 6/√6 = √6. With five days on, mean 5a/7, SD a·√10/7.
    expect(monotonyAndStrain([400, 400, 400, 400, 400, 400, 0]).monotony).toBeCloseTo(Math.sqrt(6), 12);
    expect(monotonyAndStrain([90, 90, 90, 90, 90, 90, 0]).monotony).toBeCloseTo(Math.sqrt(6), 12);
    expect(monotonyAndStrain([500, 500, 0, 500, 500, 500, 0]).monotony).toBeCloseTo(Math.sqrt(2.5), 12);
  });

  it('has no monotony when the days do not vary: identical loads or a week of rest', () => {
    expect(monotonyAndStrain(new Array(7).fill(420))).toEqual({
      weeklyLoad: 2940,
      meanDaily: 420,
      sdDaily: 0,
      monotony: null,
      strain: null,
    });
    // Loads whose mean is not exactly representable still count as identical.
    expect(monotonyAndStrain(new Array(7).fill(0.1 * 3)).monotony).toBeNull();
    expect(monotonyAndStrain(new Array(7).fill(0))).toMatchObject({ weeklyLoad: 0, monotony: null, strain: null });
  });

  it('takes exactly one week of non-negative loads', () => {
    expect(() => monotonyAndStrain([1, 2, 3])).toThrow(/7 daily loads/);
    expect(() => monotonyAndStrain([1, 2, 3, 4, 5, 6, -7])).toThrow(/dailyLoads\[6\]/);
  });
});

describe('weeklyLoads', () => {
  it('gathers ISO weeks, compares complete weeks and leaves the partial ones alone', () => {
    // Thu 2025-02-27 to Wed 2025-03-19: a partial week, two full ones, a partial one.
    const loads = [
      ...[100, 100, 100, 100], // Thu-Sun of the week of 24 Feb
      ...[300, 400, 200, 300, 200, 700, 0], // week of 3 Mar: 2100, monotony 1.5
      ...[450, 450, 450, 450, 450, 450, 0], // week of 10 Mar: 2700, +28.6 %, monotony √6
      ...[500, 0, 0], // Mon-Wed of the week of 17 Mar
    ];
    const weeks = weeklyLoads(series('2025-02-27', loads));
    expect(weeks.map((w) => [w.weekStart, w.load, w.sessions, w.complete])).toEqual([
      ['2025-02-24', 400, 4, false],
      ['2025-03-03', 2100, 6, true],
      ['2025-03-10', 2700, 6, true],
      ['2025-03-17', 500, 1, false],
    ]);
    expect(weeks.map((w) => w.changePct)).toEqual([null, null, (600 / 2100) * 100, null]);
    expect(weeks[1]).toMatchObject({ monotony: 1.5, strain: 3150 });
    expect(weeks[2].monotony).toBeCloseTo(Math.sqrt(6), 12);
    expect(weeks[2].strain).toBeCloseTo(2700 * Math.sqrt(6), 9);
    expect(weeks[0]).toMatchObject({ monotony: null, strain: null });
    expect(weeks[3]).toMatchObject({ monotony: null, strain: null });
  });

  it('has no change after a week without load', () => {
    const weeks = weeklyLoads(series('2025-03-03', [...new Array(7).fill(0), ...new Array(7).fill(100)]));
    expect(weeks.map((w) => w.changePct)).toEqual([null, null]);
  });

  it('is empty for no days', () => {
    expect(weeklyLoads([])).toEqual([]);
  });
});

describe('properties', () => {
  const entry = fc.record({
    date: fc.integer({ min: 0, max: 59 }).map((d) => addDays('2025-01-01', d)),
    durationMin: fc.integer({ min: 0, max: 180 }),
    rpe: fc.integer({ min: 0, max: 10 }),
    status: fc.constantFrom('done' as const, 'skipped' as const),
    kind: fc.constantFrom('training' as const, 'match' as const),
  });

  it('loads are never negative: daily, acute, chronic and weekly', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const daily = dailyLoads(entries, '2025-01-01', '2025-03-01');
        for (const p of ewmaWorkload(daily)) {
          expect(p.load).toBeGreaterThanOrEqual(0);
          expect(p.acute).toBeGreaterThanOrEqual(0);
          expect(p.chronic).toBeGreaterThanOrEqual(0);
          if (p.acwr !== null) expect(p.acwr).toBeGreaterThanOrEqual(0);
        }
        for (const w of weeklyLoads(daily)) expect(w.load).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('ACWR is 1 for any constant positive daily load once the baseline exists', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 5000, noNaN: true }), fc.integer({ min: 28, max: 120 }), (load, days) => {
        const points = ewmaWorkload(series('2025-01-01', new Array(days).fill(load)));
        for (const p of points.slice(27)) expect(p.acwr).toBeCloseTo(1, 9);
      }),
    );
  });

  it('scaling every load by k leaves ACWR and monotony unchanged and scales strain by k', () => {
    fc.assert(
      fc.property(
        fc.array(dailyLoad, { minLength: 35, maxLength: 70 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (loads, k) => {
          const base = ewmaWorkload(series('2025-01-06', loads));
          const scaled = ewmaWorkload(
            series(
              '2025-01-06',
              loads.map((l) => l * k),
            ),
          );
          base.forEach((p, i) => {
            if (p.acwr === null) expect(scaled[i].acwr).toBeNull();
            else expect(scaled[i].acwr!).toBeCloseTo(p.acwr, 9);
          });
          const week = monotonyAndStrain(loads.slice(0, 7));
          const scaledWeek = monotonyAndStrain(loads.slice(0, 7).map((l) => l * k));
          if (week.monotony === null) {
            expect(scaledWeek.monotony).toBeNull();
          } else {
            expect(scaledWeek.monotony!).toBeCloseTo(week.monotony, 9);
            expect(scaledWeek.strain! / (k * week.strain!)).toBeCloseTo(1, 9);
          }
        },
      ),
    );
  });

  it('adding a session never lowers that day’s acute load', () => {
    fc.assert(
      fc.property(
        fc.array(dailyLoad, { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.integer({ min: 1, max: 1000 }),
        (loads, at, extra) => {
          const day = at % loads.length;
          const before = ewmaWorkload(series('2025-01-06', loads))[day].acute;
          const after = ewmaWorkload(
            series(
              '2025-01-06',
              loads.map((l, i) => (i === day ? l + extra : l)),
            ),
          )[day].acute;
          expect(after).toBeGreaterThan(before);
        },
      ),
    );
  });
});

/** One session a day from `start`, `days` days long, each `durationMin` at `rpe`. */
const everyDay = (start: string, days: number, durationMin: number, rpe: number): LoadEntry[] =>
  Array.from({ length: days }, (_, i) => done(addDays(start, i), durationMin, rpe));

/** An ordinary week from Monday `start`: Mon 375, Tue 540, Thu 450, Fri 135, Sat match 720 AU (2220). */
const ordinaryWeek = (start: string): LoadEntry[] => [
  done(addDays(start, 0), 75, 5),
  done(addDays(start, 1), 90, 6),
  done(addDays(start, 3), 75, 6),
  done(addDays(start, 4), 45, 3),
  done(addDays(start, 5), 90, 8, 'match'),
];

const codes = (entries: readonly LoadEntry[], to: string) => loadReport(entries, { to }).warnings.map((w) => w.code);

describe('loadReport', () => {
  it('with no entries: every day of the last 28 at 0, no history, no warnings', () => {
    const report = loadReport([], { to: '2025-03-09' });
    expect(report.from).toBe('2025-02-10');
    expect(report.daily).toHaveLength(28);
    expect(report.daily[0]).toEqual({
      date: '2025-02-10',
      load: 0,
      sessions: 0,
      acute: 0,
      chronic: 0,
      acwr: null,
      baselineEstablished: false,
    });
    expect(report.weekly.map((w) => [w.weekStart, w.load, w.complete])).toEqual([
      ['2025-02-10', 0, false],
      ['2025-02-17', 0, false],
      ['2025-02-24', 0, false],
      ['2025-03-03', 0, false],
    ]);
    expect(report.current).toMatchObject({
      historyStart: null,
      historyDays: 0,
      baselineEstablished: false,
      baselineDate: null,
      acwr: null,
      last7DaysLoad: 0,
      previous7DaysLoad: null,
      changePct: null,
      monotony: null,
    });
    expect(report.warnings).toEqual([]);
    expect(report.thresholds).toMatchObject({ acwrHigh: 1.5, acwrLow: 0.8, monotonyHigh: 2, weeklyIncreasePct: 15 });
    expect(report.references).toHaveLength(4);
  });

  it('steady, varied training: ratio near 1, monotony below 2, no change, no warnings', () => {
    const entries = [0, 1, 2, 3, 4, 5].flatMap((w) => ordinaryWeek(addDays('2025-01-27', 7 * w)));
    const report = loadReport(entries, { to: '2025-03-09' });
    expect(report.current.acwr!).toBeGreaterThan(0.9);
    expect(report.current.acwr!).toBeLessThan(1.1);
    expect(report.current).toMatchObject({ last7DaysLoad: 2220, changePct: 0, monotony: 1.23 });
    expect(report.warnings).toEqual([]);
  });

  it('a constant daily load: ratio exactly 1.00, and a warning that no day is easier', () => {
    const report = loadReport(everyDay('2025-01-01', 42, 60, 6), { to: '2025-02-11' });
    expect(report.current.acwr).toBe(1);
    expect(report.current).toMatchObject({ monotony: null, sdDaily: 0, meanDaily: 360 });
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatchObject({ code: 'monotony-high', value: null, threshold: 2 });
    expect(report.warnings[0].message).toContain('360 AU');
  });

  it('a sudden tripling of the daily load: acwr-high', () => {
    // 35 days at 300, then 900 a day: 1.58 on the fourth day (see the EWMA test above).
    const entries = [...everyDay('2025-01-01', 35, 60, 5), ...everyDay('2025-02-05', 4, 90, 10)];
    const report = loadReport(entries, { to: '2025-02-08' });
    expect(report.current.acwr).toBe(1.58);
    const warning = report.warnings.find((w) => w.code === 'acwr-high')!;
    expect(warning).toMatchObject({ date: '2025-02-08', value: 1.58, threshold: 1.5 });
    expect(warning.message).toMatch(/1\.58, above 1\.5/);
  });

  it('a doubling is a load spike but does not reach the ratio limit', () => {
    const entries = [...everyDay('2025-01-01', 35, 60, 5), ...everyDay('2025-02-05', 7, 60, 10)];
    const report = loadReport(entries, { to: '2025-02-11' });
    expect(report.current.acwr!).toBeLessThan(1.5);
    expect(report.current.changePct).toBe(100);
    expect(report.warnings.map((w) => w.code)).toEqual(['monotony-high', 'load-spike']);
  });

  it('detraining, a week off after steady training: acwr-low and nothing else', () => {
    const entries = everyDay('2025-01-01', 35, 50, 8);
    const report = loadReport(entries, { to: '2025-02-11' });
    expect(report.current.acwr).toBe(0.22); // 0.75^7 / (27/29)^7
    expect(report.current).toMatchObject({ last7DaysLoad: 0, changePct: -100, monotony: null });
    expect(report.warnings.map((w) => [w.code, w.value, w.threshold])).toEqual([['acwr-low', 0.22, 0.8]]);
  });

  it('a monotonous week, six equal days and one rest: monotony-high at √6 ≈ 2.45', () => {
    const entries = [
      ...[0, 1, 2, 3].flatMap((w) => ordinaryWeek(addDays('2025-01-27', 7 * w))),
      ...everyDay('2025-02-24', 6, 60, 6), // 6 × 360 = 2160, 2.7 % less than 2220
    ];
    const report = loadReport(entries, { to: '2025-03-02' });
    expect(report.current).toMatchObject({ monotony: 2.45, strain: 5291, changePct: -2.7 }); // 2160 × √6
    expect(report.warnings.map((w) => [w.code, w.value])).toEqual([['monotony-high', 2.45]]);
  });

  it('a rise of more than 15 % over the previous 7 days: load-spike; 15 % itself is not', () => {
    // Two weeks from Monday 3 Mar: 1000 + 1000, then 1000 + the second session.
    const weeks = (second: number) => [
      done('2025-03-03', 100, 10),
      done('2025-03-06', 100, 10),
      done('2025-03-10', 100, 10),
      done('2025-03-13', second, 10),
    ];
    expect(loadReport(weeks(130), { to: '2025-03-16' }).current.changePct).toBe(15);
    expect(codes(weeks(130), '2025-03-16')).toEqual([]);
    // 2300.8 is +15.04 %, reported 15.0: no warning against the figure shown.
    expect(codes(weeks(130.08), '2025-03-16')).toEqual([]);
    const spike = loadReport(weeks(131), { to: '2025-03-16' });
    expect(spike.current).toMatchObject({ last7DaysLoad: 2310, previous7DaysLoad: 2000, changePct: 15.5 });
    expect(spike.warnings).toHaveLength(1);
    expect(spike.warnings[0]).toMatchObject({ code: 'load-spike', value: 15.5, threshold: 15 });
    expect(spike.warnings[0].message).toContain('2310 AU');
    expect(spike.warnings[0].message).toContain('15.5 %');
  });

  it('no ratio and no ratio warning before 28 days of history, however sharp the rise', () => {
    // A new player: 13 easy days, then a very hard week.
    const entries = [...everyDay('2025-03-01', 13, 30, 3), ...everyDay('2025-03-14', 7, 120, 9)];
    const report = loadReport(entries, { to: '2025-03-20' });
    expect(report.current).toMatchObject({
      historyStart: '2025-03-01',
      historyDays: 20,
      baselineEstablished: false,
      baselineDate: '2025-03-28',
      acwr: null,
    });
    expect(report.current.acute / report.current.chronic).toBeGreaterThan(1.5); // would be a warning
    expect(report.warnings.map((w) => w.code)).not.toContain('acwr-high');
    expect(report.daily.every((d) => d.acwr === null)).toBe(true);
    // The first day of the baseline has a ratio.
    const later = loadReport([...entries, ...everyDay('2025-03-21', 8, 60, 5)], { to: '2025-03-28' });
    expect(later.current.baselineEstablished).toBe(true);
    expect(later.current.acwr).not.toBeNull();
  });

  it('no warnings at all for a player with less than a week of history', () => {
    const entries = everyDay('2025-03-01', 5, 120, 10);
    expect(codes(entries, '2025-03-05')).toEqual([]);
    expect(loadReport(entries, { to: '2025-03-05' }).current).toMatchObject({ monotony: null, changePct: null });
  });

  it('compares the last 7 days with the 7 before only when those are all history', () => {
    // Ten days of history: three easy days, then a hard week. The 7 days before the last 7 are mostly
    // from before the player's first entry, so there is nothing to compare with.
    const entries = [...everyDay('2025-03-01', 3, 30, 3), ...everyDay('2025-03-04', 7, 90, 7)];
    const report = loadReport(entries, { to: '2025-03-10' });
    expect(report.current).toMatchObject({ historyDays: 10, previous7DaysLoad: null, changePct: null });
    expect(report.warnings.map((w) => w.code)).not.toContain('load-spike');
    // Four days later there are two full weeks: 4410 against 270 + 2520.
    const later = loadReport([...entries, ...everyDay('2025-03-11', 4, 90, 7)], { to: '2025-03-14' });
    expect(later.current).toMatchObject({ historyDays: 14, last7DaysLoad: 4410, previous7DaysLoad: 2790 });
  });

  it('the current state does not depend on the window shown', () => {
    const a = loadReport(LOAD_FIXTURE_ENTRIES, { to: '2025-03-08' });
    const b = loadReport(LOAD_FIXTURE_ENTRIES, { from: '2024-12-01', to: '2025-03-08' });
    const c = loadReport(LOAD_FIXTURE_ENTRIES, { from: '2025-03-08', to: '2025-03-08' });
    expect(b.current).toEqual(a.current);
    expect(c.current).toEqual(a.current);
    expect(b.warnings).toEqual(a.warnings);
    expect(c.daily).toHaveLength(1);
    expect(c.weekly.map((w) => w.weekStart)).toEqual(['2025-03-03']);
    // Before the history: days at 0 without a ratio, weeks at 0 and incomplete.
    expect(b.daily[0]).toMatchObject({ date: '2024-12-01', load: 0, acute: 0, chronic: 0, acwr: null });
    expect(b.weekly[0]).toMatchObject({ weekStart: '2024-11-25', load: 0, complete: false, changePct: null });
  });

  it('ignores entries after `to`, including for where the history starts', () => {
    const entries = [...ordinaryWeek('2025-03-03'), done('2025-03-20', 120, 10), done('2025-01-01', 60, 5)];
    const later = entries.filter((e) => e.date !== '2025-01-01');
    const report = loadReport(later, { to: '2025-03-09' });
    expect(report.current.historyStart).toBe('2025-03-03');
    expect(report).toEqual(loadReport(later.slice(0, 5), { to: '2025-03-09' }));
    expect(loadReport(entries, { to: '2024-12-31' }).current.historyStart).toBeNull();
  });

  it('does not depend on the order of the entries', () => {
    const shuffled = [...LOAD_FIXTURE_ENTRIES].reverse();
    expect(loadReport(shuffled, LOAD_FIXTURE_QUERY)).toEqual(loadReport(LOAD_FIXTURE_ENTRIES, LOAD_FIXTURE_QUERY));
  });

  it('after a week without load the next week has no change and no spike warning', () => {
    const entries = [...ordinaryWeek('2025-02-03'), ...ordinaryWeek('2025-02-10'), ...ordinaryWeek('2025-02-24')];
    const report = loadReport(entries, { from: '2025-02-03', to: '2025-03-02' });
    expect(report.weekly.map((w) => [w.load, w.changePct])).toEqual([
      [2220, null],
      [2220, 0],
      [0, -100],
      [2220, null],
    ]);
    expect(report.current.changePct).toBeNull();
    expect(report.warnings.map((w) => w.code)).not.toContain('load-spike');
  });

  it('rounds what it reports: loads to whole AU, ratios to 2 decimals, % to 1', () => {
    const report = loadReport([done('2025-03-03', 45.5, 6.5), done('2025-03-05', 33, 7)], { to: '2025-03-09' });
    expect(report.daily.find((d) => d.date === '2025-03-03')!.load).toBe(296); // 295.75
    expect(report.weekly[report.weekly.length - 1].load).toBe(527); // 295.75 + 231
    for (const d of loadReport(LOAD_FIXTURE_ENTRIES, LOAD_FIXTURE_QUERY).daily) {
      expect(Number.isInteger(d.acute) && Number.isInteger(d.chronic)).toBe(true);
      if (d.acwr !== null) expect(Math.round(d.acwr * 100)).toBeCloseTo(d.acwr * 100, 9);
    }
  });

  it('rounds halves away from zero, so a fall reads like a rise of the same size', () => {
    const weeks = (second: number) => [
      done('2025-03-03', 100, 10),
      done('2025-03-06', 100, 10),
      done('2025-03-10', 100, 10),
      done('2025-03-13', second, 10),
    ];
    expect(loadReport(weeks(75.5), { to: '2025-03-16' }).current.changePct).toBe(-12.3); // 1755 vs 2000
    expect(loadReport(weeks(124.5), { to: '2025-03-16' }).current.changePct).toBe(12.3); // 2245 vs 2000
  });

  it('judges thresholds on the figures it reports: 1.502 shows as 1.50 and is not above 1.5', () => {
    const report = loadReport(LOAD_FIXTURE_ENTRIES, { to: '2025-03-06' });
    expect(report.current.acwr).toBe(1.5);
    expect(report.warnings.map((w) => w.code)).not.toContain('acwr-high');
  });

  it('on a Sunday the last 7 days are the ISO week: same load, change and monotony', () => {
    const report = loadReport(LOAD_FIXTURE_ENTRIES, { from: '2025-01-27', to: '2025-03-02' });
    const week = report.weekly[report.weekly.length - 1];
    expect(week).toMatchObject({ weekStart: '2025-02-24', load: 450, complete: true, changePct: -79.7 });
    expect(report.current).toMatchObject({
      last7DaysLoad: week.load,
      changePct: week.changePct,
      monotony: week.monotony,
      strain: week.strain,
    });
    // The light week after four ordinary ones: the ratio falls to 0.38.
    expect(report.warnings.map((w) => [w.code, w.value])).toEqual([['acwr-low', 0.38]]);
  });

  it('refuses dates that are not calendar days and a window that ends before it starts', () => {
    expect(() => loadReport([], { to: '2025-02-30' })).toThrow(/to/);
    expect(() => loadReport([], { from: '2025-03-10', to: '2025-03-09' })).toThrow(/after/);
    expect(() => loadReport([done('2025/03/01', 60, 5)], { to: '2025-03-09' })).toThrow(/entries\[0\]\.date/);
  });
});

describe('the seeded history fixture', () => {
  const report = loadReport(LOAD_FIXTURE_ENTRIES, LOAD_FIXTURE_QUERY);

  it('ends a camp after a light week: ratio 1.56, monotony 2.11, +753.3 % in 7 days', () => {
    // Last 7 days (Sun 2 Mar to Sat 8 Mar): 0, 540, 765, 480, 765, 480, 810 = 3840 AU, mean 548.57;
    // squared deviations sum to 472,444.9, /7 = 67,492.1, SD 259.79; monotony 548.57 / 259.79 = 2.11;
    // strain 3840 × 2.1116 = 8109. The 7 days before: 0, 180, 0, 0, 180, 90, 0 = 450 AU;
    // (3840 - 450) / 450 = +753.3 %.
    expect(report.current).toEqual({
      date: '2025-03-08',
      historyStart: '2025-01-27',
      historyDays: 41,
      baselineEstablished: true,
      baselineDate: '2025-02-23',
      load: 810,
      sessions: 1,
      acute: 557,
      chronic: 358,
      acwr: 1.56,
      last7DaysLoad: 3840,
      previous7DaysLoad: 450,
      changePct: 753.3,
      meanDaily: 549,
      sdDaily: 260,
      monotony: 2.11,
      strain: 8109,
    });
    expect(report.warnings.map((w) => [w.code, w.date, w.value, w.threshold])).toEqual([
      ['acwr-high', '2025-03-08', 1.56, 1.5],
      ['monotony-high', '2025-03-08', 2.11, 2],
      ['load-spike', '2025-03-08', 753.3, 15],
    ]);
  });

  it('matches the figures exported for tests over HTTP', () => {
    expect(report.current).toMatchObject(LOAD_FIXTURE_EXPECTED.current);
    expect(report.warnings).toMatchObject(LOAD_FIXTURE_EXPECTED.warnings);
    expect(report.warnings).toHaveLength(LOAD_FIXTURE_EXPECTED.warnings.length);
    expect(report.weekly.map((w) => w.load)).toEqual(LOAD_FIXTURE_EXPECTED.weeklyLoads);
  });

  it('its ratio is the closed form of the EWMA: seed and loads weighted by λ(1-λ)^age', () => {
    // EWMA_t = (1-λ)^t · seed + Σ λ(1-λ)^(t-i) · load_i, the seed being the first week's mean,
    // (375 + 540 + 0 + 450 + 135 + 720 + 0) / 7 = 2220 / 7.
    const loads = dailyLoads(LOAD_FIXTURE_ENTRIES, '2025-01-27', '2025-03-08').map((d) => d.load);
    const closedForm = (lambda: number) =>
      (1 - lambda) ** loads.length * (2220 / 7) +
      loads.reduce((sum, load, i) => sum + lambda * (1 - lambda) ** (loads.length - 1 - i) * load, 0);
    const acute = closedForm(0.25);
    const chronic = closedForm(2 / 29);
    expect(acute).toBeCloseTo(557.07, 2);
    expect(chronic).toBeCloseTo(358.11, 2);
    expect(Math.round((acute / chronic) * 100) / 100).toBe(report.current.acwr);
  });

  it('weekly: four ordinary weeks, a light one, and the camp still under way', () => {
    expect(report.weekly).toEqual([
      {
        weekStart: '2025-01-27',
        load: 2220,
        sessions: 5,
        complete: true,
        changePct: null,
        monotony: 1.23,
        strain: 2725,
      },
      {
        weekStart: '2025-02-03',
        load: 2370,
        sessions: 6,
        complete: true,
        changePct: 6.8,
        monotony: 1.23,
        strain: 2926,
      },
      {
        weekStart: '2025-02-10',
        load: 1680,
        sessions: 4,
        complete: true,
        changePct: -29.1,
        monotony: 0.92,
        strain: 1545,
      },
      {
        weekStart: '2025-02-17',
        load: 2220,
        sessions: 5,
        complete: true,
        changePct: 32.1,
        monotony: 1.23,
        strain: 2725,
      },
      {
        weekStart: '2025-02-24',
        load: 450,
        sessions: 3,
        complete: true,
        changePct: -79.7,
        monotony: 0.81,
        strain: 365,
      },
      {
        weekStart: '2025-03-03',
        load: 3840,
        sessions: 8,
        complete: false,
        changePct: null,
        monotony: null,
        strain: null,
      },
    ]);
    expect(report.daily).toHaveLength(41);
    expect(report.daily[report.daily.length - 1]).toEqual({
      date: '2025-03-08',
      load: 810,
      sessions: 1,
      acute: 557,
      chronic: 358,
      acwr: 1.56,
      baselineEstablished: true,
    });
  });
});

describe('report properties', () => {
  const entry = fc.record({
    date: fc.integer({ min: 0, max: 69 }).map((d) => addDays('2025-01-01', d)),
    durationMin: fc.integer({ min: 0, max: 180 }),
    rpe: fc.integer({ min: 0, max: 10 }),
    status: fc.constantFrom('done' as const, 'skipped' as const),
    kind: fc.constantFrom('training' as const, 'match' as const),
  });

  it('adding a session never lowers that day’s acute load, wherever the history starts', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 30 }),
        entry.filter((e) => e.status === 'done' && e.durationMin * e.rpe > 0),
        (entries, added) => {
          const to = '2025-03-11';
          const acuteOn = (list: LoadEntry[]) =>
            loadReport(list, { from: '2025-01-01', to }).daily.find((d) => d.date === added.date)!.acute;
          expect(acuteOn([...entries, added])).toBeGreaterThanOrEqual(acuteOn(entries));
        },
      ),
    );
  });

  it('warnings only ever repeat the thresholds and values they report', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (entries) => {
        const { current, warnings } = loadReport(entries, { to: '2025-03-11' });
        for (const w of warnings) {
          if (w.code === 'acwr-high') expect(current.acwr!).toBeGreaterThan(LOAD_THRESHOLDS.acwrHigh);
          if (w.code === 'acwr-low') expect(current.acwr!).toBeLessThan(LOAD_THRESHOLDS.acwrLow);
          if (w.code === 'load-spike') expect(current.changePct!).toBeGreaterThan(LOAD_THRESHOLDS.weeklyIncreasePct);
          if (w.code === 'monotony-high' && w.value !== null) expect(w.value).toBe(current.monotony);
          expect(w.message).not.toMatch(/undefined|NaN|null/);
        }
        if (!current.baselineEstablished) expect(current.acwr).toBeNull();
      }),
    );
  });
});

describe('helpers shared with other daily loads', () => {
  it('ewmaWorkload averages any daily series and keeps what each day carries', () => {
    // Metres instead of AU: 4000, 0, 6000, 2000 is the AU series 400, 0, 600, 200 above, times 10.
    const metres = [4000, 0, 6000, 2000].map((load, i) => ({ date: addDays('2025-03-03', i), load, files: i % 2 }));
    const points = ewmaWorkload(metres);
    expect(points.map((p) => p.acute)).toEqual([3250, 2437.5, 3328.125, 2996.09375]);
    expect(points[3].chronic).toBeCloseTo(2121827000 / 707281, 9);
    expect(points.map((p) => [p.date, p.load, p.files])).toEqual(metres.map((d) => [d.date, d.load, d.files]));
  });

  it('isoWeeks gathers consecutive days into Monday-to-Sunday weeks, partial at either end', () => {
    const days = Array.from({ length: 12 }, (_, i) => ({ date: addDays('2025-03-01', i) })); // Sat 1 to Wed 12 Mar
    expect(isoWeeks(days).map((w) => [w.weekStart, w.days.length, w.complete])).toEqual([
      ['2025-02-24', 2, false],
      ['2025-03-03', 7, true],
      ['2025-03-10', 3, false],
    ]);
    expect(isoWeeks([])).toEqual([]);
  });

  it('lastSevenDays compares the last 7 days with the 7 before only when both are history', () => {
    expect(lastSevenDays([100, 200, 300])).toEqual({ last7Days: 600, previous7Days: null, changePct: null });
    const fortnight = [...new Array(7).fill(100), ...new Array(7).fill(150)];
    expect(lastSevenDays(fortnight)).toEqual({ last7Days: 1050, previous7Days: 700, changePct: 50 });
    expect(lastSevenDays([...new Array(7).fill(0), 5, 0, 0, 0, 0, 0, 0])).toEqual({
      last7Days: 5,
      previous7Days: 0,
      changePct: null,
    });
  });

  it('reportDays defaults to 28 days ending on `to`; reportWeekStarts gives every Monday touching them', () => {
    const { fromDay, toDay } = reportDays({ to: '2025-03-09' });
    expect(toDay - fromDay).toBe(27);
    expect(reportWeekStarts(fromDay, toDay)).toEqual(['2025-02-10', '2025-02-17', '2025-02-24', '2025-03-03']);
    const wednesday = reportDays({ from: '2025-03-05', to: '2025-03-10' });
    expect(reportWeekStarts(wednesday.fromDay, wednesday.toDay)).toEqual(['2025-03-03', '2025-03-10']);
    expect(() => reportDays({ from: '2025-03-11', to: '2025-03-10' })).toThrow(/after/);
  });
});
