import { pageOf, windowProblems } from './schedule-window';

describe('schedule windows', () => {
  it('refuses a window that ends before it starts, and only that', () => {
    expect(windowProblems({ from: '2026-12-10', to: '2026-12-09' })).toEqual([
      { path: 'from', message: 'from must not be after to' },
    ]);
    expect(windowProblems({ from: '2026-12-10', to: '2026-12-10' })).toEqual([]);
    expect(windowProblems({ from: '2026-12-10' })).toEqual([]);
    expect(windowProblems({})).toEqual([]);
  });

  it('pages a schedule read whole', () => {
    const items = [1, 2, 3, 4, 5];
    expect(pageOf(items, { page: 1, limit: 2 })).toEqual({ items: [1, 2], total: 5, page: 1, limit: 2 });
    expect(pageOf(items, { page: 3, limit: 2 })).toEqual({ items: [5], total: 5, page: 3, limit: 2 });
    expect(pageOf(items, { page: 4, limit: 2 })).toEqual({ items: [], total: 5, page: 4, limit: 2 });
  });
});
