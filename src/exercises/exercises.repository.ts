import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AnyBulkWriteOperation, Model, QueryFilter } from 'mongoose';
import { BodyPart, Exercise, Modality } from './domain/exercise';
import { isDuplicateKey } from '../common/errors/to-problem';
import { EXERCISE_CONTENT_FIELDS, ExerciseContent, SYSTEM_OWNER } from './domain/exercise-format';
import { escapeRegex, exerciseSearchText, normalizeSearchText } from './domain/search-text';
import { ExerciseEntity } from './schemas/exercise.schema';

type ExerciseLean = ExerciseEntity;

function toExercise(doc: ExerciseLean): Exercise {
  return {
    id: doc._id,
    name: doc.name,
    description: doc.description,
    bodyParts: doc.bodyParts,
    modality: doc.modality,
    equipment: doc.equipment ?? [],
    mechanics: doc.mechanics,
    unilateral: doc.unilateral,
    measure: doc.measure,
    externalLoad: doc.externalLoad,
    minAge: doc.minAge,
    tags: doc.tags ?? [],
    translations: doc.translations?.ar
      ? { ar: { name: doc.translations.ar.name, description: doc.translations.ar.description } }
      : {},
    owner: doc.owner,
    archived: doc.archived,
  };
}

/** The stored fields of an exercise's content, with the keys search and uniqueness read. */
function contentFields(exercise: ExerciseContent) {
  const fields: Record<string, unknown> = {};
  for (const key of EXERCISE_CONTENT_FIELDS) fields[key] = exercise[key];
  return {
    ...fields,
    nameKey: normalizeSearchText(exercise.name),
    searchText: exerciseSearchText(exercise.name, exercise.translations.ar?.name),
  } as Pick<ExerciseEntity, (typeof EXERCISE_CONTENT_FIELDS)[number] | 'nameKey' | 'searchText'>;
}

const sameContent = (a: ExerciseContent, b: ExerciseContent) =>
  JSON.stringify(contentFields(a)) === JSON.stringify(contentFields(b));

export type OwnerScope = { kind: 'all' } | { kind: 'system' } | { kind: 'account'; userId: string };

export interface ExerciseListFilter {
  /** Text in the English or Arabic name, as typed (normalized here). */
  q?: string;
  bodyPart?: BodyPart;
  modality?: Modality;
  /** Equipment at hand: exercises needing anything else are left out. */
  equipment?: readonly string[];
  owner: OwnerScope;
  includeArchived: boolean;
}

export interface SyncReport {
  inserted: number;
  updated: number;
  /** System exercises an admin has edited, left as they are. */
  keptEdited: number;
  /** Writes refused by a unique index (a name an admin gave another system exercise, or a concurrent boot). */
  conflicts: number;
}

/** The only code that touches the exercises collection. */
@Injectable()
export class ExercisesRepository {
  constructor(@InjectModel(ExerciseEntity.name) private readonly exercises: Model<ExerciseEntity>) {}

  async findById(id: string): Promise<Exercise | null> {
    const doc = await this.exercises.findById(id).lean<ExerciseLean>().exec();
    return doc ? toExercise(doc) : null;
  }

  async findMany(ids: readonly string[]): Promise<Exercise[]> {
    if (ids.length === 0) return [];
    const docs = await this.exercises
      .find({ _id: { $in: [...new Set(ids)] } })
      .lean<ExerciseLean[]>()
      .exec();
    return docs.map(toExercise);
  }

  /** The exercise of an owner whose name search reads as this one, if any. */
  async findByName(owner: string, name: string): Promise<Exercise | null> {
    const doc = await this.exercises
      .findOne({ owner, nameKey: normalizeSearchText(name) })
      .lean<ExerciseLean>()
      .exec();
    return doc ? toExercise(doc) : null;
  }

  async list(filter: ExerciseListFilter, skip: number, limit: number): Promise<{ items: Exercise[]; total: number }> {
    const query = listQuery(filter);
    const [docs, total] = await Promise.all([
      this.exercises.find(query).sort({ nameKey: 1, _id: 1 }).skip(skip).limit(limit).lean<ExerciseLean[]>().exec(),
      this.exercises.countDocuments(query).exec(),
    ]);
    return { items: docs.map(toExercise), total };
  }

