import { Sex, SEXES } from '../../common/domain/enums';

/**
 * VO2max (ml·kg⁻¹·min⁻¹) from field tests. Each published equation is its own function and is
 * applied exactly as published, units included, with no range checks: `estimateVo2max` adds what
 * the papers imply but cannot enforce, namely the input ranges each equation was derived on.
 */

export const VO2_PROTOCOLS = [
  'cooper-12min',
  'yoyo-ir1',
  'yoyo-ir2',
  'shuttle-20m',
  'run-1.5mile',
  'rockport-walk',
  'lab',
] as const;
export type Vo2Protocol = (typeof VO2_PROTOCOLS)[number];

export interface Vo2Inputs {
  protocol: Vo2Protocol;
  /** Years; decimals allowed. */
  age: number;
  sex: Sex;
  /** Metres covered: Cooper 12-min run, Yo-Yo IR1/IR2. */
  distanceM?: number;
  /** 20 m multistage shuttle run: the level (stage) reached, 1–21. */
  level?: number;
  /** 20 m multistage shuttle run: the shuttle within `level`; validated, not used (see `legerStageSpeedKmh`). */
  shuttle?: number;
  /** Minutes, decimals (14 min 25 s = 14.42): 1.5-mile run, Rockport walk. */
  timeMin?: number;
  /** Rockport walk: heart rate at the end of the mile. */
  heartRateBpm?: number;
  /** Rockport walk: body weight (the equation uses pounds; we convert). */
  weightKg?: number;
  /** `lab`: the directly measured value. */
  vo2max?: number;
}

export type Vo2Estimate =
  | { ok: true; vo2max: number; protocol: Vo2Protocol; formula: string; reference: string }
  | { ok: false; field: string; reason: string };

/** The international avoirdupois pound is defined as exactly 0.45359237 kg. */
const KG_PER_LB = 0.45359237;

const REFERENCES = {
  cooper1968: 'Cooper KH. A means of assessing maximal oxygen intake. JAMA 1968;203(3):201-204.',
  bangsbo2008:
    'Bangsbo J, Iaia FM, Krustrup P. The Yo-Yo intermittent recovery test: a useful tool for evaluation of ' +
    'physical performance in intermittent sports. Sports Med 2008;38(1):37-51.',
  leger1988:
    'Léger LA, Mercier D, Gadoury C, Lambert J. The multistage 20 metre shuttle run test for aerobic fitness. ' +
    'J Sports Sci 1988;6(2):93-101.',
  legerGadoury1989:
    'Léger L, Gadoury C. Validity of the 20 m shuttle run test with 1 min stages to predict VO2max in adults. ' +
    "Can J Sport Sci 1989;14(1):21-26: SP-VO2max = -27.4 + 6.0 S-MAS, the children's equation of Léger et al. " +
    '(J Sports Sci 1988;6:93-101) with age held at 18.',
  acsm: "American College of Sports Medicine 1.5-mile run field equation (ACSM's Guidelines for Exercise Testing and Prescription).",
  kline1987:
    'Kline GM, Porcari JP, Hintermeister R, et al. Estimation of VO2max from a one-mile track walk, gender, age, ' +
    'and body weight. Med Sci Sports Exerc 1987;19(3):253-259.',
  lab: 'Directly measured VO2max (laboratory gas analysis).',
} as const;

// Cooper KH, JAMA 1968;203:201-4 — 12-minute run, distance in metres.
export function cooper1968(distanceM: number): number {
  return (distanceM - 504.9) / 44.73;
}

// Bangsbo, Iaia & Krustrup, Sports Med 2008;38:37-51 — Yo-Yo IR1 distance (m) × 0.0084 + 36.4.
export function bangsboYoyoIr1(distanceM: number): number {
  return distanceM * 0.0084 + 36.4;
}

// Bangsbo, Iaia & Krustrup, Sports Med 2008;38:37-51 — Yo-Yo IR2 distance (m) × 0.0136 + 45.3.
export function bangsboYoyoIr2(distanceM: number): number {
  return distanceM * 0.0136 + 45.3;
}

