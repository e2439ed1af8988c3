import { AuthUser } from './auth-user';
import { CallerCache } from './caller-cache';

const caller = (n: number): AuthUser => ({
  id: `u${n}`,
  email: `u${n}@example.com`,
  role: 'coach',
  sessionId: `s${n}`,
});
const farFuture = new Date(Date.UTC(2100, 0, 1));

describe('CallerCache', () => {
  it('answers for a session only while the stamp it was stored with is current', () => {
    const cache = new CallerCache(10, 60_000);
    cache.set(caller(1), 'stamp-a', farFuture);
    expect(cache.get('s1', 'u1', 'stamp-a')).toEqual(caller(1));
    expect(cache.get('s1', 'u1', 'stamp-b')).toBeUndefined();
    // A renewed stamp also drops the entry: going back to the old stamp does not revive it.
    expect(cache.get('s1', 'u1', 'stamp-a')).toBeUndefined();
  });

  it('does not answer for a token of another account carrying the same session id', () => {
    const cache = new CallerCache(10, 60_000);
    cache.set(caller(1), 'stamp', farFuture);
    expect(cache.get('s1', 'u2', 'stamp')).toBeUndefined();
  });

  it('forgets entries at the session expiry or its own age bound, whichever comes first', () => {
    let now = 1_000_000;
    const cache = new CallerCache(10, 60_000, () => now);
    cache.set(caller(1), 'stamp', new Date(now + 10_000));
    cache.set(caller(2), 'stamp', farFuture);
    now += 10_000;
    expect(cache.get('s1', 'u1', 'stamp')).toBeUndefined();
    expect(cache.get('s2', 'u2', 'stamp')).toEqual(caller(2));
    now += 50_000;
    expect(cache.get('s2', 'u2', 'stamp')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new CallerCache(2, 60_000);
    cache.set(caller(1), 'stamp', farFuture);
    cache.set(caller(2), 'stamp', farFuture);
    cache.get('s1', 'u1', 'stamp');
    cache.set(caller(3), 'stamp', farFuture);
    expect(cache.size).toBe(2);
    expect(cache.get('s2', 'u2', 'stamp')).toBeUndefined();
    expect(cache.get('s1', 'u1', 'stamp')).toEqual(caller(1));
    expect(cache.get('s3', 'u3', 'stamp')).toEqual(caller(3));
  });
});
