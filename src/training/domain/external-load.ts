/**
 * External load: what a player's GPS/heart-rate activities measured (total distance, high-speed running,
 * sprint distance, accelerations), per day and ISO week, with the acute and chronic EWMA load and their
 * ratio for each metric, and the warnings on the report's last day. It adds no formula of its own: every
 * metric goes through the same published functions as session-RPE load (Williams et al. 2017 EWMAs,
 * Gabbett 2016 ratio and thresholds, via `ewmaWorkload`, `lastSevenDays` and `LOAD_THRESHOLDS`), and
 * through the same choices made around them (seeding, 28-day baseline, what a week is).
 * Pure: dates are `YYYY-MM-DD` UTC calendar days and no clock is read. Only the report rounds, at the end.
 */

import { dateOfDay, dayOf } from './calendar';
import {
  CHRONIC_DAYS,
  DailyValue,
  EwmaFields,
  ewmaWorkload,
  isoWeeks,
  lastSevenDays,
  LOAD_THRESHOLDS,
  LoadEntry,
  loadReport,
  LoadReport,
  LoadWarningCode,
  ReportWindow,
  reportDays,
  reportWeekStarts,
  roundOrNull,
  weekOnWeekChangePct,
} from './load-monitoring';

export const EXTERNAL_LOAD_METRICS = ['distanceM', 'highSpeedRunningM', 'sprintDistanceM', 'accelerations'] as const;
export type ExternalLoadMetric = (typeof EXTERNAL_LOAD_METRICS)[number];

/** One activity file (GPS/heart-rate activity) as the load ledger sees it: what it measured, on its day. */
export interface ExternalLoadEntry {
  /** Calendar day of the activity, `YYYY-MM-DD` (UTC). */
  date: string;
  /** Total distance covered (m). */
  distanceM: number;
  /** Distance in the high-speed running zone (m), as the activities module defines it. */
  highSpeedRunningM: number;
  /** Distance in the sprint zone (m). */
  sprintDistanceM: number;
  /** Number of accelerations. */
  accelerations: number;
  /** The activity was a match: its day is a match day. */
  match: boolean;
}

/** A value for each of the four metrics. */
export type PerMetric<T> = Record<ExternalLoadMetric, T>;

/** How each metric is named and counted in a coach's message. */
const METRIC_WORDS: PerMetric<{ label: string; amount: (value: number) => string }> = {
  distanceM: { label: 'Total distance', amount: (m) => `${m} m` },
  highSpeedRunningM: { label: 'High-speed running', amount: (m) => `${m} m` },
  sprintDistanceM: { label: 'Sprint distance', amount: (m) => `${m} m` },
  accelerations: { label: 'The number of accelerations', amount: (n) => `${n} accelerations` },
};

// ---------------------------------------------------------------------------------------------------
// Daily totals
// ---------------------------------------------------------------------------------------------------

export interface ExternalDailyTotals extends PerMetric<number> {
  date: string;
  /** Activities recorded that day. */
  activities: number;
}

/** Checks an entry is what an activity can measure, naming the field at fault. */
function checkEntry(entry: ExternalLoadEntry, i: number): number {
  const day = dayOf(entry.date, `external[${i}].date`);
  for (const metric of EXTERNAL_LOAD_METRICS) {
    const value = entry[metric];
    const whole = metric === 'accelerations';
    if (!Number.isFinite(value) || value < 0 || (whole && !Number.isInteger(value))) {
      const expected = whole ? 'a count, 0 or more' : 'metres, 0 or more';
      throw new RangeError(`external[${i}].${metric}: expected ${expected}, got ${value}`);
    }
  }
  if (typeof entry.match !== 'boolean') throw new RangeError(`external[${i}].match: expected true or false`);
  return day;
}

/**
 * One row per calendar day from `from` to `to` inclusive, days without activities at 0. Several
 * activities on one day add up; entries outside the range are ignored; input order does not matter.
 */
