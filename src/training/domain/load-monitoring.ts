/**
 * Training load monitoring from session-RPE: daily and weekly load, acute and chronic load with their
 * ratio, training monotony and strain. Each published formula is its own function, named after its
 * source and applied as published; the functions around them add what the papers leave open (how the
 * averages start, when a baseline exists, what a week is), each choice stated where it is made.
 * Pure: dates are `YYYY-MM-DD` UTC calendar days and no clock is read. Only `loadReport` rounds, at the end.
 */

import { dateOfDay, dayOf, isoWeekStart, mondayOf } from './calendar';

/** `injured`: the player was there but could not train (a team session's attendance); no load, like skipped. */
export const LOAD_ENTRY_STATUSES = ['done', 'skipped', 'injured'] as const;
export type LoadEntryStatus = (typeof LOAD_ENTRY_STATUSES)[number];

/** Matches count like training: session-RPE rates practice and competition alike (Foster et al. 2001). */
export const LOAD_ENTRY_KINDS = ['training', 'match'] as const;
export type LoadEntryKind = (typeof LOAD_ENTRY_KINDS)[number];

export interface LoadEntry {
  /** Calendar day of the session, `YYYY-MM-DD` (UTC). */
  date: string;
  durationMin: number;
  /** Session RPE on Foster's CR-10 scale (0 rest – 10 maximal), asked about 30 min after the session. */
  rpe: number;
  /** A skipped session was planned but not done: it loads nothing. */
  status: LoadEntryStatus;
  kind: LoadEntryKind;
}

export const LOAD_REFERENCES = {
  foster2001:
    'Foster C, Florhaug JA, Franklin J, et al. A new approach to monitoring exercise training. ' +
    'J Strength Cond Res 2001;15(1):109-115.',
  foster1998:
    'Foster C. Monitoring training in athletes with reference to overtraining syndrome. ' +
    'Med Sci Sports Exerc 1998;30(7):1164-1168.',
  williams2017:
    'Williams S, West S, Cross MJ, Stokes KA. Better way to determine the acute:chronic workload ratio? ' +
    'Br J Sports Med 2017;51(3):209-210.',
  gabbett2016:
    'Gabbett TJ. The training-injury prevention paradox: should athletes be training smarter and harder? ' +
    'Br J Sports Med 2016;50(5):273-280.',
} as const;

/** Highest rating of the CR-10 scale used for session RPE. */
export const RPE_MAX = 10;
/** Williams et al. 2017: time constants of 7 (acute, "fatigue") and 28 (chronic, "fitness") days. */
export const ACUTE_DAYS = 7;
export const CHRONIC_DAYS = 28;
/** Days averaged to start both EWMAs: one weekly microcycle (see `ewmaWorkload`). */
export const EWMA_SEED_DAYS = 7;
/** Foster 1998 computes monotony over one week of daily loads. */
export const WEEK_DAYS = 7;

// ---------------------------------------------------------------------------------------------------
// Published formulas
// ---------------------------------------------------------------------------------------------------

// Foster et al., J Strength Cond Res 2001;15:109-15 — session load (AU) = session RPE (CR-10) × duration (min).
export function fosterSessionRpe(durationMin: number, rpe: number): number {
  return rpe * durationMin;
}

// Williams et al., Br J Sports Med 2017;51:209-10 — decay λ = 2 / (N + 1), N the time constant in days.
export function williamsLambda(days: number): number {
  return 2 / (days + 1);
}

// Williams et al., Br J Sports Med 2017;51:209-10 — EWMA_today = load_today × λ + (1 − λ) × EWMA_yesterday.
export function williamsEwma(previous: number, load: number, lambda: number): number {
  return load * lambda + (1 - lambda) * previous;
}

// Gabbett, Br J Sports Med 2016;50:273-80 — acute:chronic workload ratio = acute load / chronic load.
export function gabbettAcwr(acute: number, chronic: number): number | null {
  return chronic > 0 ? acute / chronic : null;
}

