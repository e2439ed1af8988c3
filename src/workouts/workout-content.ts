import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { FieldProblem, ValidationProblem } from '../common/errors/problem';
import { Exercise, ExerciseSnapshot } from '../exercises/domain/exercise';
import { ExerciseCatalog } from '../exercises/exercise-catalog';
import { setFieldProblems } from './domain/set-requirements';
import type { Measure } from '../exercises/domain/exercise';
import type { WorkoutEntry, WorkoutSet } from './domain/workout';
import { WorkoutEntryInputDto } from './dto/workout.dto';
import { WorkoutSetInputDto } from './dto/workout-set.dto';

export const newId = (): string => new Types.ObjectId().toHexString();

/** How sets are read: in a planned workout or a template a set is a target, not yet done. */
export interface SetDefaults {
  doneByDefault: boolean;
  /** Templates: every set is a target, whatever the input says. */
  neverDone?: boolean;
}

export function snapshotOf(exercise: Exercise): ExerciseSnapshot {
  const { name, measure, externalLoad, bodyParts, minAge, translations } = exercise;
  return {
    name,
    measure,
    externalLoad,
    bodyParts,
    minAge,
    nameTranslations: translations.ar?.name ? { ar: translations.ar.name } : {},
  };
}

/**
 * Turns what a client sends into stored entries and sets: every exercise must exist in the library
 * (and not be archived, unless `allowArchived` names it), every set must carry what its exercise's
 * measure records. A 400 naming each field otherwise, all problems at once.
 */
@Injectable()
export class WorkoutContent {
  constructor(private readonly catalog: ExerciseCatalog) {}

  /** The entries of a workout or template; problems are named `exercises[i].…`. */
  async entries(
    inputs: readonly WorkoutEntryInputDto[],
    defaults: SetDefaults,
    options: { allowArchived?: ReadonlySet<string> } = {},
  ): Promise<WorkoutEntry[]> {
    const exercises = await this.catalog.findMany(inputs.map((i) => i.exerciseId));
    const problems: FieldProblem[] = [];
    const entries = inputs.map((input, i) =>
      this.build(input, exercises.get(input.exerciseId), defaults, `exercises[${i}].`, problems, options.allowArchived),
    );
    if (problems.length > 0) throw new ValidationProblem(problems);
    return entries as WorkoutEntry[];
  }

  /** One entry sent on its own; problems are named as its fields (`exerciseId`, `sets[0].reps`). */
  async entry(input: WorkoutEntryInputDto, defaults: SetDefaults): Promise<WorkoutEntry> {
    const problems: FieldProblem[] = [];
    const entry = this.build(input, await this.catalog.find(input.exerciseId), defaults, '', problems);
    if (!entry || problems.length > 0) throw new ValidationProblem(problems);
    return entry;
  }

  private build(
    input: WorkoutEntryInputDto,
    found: Exercise | null | undefined,
    defaults: SetDefaults,
    prefix: string,
    problems: FieldProblem[],
    allowArchived?: ReadonlySet<string>,
  ): WorkoutEntry | null {
    const exercise = usableExercise(found, input.exerciseId, `${prefix}exerciseId`, problems, allowArchived);
    if (!exercise) return null;
    const sets = (input.sets ?? []).map((set, j) =>
      this.set(set, exercise.measure, defaults, `${prefix}sets[${j}]`, problems),
    );
    return entryOf(exercise.id, snapshotOf(exercise), input.notes, sets);
  }

  /** The exercise a new or changed entry uses: it must exist and not be archived. */
  async exercise(exerciseId: string, path = 'exerciseId'): Promise<ExerciseSnapshot> {
    const problems: FieldProblem[] = [];
    const exercise = usableExercise(await this.catalog.find(exerciseId), exerciseId, path, problems);
    if (!exercise) throw new ValidationProblem(problems);
    return snapshotOf(exercise);
  }

  /** Which of these exercises are archived (or gone) now. */
  async archived(exerciseIds: readonly string[]): Promise<Set<string>> {
    const exercises = await this.catalog.findMany(exerciseIds);
    return new Set(exerciseIds.filter((id) => exercises.get(id)?.archived !== false));
  }

  /** One set from input (`setId` kept when given); a 400 unless it fits `measure`. */
  checkedSet(
    input: WorkoutSetInputDto & { setId?: string },
    measure: Measure,
    defaults: SetDefaults,
    path = '',
  ): WorkoutSet {
    const problems: FieldProblem[] = [];
    const set = this.set(input, measure, defaults, path, problems);
    if (problems.length > 0) throw new ValidationProblem(problems);
    return set;
  }

  private set(
    input: WorkoutSetInputDto & { setId?: string },
    measure: Measure,
    defaults: SetDefaults,
    path: string,
    problems: FieldProblem[],
  ): WorkoutSet {
    const set: WorkoutSet = {
      setId: input.setId ?? newId(),
      type: input.type ?? 'normal',
      ...pick(input, ['reps', 'weightKg', 'durationS', 'distanceM', 'rpe', 'rir', 'restS']),
      done: defaults.neverDone ? false : (input.done ?? defaults.doneByDefault),
    };
    problems.push(...setFieldProblems(set, measure, path));
    return set;
  }
}

function usableExercise(
  exercise: Exercise | undefined | null,
  exerciseId: string,
  path: string,
  problems: FieldProblem[],
  allowArchived?: ReadonlySet<string>,
): Exercise | null {
  if (!exercise) {
    problems.push({ path, message: `there is no exercise "${exerciseId}" in the library` });
    return null;
  }
  if (exercise.archived && !allowArchived?.has(exercise.id)) {
    problems.push({ path, message: `exercise "${exerciseId}" is archived and takes no new entries` });
    return null;
  }
  return exercise;
}

export function entryOf(
  exerciseId: string,
  snapshot: ExerciseSnapshot,
  notes: string | undefined,
  sets: WorkoutSet[],
): WorkoutEntry {
  return {
    entryId: newId(),
    exerciseId,
    exerciseName: snapshot.name,
    ...(snapshot.nameTranslations.ar ? { exerciseNameTranslations: { ar: snapshot.nameTranslations.ar } } : {}),
    measure: snapshot.measure,
    externalLoad: snapshot.externalLoad,
    bodyParts: snapshot.bodyParts,
    minAge: snapshot.minAge,
    order: 0,
    ...(notes ? { notes } : {}),
    sets,
  };
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