// Léger et al., J Sports Sci 1988;6:93-101 — children: speed S (km/h) of the last stage, age A (years).
export function legerShuttleChildren(speedKmh: number, age: number): number {
  return 31.025 + 3.238 * speedKmh - 3.248 * age + 0.1536 * speedKmh * age;
}

/**
 * Adults: −27.4 + 6.0·S. Léger et al. 1988 (abstract) say adults use the children's equation with age held at 18
 * (r = 0.90, 77 men and women aged 18-50); Léger & Gadoury 1989 (abstract) publish that as "SP-VO2max = −27.4 +
 * 6.0 S-MAS" and retain it so that children and adults join smoothly at 18. The −24.4 + 6.0·S often quoted in
 * secondary sources appears in neither abstract.
 */
// Léger & Gadoury, Can J Sport Sci 1989;14:21-6 — adults: −27.4 + 6.0 × S (km/h).
export function legerShuttleAdults(speedKmh: number): number {
  return -27.4 + 6.0 * speedKmh;
}

/**
 * 20 m shuttles in each level of the common 1-minute-stage recording (8.5 km/h at level 1, +0.5 km/h
 * per level), index 0 = level 1, as tabulated for that recording (e.g. Topend Sports' beep-test table).
 * Léger 1988 fixes the speeds and ~1-min stages, not this table; the tests check every level lasts 55-70 s.
 */
export const SHUTTLES_PER_LEVEL: readonly number[] = [
  7, 8, 8, 9, 9, 10, 10, 11, 11, 11, 12, 12, 13, 13, 13, 14, 14, 15, 15, 16, 16,
];
export const SHUTTLE_MAX_LEVEL = SHUTTLES_PER_LEVEL.length;

/** How many shuttles `level` has, or undefined for a level the test does not have. */
export function shuttlesInLevel(level: number): number | undefined {
  return Number.isInteger(level) ? SHUTTLES_PER_LEVEL[level - 1] : undefined;
}

/**
 * Speed (km/h) of a 20 m MST level: 8.5 km/h at level 1, +0.5 km/h per level (Léger 1988: speed = 8 + 0.5 × stage).
 * The shuttle within the level is deliberately ignored: Léger et al. predict from the speed of the last
 * stage announced, so stopping at 9/1 and at 9/11 both score 12.5 km/h. `estimateVo2max` still checks the
 * shuttle exists in that level, to catch mistyped results.
 */
// Léger et al., J Sports Sci 1988;6:93-101 — speed = 8 + 0.5 × stage number.
export function legerStageSpeedKmh(level: number, _shuttle?: number): number {
  return 8 + 0.5 * level;
}

// ACSM field equation — 1.5-mile (2.4 km) run: 3.5 + 483 / time (min).
export function acsm15MileRun(timeMin: number): number {
  return 3.5 + 483 / timeMin;
}

export interface RockportInputs {
  weightKg: number;
  age: number;
  sex: Sex;
  timeMin: number;
  heartRateBpm: number;
}

// Kline et al., Med Sci Sports Exerc 1987;19:253-9 — generalized ml/kg/min equation, weight in lb, male = 1.
export function klineRockportWalk({ weightKg, age, sex, timeMin, heartRateBpm }: RockportInputs): number {
  const weightLb = weightKg / KG_PER_LB;
  const male = sex === 'male' ? 1 : 0;
  return 132.853 - 0.0769 * weightLb - 0.3877 * age + 6.315 * male - 3.2649 * timeMin - 0.1565 * heartRateBpm;
}

/** Below 18 the Léger children's equation applies; from 18 the adult one (Léger 1988 treats adults as 18). */
export const LEGER_ADULT_AGE = 18;

/** The range no estimate may leave: beyond it an equation is extrapolating (same bounds as a lab value). */
export const VO2MAX_PLAUSIBLE = { min: 10, max: 95 } as const;

/** The test results a protocol may take; each protocol uses some of them (its rules). */
const RESULT_FIELDS = ['distanceM', 'level', 'shuttle', 'timeMin', 'heartRateBpm', 'weightKg', 'vo2max'] as const;

type NumericField = 'age' | (typeof RESULT_FIELDS)[number];