// Foster, Med Sci Sports Exerc 1998;30:1164-8 — monotony = mean daily load / SD of daily load over a week.
export function fosterMonotony(meanDaily: number, sdDaily: number): number {
  return meanDaily / sdDaily;
}

// Foster, Med Sci Sports Exerc 1998;30:1164-8 — strain = weekly load × monotony.
export function fosterStrain(weeklyLoad: number, monotony: number): number {
  return weeklyLoad * monotony;
}

/** Change of a week's load over the previous week's, in % of the previous (Gabbett 2016 warns above 15 %). */
export function weekOnWeekChangePct(load: number, previousLoad: number): number | null {
  return previousLoad > 0 ? ((load - previousLoad) / previousLoad) * 100 : null;
}

// ---------------------------------------------------------------------------------------------------
// Daily load
// ---------------------------------------------------------------------------------------------------

/**
 * Session load in arbitrary units (AU) of one session, after checking the inputs are what the method
 * takes: a duration in minutes (not negative) and a CR-10 rating (0-10). Never negative.
 */
export function sessionRpeLoad(durationMin: number, rpe: number): number {
  if (!Number.isFinite(durationMin) || durationMin < 0) {
    throw new RangeError(`durationMin: expected minutes, 0 or more, got ${durationMin}`);
  }
  if (!Number.isFinite(rpe) || rpe < 0 || rpe > RPE_MAX) {
    throw new RangeError(`rpe: expected a session RPE from 0 to ${RPE_MAX} (CR-10), got ${rpe}`);
  }
  return fosterSessionRpe(durationMin, rpe);
}

/** The load an entry adds to its day: a skipped session adds nothing, whatever was planned for it. */
export function entryLoad(entry: LoadEntry): number {
  if (entry.status !== 'done') return 0;
  if (entry.status !== 'done') throw new RangeError(`status: expected done or skipped, got ${String(entry.status)}`);
  return sessionRpeLoad(entry.durationMin, entry.rpe);
}

export interface DailyLoad {
  date: string;
  /** Sum of the session loads of the day (AU). */
  load: number;
  /** Sessions done that day; skipped ones are not counted. */
  sessions: number;
}

/**
 * One row per calendar day from `from` to `to` inclusive, days without sessions at 0 (a rest day is a
 * load of 0, which is what monotony and the averages need). Several sessions on one day add up; entries
 * outside the range are ignored; input order does not matter.
 */
export function dailyLoads(entries: readonly LoadEntry[], from: string, to: string): DailyLoad[] {
  const first = dayOf(from, 'from');
  const last = dayOf(to, 'to');
  if (first > last) throw new RangeError(`from (${from}) is after to (${to})`);
  const loads = new Array<number>(last - first + 1).fill(0);
  const sessions = new Array<number>(last - first + 1).fill(0);
  entries.forEach((entry, i) => {
    const day = dayOf(entry.date, `entries[${i}].date`);
    if (day < first || day > last) return;
    loads[day - first] += entryLoad(entry);
    if (entry.status === 'done') sessions[day - first] += 1;
  });
  return loads.map((load, i) => ({ date: dateOfDay(first + i), load, sessions: sessions[i] }));
}

// ---------------------------------------------------------------------------------------------------
// Acute and chronic load
// ---------------------------------------------------------------------------------------------------

/**
 * One day of a daily series of any one load: session-RPE load in AU, or an external load such as metres
 * run or accelerations counted. Rest days carry 0.
 */
export interface DailyValue {
  date: string;
  load: number;
}

/** What the EWMAs add to a day of a daily series, in the unit of its load. */
export interface EwmaFields {
  /** EWMA of daily load, time constant `acuteDays` (per day). */
  acute: number;
  /** EWMA of daily load, time constant `chronicDays` (per day). */
  chronic: number;
  /** Acute / chronic; null until the chronic baseline is established, or when there is no chronic load. */
  acwr: number | null;
  /** At least `chronicDays` days of history lie behind this day (itself included). */
  baselineEstablished: boolean;
}

/** A day of session-RPE load with its EWMAs (AU per day). */
export interface WorkloadPoint extends DailyLoad, EwmaFields {}

