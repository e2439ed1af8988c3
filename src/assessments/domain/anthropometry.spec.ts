import fc from 'fast-check';
import { bodyMassIndex, MaturityResult, mirwaldMaturityOffset } from './anthropometry';

describe('bodyMassIndex', () => {
  it('is mass over height squared, to one decimal', () => {
    expect(bodyMassIndex(175, 70)).toBe(22.9); // 70 / 1.75² = 22.857
    expect(bodyMassIndex(150, 45)).toBe(20); // 45 / 1.5² = 20.0
    expect(bodyMassIndex(200, 100)).toBe(25);
  });

  it('property: within rounding of kg / m²', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 60, max: 230, noNaN: true }),
        fc.double({ min: 10, max: 200, noNaN: true }),
        (h, w) => {
          const exact = w / (h / 100) ** 2;
          const bmi = bodyMassIndex(h, w);
          expect(Math.abs(bmi - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(Math.round(bmi * 10)).toBeCloseTo(bmi * 10, 9); // one decimal
        },
      ),
    );
  });

  it('refuses a non-positive or missing measurement', () => {
    expect(() => bodyMassIndex(0, 70)).toThrow(RangeError);
    expect(() => bodyMassIndex(175, -1)).toThrow(RangeError);
    expect(() => bodyMassIndex(Number.NaN, 70)).toThrow(RangeError);
  });
});

const boy = (ageYears: number, heightCm: number, sittingHeightCm: number, weightKg: number) =>
  mirwaldMaturityOffset({ sex: 'male', ageYears, heightCm, sittingHeightCm, weightKg });
const girl = (ageYears: number, heightCm: number, sittingHeightCm: number, weightKg: number) =>
  mirwaldMaturityOffset({ sex: 'female', ageYears, heightCm, sittingHeightCm, weightKg });

const reasonOf = (r: MaturityResult) => ('reason' in r ? r.reason : '');

