import { FixedWindowThrottlerStorage } from './fixed-window.storage';

describe('FixedWindowThrottlerStorage', () => {
  let now: number;
  let storage: FixedWindowThrottlerStorage;
  const hit = (key = 'client-a') => storage.increment(key, 60_000, 3, 60_000);

  beforeEach(() => {
    now = 1_000_000;
    storage = new FixedWindowThrottlerStorage(60_000, () => now);
  });
  afterEach(() => storage.onApplicationShutdown());

  it('counts hits in a window and blocks the one over the limit', async () => {
    for (const expected of [1, 2, 3]) {
      expect(await hit()).toEqual({ totalHits: expected, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    }
    now += 10_000;
    expect(await hit()).toEqual({ totalHits: 4, timeToExpire: 50, isBlocked: true, timeToBlockExpire: 60 });
    now += 20_000;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 40 });
  });

  it('keeps clients apart', async () => {
    for (let i = 0; i < 4; i++) await hit('client-a');
    expect(await hit('client-b')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('starts a new window when the old one is over', async () => {
    await hit();
    await hit();
    now += 60_000;
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('lets a blocked client in again once the block is over', async () => {
    for (let i = 0; i < 4; i++) await hit();
    now += 59_999;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 1 });
    now += 1;
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('forgets clients whose window and block are over', async () => {
    await hit('client-a');
    for (let i = 0; i < 4; i++) await hit('client-b');
    now += 60_000;
    await hit('client-c');
    now += 1;
    storage.sweep();
    expect(storage.size).toBe(1);
  });
});
