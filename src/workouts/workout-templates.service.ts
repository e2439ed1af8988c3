import { Injectable, NotFoundException } from '@nestjs/common';
import { RuleProblem } from '../common/errors/problem';
import { AuthUser } from '../auth/domain/auth-user';
import { Page, PaginationQueryDto, skipFor } from '../common/pagination/pagination.dto';
import { PlayerAccessService } from '../players/player-access.service';
import type { WorkoutEntry } from './domain/workout';
import { PlanTemplateDto, SaveAsTemplateDto, WorkoutTemplateInputDto } from './dto/workout-template.dto';
import { newId, WorkoutContent } from './workout-content';
import { WorkoutTemplateRecord } from './workout.record';
import { WorkoutTemplatesRepository } from './workout-templates.repository';
import { WorkoutsService, WorkoutView } from './workouts.service';

const NOT_FOUND = 'Workout template not found.';

/** Fresh ids and target sets (not done): what a template holds and what planning it copies. */
function asTargets(entries: readonly WorkoutEntry[]): WorkoutEntry[] {
  return entries.map((entry, i) => ({
    ...entry,
    entryId: newId(),
    order: i + 1,
    sets: entry.sets.map((set) => ({ ...set, setId: newId(), done: false })),
  }));
}

/**
 * Coaches' workout templates: each coach's own (admins see and use all), planned for any player the
 * coach manages. Planning applies the same youth rules as any planned workout.
 */
@Injectable()
export class WorkoutTemplatesService {
  constructor(
    private readonly templates: WorkoutTemplatesRepository,
    private readonly content: WorkoutContent,
    private readonly workouts: WorkoutsService,
    private readonly access: PlayerAccessService,
  ) {}

  async create(caller: AuthUser, dto: WorkoutTemplateInputDto): Promise<WorkoutTemplateRecord> {
    const exercises = await this.content.entries(dto.exercises, { doneByDefault: false, neverDone: true });
    return this.templates.create(caller.id, {
      name: dto.name,
      description: dto.description,
      exercises: asTargets(exercises),
    });
  }

  async saveWorkout(caller: AuthUser, workoutId: string, dto: SaveAsTemplateDto): Promise<WorkoutTemplateRecord> {
    const workout = await this.workouts.readable(caller, workoutId);
    return this.templates.create(caller.id, {
      name: dto.name,
      description: dto.description,
      exercises: asTargets(workout.exercises),
    });
  }

  async list(caller: AuthUser, query: PaginationQueryDto): Promise<Page<WorkoutTemplateRecord>> {
    const owner = caller.role === 'admin' ? undefined : caller.id;
    const { items, total } = await this.templates.list(owner, skipFor(query), query.limit);
    return { items, total, page: query.page, limit: query.limit };
  }

  async get(caller: AuthUser, id: string): Promise<WorkoutTemplateRecord> {
    const template = await this.templates.findById(id);
    if (!template || (caller.role !== 'admin' && template.owner !== caller.id)) throw new NotFoundException(NOT_FOUND);
    return template;
  }

  async replace(caller: AuthUser, id: string, dto: WorkoutTemplateInputDto): Promise<WorkoutTemplateRecord> {
    const current = await this.get(caller, id);
    const inUse = new Set(current.exercises.map((e) => e.exerciseId));
    const exercises = await this.content.entries(
      dto.exercises,
      { doneByDefault: false, neverDone: true },
      { allowArchived: inUse },
    );
    const saved = await this.templates.replace(id, {
      name: dto.name,
      description: dto.description,
      exercises: asTargets(exercises),
    });
    if (!saved) throw new NotFoundException(NOT_FOUND);
    return saved;
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    await this.get(caller, id);
    await this.templates.delete(id);
  }

  /** A planned workout for the player from the template; 422 when it breaks a youth rule for them. */
  async plan(caller: AuthUser, id: string, dto: PlanTemplateDto): Promise<WorkoutView> {
    const template = await this.get(caller, id);
    const player = await this.access.findManageable(caller, dto.playerId);
    const archived = await this.content.archived(template.exercises.map((e) => e.exerciseId));
    const problems = template.exercises.flatMap((e, i) =>
      archived.has(e.exerciseId)
        ? [
            {
              path: `exercises[${i}].exerciseId`,
              message: `exercise "${e.exerciseId}" is archived: update the template first`,
            },
          ]
        : [],
    );
    if (problems.length > 0) throw new RuleProblem(problems);
    return this.workouts.plan(caller, player, {
      date: dto.date,
      name: dto.name ?? template.name,
      exercises: asTargets(template.exercises),
      templateId: template.id,
    });
  }
}
