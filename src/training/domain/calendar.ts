import { Weekday, WEEKDAYS } from './program';

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings in UTC, the only dates the training domain uses.
 * Days are counted from 1970-01-01 (day 0, a Thursday).
 */

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar date; undefined for anything else (2025-02-30 included). */
export function calendarDay(date: unknown): number | undefined {
  if (typeof date !== 'string') return undefined;
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  if (t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return undefined;
  return Math.round(t.getTime() / MS_PER_DAY);
}

export function isCalendarDate(date: unknown): date is string {
  return calendarDay(date) !== undefined;
}

/** The day number of a calendar date; a RangeError naming `path` for anything else. */
export function dayOf(date: string, path = 'date'): number {
  const day = calendarDay(date);
  if (day === undefined) throw new RangeError(`${path}: expected a YYYY-MM-DD calendar date, got ${String(date)}`);
  return day;
}

/** The `YYYY-MM-DD` date of a day number (days since 1970-01-01). */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayOf(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayOf(to, 'to') - dayOf(from, 'from');
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[(((dayOf(date) + 3) % 7) + 7) % 7];
}

/** Monday of the ISO 8601 week holding `date`: weeks run Monday to Sunday, as coaches plan them. */
export function isoWeekStart(date: string): string {
  return dateOfDay(mondayOf(dayOf(date)));
}

export function mondayOf(day: number): number {
  // Day 0 (1970-01-01) was a Thursday, three days after a Monday.
  return day - ((((day + 3) % 7) + 7) % 7);
}
