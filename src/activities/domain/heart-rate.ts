/**
 * Heart rate of a recorded activity: summary (time-weighted mean and peak), time in the five %HRmax zones
 * of Edwards, Edwards' TRIMP and Banister's TRIMP. Each published formula is its own function, named after
 * its source and applied as published; the functions around them add what the sources leave open (which
 * readings count, how long a reading lasts, what happens below rest), each choice stated where it is made.
 * Pure: samples in, numbers out; no rounding here, callers round what they show.
 */

import { SEXES, type Sex } from '../../common/domain/enums';

export const HEART_RATE_REFERENCES = {
  tanaka2001:
    'Tanaka H, Monahan KD, Seals DR. Age-predicted maximal heart rate revisited. ' +
    'J Am Coll Cardiol 2001;37(1):153-156.',
  edwards1993: 'Edwards S. The Heart Rate Monitor Book. Sacramento, CA: Fleet Feet Press; 1993.',
  banister1991:
    'Banister EW. Modeling elite athletic performance. In: MacDougall JD, Wenger HA, Green HJ, eds. ' +
    'Physiological Testing of the High-Performance Athlete. 2nd ed. Champaign, IL: Human Kinetics; 1991:403-424.',
  morton1990:
    'Morton RH, Fitz-Clarke JR, Banister EW. Modeling human performance in running. ' +
    'J Appl Physiol 1990;69(3):1171-1177.',
  fitProfile: 'Garmin FIT SDK, Profile: uint8 fields use 0xFF (255) as the invalid value.',
} as const;

/**
 * Readings accepted as heart rates: 1-254 bpm, the valid range of FIT's uint8 `heart_rate` field (255 is
 * FIT's "invalid"); 0 is no beat, i.e. no reading. No narrower physiological bound is applied: none is
 * cited here, and a reading the sensor reports is kept rather than second-guessed.
 */
export const HEART_RATE_MIN_BPM = 1;
export const HEART_RATE_MAX_BPM = 254;

/**
 * Service's choice, not a published value: a reading stands for the time up to the next reading, but for
 * at most 10 s. A longer step (auto-pause, strap lost, watch stopped) counts as 10 s and the rest of it as
 * no time, so a pause is not booked as time in a zone. The value is not derived from a source: it bridges a
 * few missed 1-s readings and keeps a pause out.
 */
export const HEART_RATE_MAX_STEP_S = 10;

export interface HeartRateSample {
  /** Time of the reading, ms (epoch or from the start: only differences are used). */
  timeMs: number;
  /** bpm; missing, 0, 255 or otherwise outside 1-254 means no reading at that time. */
  heartRate?: number | null;
}

// ---------------------------------------------------------------------------------------------------
// Published formulas
// ---------------------------------------------------------------------------------------------------

// Tanaka et al., J Am Coll Cardiol 2001;37(1):153-6 — HRmax = 208 − 0.7 × age (years).
export function tanaka2001HrMax(ageYears: number): number {
  if (!Number.isFinite(ageYears) || ageYears <= 0) {
    throw new RangeError(`ageYears: expected an age in years above 0, got ${ageYears}`);
  }
  return 208 - 0.7 * ageYears;
}

export interface HeartRateZone {
  zone: 1 | 2 | 3 | 4 | 5;
  /** Lower bound, % HRmax, inclusive. */
  fromPct: number;
  /** Upper bound, % HRmax, exclusive (zone 5 also takes readings at or above HRmax, see `heartRateZone`). */
  toPct: number;
  /** Edwards' multiplier of the minutes spent in the zone. */
  weight: number;
}

// Edwards, The Heart Rate Monitor Book 1993 — zones 50-60, 60-70, 70-80, 80-90, 90-100 % HRmax, weights 1-5.
export const HEART_RATE_ZONES: readonly HeartRateZone[] = [
  { zone: 1, fromPct: 50, toPct: 60, weight: 1 },
  { zone: 2, fromPct: 60, toPct: 70, weight: 2 },
  { zone: 3, fromPct: 70, toPct: 80, weight: 3 },
  { zone: 4, fromPct: 80, toPct: 90, weight: 4 },
  { zone: 5, fromPct: 90, toPct: 100, weight: 5 },
];

