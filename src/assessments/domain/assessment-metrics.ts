/**
 * What an assessment can record, with plausible human bounds. The bounds reject typing and unit
 * mistakes (metres for centimetres, minutes for seconds); they are deliberately wider than any norm.
 */

export const PHYSICAL_TESTS = [
  'sprint10mS',
  'sprint20mS',
  'sprint30mS',
  'agility505S',
  'tTestS',
  'cmjCm',
  'standingLongJumpCm',
  'yoyoIr1M',
  'yoyoIr2M',
  'shuttle20mLevel',
  'shuttle20mShuttle',
  'shuttle20mLaps',
  'cooper12minM',
  'pushUps',
  'pushUps40s',
  'plankS',
] as const;
export type PhysicalTest = (typeof PHYSICAL_TESTS)[number];

/** Coach ratings on a 1-10 scale. */
export const RATINGS = [
  'passing',
  'firstTouch',
  'dribbling',
  'shooting',
  'heading',
  'weakFoot',
  'tactical',
  'psychological',
] as const;
export type Rating = (typeof RATINGS)[number];

export interface MetricBounds {
  min: number;
  max: number;
  integer?: boolean;
  /** Values come in whole steps of this size (Yo-Yo distances are counted in 2 x 20 m shuttles). */
  multipleOf?: number;
  unit: string;
  /** Times: a smaller value is a better performance. */
  lowerIsBetter?: boolean;
  label: string;
}

export const PHYSICAL_TEST_BOUNDS: Record<PhysicalTest, MetricBounds> = {
  // Sprints from a standing start with timing gates. The lower bounds sit just under world-class
  // splits (about 1.6 s, 2.8 s and 3.8 s), allowing for gate set-ups that start the clock late;
  // the upper bounds cover a slow 6-year-old with room to spare.
  sprint10mS: { min: 1.4, max: 4.0, unit: 's', lowerIsBetter: true, label: '10 m sprint' },
  sprint20mS: { min: 2.5, max: 6.0, unit: 's', lowerIsBetter: true, label: '20 m sprint' },
  sprint30mS: { min: 3.5, max: 8.0, unit: 's', lowerIsBetter: true, label: '30 m sprint' },
  // Elite adults run the 505 in about 2.1-2.3 s and the T-test in about 8.5-9.5 s.
  agility505S: { min: 1.8, max: 4.5, unit: 's', lowerIsBetter: true, label: '505 change-of-direction test' },
  tTestS: { min: 7, max: 20, unit: 's', lowerIsBetter: true, label: 'T-test (agility)' },
  // Hands-on-hips CMJ rarely passes 60 cm; 90 cm leaves room for arm-swing protocols.
  cmjCm: { min: 5, max: 90, unit: 'cm', label: 'Countermovement jump height' },
  // The standing long jump world best is about 3.7 m.
  standingLongJumpCm: { min: 50, max: 380, unit: 'cm', label: 'Standing long jump' },
  // Yo-Yo distances accumulate in 40 m units (out and back over 20 m).
  yoyoIr1M: { min: 40, max: 5000, integer: true, multipleOf: 40, unit: 'm', label: 'Yo-Yo IR1 distance' },
  yoyoIr2M: { min: 40, max: 3000, integer: true, multipleOf: 40, unit: 'm', label: 'Yo-Yo IR2 distance' },
  // Leger's 20 m shuttle run: 21 one-minute levels, up to 16 shuttles within a level.
  shuttle20mLevel: { min: 1, max: 21, integer: true, unit: 'level', label: '20 m shuttle run level' },
  shuttle20mShuttle: { min: 1, max: 16, integer: true, unit: 'shuttle', label: '20 m shuttle run shuttle in level' },
  // The same run scored as laps (20 m shuttles) completed, as the PACER counts it; its 21 levels end at about 250.
  shuttle20mLaps: { min: 0, max: 300, integer: true, unit: 'laps', label: '20 m shuttle run (PACER) laps completed' },
  // 5000 m in 12 min is faster than the 5000 m world record pace; 800 m is a brisk walk.
  cooper12minM: { min: 800, max: 5000, unit: 'm', label: 'Cooper 12-minute run distance' },
  pushUps: { min: 0, max: 150, integer: true, unit: 'reps', label: 'Push-ups' },
  // The MoMo / German Motor Test item: correct push-ups in 40 seconds, a protocol of its own (not `pushUps`).
  // Two a second for 40 s is beyond anyone.
  pushUps40s: { min: 0, max: 80, integer: true, unit: 'reps in 40 s', label: 'Push-ups in 40 s (MoMo/DMT protocol)' },
  // Norms centre on 1-2 minutes; 15 minutes is already far beyond a useful field test.
  plankS: { min: 0, max: 900, unit: 's', label: 'Prone plank hold' },
};

export const ANTHROPOMETRIC_BOUNDS: { heightCm: MetricBounds; weightKg: MetricBounds; sittingHeightCm: MetricBounds } =
  {
    heightCm: { min: 60, max: 230, unit: 'cm', label: 'Standing height' },
    weightKg: { min: 10, max: 200, unit: 'kg', label: 'Body mass' },
    // Sitting height is about half of stature (ratio roughly 0.50-0.56 across ages).
    sittingHeightCm: { min: 30, max: 130, unit: 'cm', label: 'Sitting height' },
  };

export const RATING_BOUNDS: MetricBounds = {
  min: 1,
  max: 10,
  integer: true,
  unit: 'rating',
  label: 'Coach rating (1-10)',
};