interface FieldRule {
  field: NumericField;
  min: number;
  max: number;
  unit: string;
  /** Why these bounds, for the refusal message. */
  why: string;
  integer?: boolean;
  optional?: boolean;
}

type Refusal = Extract<Vo2Estimate, { ok: false }>;

interface Method {
  rules: FieldRule[];
  /** The input an implausible result is blamed on. */
  performanceField: NumericField;
  check?: (inputs: Vo2Inputs) => Refusal | undefined;
  estimate: (inputs: Vo2Inputs) => { value: number; formula: string; reference: string };
}

/** Outside 5–100 years no protocol here has anything to say. */
const AGE_RULE: FieldRule = { field: 'age', min: 5, max: 100, unit: 'years', why: 'the supported age range' };

const METHODS: Record<Vo2Protocol, Method> = {
  'cooper-12min': {
    rules: [{ field: 'distanceM', min: 1000, max: 5000, unit: 'm', why: 'a 12-minute run' }],
    performanceField: 'distanceM',
    estimate: (i) => ({ value: cooper1968(i.distanceM!), formula: 'cooper1968', reference: REFERENCES.cooper1968 }),
  },
  'yoyo-ir1': {
    // 40 m is one 2 × 20 m bout; 3640 m ends the last level (23.8, 19 km/h) of the IR1 recording.
    rules: [{ field: 'distanceM', min: 40, max: 3640, unit: 'm', why: 'the Yo-Yo IR1 test (40 m to level 23.8)' }],
    performanceField: 'distanceM',
    estimate: (i) => ({
      value: bangsboYoyoIr1(i.distanceM!),
      formula: 'bangsboYoyoIr1',
      reference: REFERENCES.bangsbo2008,
    }),
  },
  'yoyo-ir2': {
    // IR2 starts at 13 km/h; 2680 m ends level 26.8 (20.5 km/h), the end of the published table.
    rules: [{ field: 'distanceM', min: 40, max: 2680, unit: 'm', why: 'the Yo-Yo IR2 test (40 m to level 26.8)' }],
    performanceField: 'distanceM',
    estimate: (i) => ({
      value: bangsboYoyoIr2(i.distanceM!),
      formula: 'bangsboYoyoIr2',
      reference: REFERENCES.bangsbo2008,
    }),
  },
  'shuttle-20m': {
    rules: [
      // Léger's children's regression sample was 8–19 y and test-retest 6–16 y; 6 is the youngest we accept.
      { field: 'age', min: 6, max: 100, unit: 'years', why: 'the Léger shuttle-run equations (children from 6)' },
      { field: 'level', min: 1, max: SHUTTLE_MAX_LEVEL, unit: '', why: 'the 20 m shuttle-run levels', integer: true },
      { field: 'shuttle', min: 1, max: 16, unit: '', why: 'the shuttles of a level', integer: true, optional: true },
    ],
    performanceField: 'level',
    check: (i) => {
      const available = shuttlesInLevel(i.level!)!;
      if (typeof i.shuttle === 'number' && i.shuttle > available) {
        return refuse('shuttle', `shuttle must be between 1 and ${available} at level ${i.level}`);
      }
      return undefined;
    },
    estimate: (i) => {
      const speed = legerStageSpeedKmh(i.level!, i.shuttle);
      return i.age < LEGER_ADULT_AGE
        ? {
            value: legerShuttleChildren(speed, i.age),
            formula: 'legerShuttleChildren',
            reference: REFERENCES.leger1988,
          }
        : { value: legerShuttleAdults(speed), formula: 'legerShuttleAdults', reference: REFERENCES.legerGadoury1989 };
    },
  },
  'run-1.5mile': {
    rules: [{ field: 'timeMin', min: 6, max: 30, unit: 'min', why: 'a 1.5-mile run' }],
    performanceField: 'timeMin',
    estimate: (i) => ({ value: acsm15MileRun(i.timeMin!), formula: 'acsm15MileRun', reference: REFERENCES.acsm }),
  },
  'rockport-walk': {
    rules: [
      // Kline et al. derived and cross-validated the equation on 343 adults aged 30 to 69.
      { field: 'age', min: 30, max: 69, unit: 'years', why: 'the Rockport walk (Kline 1987 sample: 30–69 y)' },
      { field: 'weightKg', min: 30, max: 200, unit: 'kg', why: 'the Rockport walk' },
      { field: 'timeMin', min: 8, max: 30, unit: 'min', why: 'a one-mile walk' },
      { field: 'heartRateBpm', min: 60, max: 220, unit: 'bpm', why: 'an end-of-walk heart rate' },
    ],
    performanceField: 'timeMin',
    estimate: (i) => ({
      value: klineRockportWalk({
        weightKg: i.weightKg!,
        age: i.age,
        sex: i.sex,
        timeMin: i.timeMin!,
        heartRateBpm: i.heartRateBpm!,
      }),
      formula: 'klineRockportWalk',
      reference: REFERENCES.kline1987,
    }),
  },
  lab: {
    rules: [{ field: 'vo2max', ...VO2MAX_PLAUSIBLE, unit: 'ml/kg/min', why: 'a measured VO2max' }],
    performanceField: 'vo2max',
    estimate: (i) => ({ value: i.vo2max!, formula: 'measured', reference: REFERENCES.lab }),
  },
};

