import { registerDecorator, ValidationOptions } from 'class-validator';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` to UTC midnight; null unless it is a real calendar date. */
export function parseCalendarDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = DATE_ONLY.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
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

/** A `YYYY-MM-DD` calendar date, optionally bounded relative to today. */
export function IsCalendarDate(options: CalendarDateOptions = {}, validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options: validationOptions,
      validator: {
        validate(value: unknown) {
          const date = parseCalendarDate(value);
          if (!date) return false;
          const today = new Date();
          const yearsAgo = (n: number) => Date.UTC(today.getUTCFullYear() - n, today.getUTCMonth(), today.getUTCDate());
          if (options.notFuture && date.getTime() > yearsAgo(0)) return false;
          if (options.minYearsAgo !== undefined && date.getTime() > yearsAgo(options.minYearsAgo)) return false;
          if (options.maxYearsAgo !== undefined && date.getTime() < yearsAgo(options.maxYearsAgo)) return false;
          return true;
        },
        defaultMessage() {
          const parts = ['$property must be a calendar date (YYYY-MM-DD)'];
          if (options.notFuture) parts.push('not in the future');
          if (options.minYearsAgo !== undefined || options.maxYearsAgo !== undefined) {
            parts.push(`between ${options.minYearsAgo ?? 0} and ${options.maxYearsAgo ?? '∞'} years ago`);
          }
          return parts.join(', ');
        },
      },
    });
}
