import { validateSync } from 'class-validator';
import { IsCalendarDate, parseCalendarDate } from './calendar-date';

describe('parseCalendarDate', () => {
  it('parses real dates to UTC midnight', () => {
    expect(parseCalendarDate('2012-02-29')?.toISOString()).toBe('2012-02-29T00:00:00.000Z');
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
  const check = (value: unknown) => {
    const dto = Object.assign(new Dob(), { dateOfBirth: value });
    return validateSync(dto).length === 0;
  };
  const yearsAgo = (n: number) => `${new Date().getUTCFullYear() - n}-01-01`;

  it('enforces the age window', () => {
    expect(check(yearsAgo(12))).toBe(true);
    expect(check(yearsAgo(1))).toBe(false);
    expect(check(yearsAgo(90))).toBe(false);
    expect(check('2099-01-01')).toBe(false);
  });
});
