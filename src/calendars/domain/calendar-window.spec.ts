import { calendarWindow } from './calendar-window';

describe('calendarWindow', () => {
  it('is today-7 to today+28 without bounds', () => {
    expect(calendarWindow({}, '2025-03-01')).toEqual({ window: { from: '2025-02-22', to: '2025-03-29' } });
  });

  it('sets a missing bound 35 days from the other', () => {
    expect(calendarWindow({ from: '2025-12-20' }, '2025-03-01')).toEqual({
      window: { from: '2025-12-20', to: '2026-01-24' },
    });
    expect(calendarWindow({ to: '2025-01-10' }, '2025-03-01')).toEqual({
      window: { from: '2024-12-06', to: '2025-01-10' },
    });
  });

  it('takes one day and up to 366 days, and refuses from after to or a longer window', () => {
    expect(calendarWindow({ from: '2025-05-05', to: '2025-05-05' }, '2025-03-01')).toEqual({
      window: { from: '2025-05-05', to: '2025-05-05' },
    });
    expect(calendarWindow({ from: '2024-01-01', to: '2024-12-31' }, '2025-03-01')).toHaveProperty('window');
    expect(calendarWindow({ from: '2025-05-06', to: '2025-05-05' }, '2025-03-01')).toEqual({
      problems: [{ path: 'from', message: 'from must not be after to' }],
    });
    expect(calendarWindow({ from: '2024-01-01', to: '2025-01-01' }, '2025-03-01')).toEqual({
      problems: [{ path: 'to', message: 'a calendar covers at most 366 days' }],
    });
  });

  it('keeps computed bounds within four-digit years', () => {
    expect(calendarWindow({ from: '9999-12-20' }, '2025-03-01')).toEqual({
      window: { from: '9999-12-20', to: '9999-12-31' },
    });
    expect(calendarWindow({ to: '0000-01-10' }, '2025-03-01')).toEqual({
      window: { from: '0000-01-01', to: '0000-01-10' },
    });
  });
});
