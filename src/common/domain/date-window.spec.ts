import { dateWindowProblems } from './date-window';

describe('date windows', () => {
  it('refuses a window that ends before it starts, and only that', () => {
    expect(dateWindowProblems({ from: '2026-12-10', to: '2026-12-09' })).toEqual([
      { path: 'from', message: 'from must not be after to' },
    ]);
    expect(dateWindowProblems({ from: '2026-12-10', to: '2026-12-10' })).toEqual([]);
    expect(dateWindowProblems({ from: '2026-12-10' })).toEqual([]);
    expect(dateWindowProblems({})).toEqual([]);
  });
});
