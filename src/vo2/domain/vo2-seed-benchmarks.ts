import type { Sex } from '../../common/domain/enums';
import type { Vo2Benchmark } from './vo2-norms';

/**
 * Published reference tables for VO2max (ml·kg⁻¹·min⁻¹). Ages 6–9 are deliberately uncovered:
 * FITNESSGRAM gives no aerobic standard below 10 and we found no percentile source we could cite.
 */

const FRIEND_SOURCE =
  'Kaminsky LA, Arena R, Myers J. Reference standards for cardiorespiratory fitness measured with ' +
  'cardiopulmonary exercise testing: data from the Fitness Registry and the Importance of Exercise National ' +
  'Database (FRIEND). Mayo Clin Proc 2015;90(11):1515-1523 — treadmill, percentiles 5-95. Bands are cut at ' +
  "FRIEND's 40th/60th/80th/95th percentiles (fair/good/excellent/superior), the break-points of the " +
  "ACSM/Cooper Institute fitness categories; ACSM's 'very poor' (<20th) is folded into 'poor'.";

const FITNESSGRAM_SOURCE =
  'FITNESSGRAM Healthy Fitness Zone standards for aerobic capacity (VO2max), The Cooper Institute, 2010 ' +
  '(standards in use from 2011; Welk GJ, Laurson KR, Eisenmann JC, Cureton KJ. Am J Prev Med ' +
  '2011;41(4 Suppl 2):S111-S116). Criterion-referenced cut-offs, not percentiles: no percentile table is ' +
  'given, so classification returns a null percentile rather than one interpolated from cut-offs.';

/** The FRIEND percentile columns, written in the paper's order (95th down to 5th) so they can be read against it. */
const FRIEND_PERCENTILES_DESC = [95, 90, 85, 80, 75, 70, 65, 60, 55, 50, 45, 40, 35, 30, 25, 20, 15, 10, 5];

function friend(sex: Sex, ageMin: number, values95to5: number[]): Vo2Benchmark {
  const at = (p: number) => values95to5[FRIEND_PERCENTILES_DESC.indexOf(p)];
  return {
    sex,
    ageMin,
    ageMax: ageMin + 9,
    bands: [
      { name: 'poor', minVo2max: 0 },
      { name: 'fair', minVo2max: at(40) },
      { name: 'good', minVo2max: at(60) },
      { name: 'excellent', minVo2max: at(80) },
      { name: 'superior', minVo2max: at(95) },
    ],
    percentiles: FRIEND_PERCENTILES_DESC.map((p, i) => ({ p, vo2max: values95to5[i] })).reverse(),
    source: FRIEND_SOURCE,
  };
}

/**
 * One FITNESSGRAM row: the lowest VO2max of the "needs improvement" zone and of the Healthy Fitness
 * Zone (the table steps by 0.1, so e.g. "NI-health risk ≤ 37.3" means needs-improvement from 37.4).
 */
function fitnessgram(sex: Sex, ageMin: number, ageMax: number, needsImprovement: number, hfz: number): Vo2Benchmark {
  return {
    sex,
    ageMin,
    ageMax,
    bands: [
      { name: 'needs-improvement-health-risk', minVo2max: 0 },
      { name: 'needs-improvement', minVo2max: needsImprovement },
      { name: 'healthy-fitness-zone', minVo2max: hfz },
    ],
    percentiles: [],
    source: ageMax > 17 ? `${FITNESSGRAM_SOURCE} Ages 18-19 use the standard's ">17" row.` : FITNESSGRAM_SOURCE,
  };
}