export function externalDailyTotals(
  entries: readonly ExternalLoadEntry[],
  from: string,
  to: string,
): ExternalDailyTotals[] {
  const first = dayOf(from, 'from');
  const last = dayOf(to, 'to');
  if (first > last) throw new RangeError(`from (${from}) is after to (${to})`);
  const rows: ExternalDailyTotals[] = [];
  for (let day = first; day <= last; day++) rows.push(emptyTotals(dateOfDay(day)));
  entries.forEach((entry, i) => {
    const day = checkEntry(entry, i);
    if (day < first || day > last) return;
    const row = rows[day - first];
    row.activities += 1;
    for (const metric of EXTERNAL_LOAD_METRICS) row[metric] += entry[metric];
  });
  return rows;
}

function emptyTotals(date: string): ExternalDailyTotals {
  return { date, activities: 0, distanceM: 0, highSpeedRunningM: 0, sprintDistanceM: 0, accelerations: 0 };
}

// ---------------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------------

/** One metric on one day. */
export interface ExternalMetricDay {
  /** The day's total (m, or a count for accelerations). */
  total: number;
  /** EWMA of the daily total, 7-day time constant (per day). */
  acute: number;
  /** EWMA of the daily total, 28-day time constant (per day). */
  chronic: number;
  /** Acute:chronic ratio; null until 28 days of external history, or without chronic load. */
  acwr: number | null;
}

export interface ExternalLoadDay extends PerMetric<ExternalMetricDay> {
  date: string;
  activities: number;
  /** At least 28 days of external history lie behind this day (itself included). */
  baselineEstablished: boolean;
}

/** One metric over one ISO week. */
export interface ExternalMetricWeek {
  total: number;
  /** Change over the previous week in %; null unless both weeks are complete and the previous had some. */
  changePct: number | null;
}

export interface ExternalLoadWeek extends PerMetric<ExternalMetricWeek> {
  /** Monday of the ISO week. */
  weekStart: string;
  activities: number;
  /** All seven days are in the external history: a week under way, or begun before it, is not. */
  complete: boolean;
}

/** One metric on the report's `to` date; the 7-day figures cover the 7 days ending on `to`. */
export interface ExternalMetricCurrent extends ExternalMetricDay {
  last7Days: number;
  /** The 7 days before those; null unless they are all within the external history. */
  previous7Days: number | null;
  /** Change of `last7Days` over `previous7Days` in %; null without a previous week with any. */
  changePct: number | null;
}

export interface ExternalCurrentLoad extends PerMetric<ExternalMetricCurrent> {
  date: string;
  /** First day with an activity on or before `to`; null without any. */
  historyStart: string | null;
  /** Days from `historyStart` to `to`, both included. */
  historyDays: number;
  baselineEstablished: boolean;
  /** First day the ratios are reported; null without history. */
  baselineDate: string | null;
  /** Activities on `to`. */
  activities: number;
}

export const EXTERNAL_LOAD_WARNING_CODES = [
  'acwr-high',
  'acwr-low',
  'load-spike',
] as const satisfies readonly LoadWarningCode[];
export type ExternalLoadWarningCode = (typeof EXTERNAL_LOAD_WARNING_CODES)[number];

export interface ExternalLoadWarning {
  code: ExternalLoadWarningCode;
  /** The metric whose figure crossed the threshold. */
  metric: ExternalLoadMetric;
  /** The day the warning describes: the report's `to`. */
  date: string;
  /** The ratio or % change as reported. */
  value: number;
  threshold: number;
  /** What it means, in plain words for a coach. */
  message: string;
}

export interface ExternalLoadReport {
  /** At least one activity on or before `to`. Without one every total is 0 and every ratio null. */
  hasData: boolean;
  /** Every day from `from` to `to`. Days before the external history have nothing and no ratio. */
  daily: ExternalLoadDay[];
  /** Every ISO week touching `from`..`to`, as whole weeks (the first may start before `from`). */
  weekly: ExternalLoadWeek[];
  current: ExternalCurrentLoad;
  /** Evaluated on `to` only: metric by metric in the order of `EXTERNAL_LOAD_METRICS`, each in code order. */
  warnings: ExternalLoadWarning[];
}

type MetricPoint = DailyValue & EwmaFields;

/**
 * External load for one player's activities, as of `to` (activities after it are ignored). The history
 * starts at the first activity, whatever `from` is, so the current figures do not depend on the window;
 * from there a day without an activity counts as 0 of everything, as a rest day does for session RPE
 * (an activity that was not recorded reads as one that did not happen). Each metric has its own EWMAs,
 * reported ratio after 28 days of history, and 7-day comparison after 14. Rounded at the end: totals and
 * averages to whole metres (or accelerations), ratios to 2 decimals, % to 1; thresholds are applied to
 * the figures as reported.
 */
