/** Vocabularies shared by players, drills and programmes; one list each, used everywhere. */

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export const POSITIONS = ['goalkeeper', 'defender', 'midfielder', 'forward'] as const;
export type Position = (typeof POSITIONS)[number];

export const LEVELS = ['grassroots', 'academy', 'elite'] as const;
export type Level = (typeof LEVELS)[number];

export const DOMINANT_FEET = ['left', 'right', 'both'] as const;
export type DominantFoot = (typeof DOMINANT_FEET)[number];

export const INJURY_STATUSES = ['fit', 'injured', 'returning'] as const;
export type InjuryStatus = (typeof INJURY_STATUSES)[number];

/** What a drill loads, and what an injury protects. */
export const BODY_REGIONS = [
  'ankle',
  'foot',
  'calf',
  'knee',
  'hamstring',
  'quadriceps',
  'groin',
  'hip',
  'lower-back',
  'shoulder',
  'wrist-hand',
  'head-neck',
] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];
