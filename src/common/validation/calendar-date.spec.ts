import { validateSync } from 'class-validator';
import { IsCalendarDate, parseCalendarDate } from './calendar-date';
import { BEYOND_SCHEMA } from './validation';

describe('parseCalendarDate', () => {
  it('parses real dates to UTC midnight', () => {
    expect(parseCalendarDate('2012-02-29')?.toISOString()).toBe('2012-02-29T00:00:00.000Z');
  });
  it('parses the years 0000-0099 as themselves, not as 1900-1999', () => {
    expect(parseCalendarDate('0099-01-15')?.toISOString()).toBe('0099-01-15T00:00:00.000Z');
    expect(parseCalendarDate('0000-02-29')?.toISOString()).toBe('0000-02-29T00:00:00.000Z');
    expect(parseCalendarDate('0001-02-29')).toBeNull();
  });
  it.each(['2013-02-29', '2012-13-01', '2012-1-01', '2012-01-01T00:00:00Z', '', 20120101, null, { $gt: '' }])(
    'rejects %p',
    (value) => expect(parseCalendarDate(value)).toBeNull(),
  );
});

describe('@IsCalendarDate', () => {
  class Dob {
    @IsCalendarDate({ minYearsAgo: 3, maxYearsAgo: 80 })
    dateOfBirth!: unknown;
  }
  const errors = (value: unknown) => validateSync(Object.assign(new Dob(), { dateOfBirth: value }));
  const check = (value: unknown) => errors(value).length === 0;
  const yearsAgo = (n: number) => `${new Date().getUTCFullYear() - n}-01-01`;

  it('enforces the age window', () => {
    expect(check(yearsAgo(12))).toBe(true);
    expect(check(yearsAgo(1))).toBe(false);
    expect(check(yearsAgo(90))).toBe(false);
    expect(check('2099-01-01')).toBe(false);
  });

  it('names a malformed date and a date outside the window by different constraints (400 and 422)', () => {
    expect(Object.keys(errors('2012-13-01')[0].constraints!)).toEqual(['isCalendarDate']);
    expect(Object.keys(errors(yearsAgo(90))[0].constraints!)).toEqual([`${BEYOND_SCHEMA}calendarDateBounds`]);
  });
});
