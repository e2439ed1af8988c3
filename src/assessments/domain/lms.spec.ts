import fc from 'fast-check';
import momoPushUps from './norm-data/niessner-2020-momo-push-ups.json';
import momoStandingLongJump from './norm-data/niessner-2020-momo-standing-long-jump.json';
import { coleGreenLmsValue, coleGreenLmsZ } from './lms';

const files = [
  ['standing long jump', momoStandingLongJump],
  ['push-ups in 40 s', momoPushUps],
] as const;

describe('coleGreenLmsZ and coleGreenLmsValue (Cole & Green 1992)', () => {
  it.each(files)('%s: every MoMo row puts its median M at z = 0', (_name, file) => {
    for (const row of file.rows) expect(coleGreenLmsZ(row.M, row)).toBe(0);
  });

  it.each(files)('%s: a value at M·(1+L·S·z)^(1/L) gives z back, for every MoMo row', (_name, file) => {
    for (const row of file.rows) {
      for (const z of [-2.5, -1, 0.5, 1, 2.5]) {
        expect(coleGreenLmsZ(coleGreenLmsValue(z, row), row)).toBeCloseTo(z, 10);
      }
    }
  });

  it('reproduces worked centiles of the girls aged exactly 12 (L 1.07637, M 145.073, S 0.1405443)', () => {
    const girls12 = momoStandingLongJump.rows.find((r) => r.sex === 'female' && r.age === 12)!;
    expect(girls12).toMatchObject({ L: 1.07637, M: 145.073, S: 0.1405443 });
    // M·(1+L·S·z)^(1/L) evaluated independently for z = -2, -1, 1, 2.
    expect(coleGreenLmsValue(-2, girls12)).toBeCloseTo(103.8005, 3);
    expect(coleGreenLmsValue(-1, girls12)).toBeCloseTo(124.568, 3);
    expect(coleGreenLmsValue(1, girls12)).toBeCloseTo(165.3582, 3);
    expect(coleGreenLmsValue(2, girls12)).toBeCloseTo(185.4547, 3);
    expect(coleGreenLmsZ(165.3582, girls12)).toBeCloseTo(1, 4);
  });

  it('uses the log form when L = 0', () => {
    const lms = { L: 0, M: 100, S: 0.1 };
    expect(coleGreenLmsZ(100 * Math.exp(0.1), lms)).toBeCloseTo(1, 12);
    expect(coleGreenLmsValue(-1, lms)).toBeCloseTo(100 * Math.exp(-0.1), 12);
  });

  it('is NaN where the model is undefined, never a number made up', () => {
    expect(coleGreenLmsZ(-1, { L: 1, M: 10, S: 0.2 })).toBeNaN();
    expect(coleGreenLmsZ(10, { L: 1, M: 0, S: 0.2 })).toBeNaN();
    expect(coleGreenLmsZ(Number.NaN, { L: 1, M: 10, S: 0.2 })).toBeNaN();
    expect(coleGreenLmsValue(-10, { L: 1, M: 10, S: 0.2 })).toBeNaN(); // 1 + L·S·z < 0
  });

  it('property: z rises with the measurement for every MoMo row', () => {
    const rows = [...momoStandingLongJump.rows, ...momoPushUps.rows];
    fc.assert(
      fc.property(
        fc.constantFrom(...rows),
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        (row, a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(coleGreenLmsZ(hi, row)).toBeGreaterThanOrEqual(coleGreenLmsZ(lo, row));
        },
      ),
    );
  });
});
