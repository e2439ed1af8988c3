import { Sex } from '../../common/domain/enums';

/** kg/m², one decimal (the precision BMI charts are read at). Throws on a non-positive or non-finite input. */
export function bodyMassIndex(heightCm: number, weightKg: number): number {
  if (!(heightCm > 0) || !(weightKg > 0) || !Number.isFinite(heightCm) || !Number.isFinite(weightKg)) {
    throw new RangeError('height and weight must be positive numbers');
  }
  const heightM = heightCm / 100;
  return round(weightKg / (heightM * heightM), 1);
}

export type MaturityResult =
  | { maturityOffsetYears: number; predictedAgeAtPhvYears: number; equation: string; reference: string }
  | { maturityOffsetYears: null; predictedAgeAtPhvYears: null; reason: string };

export interface MaturityInput {
  sex: Sex;
  /** Decimal age at measurement (e.g. 13.42), not completed years: the equation is that sensitive. */
  ageYears: number;
  heightCm: number;
  sittingHeightCm: number;
  weightKg: number;
}

export const MIRWALD_REFERENCE =
  'Mirwald RL, Baxter-Jones ADG, Bailey DA, Beunen GP. An assessment of maturity from anthropometric measurements. ' +
  'Med Sci Sports Exerc 2002;34(4):689-694. R² 0.92 (boys) and 0.91 (girls), standard error of estimate 0.49 and ' +
  '0.50 years; in the verification samples actual minus predicted offset averaged 0.24 years (SD 0.65) in boys.';

/**
 * Ages the equations are offered for, from the authors' own growth utility (University of Saskatchewan):
 * 8-16 y in girls, 9-18 y in boys, and only while the prediction lies within 4 years of PHV.
 * Outside these the error grows (Kozieł & Malina, Sports Med 2018: the prediction drifts with the age at prediction),
 * so we refuse.
 */
const MIRWALD_AGE_RANGE: Record<Sex, { min: number; max: number }> = {
  female: { min: 8, max: 16 },
  male: { min: 9, max: 18 },
};
const MAX_ABS_OFFSET_YEARS = 4;

/**
 * Sitting height / stature is about 0.50-0.56 through childhood and adolescence. A ratio outside 0.45-0.60 almost
 * certainly means a measuring error (bench height not subtracted, a swapped field), and the equation amplifies
 * sitting-height errors, so we refuse rather than report a confident wrong answer.
 */
const SITTING_HEIGHT_RATIO = { min: 0.45, max: 0.6 };

/**
 * Years from peak height velocity (Mirwald et al. 2002), sex-specific; leg length = stature - sitting height,
 * weight/height ratio = kg / cm x 100. Negative offsets are before PHV.
 */
export function mirwaldMaturityOffset(input: MaturityInput): MaturityResult {
  const { sex, ageYears: age, heightCm: height, sittingHeightCm: sitting, weightKg: weight } = input;
  if (![age, height, sitting, weight].every((v) => Number.isFinite(v) && v > 0)) {
    return refuse('age, height, sitting height and weight must be positive numbers');
  }
  if (sitting >= height) return refuse('sitting height must be less than standing height');
  const ratio = sitting / height;
  if (ratio < SITTING_HEIGHT_RATIO.min || ratio > SITTING_HEIGHT_RATIO.max) {
    return refuse(
      `sitting height is ${round(ratio * 100, 1)}% of stature; expected 45-60%, so one of the measurements is likely wrong`,
    );
  }
  const range = MIRWALD_AGE_RANGE[sex];
  if (age < range.min || age > range.max) {
    return refuse(
      `the Mirwald equation for ${sex === 'male' ? 'boys' : 'girls'} is valid from ${range.min} to ${range.max} years`,
    );
  }

  const leg = height - sitting;
  const weightByHeight = (weight / height) * 100;
  const offset =
    sex === 'male'
      ? -9.236 + 0.0002708 * leg * sitting - 0.001663 * age * leg + 0.007216 * age * sitting + 0.02292 * weightByHeight
      : -9.376 +
        0.0001882 * leg * sitting +
        0.0022 * age * leg +
        0.005841 * age * sitting -
        0.002658 * age * weight +
        0.07693 * weightByHeight;

  if (Math.abs(offset) > MAX_ABS_OFFSET_YEARS) {
    return refuse(
      `predicted offset ${round(offset, 1)} years is more than ${MAX_ABS_OFFSET_YEARS} years from PHV, outside the equation's range`,
    );
  }
  return {
    maturityOffsetYears: round(offset, 2),
    predictedAgeAtPhvYears: round(age - offset, 2),
    equation: sex === 'male' ? 'Mirwald 2002, boys' : 'Mirwald 2002, girls',
    reference: MIRWALD_REFERENCE,
  };
}

function refuse(reason: string): MaturityResult {
  return { maturityOffsetYears: null, predictedAgeAtPhvYears: null, reason };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