describe('mirwaldMaturityOffset', () => {
  // Worked by hand from the published coefficients (Mirwald et al. 2002, Table 3); every term is shown. The paper's
  // abstract reports fit statistics (R², SEE) but no worked example, so these are our own calculations.
  it('boys: 13.5 y, 160 cm, sitting 80 cm, 50 kg', () => {
    // leg 80; -9.236 + 0.0002708·80·80 (1.73312) - 0.001663·13.5·80 (1.79604) + 0.007216·13.5·80 (7.79328)
    //        + 0.02292·(50/160·100 = 31.25) (0.71625) = -0.78939 years
    expect(boy(13.5, 160, 80, 50)).toEqual({
      maturityOffsetYears: -0.79,
      predictedAgeAtPhvYears: 14.29,
      equation: 'Mirwald 2002, boys',
      reference: expect.stringContaining('Med Sci Sports Exerc 2002;34(4):689-694'),
    });
  });

  it('boys: 15.2 y, 172.4 cm, sitting 88.6 cm, 61.3 kg (after PHV)', () => {
    // leg 83.8; 2.010603 - 2.118263 + 9.717932 + 0.814963 - 9.236 = 1.189235 years
    expect(boy(15.2, 172.4, 88.6, 61.3)).toMatchObject({ maturityOffsetYears: 1.19, predictedAgeAtPhvYears: 14.01 });
  });

  it('girls: 11.5 y, 148 cm, sitting 75 cm, 40 kg', () => {
    // leg 73; -9.376 + 0.0001882·73·75 (1.030395) + 0.0022·11.5·73 (1.8469) + 0.005841·11.5·75 (5.0378625)
    //        - 0.002658·11.5·40 (1.22268) + 0.07693·(40/148·100 = 27.027) (2.079189) = -0.604333 years
    expect(girl(11.5, 148, 75, 40)).toEqual({
      maturityOffsetYears: -0.6,
      predictedAgeAtPhvYears: 12.1,
      equation: 'Mirwald 2002, girls',
      reference: expect.stringContaining('Mirwald RL'),
    });
  });

  it('girls: 10 y, 140 cm, sitting 72 cm, 34 kg (before PHV)', () => {
    // leg 68; 0.921427 + 1.496 + 4.20552 - 0.90372 + 1.8683 - 9.376 = -1.788473 years
    expect(girl(10, 140, 72, 34)).toMatchObject({ maturityOffsetYears: -1.79, predictedAgeAtPhvYears: 11.79 });
  });

  it('predicts ages at PHV near the population means for average-sized children (about 14 y boys, 12 y girls)', () => {
    for (const r of [boy(13.5, 160, 80, 50), boy(15.2, 172.4, 88.6, 61.3)]) {
      expect(r.predictedAgeAtPhvYears).toBeGreaterThan(13);
      expect(r.predictedAgeAtPhvYears).toBeLessThan(15);
    }
    for (const r of [girl(11.5, 148, 75, 40), girl(10, 140, 72, 34)]) {
      expect(r.predictedAgeAtPhvYears).toBeGreaterThan(11);
      expect(r.predictedAgeAtPhvYears).toBeLessThan(13);
    }
  });

  it('refuses sitting height at or above standing height', () => {
    expect(boy(13, 150, 150, 40)).toMatchObject({ maturityOffsetYears: null, predictedAgeAtPhvYears: null });
    expect(reasonOf(boy(13, 150, 160, 40))).toMatch(/less than standing height/);
  });

  it('refuses an implausible sitting-height ratio (a measuring error, not a child)', () => {
    expect(reasonOf(boy(13, 160, 60, 45))).toMatch(/37\.5% of stature/);
    expect(reasonOf(girl(12, 150, 95, 40))).toMatch(/of stature/);
  });

  it('refuses ages outside the published range: girls 8-16, boys 9-18', () => {
    expect(reasonOf(girl(7.9, 125, 67, 25))).toMatch(/girls is valid from 8 to 16/);
    expect(reasonOf(girl(16.1, 163, 86, 55))).toMatch(/girls/);
    expect(reasonOf(boy(8.9, 132, 70, 28))).toMatch(/boys is valid from 9 to 18/);
    expect(reasonOf(boy(18.1, 180, 93, 72))).toMatch(/boys/);
    expect(girl(8, 128, 68, 26).maturityOffsetYears).not.toBeNull();
    expect(boy(9, 134, 70, 29).maturityOffsetYears).not.toBeNull();
  });

  it('refuses predictions more than 4 years from PHV', () => {
    // 18 y, 190 cm, sitting 100 cm, 90 kg: 2.4372 - 2.6941 + 12.9888 + 1.0857 - 9.236 = +4.58 years.
    expect(reasonOf(boy(18, 190, 100, 90))).toMatch(/predicted offset 4\.6 years is more than 4 years from PHV/);
    // 9 y, 128 cm, sitting 68 cm, 25 kg: 1.1049 - 0.898 + 4.4162 + 0.4477 - 9.236 = -4.17 years.
    expect(reasonOf(boy(9, 128, 68, 25))).toMatch(/-4\.2 years/);
  });

  it('refuses missing or non-positive measurements', () => {
    expect(reasonOf(boy(Number.NaN, 160, 80, 50))).toMatch(/positive numbers/);
    expect(reasonOf(girl(12, 150, 78, 0))).toMatch(/positive numbers/);
  });

  it('property: age at PHV is age minus offset, and the offset stays within ±4 years', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('male' as const, 'female' as const),
        fc.double({ min: 8, max: 18, noNaN: true }),
        fc.double({ min: 120, max: 195, noNaN: true }),
        fc.double({ min: 0.46, max: 0.59, noNaN: true }),
        fc.double({ min: 20, max: 90, noNaN: true }),
        (sex, ageYears, heightCm, ratio, weightKg) => {
          const r = mirwaldMaturityOffset({ sex, ageYears, heightCm, sittingHeightCm: heightCm * ratio, weightKg });
          if (r.maturityOffsetYears === null) {
            expect(r.predictedAgeAtPhvYears).toBeNull();
            expect(reasonOf(r)).not.toBe('');
            return;
          }
          expect(Math.abs(r.maturityOffsetYears)).toBeLessThanOrEqual(4);
          expect(Math.abs(r.predictedAgeAtPhvYears + r.maturityOffsetYears - ageYears)).toBeLessThanOrEqual(0.011);
        },
      ),
    );
  });
});
