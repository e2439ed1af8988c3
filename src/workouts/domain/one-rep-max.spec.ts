import fc from 'fast-check';
import {
  brzycki1993,
  E1RM_MAX_REPS,
  epley1985,
  estimateOneRepMax,
  isE1rmEligible,
  OneRepMaxSet,
  STRENGTH_REFERENCES,
} from './one-rep-max';

const set = (
  reps: number | undefined,
  weightKg: number | undefined,
  extra: Partial<OneRepMaxSet> = {},
): OneRepMaxSet => ({
  done: true,
  type: 'normal',
  reps,
  weightKg,
  ...extra,
});

describe('published equations reproduce worked values', () => {
  it('100 kg × 5: Epley 100 × (1 + 5/30) = 116.67, Brzycki 100 × 36/32 = 112.5', () => {
    expect(epley1985(100, 5)).toBeCloseTo(116.6667, 4);
    expect(brzycki1993(100, 5)).toBe(112.5);
  });

  it('80 kg × 10: both give 80 × 4/3 = 106.67 (the equations meet at 10 reps)', () => {
    expect(epley1985(80, 10)).toBeCloseTo(106.6667, 4);
    expect(brzycki1993(80, 10)).toBeCloseTo(106.6667, 4);
  });

  it('1 rep: Brzycki gives the weight lifted (36/36), Epley adds 1/30 as published (w × 31/30)', () => {
    expect(brzycki1993(140, 1)).toBe(140);
    expect(epley1985(150, 1)).toBeCloseTo(155, 10);
  });

  it('cites both sources in full', () => {
    expect(STRENGTH_REFERENCES.epley1985).toContain('Epley B. Poundage Chart');
    expect(STRENGTH_REFERENCES.brzycki1993).toContain('J Phys Educ Recreat Dance 1993;64(1):88-90');
  });
});

describe('estimateOneRepMax', () => {
  it('estimates an eligible set with both equations, unrounded', () => {
    const e = estimateOneRepMax(set(5, 100));
    expect(e?.epleyKg).toBeCloseTo(116.6667, 4);
    expect(e?.brzyckiKg).toBe(112.5);
    expect(estimateOneRepMax(set(E1RM_MAX_REPS, 80, { type: 'drop' }))).not.toBeNull();
    expect(estimateOneRepMax(set(1, 100, { type: 'failure' }))?.brzyckiKg).toBe(100);
  });

  it.each([
    ['a warm-up set', set(5, 60, { type: 'warm-up' })],
    ['a set not done', set(5, 100, { done: false })],
    ['more than 10 reps', set(E1RM_MAX_REPS + 1, 60)],
    ['0 reps', set(0, 100)],
    ['fractional reps', set(2.5, 100)],
    ['no reps', set(undefined, 100)],
    ['no load', set(5, 0)],
    ['no weight', set(5, undefined)],
    ['a non-finite weight', set(5, Number.POSITIVE_INFINITY)],
  ])('returns null for %s', (_label, s) => {
    expect(isE1rmEligible(s)).toBe(false);
    expect(estimateOneRepMax(s)).toBeNull();
  });

  it('property: from 1 to 10 reps Epley ≥ Brzycki (equal at 10), both above the weight lifted beyond 1 rep', () => {
    // (30 + r)(37 − r) ≥ 30 × 36 ⇔ r² − 7r − 30 ≤ 0 ⇔ r ≤ 10.
    fc.assert(
      fc.property(fc.double({ min: 1, max: 400, noNaN: true }), fc.integer({ min: 1, max: 10 }), (w, r) => {
        const e = estimateOneRepMax(set(r, w));
        expect(e).not.toBeNull();
        expect(e!.epleyKg).toBeGreaterThanOrEqual(e!.brzyckiKg - 1e-9);
        expect(e!.brzyckiKg).toBeGreaterThanOrEqual(w - 1e-9);
        if (r === 10) expect(e!.epleyKg).toBeCloseTo(e!.brzyckiKg, 9);
      }),
      { numRuns: 200 },
    );
  });

  it('property: both estimates grow with reps at a fixed weight', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 400, noNaN: true }), fc.integer({ min: 1, max: 9 }), (w, r) => {
        expect(epley1985(w, r + 1)).toBeGreaterThan(epley1985(w, r));
        expect(brzycki1993(w, r + 1)).toBeGreaterThan(brzycki1993(w, r));
      }),
      { numRuns: 100 },
    );
  });
});