/**
 * Acute and chronic load as exponentially weighted moving averages (Williams et al. 2017), λ = 2/(N+1).
 * `daily` must be consecutive days and starts on the first day of the player's history. Any one daily
 * load will do (session-RPE AU, metres, counts): each day comes back as it went in, with its averages.
 *
 * The letter leaves the starting value open. Both averages start from the mean daily load of the first
 * `EWMA_SEED_DAYS` days (a weekly microcycle, fewer if the history is shorter): starting from the first
 * day's load alone would let one match or rest day bias the chronic load for weeks (with λ = 2/29 its
 * weight is still (27/29)^28 ≈ 13 % on day 28), and starting from 0 would leave the chronic load short
 * by that much. A constant load gives a ratio of exactly 1 from the first day either way.
 *
 * The ratio is reported once `chronicDays` days of history exist (28 by default): before that the chronic
 * load mostly reflects the starting value, not what the player is used to.
 */
export function ewmaWorkload<D extends DailyValue>(
  daily: readonly D[],
  acuteDays = ACUTE_DAYS,
  chronicDays = CHRONIC_DAYS,
): (D & EwmaFields)[] {
  for (const [name, days] of [
    ['acuteDays', acuteDays],
    ['chronicDays', chronicDays],
  ] as const) {
    if (!Number.isInteger(days) || days < 1) throw new RangeError(`${name}: expected whole days, 1 or more`);
  }
  assertConsecutive(daily);
  if (daily.length === 0) return [];
  const lambdaAcute = williamsLambda(acuteDays);
  const lambdaChronic = williamsLambda(chronicDays);
  const seedDays = daily.slice(0, EWMA_SEED_DAYS);
  let acute = seedDays.reduce((sum, d) => sum + d.load, 0) / seedDays.length;
  let chronic = acute;
  return daily.map((day, i) => {
    acute = williamsEwma(acute, day.load, lambdaAcute);
    chronic = williamsEwma(chronic, day.load, lambdaChronic);
    const baselineEstablished = i + 1 >= chronicDays;
    return {
      ...day,
      acute,
      chronic,
      acwr: baselineEstablished ? gabbettAcwr(acute, chronic) : null,
      baselineEstablished,
    };
  });
}

