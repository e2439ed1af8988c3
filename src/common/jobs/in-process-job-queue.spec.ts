import { Logger } from '@nestjs/common';
import { InProcessJobQueue, RetryTimers } from './in-process-job-queue';
import { backoffDelay, JobAttempt } from './job-queue';

/** Retry timers fired by the test, in the order they were set: no real time passes. */
class ManualTimers implements RetryTimers {
  readonly delays: number[] = [];
  private readonly pending: { fn: () => void; cancelled: boolean }[] = [];

  after(ms: number, fn: () => void): () => void {
    this.delays.push(ms);
    const entry = { fn, cancelled: false };
    this.pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }

  get waiting(): number {
    return this.pending.filter((p) => !p.cancelled).length;
  }

  fireNext(): void {
    const next = this.pending.shift();
    if (!next) throw new Error('no retry is waiting');
    if (!next.cancelled) next.fn();
  }
}

/** A handler that fails its first `failures` calls, recording each call. */
function flaky(failures: number) {
  const calls: { data: unknown; attempt: JobAttempt }[] = [];
  const handler = async (data: unknown, attempt: JobAttempt) => {
    calls.push({ data, attempt });
    if (calls.length <= failures) throw new Error(`failure ${calls.length}`);
  };
  return { calls, handler };
}

describe('InProcessJobQueue', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));
  let timers: ManualTimers;
  let queue: InProcessJobQueue;
  beforeEach(() => {
    timers = new ManualTimers();
    queue = new InProcessJobQueue(timers);
  });
  afterEach(() => queue.close());

  it('runs a job after enqueue has returned, with its data and attempt', async () => {
    const { calls, handler } = flaky(0);
    queue.register('sync', handler);
    await queue.enqueue('sync', { id: 1 }, { attempts: 3 });
    expect(calls).toEqual([]);
    await queue.idle();
    expect(calls).toEqual([{ data: { id: 1 }, attempt: { attempt: 1, attempts: 3 } }]);
    expect(timers.delays).toEqual([]);
  });

  it('keeps jobs enqueued before their handler is registered', async () => {
    const { calls, handler } = flaky(0);
    await queue.enqueue('later', 'a');
    await queue.idle();
    expect(await queue.counts('later')).toEqual({ waiting: 1, delayed: 0, active: 0 });
    queue.register('later', handler);
    await queue.idle();
    expect(calls.map((c) => c.data)).toEqual(['a']);
  });

  it('retries a failing job with exponential backoff, in order, until it succeeds', async () => {
    const { calls, handler } = flaky(3);
    const failed = jest.fn(async () => undefined);
    queue.register('sync', handler, { onFailed: failed });
    await queue.enqueue('sync', 'x', { attempts: 5, backoffMs: 100 });
    await queue.idle();
    for (let retry = 1; retry <= 3; retry++) {
      expect(await queue.counts('sync')).toEqual({ waiting: 0, delayed: 1, active: 0 });
      timers.fireNext();
      await queue.idle();
    }
    expect(timers.delays).toEqual([100, 200, 400]);
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3, 4].map((attempt) => ({ attempt, attempts: 5 })));
    expect(failed).not.toHaveBeenCalled();
    expect(await queue.counts('sync')).toEqual({ waiting: 0, delayed: 0, active: 0 });
  });

  it('gives up after the last attempt and reports that attempt’s error once', async () => {
    const { calls, handler } = flaky(Infinity);
    const failed = jest.fn(async (_data: unknown, _error: Error) => undefined);
    queue.register('sync', handler, { onFailed: failed });
    await queue.enqueue('sync', 'x', { attempts: 3, backoffMs: 50 });
    await queue.idle();
    timers.fireNext();
    await queue.idle();
    timers.fireNext();
    await queue.idle();
    expect(calls).toHaveLength(3);
    expect(timers.delays).toEqual([50, 100]);
    expect(timers.waiting).toBe(0);
    expect(failed).toHaveBeenCalledTimes(1);
    expect(failed.mock.calls[0][0]).toBe('x');
    expect(failed.mock.calls[0][1].message).toBe('failure 3');
  });

  it('tries a job once when no attempts are given', async () => {
    const { calls, handler } = flaky(Infinity);
    const failed = jest.fn(async () => undefined);
    queue.register('once', handler, { onFailed: failed });
    await queue.enqueue('once', 1);
    await queue.idle();
    expect(calls).toHaveLength(1);
    expect(timers.delays).toEqual([]);
    expect(failed).toHaveBeenCalledTimes(1);
  });

  it('ignores a job whose id is waiting, delayed or running, and takes it again once finished', async () => {
    const { calls, handler } = flaky(1);
    queue.register('sync', handler);
    await queue.enqueue('sync', 'first', { jobId: 'a', attempts: 2, backoffMs: 10 });
    await queue.enqueue('sync', 'waiting duplicate', { jobId: 'a' });
    await queue.idle();
    await queue.enqueue('sync', 'delayed duplicate', { jobId: 'a' });
    await queue.enqueue('sync', 'other id', { jobId: 'b' });
    timers.fireNext();
    await queue.idle();
    expect(calls.map((c) => c.data)).toEqual(['first', 'other id', 'first']);

    await queue.enqueue('sync', 'after it finished', { jobId: 'a' });
    await queue.idle();
    expect(calls.map((c) => c.data)).toEqual(['first', 'other id', 'first', 'after it finished']);
  });

  it('keeps the same id apart under different names', async () => {
    const one = flaky(0);
    const two = flaky(0);
    queue.register('one', one.handler);
    queue.register('two', two.handler);
    await queue.enqueue('one', 1, { jobId: 'same' });
    await queue.enqueue('two', 2, { jobId: 'same' });
    await queue.idle();
    expect([one.calls.length, two.calls.length]).toEqual([1, 1]);
  });

  it('runs no more jobs of a name at once than its concurrency', async () => {
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    queue.register(
      'slow',
      async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => release.push(resolve));
        running--;
      },
      { concurrency: 2 },
    );
    for (let i = 0; i < 5; i++) await queue.enqueue('slow', i);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await queue.counts('slow')).toEqual({ waiting: 3, delayed: 0, active: 2 });
    while (release.length > 0) {
      release.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await queue.idle();
    expect(most).toBe(2);
  });

  it('on close lets running jobs finish, drops delayed retries and refuses new jobs', async () => {
    let finish!: () => void;
    const finished: string[] = [];
    queue.register('slow', async (data: string) => {
      if (data === 'fails') throw new Error('no');
      await new Promise<void>((resolve) => (finish = resolve));
      finished.push(data);
    });
    await queue.enqueue('slow', 'fails', { attempts: 2 });
    await queue.idle();
    await queue.enqueue('slow', 'running');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await queue.counts('slow')).toEqual({ waiting: 0, delayed: 1, active: 1 });

    const closed = queue.close();
    finish();
    await closed;
    expect(finished).toEqual(['running']);
    expect(timers.waiting).toBe(0);
    await expect(queue.enqueue('slow', 'late')).rejects.toThrow(/closed/);
  });

  it('refuses a second handler for one name', () => {
    queue.register('sync', async () => undefined);
    expect(() => queue.register('sync', async () => undefined)).toThrow(/already registered/);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base delay after each failed attempt', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(30_000, n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffDelay(0, 5)).toBe(0);
  });
});