/** Seconds in zones 1 to 5, in that order (index 0 is zone 1). */
export type ZoneSeconds = [number, number, number, number, number];

// Edwards, The Heart Rate Monitor Book 1993 — TRIMP = Σ minutes in zone × zone weight (1-5).
export function edwards1993Trimp(secondsPerZone: readonly number[]): number {
  if (secondsPerZone.length !== HEART_RATE_ZONES.length) {
    throw new RangeError(`secondsPerZone: expected ${HEART_RATE_ZONES.length} zones, got ${secondsPerZone.length}`);
  }
  return HEART_RATE_ZONES.reduce((sum, z, i) => {
    const s = secondsPerZone[i];
    if (!Number.isFinite(s) || s < 0)
      throw new RangeError(`secondsPerZone[${i}]: expected seconds, 0 or more, got ${s}`);
    return sum + (s / 60) * z.weight;
  }, 0);
}

// Banister 1991 (Human Kinetics, 403-24) — ΔHR ratio = (HRex − HRrest) / (HRmax − HRrest).
export function banisterHrRatio(hrExercise: number, hrRest: number, hrMax: number): number {
  return (hrExercise - hrRest) / (hrMax - hrRest);
}

/** Coefficients a, b of the weighting a × e^(b × ΔHR ratio), by sex (Morton, Fitz-Clarke & Banister 1990). */
export const BANISTER_COEFFICIENTS: Readonly<Record<Sex, { a: number; b: number }>> = {
  male: { a: 0.64, b: 1.92 },
  female: { a: 0.86, b: 1.67 },
};

/**
 * Banister 1991 (Human Kinetics, 403-24), coefficients of Morton et al. 1990 (J Appl Physiol 69:1171-7) —
 * TRIMP = duration (min) × ΔHR ratio × a × e^(b × ΔHR ratio); a 0.64, b 1.92 men; a 0.86, b 1.67 women.
 *
 * The formula is written for exercise above rest; below rest it would give a negative load, which means
 * nothing, so the ratio is floored at 0 (the service's choice). It is not capped at 1: a heart rate above
 * HRmax says HRmax is set too low, and the load keeps rising with it.
 */
export function banister1991Trimp(
  durationMin: number,
  hrAvgExercise: number,
  hrRest: number,
  hrMax: number,
  sex: Sex,
): number {
  if (!Number.isFinite(durationMin) || durationMin < 0) {
    throw new RangeError(`durationMin: expected minutes, 0 or more, got ${durationMin}`);
  }
  if (!Number.isFinite(hrAvgExercise)) throw new RangeError(`hrAvgExercise: expected bpm, got ${hrAvgExercise}`);
  checkRestAndMax(hrRest, hrMax);
  const { a, b } = banisterCoefficients(sex);
  const ratio = Math.max(0, banisterHrRatio(hrAvgExercise, hrRest, hrMax));
  return durationMin * ratio * a * Math.exp(b * ratio);
}

// ---------------------------------------------------------------------------------------------------
// HRmax
// ---------------------------------------------------------------------------------------------------

export interface ResolvedHrMax {
  hrMax: number;
  source: 'measured' | 'tanaka2001';
}

/**
 * HRmax used for zones and TRIMP: the player's measured maximum when there is one, else Tanaka's
 * age-predicted value (an equation derived in adults); null when neither is known.
 */
