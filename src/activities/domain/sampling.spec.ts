import fc from 'fast-check';
import { ACCELERATION_MIN_HZ, detectSamplingHz, medianStepMs } from './sampling';
import { T0_MS } from './track-fixtures';

const at = (...offsetsMs: number[]) => offsetsMs.map((o) => ({ timeMs: T0_MS + o }));

describe('detectSamplingHz', () => {
  it('10 Hz stays 10 Hz across a 30 s gap (the median ignores it)', () => {
    expect(detectSamplingHz(at(0, 100, 200, 300, 30_300, 30_400, 30_500))).toBe(10);
  });

  it('1 Hz; duplicates and backwards steps are not steps', () => {
    expect(detectSamplingHz(at(0, 1000, 1000, 2000, 1500, 3000))).toBe(1);
  });

  it('even count: the mean of the two middle steps', () => {
    expect(medianStepMs(at(0, 100, 300))).toBe(150);
  });

  it('is null with fewer than two distinct time stamps', () => {
    expect(detectSamplingHz([])).toBeNull();
    expect(detectSamplingHz(at(0))).toBeNull();
    expect(detectSamplingHz(at(0, 0))).toBeNull();
  });

  it('accelerations need 5 Hz (issue)', () => {
    expect(ACCELERATION_MIN_HZ).toBe(5);
  });

  it('the median step is the middle of the sorted positive steps, for any steps (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 5000 }), { minLength: 1, maxLength: 300 }), (deltas) => {
        const offsets = deltas.reduce<number[]>((acc, d) => [...acc, acc[acc.length - 1] + d], [0]);
        const steps = deltas.filter((d) => d > 0).sort((a, b) => a - b);
        const mid = steps.length >> 1;
        const expected =
          steps.length === 0 ? null : steps.length % 2 === 1 ? steps[mid] : (steps[mid - 1] + steps[mid]) / 2;
        expect(medianStepMs(at(...offsets))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
