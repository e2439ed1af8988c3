import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('passes through a value that arrives in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 50)).resolves.toBe(7);
  });

  it('rejects when the promise is too slow', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10)).rejects.toThrow('no answer within 10 ms');
  });

  it('keeps the original rejection', async () => {
    await expect(withTimeout(Promise.reject(new Error('down')), 50)).rejects.toThrow('down');
  });
});