  /** How many non-archived exercises name each body part (one exercise counts once per part). */
  async countByBodyPart(): Promise<Map<BodyPart, number>> {
    const rows = await this.exercises
      .aggregate<{ _id: BodyPart; count: number }>([
        { $match: { archived: false } },
        { $unwind: '$bodyParts' },
        { $group: { _id: '$bodyParts', count: { $sum: 1 } } },
      ])
      .exec();
    return new Map(rows.map((row) => [row._id, row.count]));
  }

  /** How many non-archived exercises use each modality. */
  async countByModality(): Promise<Map<Modality, number>> {
    const rows = await this.exercises
      .aggregate<{ _id: Modality; count: number }>([
        { $match: { archived: false } },
        { $group: { _id: '$modality', count: { $sum: 1 } } },
      ])
      .exec();
    return new Map(rows.map((row) => [row._id, row.count]));
  }

  /** Stores a new exercise; a name its owner already uses fails with the driver's duplicate-key error. */
  async insert(exercise: Exercise): Promise<Exercise> {
    await this.exercises.create({
      _id: exercise.id,
      ...contentFields(exercise),
      owner: exercise.owner,
      archived: exercise.archived,
    });
    return exercise;
  }

  /** Writes the whole exercise over the stored one; `edited` marks a system exercise as an admin's. */
  async replace(exercise: Exercise, options: { edited: boolean }): Promise<Exercise | null> {
    const doc = await this.exercises
      .findOneAndUpdate(
        { _id: exercise.id },
        {
          $set: {
            ...contentFields(exercise),
            archived: exercise.archived,
            ...(options.edited ? { editedAt: new Date() } : {}),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<ExerciseLean>()
      .exec();
    return doc ? toExercise(doc) : null;
  }

  /**
   * Brings the stored system library up to the shipped one in one bulk write: missing
   * exercises are inserted, and those no admin has edited get the shipped text. Edited ones,
   * archived flags and exercises no longer shipped are left alone.
   */
  async syncSystemLibrary(library: readonly ExerciseContent[]): Promise<SyncReport> {
    const stored = await this.exercises.find({ owner: SYSTEM_OWNER }).lean<ExerciseLean[]>().exec();
    const byId = new Map(stored.map((doc) => [doc._id, doc]));
    const operations: AnyBulkWriteOperation<ExerciseEntity>[] = [];
    const report: SyncReport = { inserted: 0, updated: 0, keptEdited: 0, conflicts: 0 };
    const now = new Date();
    for (const exercise of library) {
      const doc = byId.get(exercise.id);
      if (!doc) {
        operations.push({
          insertOne: {
            document: {
              _id: exercise.id,
              ...contentFields(exercise),
              owner: SYSTEM_OWNER,
              archived: false,
              createdAt: now,
              updatedAt: now,
            } as ExerciseEntity,
          },
        });
        report.inserted += 1;
      } else if (doc.editedAt) {
        report.keptEdited += 1;
      } else if (!sameContent(toExercise(doc), exercise)) {
        operations.push({
          updateOne: {
            filter: { _id: exercise.id, owner: SYSTEM_OWNER, editedAt: { $exists: false } },
            update: { $set: { ...contentFields(exercise), updatedAt: now } },
          },
        });
        report.updated += 1;
      }
    }
    if (operations.length === 0) return report;
    try {
      await this.exercises.bulkWrite(operations, { ordered: false, timestamps: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
      const codes = Array.isArray(writeErrors) ? writeErrors : [error];
      if (!codes.every(isDuplicateKey) && !isDuplicateKey(error)) throw error;
      report.conflicts = Array.isArray(writeErrors) ? writeErrors.length : 1;
    }
    return report;
  }
}

function listQuery(filter: ExerciseListFilter): QueryFilter<ExerciseEntity> {
  const query: QueryFilter<ExerciseEntity> = {};
  if (!filter.includeArchived) query.archived = false;
  if (filter.owner.kind === 'system') query.owner = SYSTEM_OWNER;
  if (filter.owner.kind === 'account') query.owner = filter.owner.userId;
  if (filter.bodyPart) query.bodyParts = filter.bodyPart;
  if (filter.modality) query.modality = filter.modality;
  // Nothing needed beyond what is at hand (an exercise with no equipment always qualifies).
  if (filter.equipment) query.equipment = { $not: { $elemMatch: { $nin: [...filter.equipment] } } };
  if (filter.q) {
    const needle = normalizeSearchText(filter.q);
    if (needle) query.searchText = { $regex: escapeRegex(needle) };
  }
  return query;
}
