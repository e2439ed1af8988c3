import { Weekday, WEEKDAYS } from './program';

/** Calendar arithmetic on `YYYY-MM-DD` strings in UTC, the only dates the programme domain uses. */

const MS_PER_DAY = 86_400_000;

export function toDayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function weekdayOf(date: string): Weekday {
  // Day 0 (1970-01-01) was a Thursday.
  return WEEKDAYS[(((toDayNumber(date) + 3) % 7) + 7) % 7];
}
