import { z } from 'zod';
import { SLUG_PATTERN } from '../../common/domain/slug';
import { BODY_PARTS, Exercise, MEASURES, MECHANICS, MODALITIES } from './exercise';
import { exerciseRuleViolations } from './exercise-rules';
import { normalizeSearchText } from './search-text';

/**
 * The exercise format: the shipped library (`src/exercises/static/*.json`) and every custom
 * exercise, as created or after a change, go through this one schema and the rules of
 * `exercise-rules.ts`.
 */

export const EXERCISE_MIN_AGE = 5;
export const EXERCISE_MAX_AGE = 60;
export const EXERCISE_LIMITS = {
  name: 120,
  description: 2000,
  equipment: 20,
  equipmentItem: 40,
  tags: 20,
  tag: 40,
} as const;

export const SYSTEM_OWNER = 'system';
export const TAG_PATTERN = /^[a-z0-9]+(?:[-:][a-z0-9]+)*$/;
export const EQUIPMENT_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const OBJECT_ID = /^[0-9a-f]{24}$/;

const text = (max: number) => z.string().trim().min(1).max(max);
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'must not repeat an entry');

const translationSchema = z.strictObject({
  name: text(EXERCISE_LIMITS.name),
  description: text(EXERCISE_LIMITS.description),
});

/** An exercise without its owner and archived flag: what a shipped library file holds. */
export const exerciseContentSchema = z.strictObject({
  id: z.string().max(80).regex(SLUG_PATTERN, 'must be a lower-case slug (a-z, 0-9, hyphens)'),
  name: text(EXERCISE_LIMITS.name),
  description: text(EXERCISE_LIMITS.description),
  bodyParts: uniqueList(z.enum(BODY_PARTS), BODY_PARTS.length).min(1),
  modality: z.enum(MODALITIES),
  equipment: uniqueList(
    z
      .string()
      .max(EXERCISE_LIMITS.equipmentItem)
      .regex(EQUIPMENT_PATTERN, 'must be a lower-case slug (a-z, 0-9, hyphens)'),
    EXERCISE_LIMITS.equipment,
  ),
  mechanics: z.enum(MECHANICS),
  unilateral: z.boolean(),
  measure: z.enum(MEASURES),
  externalLoad: z.boolean(),
  minAge: z.number().int().min(EXERCISE_MIN_AGE).max(EXERCISE_MAX_AGE),
  tags: uniqueList(
    z.string().max(EXERCISE_LIMITS.tag).regex(TAG_PATTERN, 'must be a lower-case tag (a-z, 0-9, "-" and ":")'),
    EXERCISE_LIMITS.tags,
  ),
  translations: z.strictObject({ ar: translationSchema.optional() }),
});

/** A whole exercise: the content plus who owns it (`system` or an account id) and whether it is archived. */
export const exerciseSchema = exerciseContentSchema.extend({
  owner: z.union([z.literal(SYSTEM_OWNER), z.string().regex(OBJECT_ID, 'must be "system" or an account id')]),
  archived: z.boolean(),
});

export type ExerciseContent = Omit<Exercise, 'owner' | 'archived'>;

/** The fields of an exercise's content besides its id, in one order (shipped and stored text compare field by field). */
export const EXERCISE_CONTENT_FIELDS = [
  'name',
  'description',
  'bodyParts',
  'modality',
  'equipment',
  'mechanics',
  'unilateral',
  'measure',
  'externalLoad',
  'minAge',
  'tags',
  'translations',
] as const satisfies readonly (keyof ExerciseContent)[];

export interface ExerciseProblem {
  /** Dotted path inside the exercise, e.g. `translations.ar.name`. */
  path: string;
  message: string;
}

/**
 * `field`: a field breaks the schema (a type, enum, bound, pattern or unknown field);
 * `rule`: the fields fit but break a rule between them.
 */
export type ExerciseCheck<T> =
  { ok: true; exercise: T } | { ok: false; kind: 'field' | 'rule'; problems: ExerciseProblem[] };

function check<T extends Pick<Exercise, 'measure' | 'externalLoad' | 'minAge' | 'modality' | 'tags'>>(
  schema: z.ZodType<T>,
  raw: unknown,
): ExerciseCheck<T> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    return {
      ok: false,
      kind: 'field',
      problems: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: describeIssue(issue) })),
    };
  }
  const violations = exerciseRuleViolations(result.data);
  if (violations.length > 0) return { ok: false, kind: 'rule', problems: violations };
  return { ok: true, exercise: result.data };
}

/** Checks a whole exercise (a custom one as created or changed) against the format and its rules. */
export function checkExercise(raw: unknown): ExerciseCheck<Exercise> {
  return check(exerciseSchema as z.ZodType<Exercise>, raw);
}

/** Checks an exercise of a shipped library file (no owner, no archived flag). */
export function checkExerciseContent(raw: unknown): ExerciseCheck<ExerciseContent> {
  return check(exerciseContentSchema as z.ZodType<ExerciseContent>, raw);
}

export interface LibraryProblem extends ExerciseProblem {
  /** Position of the exercise in the library. */
  index: number;
  id?: string;
}

/**
 * Checks a shipped library: every exercise against the format and its rules, an Arabic
 * translation for each, and ids and names (as search compares them) used once.
 */
export function checkExerciseLibrary(
  list: readonly unknown[],
): { ok: true; exercises: ExerciseContent[] } | { ok: false; problems: LibraryProblem[] } {
  const problems: LibraryProblem[] = [];
  const exercises: ExerciseContent[] = [];
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  list.forEach((raw, index) => {
    const id =
      typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
        ? (raw as { id: string }).id
        : undefined;
    const result = checkExerciseContent(raw);
    if (!result.ok) {
      problems.push(...result.problems.map((p) => ({ index, id, ...p })));
      return;
    }
    const exercise = result.exercise;
    if (!exercise.translations.ar) {
      problems.push({
        index,
        id,
        path: 'translations.ar',
        message: 'a shipped exercise needs its Arabic name and description',
      });
    }
    const sameId = ids.get(exercise.id);
    if (sameId !== undefined)
      problems.push({ index, id, path: 'id', message: `duplicate id (also at index ${sameId})` });
    const nameKey = normalizeSearchText(exercise.name);
    const sameName = names.get(nameKey);
    if (sameName !== undefined) {
      problems.push({ index, id, path: 'name', message: `duplicate name (also at index ${sameName})` });
    }
    if (sameId === undefined) ids.set(exercise.id, index);
    if (sameName === undefined) names.set(nameKey, index);
    exercises.push(exercise);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, exercises };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  return issue.message;
}