export function externalLoadReport(entries: readonly ExternalLoadEntry[], window: ReportWindow): ExternalLoadReport {
  const { fromDay, toDay } = reportDays(window);
  let startDay: number | null = null;
  for (const [i, entry] of entries.entries()) {
    const day = checkEntry(entry, i);
    if (day <= toDay && (startDay === null || day < startDay)) startDay = day;
  }

  const totals = startDay === null ? [] : externalDailyTotals(entries, dateOfDay(startDay), dateOfDay(toDay));
  const series = perMetric((metric) => ewmaWorkload(totals.map((d) => ({ date: d.date, load: d[metric] }))));
  // Every metric's series covers the same days, so any one of them says where the baseline is.
  const at = (day: number) => (startDay === null ? -1 : day - startDay);

  const daily: ExternalLoadDay[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const i = at(day);
    const inHistory = i >= 0;
    daily.push({
      date: dateOfDay(day),
      activities: inHistory ? totals[i].activities : 0,
      baselineEstablished: inHistory && series.distanceM[i].baselineEstablished,
      ...perMetric((metric) => roundMetricDay(inHistory ? series[metric][i] : undefined)),
    });
  }

  const historyWeeks = new Map(externalWeeks(totals).map((w) => [w.weekStart, w]));
  const weekly = reportWeekStarts(fromDay, toDay).map((weekStart) => roundWeek(historyWeeks.get(weekStart), weekStart));

  const current = currentExternalLoad(totals, series, startDay, toDay);
  return { hasData: startDay !== null, daily, weekly, current, warnings: externalLoadWarnings(current) };
}

function perMetric<T>(value: (metric: ExternalLoadMetric) => T): PerMetric<T> {
  return {
    distanceM: value('distanceM'),
    highSpeedRunningM: value('highSpeedRunningM'),
    sprintDistanceM: value('sprintDistanceM'),
    accelerations: value('accelerations'),
  };
}

/** Consecutive daily totals gathered into ISO weeks; a week is compared only with a complete week before it. */
function externalWeeks(totals: readonly ExternalDailyTotals[]): ExternalLoadWeek[] {
  const rows: ExternalLoadWeek[] = [];
  for (const { weekStart, days, complete } of isoWeeks(totals)) {
    const previous = rows[rows.length - 1];
    const sum = (pick: (d: ExternalDailyTotals) => number) => days.reduce((total, d) => total + pick(d), 0);
    rows.push({
      weekStart,
      activities: sum((d) => d.activities),
      complete,
      ...perMetric((metric) => {
        const total = sum((d) => d[metric]);
        const changePct = complete && previous?.complete ? weekOnWeekChangePct(total, previous[metric].total) : null;
        return { total, changePct };
      }),
    });
  }
  return rows;
}

function currentExternalLoad(
  totals: readonly ExternalDailyTotals[],
  series: PerMetric<MetricPoint[]>,
  startDay: number | null,
  toDay: number,
): ExternalCurrentLoad {
  const today = totals.length - 1;
  return {
    date: dateOfDay(toDay),
    historyStart: startDay === null ? null : dateOfDay(startDay),
    historyDays: totals.length,
    baselineEstablished: today >= 0 && series.distanceM[today].baselineEstablished,
    baselineDate: startDay === null ? null : dateOfDay(startDay + CHRONIC_DAYS - 1),
    activities: today >= 0 ? totals[today].activities : 0,
    ...perMetric((metric): ExternalMetricCurrent => {
      const week = lastSevenDays(totals.map((d) => d[metric]));
      return {
        ...roundMetricDay(today >= 0 ? series[metric][today] : undefined),
        last7Days: Math.round(week.last7Days),
        previous7Days: roundOrNull(week.previous7Days, 0),
        changePct: roundOrNull(week.changePct, 1),
      };
    }),
  };
}