export function resolveHrMax(
  measuredHrMax: number | null | undefined,
  ageYears: number | null | undefined,
): ResolvedHrMax | null {
  if (measuredHrMax !== null && measuredHrMax !== undefined) {
    if (!isHeartRate(measuredHrMax)) {
      throw new RangeError(`measuredHrMax: expected bpm from ${HEART_RATE_MIN_BPM} to ${HEART_RATE_MAX_BPM}`);
    }
    return { hrMax: measuredHrMax, source: 'measured' };
  }
  if (ageYears !== null && ageYears !== undefined) {
    return { hrMax: tanaka2001HrMax(ageYears), source: 'tanaka2001' };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Samples
// ---------------------------------------------------------------------------------------------------

/** A reading in FIT's valid range (1-254 bpm, see `HEART_RATE_MIN_BPM`). */
export function isHeartRate(value: number | null | undefined): value is number {
  return (
    typeof value === 'number' && Number.isFinite(value) && value >= HEART_RATE_MIN_BPM && value <= HEART_RATE_MAX_BPM
  );
}

/**
 * The valid readings in time order: `heartRate[i]` stands for `seconds[i]`, the time to the next reading, at
 * most `HEART_RATE_MAX_STEP_S`. Two typed columns rather than an object per reading: a 10 Hz match has 54,000.
 */
interface WeightedReadings {
  heartRate: Float64Array;
  seconds: Float64Array;
}

/**
 * The valid readings in time order, each weighted by the time to the next valid reading, capped at
 * `HEART_RATE_MAX_STEP_S`; the last reading has nothing after it and weighs 0 s. Input order does not
 * matter; samples without a valid reading are dropped (their time is a gap like any other).
 */
function weightedReadings(samples: readonly HeartRateSample[]): WeightedReadings {
  const cached = readingsOf.get(samples);
  if (cached) return cached;
  let times = new Float64Array(samples.length);
  let heartRate = new Float64Array(samples.length);
  let n = 0;
  let sorted = true;
  for (const s of samples) {
    if (!isHeartRate(s.heartRate)) continue;
    if (!Number.isFinite(s.timeMs)) throw new RangeError(`samples: timeMs must be a finite number (valid #${n})`);
    if (n > 0 && s.timeMs < times[n - 1]) sorted = false;
    times[n] = s.timeMs;
    heartRate[n] = s.heartRate;
    n++;
  }
  times = times.subarray(0, n);
  heartRate = heartRate.subarray(0, n);
  // A cleaned track is in time order already; only other input pays for the sort (stable, by time).
  if (!sorted) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => times[a] - times[b]);
    const t = Float64Array.from(order, (i) => times[i]);
    heartRate = Float64Array.from(order, (i) => heartRate[i]);
    times = t;
  }
  const seconds = new Float64Array(n);
  for (let i = 0; i + 1 < n; i++) seconds[i] = Math.min((times[i + 1] - times[i]) / 1000, HEART_RATE_MAX_STEP_S);
  const readings = { heartRate, seconds };
  readingsOf.set(samples, readings);
  return readings;
}

/**
 * The readings of each sample list already weighed: an activity's summary, zones and Banister TRIMP read the
 * same points, which are never changed once cleaned (the lists are readonly). Weakly held, so they go with it.
 */
const readingsOf = new WeakMap<readonly HeartRateSample[], WeightedReadings>();

/**
 * Edwards zone of a reading: zone n when HR ≥ its lower bound and below the next one. Below 50 % HRmax a
 * reading is in no zone (Edwards' zones start at 50 %) and null is returned; at or above 100 % it counts
 * in zone 5 (the service's choice: a reading above HRmax means HRmax is set too low, not no effort).
 */
export function heartRateZone(heartRate: number, hrMax: number): HeartRateZone['zone'] | null {
  checkHrMax(hrMax);
  // Compared as hr × 100 ≥ pct × HRmax so whole-number boundaries (140 of 200 = 70 %) fall exactly.
  for (let i = HEART_RATE_ZONES.length - 1; i >= 0; i--) {
    if (heartRate * 100 >= HEART_RATE_ZONES[i].fromPct * hrMax) return HEART_RATE_ZONES[i].zone;
  }
  return null;
}

