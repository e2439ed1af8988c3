import { registerDecorator, ValidationOptions } from 'class-validator';
import { BEYOND_SCHEMA } from './validation';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** UTC midnight of a day (month 1-12); setUTCFullYear, because Date.UTC reads the years 0-99 as 1900-1999. */
function utcMidnight(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** Parses `YYYY-MM-DD` to UTC midnight; null unless it is a real calendar date. */
export function parseCalendarDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = DATE_ONLY.exec(value);
  if (!m) return null;
  const date = utcMidnight(Number(m[1]), Number(m[2]), Number(m[3]));
  return date.toISOString().slice(0, 10) === value ? date : null;
}

export function toCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export interface CalendarDateOptions {
  /** Reject dates after today (UTC). */
  notFuture?: boolean;
  /** Inclusive bounds on the age the date implies today, in whole years. */
  minYearsAgo?: number;
  maxYearsAgo?: number;
}

/**
 * A `YYYY-MM-DD` calendar date, optionally bounded relative to today. The format is part of the
 * schema (a 400 when wrong); the bounds move with the calendar, which no schema states, so a
 * real date outside them is a 422 (BEYOND_SCHEMA).
 */
export function IsCalendarDate(options: CalendarDateOptions = {}, validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options: validationOptions,
      validator: {
        validate: (value: unknown) => parseCalendarDate(value) !== null,
        defaultMessage: () => '$property must be a calendar date (YYYY-MM-DD)',
      },
    });
    if (options.notFuture || options.minYearsAgo !== undefined || options.maxYearsAgo !== undefined) {
      registerDecorator({
        name: `${BEYOND_SCHEMA}calendarDateBounds`,
        target: object.constructor,
        propertyName,
        options: validationOptions,
        validator: {
          validate(value: unknown) {
            const date = parseCalendarDate(value);
            if (!date) return true; // the format check above answers for it
            const today = new Date();
            const yearsAgo = (n: number) =>
              utcMidnight(today.getUTCFullYear() - n, today.getUTCMonth() + 1, today.getUTCDate()).getTime();
            if (options.notFuture && date.getTime() > yearsAgo(0)) return false;
            if (options.minYearsAgo !== undefined && date.getTime() > yearsAgo(options.minYearsAgo)) return false;
            if (options.maxYearsAgo !== undefined && date.getTime() < yearsAgo(options.maxYearsAgo)) return false;
            return true;
          },
          defaultMessage() {
            const parts: string[] = [];
            if (options.notFuture) parts.push('must not be in the future');
            if (options.minYearsAgo !== undefined || options.maxYearsAgo !== undefined) {
              parts.push(`must be between ${options.minYearsAgo ?? 0} and ${options.maxYearsAgo ?? '∞'} years ago`);
            }
            return `$property ${parts.join(' and ')}`;
          },
        },
      });
    }
  };
}