/**
 * VO2max for one test result, or a refusal naming the first offending field: unknown protocol or
 * sex, a missing or non-finite input the protocol needs, a value outside the range the equation was
 * derived on, a result the protocol does not use (it would be stored unchecked beside the estimate),
 * or inputs that together push the equation outside 10–95 ml/kg/min. Shuttle run: ages 6 to <18 use
 * the children's equation, 18+ the adults'.
 */
export function estimateVo2max(inputs: Vo2Inputs): Vo2Estimate {
  const protocol = inputs?.protocol;
  if (!(VO2_PROTOCOLS as readonly unknown[]).includes(protocol)) {
    return refuse('protocol', `protocol must be one of: ${VO2_PROTOCOLS.join(', ')}`);
  }
  if (!(SEXES as readonly unknown[]).includes(inputs.sex)) {
    return refuse('sex', `sex must be one of: ${SEXES.join(', ')}`);
  }
  const method = METHODS[protocol];
  const unused = RESULT_FIELDS.find(
    (field) => inputs[field] !== undefined && !method.rules.some((rule) => rule.field === field),
  );
  if (unused) return refuse(unused, `${unused} is not a result of ${protocol}; leave it out`);
  for (const rule of [AGE_RULE, ...method.rules]) {
    const problem = checkField(inputs, rule, protocol);
    if (problem) return problem;
  }
  const problem = method.check?.(inputs);
  if (problem) return problem;

  const { value, formula, reference } = method.estimate(inputs);
  if (!(value >= VO2MAX_PLAUSIBLE.min && value <= VO2MAX_PLAUSIBLE.max)) {
    return refuse(
      method.performanceField,
      `these inputs give ${round1(value)} ml/kg/min, outside the plausible ${VO2MAX_PLAUSIBLE.min}-${VO2MAX_PLAUSIBLE.max}: ` +
        `the ${formula} equation is extrapolating`,
    );
  }
  return { ok: true, vo2max: round1(value), protocol, formula, reference };
}

function checkField(inputs: Vo2Inputs, rule: FieldRule, protocol: Vo2Protocol): Refusal | undefined {
  const value: unknown = inputs[rule.field];
  if (value === undefined || value === null) {
    return rule.optional ? undefined : refuse(rule.field, `${rule.field} is required for ${protocol}`);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return refuse(rule.field, `${rule.field} must be a finite number`);
  }
  if (rule.integer && !Number.isInteger(value)) return refuse(rule.field, `${rule.field} must be a whole number`);
  if (value < rule.min || value > rule.max) {
    const unit = rule.unit ? ` ${rule.unit}` : '';
    return refuse(rule.field, `${rule.field} must be between ${rule.min} and ${rule.max}${unit} for ${rule.why}`);
  }
  return undefined;
}

function refuse(field: string, reason: string): Refusal {
  return { ok: false, field, reason };
}

/** One decimal, the precision every source reports VO2max to. */
function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