/** The warnings on `to`, metric by metric, on the same Gabbett 2016 thresholds as session-RPE load. */
export function externalLoadWarnings(current: ExternalCurrentLoad): ExternalLoadWarning[] {
  const t = LOAD_THRESHOLDS;
  const warnings: ExternalLoadWarning[] = [];
  for (const metric of EXTERNAL_LOAD_METRICS) {
    const { label, amount } = METRIC_WORDS[metric];
    const { acwr, changePct, last7Days, previous7Days } = current[metric];
    const warn = (code: ExternalLoadWarningCode, value: number, threshold: number, message: string) =>
      warnings.push({ code, metric, date: current.date, value, threshold, message });
    if (acwr !== null && acwr > t.acwrHigh) {
      warn(
        'acwr-high',
        acwr,
        t.acwrHigh,
        `${label} this week is well above what the player is used to: its acute:chronic workload ratio ` +
          `is ${acwr.toFixed(2)}, above ${t.acwrHigh}. Sharp rises like this go with a higher risk of injury. ` +
          `Hold it steady or ease it for a few days rather than adding more.`,
      );
    }
    if (acwr !== null && acwr < t.acwrLow) {
      warn(
        'acwr-low',
        acwr,
        t.acwrLow,
        `${label} this week is much lower than usual: its acute:chronic workload ratio is ${acwr.toFixed(2)}, ` +
          `below ${t.acwrLow}. The player loses their preparation for it when it stays this low, and going ` +
          `straight back to the usual amount is when injuries happen. Build it back up step by step.`,
      );
    }
    if (changePct !== null && previous7Days !== null && changePct > t.weeklyIncreasePct) {
      warn(
        'load-spike',
        changePct,
        t.weeklyIncreasePct,
        `${label} over the last 7 days (${amount(last7Days)}) is ${changePct.toFixed(1)} % higher than the ` +
          `7 days before (${amount(previous7Days)}); rises of more than ${t.weeklyIncreasePct} % in a week go ` +
          `with more injuries. Raise it more gradually, over several weeks.`,
      );
    }
  }
  return warnings;
}

function roundMetricDay(point: MetricPoint | undefined): ExternalMetricDay {
  if (point === undefined) return { total: 0, acute: 0, chronic: 0, acwr: null };
  return {
    total: Math.round(point.load),
    acute: Math.round(point.acute),
    chronic: Math.round(point.chronic),
    acwr: roundOrNull(point.acwr, 2),
  };
}

function roundWeek(week: ExternalLoadWeek | undefined, weekStart: string): ExternalLoadWeek {
  return {
    weekStart,
    activities: week?.activities ?? 0,
    complete: week?.complete ?? false,
    ...perMetric((metric) => ({
      total: Math.round(week?.[metric].total ?? 0),
      changePct: roundOrNull(week?.[metric].changePct ?? null, 1),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Match days and the whole report
// ---------------------------------------------------------------------------------------------------

/**
 * The days from `from` to `to` with a match, oldest first, each once: an activity marked as a match, or a
 * match logged with its session RPE (a skipped session, had one been a match, was not played).
 */
export function matchDays(
  sessions: readonly LoadEntry[],
  external: readonly ExternalLoadEntry[],
  window: ReportWindow,
): string[] {
  const { fromDay, toDay } = reportDays(window);
  const days = new Set<number>();
  sessions.forEach((entry, i) => {
    const day = dayOf(entry.date, `entries[${i}].date`);
    if (entry.kind === 'match' && entry.status === 'done') days.add(day);
  });
  external.forEach((entry, i) => {
    const day = checkEntry(entry, i);
    if (entry.match) days.add(day);
  });
  return [...days]
    .filter((day) => day >= fromDay && day <= toDay)
    .sort((a, b) => a - b)
    .map(dateOfDay);
}

/** The load report with both kinds of load: session RPE as `loadReport` has it, external load, match days. */
export interface TrainingLoadReport extends LoadReport {
  external: ExternalLoadReport;
  matchDays: string[];
}

/**
 * Everything `GET /players/:id/load` answers. The session-RPE figures are `loadReport`'s, from the session
 * entries alone: activities add external load and can mark a match day, never a session load. Both parts
 * cover the same days.
 */
export function trainingLoadReport(
  sessions: readonly LoadEntry[],
  external: readonly ExternalLoadEntry[],
  window: ReportWindow,
): TrainingLoadReport {
  const report = loadReport(sessions, window);
  const days = { from: report.from, to: report.to };
  return { ...report, external: externalLoadReport(external, days), matchDays: matchDays(sessions, external, days) };
}