function assertConsecutive(daily: readonly DailyValue[]): void {
  daily.forEach((d, i) => {
    if (!Number.isFinite(d.load) || d.load < 0) throw new RangeError(`daily[${i}].load: expected 0 or more`);
    if (i > 0 && dayOf(d.date, `daily[${i}].date`) !== dayOf(daily[i - 1].date, `daily[${i - 1}].date`) + 1) {
      throw new RangeError(`daily[${i}].date: expected the day after ${daily[i - 1].date}, got ${d.date}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Monotony and strain
// ---------------------------------------------------------------------------------------------------

export interface MonotonyAndStrain {
  weeklyLoad: number;
  meanDaily: number;
  /** Population SD of the seven daily loads. */
  sdDaily: number;
  /** Null when the days do not vary (no SD to divide by): for a week of identical non-zero days that is
   * the most monotonous week there is, and `loadReport` still warns about it. */
  monotony: number | null;
  strain: number | null;
}

/** Below this fraction of the mean the SD is rounding noise of identical days, not variation. */
const NO_VARIATION = 1e-9;

/**
 * Foster's monotony and strain over one week of daily loads (seven values, rest days as 0).
 * The SD is the population SD: the seven days are the whole week being described, not a sample drawn
 * from a larger set, and Foster does not ask for a sample correction (which would lower every monotony
 * by √(6/7) ≈ 0.93 and so move the meaning of the threshold of 2).
 */
export function monotonyAndStrain(dailyLoads: readonly number[]): MonotonyAndStrain {
  if (dailyLoads.length !== WEEK_DAYS) {
    throw new RangeError(`expected ${WEEK_DAYS} daily loads (one week), got ${dailyLoads.length}`);
  }
  dailyLoads.forEach((load, i) => {
    if (!Number.isFinite(load) || load < 0) throw new RangeError(`dailyLoads[${i}]: expected 0 or more AU`);
  });
  const weeklyLoad = dailyLoads.reduce((sum, load) => sum + load, 0);
  const meanDaily = weeklyLoad / WEEK_DAYS;
  const sdDaily = Math.sqrt(dailyLoads.reduce((sum, load) => sum + (load - meanDaily) ** 2, 0) / WEEK_DAYS);
  if (meanDaily === 0 || sdDaily <= meanDaily * NO_VARIATION) {
    return { weeklyLoad, meanDaily, sdDaily, monotony: null, strain: null };
  }
  const monotony = fosterMonotony(meanDaily, sdDaily);
  return { weeklyLoad, meanDaily, sdDaily, monotony, strain: fosterStrain(weeklyLoad, monotony) };
}

// ---------------------------------------------------------------------------------------------------
// Weekly load
// ---------------------------------------------------------------------------------------------------

export interface WeeklyLoad {
  /** Monday of the ISO week. */
  weekStart: string;
  /** Sum of the daily loads of the week's days present in the series (AU). */
  load: number;
  sessions: number;
  /** All seven days are in the series: a week still under way, or begun before the history, is not. */
  complete: boolean;
  /** Change over the previous week in %; null unless both weeks are complete and the previous had load. */
  changePct: number | null;
  /** Foster's monotony and strain; null for an incomplete week or one without variation. */
  monotony: number | null;
  strain: number | null;
}

/** The days of a series of consecutive days, in ISO weeks (Monday to Sunday), oldest first. */
export interface IsoWeek<D> {
  /** Monday of the ISO week. */
  weekStart: string;
  /** The week's days present in the series, in order. */
  days: D[];
  /** All seven days are in the series. */
  complete: boolean;
}

/** Consecutive days gathered into the ISO weeks they fall in; the first and last may be partial. */
export function isoWeeks<D extends { date: string }>(daily: readonly D[]): IsoWeek<D>[] {
  const weeks: IsoWeek<D>[] = [];
  for (const day of daily) {
    const weekStart = isoWeekStart(day.date);
    if (weeks.length === 0 || weeks[weeks.length - 1].weekStart !== weekStart) {
      weeks.push({ weekStart, days: [], complete: false });
    }
    weeks[weeks.length - 1].days.push(day);
  }
  for (const week of weeks) week.complete = week.days.length === WEEK_DAYS;
  return weeks;
}

/**
 * Daily loads gathered into ISO weeks (Monday to Sunday), oldest first. `daily` must be consecutive days;
 * a week only partly covered by it is reported with what it has and `complete: false`, and is neither
 * compared with its neighbours (a partial total would read as a fall) nor given a monotony.
 */
export function weeklyLoads(daily: readonly DailyLoad[]): WeeklyLoad[] {
  assertConsecutive(daily);
  const rows: WeeklyLoad[] = [];
  for (const { weekStart, days, complete } of isoWeeks(daily)) {
    const load = days.reduce((sum, d) => sum + d.load, 0);
    const previous = rows[rows.length - 1];
    const variation = complete ? monotonyAndStrain(days.map((d) => d.load)) : undefined;
    rows.push({
      weekStart,
      load,
      sessions: days.reduce((sum, d) => sum + d.sessions, 0),
      complete,
      changePct: complete && previous?.complete ? weekOnWeekChangePct(load, previous.load) : null,
      monotony: variation?.monotony ?? null,
      strain: variation?.strain ?? null,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// Report and warnings
// ---------------------------------------------------------------------------------------------------

export const LOAD_THRESHOLDS = {
  /** Gabbett 2016: ratios above 1.5 are the "danger zone" for injury. */
  acwrHigh: 1.5,
  /** Gabbett 2016: below the 0.8-1.3 "sweet spot" the player is under-prepared for what comes next. */
  acwrLow: 0.8,
  /** Foster 1998: monotony above 2 went with illness and overtraining. */
  monotonyHigh: 2,
  /** Gabbett 2016: rises of more than 15 % over the previous week went with more injuries. */
  weeklyIncreasePct: 15,
  acuteDays: ACUTE_DAYS,
  chronicDays: CHRONIC_DAYS,
  /** Days of history before the ratio is reported: one chronic window. */
  baselineDays: CHRONIC_DAYS,
} as const;
export type LoadThresholds = typeof LOAD_THRESHOLDS;

/** Without `from`, a report shows the last 28 days: one chronic window. */
export const DEFAULT_WINDOW_DAYS = 28;

export const LOAD_WARNING_CODES = ['acwr-high', 'acwr-low', 'monotony-high', 'load-spike'] as const;
export type LoadWarningCode = (typeof LOAD_WARNING_CODES)[number];

export interface LoadWarning {
  code: LoadWarningCode;
  /** The day the warning describes: the report's `to`. */
  date: string;
  /** The value that crossed the threshold, as reported; null for a week of identical days (no monotony). */
  value: number | null;
  threshold: number;
  /** What it means, in plain words for a coach. */
  message: string;
}

/** The state on the report's `to` date. Week figures cover the 7 days ending on `to`. */
export interface CurrentLoad {
  date: string;
  /** First day with an entry on or before `to` (done or skipped); null without any. */
  historyStart: string | null;
  /** Days from `historyStart` to `to`, both included. */
  historyDays: number;
  baselineEstablished: boolean;
  /** First day the ratio is reported; null without history. */
  baselineDate: string | null;
  load: number;
  sessions: number;
  acute: number;
  chronic: number;
  acwr: number | null;
  last7DaysLoad: number;
  /** The 7 days before those; null unless they are all within the history. */
  previous7DaysLoad: number | null;
  /** Change of `last7DaysLoad` over `previous7DaysLoad` in %; null without a previous week with load. */
  changePct: number | null;
  /** Foster's figures over the last 7 days; null until 7 days of history exist. */
  meanDaily: number | null;
  sdDaily: number | null;
  monotony: number | null;
  strain: number | null;
}

export interface LoadReport {
  from: string;
  to: string;
  /** Every day from `from` to `to`. Days before the history have no load and no ratio. */
  daily: WorkloadPoint[];
  /** Every ISO week touching `from`..`to`, as whole weeks (the first may start before `from`). */
  weekly: WeeklyLoad[];
  current: CurrentLoad;
  /** Evaluated on `to` only, in the order of `LOAD_WARNING_CODES`. */
  warnings: LoadWarning[];
  thresholds: LoadThresholds;
  references: string[];
}

/**
 * Everything the load endpoint answers, for one player's entries, as of `to` (entries after it are
 * ignored). The history starts at the player's first entry: the averages, baseline and weeks count from
 * there, whatever `from` is, so the current figures do not depend on the window shown.
 *
 * The current state and its warnings use the 7 days ending on `to` rather than the calendar week, so
 * they do not depend on the weekday the report is asked for (on a Sunday the two are the same week).
 * Each warning needs the history it speaks about: the ratio 28 days, monotony 7, the weekly rise 14.
 * Thresholds are applied to the values as reported (loads whole AU, ratios to 2 decimals, % to 1), so a
 * warning never contradicts the figure shown next to it.
 */
export function loadReport(entries: readonly LoadEntry[], options: ReportWindow): LoadReport {
  const { fromDay, toDay } = reportDays(options);
  let first: number | null = null;
  for (const [i, entry] of entries.entries()) {
    const day = dayOf(entry.date, `entries[${i}].date`);
    if (day <= toDay && (first === null || day < first)) first = day;
  }

  const history = first === null ? [] : ewmaWorkload(dailyLoads(entries, dateOfDay(first), options.to));
  const at = (day: number): WorkloadPoint | undefined => (first === null ? undefined : history[day - first]);

  const daily: WorkloadPoint[] = [];
  for (let day = fromDay; day <= toDay; day++) daily.push(roundPoint(at(day) ?? noHistory(day)));

  const historyWeeks = new Map(weeklyLoads(history).map((w) => [w.weekStart, w]));
  const weekly = reportWeekStarts(fromDay, toDay).map((weekStart) =>
    roundWeek(historyWeeks.get(weekStart) ?? emptyWeek(weekStart)),
  );

  const current = currentLoad(history, first, toDay);
  return {
    from: dateOfDay(fromDay),
    to: dateOfDay(toDay),
    daily,
    weekly,
    current,
    warnings: loadWarnings(current),
    thresholds: LOAD_THRESHOLDS,
    references: Object.values(LOAD_REFERENCES),
  };
}

/** The days a report shows: `from` to `to`, both included; without `from`, `DEFAULT_WINDOW_DAYS` ending on `to`. */
export interface ReportWindow {
  from?: string;
  to: string;
}

/** The day numbers of a report's first and last day, after checking they are calendar days in order. */
export function reportDays(window: ReportWindow): { fromDay: number; toDay: number } {
  const toDay = dayOf(window.to, 'to');
  const fromDay = window.from === undefined ? toDay - (DEFAULT_WINDOW_DAYS - 1) : dayOf(window.from, 'from');
  if (fromDay > toDay) throw new RangeError(`from (${window.from}) is after to (${window.to})`);
  return { fromDay, toDay };
}

/** Mondays of every ISO week touching the report's days, as whole weeks (the first may start before them). */
export function reportWeekStarts(fromDay: number, toDay: number): string[] {
  const weekStarts: string[] = [];
  for (let monday = mondayOf(fromDay); monday <= toDay; monday += WEEK_DAYS) weekStarts.push(dateOfDay(monday));
  return weekStarts;
}

export interface LastSevenDays {
  /** Sum of the last 7 daily loads (fewer if the history is shorter). */
  last7Days: number;
  /** Sum of the 7 before those; null unless they are all within the history. */
  previous7Days: number | null;
  /** Change of `last7Days` over `previous7Days` in %; null without a previous week with load. */
  changePct: number | null;
}

/** The last 7 days of a history (daily loads, oldest first, ending on the report's day) against the 7 before. */
export function lastSevenDays(history: readonly number[]): LastSevenDays {
  const sum = (loads: readonly number[]) => loads.reduce((total, load) => total + load, 0);
  const last7Days = sum(history.slice(-WEEK_DAYS));
  const previous7Days = history.length >= 2 * WEEK_DAYS ? sum(history.slice(-2 * WEEK_DAYS, -WEEK_DAYS)) : null;
  const changePct = previous7Days === null ? null : weekOnWeekChangePct(last7Days, previous7Days);
  return { last7Days, previous7Days, changePct };
}

function currentLoad(history: readonly WorkloadPoint[], startDay: number | null, toDay: number): CurrentLoad {
  const today = history[history.length - 1] ?? noHistory(toDay);
  const historyDays = history.length;
  const lastWeek = history.slice(-WEEK_DAYS);
  const {
    last7Days: last7DaysLoad,
    previous7Days: previous7DaysLoad,
    changePct,
  } = lastSevenDays(history.map((d) => d.load));
  const variation = historyDays >= WEEK_DAYS ? monotonyAndStrain(lastWeek.map((d) => d.load)) : null;
  return {
    date: dateOfDay(toDay),
    historyStart: startDay === null ? null : dateOfDay(startDay),
    historyDays,
    baselineEstablished: today.baselineEstablished,
    baselineDate: startDay === null ? null : dateOfDay(startDay + CHRONIC_DAYS - 1),
    load: Math.round(today.load),
    sessions: today.sessions,
    acute: Math.round(today.acute),
    chronic: Math.round(today.chronic),
    acwr: roundOrNull(today.acwr, 2),
    last7DaysLoad: Math.round(last7DaysLoad),
    previous7DaysLoad: roundOrNull(previous7DaysLoad, 0),
    changePct: roundOrNull(changePct, 1),
    meanDaily: roundOrNull(variation?.meanDaily ?? null, 0),
    sdDaily: roundOrNull(variation?.sdDaily ?? null, 0),
    monotony: roundOrNull(variation?.monotony ?? null, 2),
    strain: roundOrNull(variation?.strain ?? null, 0),
  };
}

/** The warnings for the current state, each explained for a coach. */
export function loadWarnings(current: CurrentLoad): LoadWarning[] {
  const t = LOAD_THRESHOLDS;
  const warnings: LoadWarning[] = [];
  const warn = (code: LoadWarningCode, value: number | null, threshold: number, message: string) =>
    warnings.push({ code, date: current.date, value, threshold, message });

  const { acwr, monotony, meanDaily, changePct } = current;
  if (acwr !== null && acwr > t.acwrHigh) {
    warn(
      'acwr-high',
      acwr,
      t.acwrHigh,
      `This week's training load is well above what the player is used to: the acute:chronic workload ratio ` +
        `is ${acwr.toFixed(2)}, above ${t.acwrHigh}. Sharp rises like this go with a higher risk of injury. ` +
        `Hold the load steady or ease it for a few days rather than adding more.`,
    );
  }
  if (acwr !== null && acwr < t.acwrLow) {
    warn(
      'acwr-low',
      acwr,
      t.acwrLow,
      `The player has trained much less than usual this week: the acute:chronic workload ratio is ` +
        `${acwr.toFixed(2)}, below ${t.acwrLow}. Fitness fades when load stays this low, and jumping straight ` +
        `back to full training is when injuries happen. Build the load back up step by step.`,
    );
  }
  if (monotony !== null && monotony > t.monotonyHigh) {
    warn(
      'monotony-high',
      monotony,
      t.monotonyHigh,
      `The last 7 days were very much alike, with little difference between hard and easy days: ` +
        `training monotony is ${monotony.toFixed(2)}, above ${t.monotonyHigh}. Similar load day after day ` +
        `leaves little room to recover and has been linked to illness and overtraining. ` +
        `Make the easy days clearly easier, or add a rest day.`,
    );
  } else if (monotony === null && meanDaily !== null && meanDaily > 0) {
    warn(
      'monotony-high',
      null,
      t.monotonyHigh,
      `Every one of the last 7 days carried the same load (${meanDaily} AU), with no easier day at all: ` +
        `training monotony cannot be any higher (the limit is ${t.monotonyHigh}). Similar load day after day ` +
        `leaves little room to recover and has been linked to illness and overtraining. ` +
        `Make some days clearly easier, or add a rest day.`,
    );
  }
  if (changePct !== null && changePct > t.weeklyIncreasePct) {
    warn(
      'load-spike',
      changePct,
      t.weeklyIncreasePct,
      `The load of the last 7 days (${current.last7DaysLoad} AU) is ${changePct.toFixed(1)} % higher than ` +
        `the 7 days before (${current.previous7DaysLoad} AU); rises of more than ${t.weeklyIncreasePct} % ` +
        `in a week go with more injuries. Raise the load more gradually, over several weeks.`,
    );
  }
  return warnings;
}

function noHistory(day: number): WorkloadPoint {
  return {
    date: dateOfDay(day),
    load: 0,
    sessions: 0,
    acute: 0,
    chronic: 0,
    acwr: null,
    baselineEstablished: false,
  };
}

function emptyWeek(weekStart: string): WeeklyLoad {
  return { weekStart, load: 0, sessions: 0, complete: false, changePct: null, monotony: null, strain: null };
}

function roundPoint(p: WorkloadPoint): WorkloadPoint {
  return {
    ...p,
    load: Math.round(p.load),
    acute: Math.round(p.acute),
    chronic: Math.round(p.chronic),
    acwr: roundOrNull(p.acwr, 2),
  };
}

function roundWeek(w: WeeklyLoad): WeeklyLoad {
  return {
    ...w,
    load: Math.round(w.load),
    changePct: roundOrNull(w.changePct, 1),
    monotony: roundOrNull(w.monotony, 2),
    strain: roundOrNull(w.strain, 0),
  };
}

/** Half away from zero, so a fall of 12.25 % reads -12.3 like a rise reads 12.3. */
export function roundOrNull(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}