// One published table row per line, to read against the sources.
// prettier-ignore
export const SEED_VO2_BENCHMARKS: readonly Vo2Benchmark[] = Object.freeze([
  // FITNESSGRAM 2010 boys: [age, NI from, HFZ from]; ">17" applied to 18-19.
  fitnessgram('male', 10, 10, 37.4, 40.2),
  fitnessgram('male', 11, 11, 37.4, 40.2),
  fitnessgram('male', 12, 12, 37.7, 40.3),
  fitnessgram('male', 13, 13, 38.7, 41.1),
  fitnessgram('male', 14, 14, 39.7, 42.5),
  fitnessgram('male', 15, 15, 40.7, 43.6),
  fitnessgram('male', 16, 16, 41.1, 44.1),
  fitnessgram('male', 17, 17, 41.3, 44.2),
  fitnessgram('male', 18, 19, 41.3, 44.3),
  // FITNESSGRAM 2010 girls.
  fitnessgram('female', 10, 10, 37.4, 40.2),
  fitnessgram('female', 11, 11, 37.4, 40.2),
  fitnessgram('female', 12, 12, 37.1, 40.1),
  fitnessgram('female', 13, 13, 36.7, 39.7),
  fitnessgram('female', 14, 14, 36.4, 39.4),
  fitnessgram('female', 15, 15, 36.1, 39.1),
  fitnessgram('female', 16, 16, 35.9, 38.9),
  fitnessgram('female', 17, 17, 35.8, 38.8),
  fitnessgram('female', 18, 19, 35.4, 38.6),
  // FRIEND 2015 treadmill, men: 95th, 90th, ... 5th percentile.
  friend('male', 20, [66.3, 61.8, 59.3, 57.1, 55.2, 53.7, 52.1, 50.2, 49.0, 48.0, 46.5, 44.9, 43.5, 41.9, 40.1, 38.1, 35.4, 32.1, 29.0]),
  friend('male', 30, [59.8, 56.5, 54.2, 51.6, 49.2, 48.0, 46.6, 45.2, 43.8, 42.4, 41.3, 39.6, 38.5, 37.4, 35.9, 34.1, 32.7, 30.2, 27.2]),
  friend('male', 40, [55.6, 52.1, 49.3, 46.7, 45.0, 43.9, 42.1, 40.3, 38.9, 37.8, 36.7, 35.7, 34.6, 33.3, 31.9, 30.5, 29.0, 26.8, 24.2]),
  friend('male', 50, [50.7, 45.6, 43.2, 41.2, 39.7, 38.2, 36.3, 35.1, 33.8, 32.6, 31.6, 30.7, 29.5, 28.4, 27.1, 26.1, 24.4, 22.8, 20.9]),
  friend('male', 60, [43.0, 40.3, 38.2, 36.1, 34.5, 32.9, 31.6, 30.5, 29.1, 28.2, 27.2, 26.6, 25.7, 24.6, 23.7, 22.4, 21.2, 19.8, 17.4]),
  friend('male', 70, [39.7, 36.6, 35.5, 31.4, 30.4, 28.4, 27.6, 26.9, 25.6, 24.4, 24.0, 22.8, 22.4, 21.2, 20.4, 19.2, 18.2, 17.1, 16.3]),
  // FRIEND 2015 treadmill, women.
  friend('female', 20, [56.0, 51.3, 48.3, 46.5, 44.7, 43.2, 41.6, 40.6, 38.9, 37.6, 35.9, 34.6, 33.6, 32.0, 30.5, 28.6, 26.2, 23.9, 21.7]),
  friend('female', 30, [45.8, 41.4, 39.3, 37.5, 36.1, 34.6, 33.5, 32.2, 31.2, 30.2, 29.3, 28.2, 27.4, 26.4, 25.3, 24.1, 22.5, 20.9, 19.0]),
  friend('female', 40, [41.7, 38.4, 36.0, 34.0, 32.4, 31.1, 30.0, 28.7, 27.7, 26.7, 25.9, 24.9, 24.1, 23.3, 22.1, 21.3, 20.0, 18.8, 17.0]),
  friend('female', 50, [35.9, 32.0, 30.2, 28.6, 27.6, 26.8, 26.0, 25.2, 24.4, 23.4, 22.7, 21.8, 21.2, 20.6, 19.9, 19.1, 18.3, 17.3, 16.0]),
  friend('female', 60, [29.4, 27.0, 25.6, 24.6, 23.8, 23.1, 22.0, 21.2, 20.5, 20.0, 19.6, 18.9, 18.4, 17.9, 17.2, 16.5, 15.6, 14.6, 13.4]),
  friend('female', 70, [24.1, 23.1, 22.2, 21.3, 20.8, 20.5, 19.9, 19.4, 19.2, 18.3, 17.8, 17.0, 16.8, 15.9, 15.6, 15.1, 14.6, 13.6, 13.1]),
]);
