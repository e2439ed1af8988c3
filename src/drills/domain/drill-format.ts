import { z } from 'zod';
import { BODY_REGIONS, LEVELS, POSITIONS } from '../../common/domain/enums';
import { SLUG_PATTERN } from '../../common/domain/slug';

/**
 * The drill format: the static library, admin uploads and the API's drill responses all
 * go through this one schema. `GET /api/v1/drills/schema` serves it as JSON Schema.
 */

export const DRILL_CATEGORIES = [
  'warm-up',
  'passing',
  'first-touch',
  'dribbling',
  'shooting',
  'heading',
  'tactical',
  'speed',
  'agility',
  'endurance',
  'strength',
  'plyometrics',
  'goalkeeping',
  'injury-prevention',
  'cool-down',
] as const;
export type DrillCategory = (typeof DRILL_CATEGORIES)[number];

export const INTENSITIES = ['low', 'moderate', 'high', 'max'] as const;
export type Intensity = (typeof INTENSITIES)[number];

export const DRILL_SEXES = ['any', 'female', 'male'] as const;
export type DrillSex = (typeof DRILL_SEXES)[number];

/** Session RPE (CR-10) assumed when a drill gives none. */
export const DEFAULT_TARGET_RPE: Record<Intensity, number> = { low: 3, moderate: 5, high: 7, max: 9 };

export const MIN_AGE = 5;
export const MAX_AGE = 60;

const TAG = /^[a-z0-9]+(?:[-:][a-z0-9]+)*$/;

const text = (max: number) => z.string().trim().min(1).max(max);
const slug = (max: number) => z.string().max(max).regex(SLUG_PATTERN, 'must be a lower-case slug (a-z, 0-9, hyphens)');
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'must not repeat an entry');

const translationSchema = z.strictObject({
  name: text(120),
  description: text(2000),
  coachingPoints: z.array(text(300)).max(20).optional(),
});

export const drillSchema = z
  .strictObject({
    id: slug(80).describe('Stable identifier, e.g. "rondo-4v1"'),
    name: text(120),
    description: text(2000),
    category: z.enum(DRILL_CATEGORIES),
    minAge: z.number().int().min(MIN_AGE).max(MAX_AGE),
    maxAge: z.number().int().min(MIN_AGE).max(MAX_AGE),
    sex: z.enum(DRILL_SEXES).default('any'),
    levels: uniqueList(z.enum(LEVELS), LEVELS.length)
      .min(1)
      .default([...LEVELS]),
    positions: uniqueList(z.enum(POSITIONS), POSITIONS.length).default([]).describe('Empty means every position'),
    durationMin: z.number().int().min(1).max(120),
    intensity: z.enum(INTENSITIES),
    targetRpe: z
      .number()
      .int()
      .min(1)
      .max(10)
      .optional()
      .describe('CR-10; defaults by intensity: low 3, moderate 5, high 7, max 9'),
    equipment: uniqueList(slug(40), 30).default([]),
    playersMin: z.number().int().min(1).max(60).default(1),
    playersMax: z.number().int().min(1).max(60).default(30),
    space: z
      .strictObject({ lengthM: z.number().positive().max(120), widthM: z.number().positive().max(90) })
      .optional()
      .describe('Area needed, in metres'),
    coachingPoints: z.array(text(300)).max(20).default([]),
    progressions: z.array(text(300)).max(20).default([]),
    regressions: z.array(text(300)).max(20).default([]),
    bodyRegions: uniqueList(z.enum(BODY_REGIONS), BODY_REGIONS.length).describe('What the drill loads'),
    tags: uniqueList(z.string().max(40).regex(TAG, 'must be a lower-case tag (a-z, 0-9, "-" and ":")'), 30).default([]),
    translations: z.strictObject({ ar: translationSchema.optional() }).default({}),
  })
  .superRefine((drill, ctx) => {
    if (drill.minAge > drill.maxAge) {
      ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'must be at least minAge' });
    }
    if (drill.playersMin > drill.playersMax) {
      ctx.addIssue({ code: 'custom', path: ['playersMax'], message: 'must be at least playersMin' });
    }
  })
  .transform((drill) => ({ ...drill, targetRpe: drill.targetRpe ?? DEFAULT_TARGET_RPE[drill.intensity] }));

/** A drill as uploaded (defaults may be missing). */
export type DrillInput = z.input<typeof drillSchema>;
/** A drill with every default applied: what the service stores and serves. */
export type Drill = z.output<typeof drillSchema>;

export interface DrillProblem {
  /** Position of the drill in the file. */
  index: number;
  /** The drill's id when it has a readable one. */
  id?: string;
  /** Dotted path inside the drill, e.g. `translations.ar.name`; empty for the drill itself. */
  path: string;
  message: string;
}

export type DrillFileResult = { ok: true; drills: Drill[] } | { ok: false; problems: DrillProblem[] };

export const MAX_DRILLS_PER_FILE = 20_000;

/**
 * Validates a parsed upload: a JSON array of drills or `{ "drills": [...] }`. Every problem
 * in every drill is reported, plus duplicate ids; nothing is partly accepted.
 */
export function validateDrillFile(parsed: unknown): DrillFileResult {
  const list = Array.isArray(parsed)
    ? parsed
    : isPlainObject(parsed) && Object.keys(parsed).length === 1 && Array.isArray(parsed.drills)
      ? parsed.drills
      : undefined;
  if (!list) {
    return fail('the file must hold a JSON array of drills or an object { "drills": [...] } and nothing else');
  }
  if (list.length === 0) return fail('the file holds no drills');
  if (list.length > MAX_DRILLS_PER_FILE) return fail(`the file holds more than ${MAX_DRILLS_PER_FILE} drills`);

  const problems: DrillProblem[] = [];
  const drills: Drill[] = [];
  const firstIndexOfId = new Map<string, number>();
  list.forEach((raw, index) => {
    const id = isPlainObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
    const result = drillSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ index, id, path: issue.path.join('.'), message: describeIssue(issue) });
      }
      return;
    }
    const seen = firstIndexOfId.get(result.data.id);
    if (seen !== undefined) {
      problems.push({ index, id, path: 'id', message: `duplicate id (also at index ${seen})` });
      return;
    }
    firstIndexOfId.set(result.data.id, index);
    drills.push(result.data);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, drills };
}

function fail(message: string): DrillFileResult {
  return { ok: false, problems: [{ index: -1, path: '', message }] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  return issue.message;
}

/** The upload format as JSON Schema (draft 2020-12), for admins to check files before sending. */
export function drillFileJsonSchema(): Record<string, unknown> {
  const drill = z.toJSONSchema(drillSchema, { io: 'input', unrepresentable: 'any' });
  const { $schema, ...drillDefinition } = drill as Record<string, unknown>;
  return {
    $schema,
    title: 'Drill library upload',
    description:
      'A JSON array of drills, or { "drills": [...] }. Also: minAge <= maxAge, playersMin <= playersMax, ids unique.',
    oneOf: [
      { type: 'array', minItems: 1, items: { $ref: '#/$defs/drill' } },
      {
        type: 'object',
        additionalProperties: false,
        required: ['drills'],
        properties: { drills: { type: 'array', minItems: 1, items: { $ref: '#/$defs/drill' } } },
      },
    ],
    $defs: { drill: drillDefinition },
  };
}
