import { pageOf } from './pagination.dto';

describe('pageOf', () => {
  it('pages a list read whole', () => {
    const items = [1, 2, 3, 4, 5];
    expect(pageOf(items, { page: 1, limit: 2 })).toEqual({ items: [1, 2], total: 5, page: 1, limit: 2 });
    expect(pageOf(items, { page: 3, limit: 2 })).toEqual({ items: [5], total: 5, page: 3, limit: 2 });
    expect(pageOf(items, { page: 4, limit: 2 })).toEqual({ items: [], total: 5, page: 4, limit: 2 });
  });
});