/**
 * Seconds in each of Edwards' five zones (index 0 = zone 1). Each valid reading counts for the time to
 * the next one, at most `HEART_RATE_MAX_STEP_S`; readings below 50 % HRmax count in no zone. The total is
 * therefore at most the time from the first to the last reading.
 */
export function timeInZones(samples: readonly HeartRateSample[], hrMax: number): ZoneSeconds {
  checkHrMax(hrMax);
  const seconds: ZoneSeconds = [0, 0, 0, 0, 0];
  // heartRateZone's comparison, with each zone's bound worked out once rather than per reading.
  const bounds = HEART_RATE_ZONES.map((z) => z.fromPct * hrMax);
  const readings = weightedReadings(samples);
  for (let r = 0; r < readings.heartRate.length; r++) {
    const scaled = readings.heartRate[r] * 100;
    for (let i = bounds.length - 1; i >= 0; i--) {
      if (scaled >= bounds[i]) {
        seconds[HEART_RATE_ZONES[i].zone - 1] += readings.seconds[r];
        break;
      }
    }
  }
  return seconds;
}

/**
 * Banister's TRIMP applied per time step and summed: Σ (step min) × ratio_i × a × e^(b × ratio_i), each
 * valid reading weighted as in `timeInZones`. This is the common per-sample application of the formula
 * (Banister 1991 states it for a session's duration and mean heart rate, see `banister1991Trimp`). The
 * weighting is convex, so it is never below the session form at the same time-weighted mean, and above it
 * for uneven efforts. Same floor at rest.
 * hrRest comes from the caller: no default is assumed.
 */
export function banisterTrimpFromSamples(
  samples: readonly HeartRateSample[],
  hrRest: number,
  hrMax: number,
  sex: Sex,
): number {
  checkRestAndMax(hrRest, hrMax);
  banisterCoefficients(sex);
  const readings = weightedReadings(samples);
  let sum = 0;
  for (let r = 0; r < readings.heartRate.length; r++) {
    sum += banister1991Trimp(readings.seconds[r] / 60, readings.heartRate[r], hrRest, hrMax, sex);
  }
  return sum;
}

export interface HeartRateSummary {
  /** Time-weighted mean, bpm (each reading weighted as in `timeInZones`). */
  avg: number;
  /** Highest valid reading, bpm. */
  max: number;
}

/**
 * Mean and peak heart rate of the valid readings; null when there is none. The mean is time-weighted as in
 * `timeInZones`; when the readings span no time (a single reading, or all at one instant) it is their plain mean.
 */
export function heartRateSummary(samples: readonly HeartRateSample[]): HeartRateSummary | null {
  const { heartRate, seconds } = weightedReadings(samples);
  const n = heartRate.length;
  if (n === 0) return null;
  let max = -Infinity; // a loop, not Math.max(...readings): a spread of 100k+ arguments overflows the stack
  let totalS = 0;
  let weighted = 0;
  let plain = 0;
  for (let i = 0; i < n; i++) {
    max = Math.max(max, heartRate[i]);
    totalS += seconds[i];
    weighted += heartRate[i] * seconds[i];
    plain += heartRate[i];
  }
  return { avg: totalS > 0 ? weighted / totalS : plain / n, max };
}

// ---------------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------------

function checkHrMax(hrMax: number): void {
  if (!Number.isFinite(hrMax) || hrMax <= 0) throw new RangeError(`hrMax: expected bpm above 0, got ${hrMax}`);
}

function checkRestAndMax(hrRest: number, hrMax: number): void {
  checkHrMax(hrMax);
  if (!Number.isFinite(hrRest) || hrRest < 0 || hrRest >= hrMax) {
    throw new RangeError(`hrRest: expected bpm from 0 to below hrMax (${hrMax}), got ${hrRest}`);
  }
}

function banisterCoefficients(sex: Sex): { a: number; b: number } {
  if (!(SEXES as readonly string[]).includes(sex))
    throw new RangeError(`sex: expected female or male, got ${String(sex)}`);
  return BANISTER_COEFFICIENTS[sex];
}
