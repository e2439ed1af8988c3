import fc from 'fast-check';
import {
  addDays,
  calendarDay,
  DailyLoad,
  dailyLoads,
  ewmaWorkload,
  fosterMonotony,
  fosterSessionRpe,
  fosterStrain,
  gabbettAcwr,
  isCalendarDate,
  isoWeekStart,
  LoadEntry,
  monotonyAndStrain,
  sessionRpeLoad,
  weeklyLoads,
  williamsEwma,
  williamsLambda,
} from './load-monitoring';

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
