import type { FieldProblem } from '../../common/errors/problem';
import { dateWindowProblems } from '../../common/domain/date-window';
import { addDays, daysBetween } from '../../training/domain/calendar';

/** Without bounds a calendar shows the past week and the next four: what a phone's week and month views need. */
export const DAYS_BEFORE_TODAY = 7;
export const DAYS_AFTER_TODAY = 28;
/** The span a window with one bound gets: that of the default window. */
export const DEFAULT_SPAN_DAYS = DAYS_BEFORE_TODAY + DAYS_AFTER_TODAY;
/** At most a year (a leap year's days) in one read. */
export const MAX_WINDOW_DAYS = 366;

const FIRST_DATE = '0000-01-01';
const LAST_DATE = '9999-12-31';

/** Keeps a computed bound within the four-digit years dates are written in. */
const withinYears = (date: string) => (date.startsWith('-') ? FIRST_DATE : date.startsWith('+') ? LAST_DATE : date);

export interface CalendarWindow {
  from: string;
  to: string;
}

/**
 * The dates a calendar covers, both inclusive: the given bounds, a missing one set DEFAULT_SPAN_DAYS
 * from the other, or today-7 to today+28 in the academy's calendar; problems when `from` is after
 * `to` or the window is longer than MAX_WINDOW_DAYS.
 */
export function calendarWindow(
  query: { from?: string; to?: string },
  today: string,
): { window: CalendarWindow } | { problems: FieldProblem[] } {
  const from = withinYears(
    query.from ?? (query.to ? addDays(query.to, -DEFAULT_SPAN_DAYS) : addDays(today, -DAYS_BEFORE_TODAY)),
  );
  const to = withinYears(
    query.to ?? (query.from ? addDays(query.from, DEFAULT_SPAN_DAYS) : addDays(today, DAYS_AFTER_TODAY)),
  );
  const order = dateWindowProblems({ from, to });
  if (order.length > 0) return { problems: order };
  if (daysBetween(from, to) + 1 > MAX_WINDOW_DAYS) {
    return { problems: [{ path: 'to', message: `a calendar covers at most ${MAX_WINDOW_DAYS} days` }] };
  }
  return { window: { from, to } };
}

/** A subscribed feed shows the past four weeks and the next 26: a season's half ahead, within MAX_WINDOW_DAYS. */
export const FEED_DAYS_BEFORE_TODAY = 28;
export const FEED_DAYS_AFTER_TODAY = 182;

export function feedWindow(today: string): CalendarWindow {
  return { from: addDays(today, -FEED_DAYS_BEFORE_TODAY), to: withinYears(addDays(today, FEED_DAYS_AFTER_TODAY)) };
}
