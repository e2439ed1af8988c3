/**
 * The exercise vocabulary: what an exercise trains, with what, and what a set of it records.
 * One list each; the library format, the API and the workout rules all read them from here.
 */

export const BODY_PARTS = [
  'chest',
  'back',
  'shoulders',
  'biceps',
  'triceps',
  'forearms',
  'core',
  'glutes',
  'quadriceps',
  'hamstrings',
  'adductors',
  'calves',
  'neck',
  'full-body',
] as const;
export type BodyPart = (typeof BODY_PARTS)[number];

export const MODALITIES = [
  'barbell',
  'dumbbell',
  'kettlebell',
  'cable',
  'machine',
  'bodyweight',
  'band',
  'medicine-ball',
  'sled',
  'other',
] as const;
export type Modality = (typeof MODALITIES)[number];

export const MECHANICS = ['compound', 'isolation'] as const;
export type Mechanics = (typeof MECHANICS)[number];

/** What one set of the exercise records. */
export const MEASURES = ['reps-weight', 'reps', 'time', 'distance', 'time-distance'] as const;
export type Measure = (typeof MEASURES)[number];

/** `system` for the shipped library; otherwise the id of the coach or admin who created it. */
export type ExerciseOwner = 'system' | string;

export interface ExerciseTranslation {
  name: string;
  description: string;
}

export interface Exercise {
  /** A slug for system exercises (`nordic-hamstring-curl`), an ObjectId for custom ones. */
  id: string;
  name: string;
  description: string;
  bodyParts: BodyPart[];
  modality: Modality;
  equipment: string[];
  mechanics: Mechanics;
  unilateral: boolean;
  measure: Measure;
  /** True when weight beyond body weight is used (youth rules apply). */
  externalLoad: boolean;
  /** Youngest age the exercise suits, in whole years. */
  minAge: number;
  tags: string[];
  translations: { ar?: ExerciseTranslation };
  owner: ExerciseOwner;
  /** Archived exercises stay readable (history uses them) but take no new workout entries. */
  archived: boolean;
}

/** What a workout entry keeps of its exercise when it is added, so history reads the same later. */
export type ExerciseSnapshot = Pick<Exercise, 'name' | 'measure' | 'externalLoad' | 'bodyParts' | 'minAge'> & {
  /** The name in the other languages the library has, beside the English. */
  nameTranslations: { ar?: string };
};
