import { ForbiddenException, Injectable, Logger, NotFoundException, OnApplicationBootstrap } from '@nestjs/common';
import { Types } from 'mongoose';
import { AuthUser } from '../auth/domain/auth-user';
import { ProblemException, RuleProblem, ValidationProblem } from '../common/errors/problem';
import { isDuplicateKey } from '../common/errors/to-problem';
import { Page, skipFor } from '../common/pagination/pagination.dto';
import { BODY_PARTS, BodyPart, Exercise, MODALITIES, Modality } from './domain/exercise';
import { canChangeExercise } from './domain/exercise-access';
import { checkExercise, EXERCISE_CONTENT_FIELDS, SYSTEM_OWNER } from './domain/exercise-format';
import { CreateExerciseDto, ListExercisesQueryDto, UpdateExerciseDto } from './dto/exercise.dto';
import { ExercisesRepository, OwnerScope } from './exercises.repository';
import { staticExercises } from './static';

/** The exercise library: the shipped system exercises and the academy's custom ones. */
@Injectable()
export class ExercisesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ExercisesService.name);

  constructor(private readonly repository: ExercisesRepository) {}

  /** Brings the stored system library up to the shipped one (see ExercisesRepository.syncSystemLibrary). */
  async onApplicationBootstrap(): Promise<void> {
    const report = await this.repository.syncSystemLibrary(staticExercises());
    if (report.conflicts > 0) {
      this.logger.warn(report, 'Some shipped exercises were not written: a unique name or id was already taken');
    } else if (report.inserted + report.updated > 0) {
      this.logger.log(report, 'System exercise library synced');
    }
  }

  async list(caller: AuthUser, query: ListExercisesQueryDto): Promise<Page<Exercise>> {
    const owner: OwnerScope =
      query.owner === 'system'
        ? { kind: 'system' }
        : query.owner === 'mine'
          ? { kind: 'account', userId: caller.id }
          : { kind: 'all' };
    const { items, total } = await this.repository.list(
      {
        q: query.q,
        bodyPart: query.bodyPart,
        modality: query.modality,
        equipment: query.equipment,
        owner,
        includeArchived: query.archived,
      },
      skipFor(query),
      query.limit,
    );
    return { items, total, page: query.page, limit: query.limit };
  }

  /** One exercise, archived ones included. */
  async get(id: string): Promise<Exercise> {
    const exercise = await this.repository.findById(id);
    if (!exercise) throw new NotFoundException(`No exercise with id "${id}".`);
    return exercise;
  }

  /** Every body part of the vocabulary, in its order, with how many non-archived exercises name it. */
  async bodyPartCounts(): Promise<{ bodyPart: BodyPart; count: number }[]> {
    const counts = await this.repository.countByBodyPart();
    return BODY_PARTS.map((bodyPart) => ({ bodyPart, count: counts.get(bodyPart) ?? 0 }));
  }

  /** Every modality of the vocabulary, in its order, with how many non-archived exercises use it. */
  async modalityCounts(): Promise<{ modality: Modality; count: number }[]> {
    const counts = await this.repository.countByModality();
    return MODALITIES.map((modality) => ({ modality, count: counts.get(modality) ?? 0 }));
  }

  /** A custom exercise owned by the caller (a coach or an admin). */
  async create(caller: AuthUser, dto: CreateExerciseDto): Promise<Exercise> {
    const exercise = this.checked({
      id: new Types.ObjectId().toHexString(),
      name: dto.name,
      description: dto.description,
      bodyParts: dto.bodyParts,
      modality: dto.modality,
      equipment: dto.equipment ?? [],
      mechanics: dto.mechanics,
      unilateral: dto.unilateral ?? false,
      measure: dto.measure,
      externalLoad: dto.externalLoad,
      minAge: dto.minAge,
      tags: dto.tags ?? [],
      translations: translationsOf(dto.translations),
      owner: caller.id,
      archived: false,
    });
    try {
      return await this.repository.insert(exercise);
    } catch (error) {
      throw await this.duplicateOr(error, exercise);
    }
  }

  /** Changes fields of an exercise the caller may change; the result must still fit the format and its rules. */
  async update(caller: AuthUser, id: string, dto: UpdateExerciseDto): Promise<Exercise> {
    const current = await this.changeable(caller, id);
    const changes: Partial<Exercise> = {};
    // Any field but `archived` is an edit of the text.
    for (const key of EXERCISE_CONTENT_FIELDS) {
      if (dto[key] !== undefined) Object.assign(changes, { [key]: dto[key] });
    }
    if (dto.translations !== undefined) changes.translations = translationsOf(dto.translations);
    const edited = Object.keys(changes).length > 0;
    if (dto.archived !== undefined) changes.archived = dto.archived;
    if (Object.keys(changes).length === 0) return current;
    const exercise = this.checked({ ...current, ...changes });
    try {
      const saved = await this.repository.replace(exercise, { edited: edited && current.owner === SYSTEM_OWNER });
      if (!saved) throw new NotFoundException(`No exercise with id "${id}".`);
      return saved;
    } catch (error) {
      throw await this.duplicateOr(error, exercise);
    }
  }

  /** Archives an exercise the caller may change; history that uses it stays readable. Archiving twice is fine. */
  async archive(caller: AuthUser, id: string): Promise<void> {
    const current = await this.changeable(caller, id);
    if (current.archived) return;
    await this.repository.replace({ ...current, archived: true }, { edited: false });
  }

  private async changeable(caller: AuthUser, id: string): Promise<Exercise> {
    const exercise = await this.get(id);
    if (!canChangeExercise(caller, exercise)) {
      throw new ForbiddenException(
        exercise.owner === SYSTEM_OWNER
          ? 'Only admins can change the shipped exercise library.'
          : 'Only the coach who created this exercise and admins can change it.',
      );
    }
    return exercise;
  }

  /** The whole exercise through the one format and its rules: a field problem is a 400, a broken rule a 422. */
  private checked(candidate: Exercise): Exercise {
    const result = checkExercise(candidate);
    if (result.ok) return result.exercise;
    if (result.kind === 'field') throw new ValidationProblem(result.problems);
    throw new RuleProblem(result.problems, 'The exercise breaks a rule of the exercise format.');
  }

  /** A duplicate name of the same owner as a 409 naming the exercise that has it; any other error as it is. */
  private async duplicateOr(error: unknown, exercise: Exercise): Promise<unknown> {
    if (!isDuplicateKey(error)) return error;
    const existing = await this.repository.findByName(exercise.owner, exercise.name);
    const who = exercise.owner === SYSTEM_OWNER ? 'The shipped library already has' : 'You already have';
    return new ProblemException(
      409,
      `${who} an exercise called "${existing?.name ?? exercise.name}"${existing ? ` (${existing.id})` : ''}.`,
      {
        slug: 'duplicate-exercise',
        errors: [{ path: 'name', message: 'already used by another exercise of this owner' }],
      },
    );
  }
}

function translationsOf(dto: CreateExerciseDto['translations']): Exercise['translations'] {
  const ar = dto?.ar;
  return ar ? { ar: { name: ar.name, description: ar.description } } : {};
}
