import { matchDaysOf } from './team-fixtures';

describe('match days from team fixtures', () => {
  it('keeps one match a day, in date order, key when either team plays a key match', () => {
    expect(
      matchDaysOf([
        { date: '2026-12-19', importance: 'normal' },
        { date: '2026-12-12', importance: 'key' },
        { date: '2026-12-12', importance: 'normal' },
        { date: '2026-12-19', importance: 'key' },
        { date: '2026-12-26', importance: 'normal' },
        { date: '2026-12-26', importance: 'normal' },
      ]),
    ).toEqual([
      { date: '2026-12-12', importance: 'key' },
      { date: '2026-12-19', importance: 'key' },
      { date: '2026-12-26', importance: 'normal' },
    ]);
  });

  it('has no match days without fixtures', () => {
    expect(matchDaysOf([])).toEqual([]);
  });
});
