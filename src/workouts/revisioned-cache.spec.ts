import { RevisionedCache } from './revisioned-cache';

describe('RevisionedCache', () => {
  it('answers only for the revision a value was computed at', () => {
    const cache = new RevisionedCache<string>(10);
    cache.set('p1|week', 3, 'stats at 3');
    expect(cache.get('p1|week', 3)).toBe('stats at 3');
    expect(cache.get('p1|week', 4)).toBeUndefined();
    // A stale entry is dropped once seen.
    expect(cache.get('p1|week', 3)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const cache = new RevisionedCache<number>(2);
    cache.set('a', 0, 1);
    cache.set('b', 0, 2);
    expect(cache.get('a', 0)).toBe(1);
    cache.set('c', 0, 3);
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.get('a', 0)).toBe(1);
    expect(cache.get('c', 0)).toBe(3);
    expect(cache.size).toBe(2);
  });
});
