import { dateWindowProblems } from '../common/domain/date-window';
import { Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { FieldProblem, ProblemException, RuleProblem, ValidationProblem } from '../common/errors/problem';
import { Page, skipFor } from '../common/pagination/pagination.dto';
import { parseCalendarDate, toCalendarDate } from '../common/validation/calendar-date';
import { PlayerAccessService } from '../players/player-access.service';
import { PlayerLifecycle } from '../players/player-lifecycle';
import { ageInYears, PlayerRecord } from '../players/player.record';
import { addDays } from '../training/domain/calendar';
import { LoadLedger } from '../training/load-ledger';
import type { WorkoutEntry, WorkoutStatus } from './domain/workout';
import {
  appendEntry,
  entryIndex,
  removeEntry,
  reorderEntries,
  replaceEntry,
  setIndex,
  statusAfterEdit,
  withSets,
} from './domain/workout-edits';
import { WorkoutFinding, workoutFindings } from './domain/workout-findings';
import {
  CreateWorkoutDto,
  FinishWorkoutDto,
  ReorderEntriesDto,
  ReplaceWorkoutDto,
  UpdateWorkoutDto,
  UpdateWorkoutEntryDto,
  WorkoutEntryInputDto,
  WorkoutsQueryDto,
} from './dto/workout.dto';
import { WorkoutSetInputDto } from './dto/workout-set.dto';
import { entryOf, SetDefaults, WorkoutContent } from './workout-content';
import { WorkoutRecord } from './workout.record';
import { WorkoutChange, WorkoutsRepository } from './workouts.repository';
import { FinishedWorkoutsRevisionsRepository } from './finished-workouts-revisions.repository';

const NOT_FOUND = 'Workout not found.';
/** A workout can be planned up to a year ahead. */
const MAX_PLAN_AHEAD_DAYS = 366;
/**
 * Concurrent writers to one workout retry this often, each time after a short random pause that doubles
 * (1, 2, 4 ... ms at most), before the request gives up with a 409.
 */
const MAX_WRITE_ATTEMPTS = 8;

/** What a workout answer is built from: the record, its player (for age rules) and, optionally, previous performances. */
export interface WorkoutView {
  workout: WorkoutRecord;
  warnings: WorkoutFinding[];
  previous?: Map<string, { workoutId: string; date: string; entry: WorkoutEntry }>;
}

type Access = 'report' | 'manage';

/** Workouts logged set by set: their life from planned to finished, under the player access policy. */
@Injectable()
export class WorkoutsService implements OnModuleInit {
  constructor(
    private readonly workouts: WorkoutsRepository,
    private readonly revisions: FinishedWorkoutsRevisionsRepository,
    private readonly content: WorkoutContent,
    private readonly access: PlayerAccessService,
    private readonly lifecycle: PlayerLifecycle,
    private readonly ledger: LoadLedger,
  ) {}

  onModuleInit(): void {
    this.lifecycle.whenDeleted(async (playerId) => {
      await this.workouts.deleteForPlayer(playerId);
      await this.revisions.delete(playerId);
    });
    // A finished workout is one session of the player's load, on its date (never also a training log).
    this.ledger.contribute(
      (playerId, to) => this.workouts.loadEntries(playerId, to),
      (playerIds, to) => this.workouts.loadEntriesOf(playerIds, to),
    );
  }

  async create(caller: AuthUser, playerId: string, dto: CreateWorkoutDto): Promise<WorkoutView> {
    const player = await this.access.findReportable(caller, playerId);
    const future = dto.date > today();
    if (future && dto.status === 'in-progress') {
      throw new RuleProblem([{ path: 'status', message: `a workout on ${dto.date} can only be planned until then` }]);
    }
    checkDate(dto.date, player, 'planned');
    const status: WorkoutStatus = future ? 'planned' : (dto.status ?? 'in-progress');
    const exercises = await this.content.entries(dto.exercises ?? [], defaultsFor(status));
    return this.store(player, {
      playerId,
      date: dto.date,
      name: dto.name,
      status: statusAfterEdit(status, exercises),
      exercises: numbered(exercises),
      ...(dto.notes ? { notes: dto.notes } : {}),
      createdBy: caller.id,
    });
  }

  /** Creates a workout from entries built elsewhere (a template), with the same rules as `create`. */
  async plan(
    caller: AuthUser,
    player: PlayerRecord,
    data: { date: string; name: string; exercises: WorkoutEntry[]; templateId?: string },
  ): Promise<WorkoutView> {
    checkDate(data.date, player, 'planned');
    return this.store(player, {
      playerId: player.id,
      date: data.date,
      name: data.name,
      status: 'planned',
      exercises: numbered(data.exercises),
      ...(data.templateId ? { templateId: data.templateId } : {}),
      createdBy: caller.id,
    });
  }

  /** Tonnage (kg) of these players' finished workouts within the dates, one row per workout; access is the caller's. */
  finishedTonnageBetween(playerIds: readonly string[], from: string, to: string) {
    return this.workouts.finishedTonnageBetween(playerIds, from, to);
  }

  /** The workouts of these players within the dates (inclusive), for calendars; access is the caller's to check. */
  datedBetween(playerIds: readonly string[], from: string, to: string) {
    return this.workouts.datedBetween(playerIds, from, to);
  }

  /** Each player's revision of their finished workouts (what the tonnage and load read); access is the caller's. */
  finishedRevisions(playerIds: readonly string[]): Promise<Map<string, number>> {
    return this.revisions.currentOf(playerIds);
  }

  async get(caller: AuthUser, id: string): Promise<WorkoutView> {
    const { workout, player } = await this.visible(caller, id);
    return this.withPrevious(this.view(workout, player));
  }

  async list(caller: AuthUser, playerId: string, query: WorkoutsQueryDto): Promise<Page<WorkoutView>> {
    const player = await this.access.findViewable(caller, playerId);
    const order = dateWindowProblems(query);
    if (order.length > 0) throw new RuleProblem(order);
    const { items, total } = await this.workouts.listForPlayer(
      playerId,
      { from: query.from, to: query.to, status: query.status, exerciseId: query.exerciseId },
      skipFor(query),
      query.limit,
    );
    return { items: items.map((w) => this.view(w, player)), total, page: query.page, limit: query.limit };
  }

  async update(caller: AuthUser, id: string, dto: UpdateWorkoutDto): Promise<WorkoutView> {
    return this.edit(caller, id, (w, player) => {
      if (w.status === 'finished' && (differs(dto.name, w.name) || differs(dto.date, w.date))) {
        throw finishedConflict(w, 'its name and date');
      }
      const date = dto.date ?? w.date;
      if (dto.date !== undefined) checkDate(date, player, w.status);
      return { ...changeOf(w), date, name: dto.name ?? w.name, notes: dto.notes ?? w.notes };
    });
  }

  async replace(caller: AuthUser, id: string, dto: ReplaceWorkoutDto): Promise<WorkoutView> {
    const view = await this.edit(caller, id, async (w, player) => {
      if (w.status === 'finished') throw finishedConflict(w, 'it');
      checkDate(dto.date, player, dto.status);
      const problems: FieldProblem[] = [];
      if (dto.status === 'finished') {
        if (dto.durationMin === undefined)
          problems.push({ path: 'durationMin', message: 'a finished workout needs its minutes' });
        if (dto.sessionRpe === undefined) {
          problems.push({ path: 'sessionRpe', message: 'a finished workout needs its session RPE (0-10)' });
        }
      } else {
        if (dto.durationMin !== undefined)
          problems.push({ path: 'durationMin', message: 'only a finished workout has minutes' });
        if (dto.sessionRpe !== undefined)
          problems.push({ path: 'sessionRpe', message: 'only a finished workout has a session RPE' });
      }
      if (problems.length > 0) throw new RuleProblem(problems);
      // Exercises archived since they were added may stay in the workout that already uses them.
      const inUse = new Set(w.exercises.map((e) => e.exerciseId));
      const exercises = await this.content.entries(dto.exercises ?? [], defaultsFor(dto.status), {
        allowArchived: inUse,
      });
      if (dto.status === 'planned' && exercises.some((e) => e.sets.some((s) => s.done))) {
        throw new RuleProblem([
          { path: 'status', message: 'a planned workout has no done sets: send in-progress or finished' },
        ]);
      }
      return {
        date: dto.date,
        name: dto.name,
        status: dto.status,
        exercises: numbered(exercises),
        durationMin: dto.durationMin,
        sessionRpe: dto.sessionRpe,
        notes: dto.notes,
        finishedAt: dto.status === 'finished' ? new Date() : undefined,
      };
    });
    return this.withPrevious(view);
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    const { workout } = await this.writable(caller, id, 'report');
    await this.workouts.delete(workout.id);
    if (workout.status === 'finished') await this.revisions.bump(workout.playerId);
  }

  async addEntry(caller: AuthUser, id: string, dto: WorkoutEntryInputDto): Promise<WorkoutView> {
    return this.editContent(caller, id, async (w) => {
      const entry = await this.content.entry(dto, defaultsFor(w.status));
      return appendEntry(w.exercises, entry);
    });
  }

  async updateEntry(caller: AuthUser, id: string, entryId: string, dto: UpdateWorkoutEntryDto): Promise<WorkoutView> {
    return this.editContent(caller, id, async (w) => {
      const index = findEntry(w, entryId);
      const current = w.exercises[index];
      let entry: WorkoutEntry = { ...current, ...(dto.notes !== undefined ? { notes: dto.notes } : {}) };
      if (dto.exerciseId !== undefined && dto.exerciseId !== current.exerciseId) {
        const snapshot = await this.content.exercise(dto.exerciseId);
        // The sets stay; they must fit the new exercise's measure.
        const sets = current.sets.map((set, j) =>
          this.content.checkedSet(set, snapshot.measure, defaultsFor(w.status), `sets[${j}]`),
        );
        entry = { ...entryOf(dto.exerciseId, snapshot, entry.notes, sets), entryId: current.entryId };
      }
      return replaceEntry(w.exercises, index, entry);
    });
  }

  async removeEntry(caller: AuthUser, id: string, entryId: string): Promise<void> {
    await this.editContent(caller, id, (w) => removeEntry(w.exercises, findEntry(w, entryId)));
  }

  async reorder(caller: AuthUser, id: string, dto: ReorderEntriesDto): Promise<WorkoutView> {
    return this.editContent(caller, id, (w) => {
      const result = reorderEntries(w.exercises, dto.entryIds);
      if ('problems' in result) {
        throw new ValidationProblem(
          result.problems.map((p) => ({
            path: 'entryIds',
            message: {
              unknown: `${p.entryId} is not an entry of this workout`,
              repeated: `${p.entryId} is named more than once`,
              missing: `${p.entryId} is missing: name every entry exactly once`,
            }[p.kind],
          })),
        );
      }
      return result.entries;
    });
  }

  async addSet(caller: AuthUser, id: string, entryId: string, dto: WorkoutSetInputDto): Promise<WorkoutView> {
    return this.editContent(caller, id, (w) => {
      const index = findEntry(w, entryId);
      const entry = w.exercises[index];
      const set = this.content.checkedSet(dto, entry.measure, defaultsFor(w.status));
      return replaceEntry(w.exercises, index, withSets(entry, [...entry.sets, set]));
    });
  }

  async updateSet(
    caller: AuthUser,
    id: string,
    entryId: string,
    setId: string,
    dto: WorkoutSetInputDto,
  ): Promise<WorkoutView> {
    return this.editContent(caller, id, (w) => {
      const index = findEntry(w, entryId);
      const entry = w.exercises[index];
      const at = findSet(entry, setId);
      const set = this.content.checkedSet(
        { ...entry.sets[at], ...definedFields(dto) },
        entry.measure,
        defaultsFor(w.status),
      );
      return replaceEntry(
        w.exercises,
        index,
        withSets(
          entry,
          entry.sets.map((s, j) => (j === at ? set : s)),
        ),
      );
    });
  }

  async removeSet(caller: AuthUser, id: string, entryId: string, setId: string): Promise<void> {
    await this.editContent(caller, id, (w) => {
      const index = findEntry(w, entryId);
      const entry = w.exercises[index];
      const at = findSet(entry, setId);
      return replaceEntry(
        w.exercises,
        index,
        withSets(
          entry,
          entry.sets.filter((_, j) => j !== at),
        ),
      );
    });
  }

  async finish(caller: AuthUser, id: string, dto: FinishWorkoutDto): Promise<WorkoutView> {
    return this.edit(caller, id, (w) => {
      if (w.status === 'finished') {
        throw new ProblemException(409, 'This workout is already finished; reopen it to change it.', {
          slug: 'workout-finished',
        });
      }
      if (w.date > today()) {
        throw new RuleProblem([
          { path: 'date', message: `the workout is planned for ${w.date}: finish it once it has taken place` },
        ]);
      }
      return {
        ...changeOf(w),
        status: 'finished',
        durationMin: dto.durationMin,
        sessionRpe: dto.sessionRpe,
        finishedAt: new Date(),
      };
    });
  }

  /** A finished workout back in progress, to correct it: the player's coaches and admins only. */
  async reopen(caller: AuthUser, id: string): Promise<WorkoutView> {
    return this.edit(
      caller,
      id,
      (w) => {
        if (w.status !== 'finished') {
          throw new ProblemException(409, `This workout is ${w.status}, not finished: there is nothing to reopen.`, {
            slug: 'workout-not-finished',
          });
        }
        return {
          ...changeOf(w),
          status: 'in-progress',
          durationMin: undefined,
          sessionRpe: undefined,
          finishedAt: undefined,
        };
      },
      'manage',
    );
  }

  /** A workout the caller may see, for building a template from it. */
  async readable(caller: AuthUser, id: string): Promise<WorkoutRecord> {
    return (await this.visible(caller, id)).workout;
  }

  // -------------------------------------------------------------------------------------------------

  private async store(player: PlayerRecord, data: Parameters<WorkoutsRepository['create']>[0]): Promise<WorkoutView> {
    refuseUnsafePlan(data, player);
    return this.withPrevious(this.view(await this.workouts.create(data), player));
  }

  private async visible(caller: AuthUser, id: string): Promise<{ workout: WorkoutRecord; player: PlayerRecord }> {
    const workout = await this.workouts.findById(id);
    if (!workout) throw new NotFoundException(NOT_FOUND);
    return { workout, player: await this.access.findViewable(caller, workout.playerId, NOT_FOUND) };
  }

  private async writable(
    caller: AuthUser,
    id: string,
    access: Access,
  ): Promise<{ workout: WorkoutRecord; player: PlayerRecord }> {
    const workout = await this.workouts.findById(id);
    if (!workout) throw new NotFoundException(NOT_FOUND);
    const player =
      access === 'manage'
        ? await this.access.findManageable(caller, workout.playerId, NOT_FOUND)
        : await this.access.findReportable(caller, workout.playerId, NOT_FOUND);
    return { workout, player };
  }

  /**
   * Read, change, write back if nobody wrote in between (else read again). A planned workout must keep
   * the safety rules (422); a logged one records what happened, with warnings.
   */
  private async edit(
    caller: AuthUser,
    id: string,
    change: (w: WorkoutRecord, player: PlayerRecord) => WorkoutChange | Promise<WorkoutChange>,
    access: Access = 'report',
  ): Promise<WorkoutView> {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      if (attempt > 0) await pause(Math.random() * 2 ** (attempt - 1));
      const { workout, player } = await this.writable(caller, id, access);
      const next = await change(workout, player);
      refuseUnsafePlan({ ...next, date: next.date }, player);
      const saved = await this.workouts.replaceAtRevision(workout, next);
      if (!saved) continue;
      // Statistics count finished workouts only: they change when one is finished, reopened or replaced.
      if (workout.status === 'finished' || saved.status === 'finished') await this.revisions.bump(workout.playerId);
      return this.view(saved, player);
    }
    throw new ProblemException(409, 'The workout kept changing while this change was saved; reload it and try again.', {
      slug: 'edit-conflict',
    });
  }

  /** An edit of the entries and sets, refused once the workout is finished. */
  private editContent(
    caller: AuthUser,
    id: string,
    change: (w: WorkoutRecord) => WorkoutEntry[] | Promise<WorkoutEntry[]>,
  ): Promise<WorkoutView> {
    return this.edit(caller, id, async (w) => {
      if (w.status === 'finished') throw finishedConflict(w, 'its exercises and sets');
      const exercises = await change(w);
      return { ...changeOf(w), exercises, status: statusAfterEdit(w.status, exercises) };
    });
  }

  private view(workout: WorkoutRecord, player: PlayerRecord): WorkoutView {
    return { workout, warnings: findingsFor(workout, player) };
  }

  /** Adds each entry's last finished performance to a workout still to be done. */
  private async withPrevious(view: WorkoutView): Promise<WorkoutView> {
    const { workout } = view;
    if (workout.status === 'finished' || workout.exercises.length === 0) return view;
    const previous = await this.workouts.lastPerformances(
      workout.playerId,
      workout.exercises.map((e) => e.exerciseId),
      workout.date,
      workout.id,
    );
    return { ...view, previous };
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function today(): string {
  return toCalendarDate(new Date());
}

function defaultsFor(status: WorkoutStatus): SetDefaults {
  return { doneByDefault: status !== 'planned' };
}

function numbered(entries: WorkoutEntry[]): WorkoutEntry[] {
  return entries.map((e, i) => ({ ...e, order: i + 1 }));
}

/** The fields a client sent (a DTO instance may hold its absent fields as undefined). */
function definedFields<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function differs<T>(value: T | undefined, current: T): boolean {
  return value !== undefined && value !== current;
}

function changeOf(w: WorkoutRecord): WorkoutChange {
  const { date, name, status, exercises, durationMin, sessionRpe, notes, finishedAt } = w;
  return { date, name, status, exercises, durationMin, sessionRpe, notes, finishedAt };
}

function findEntry(w: WorkoutRecord, entryId: string): number {
  const index = entryIndex(w.exercises, entryId);
  if (index < 0) throw new NotFoundException(`This workout has no exercise entry ${entryId}.`);
  return index;
}

function findSet(entry: WorkoutEntry, setId: string): number {
  const index = setIndex(entry, setId);
  if (index < 0) throw new NotFoundException(`This exercise entry has no set ${setId}.`);
  return index;
}

function finishedConflict(w: WorkoutRecord, what: string): ProblemException {
  return new ProblemException(
    409,
    `This workout is finished: ${what} can no longer change (its notes can). ` +
      `A coach or admin can reopen it with POST /api/v1/workouts/${w.id}/reopen.`,
    { slug: 'workout-finished' },
  );
}

/** Dates a workout may have: not before the player was born; not in the future unless planned, and at most a year ahead. */
function checkDate(date: string, player: PlayerRecord, status: WorkoutStatus): void {
  const problems: FieldProblem[] = [];
  if (date < toCalendarDate(player.dateOfBirth)) {
    problems.push({ path: 'date', message: 'the workout cannot be before the player was born' });
  }
  const now = today();
  if (status !== 'planned' && date > now) {
    problems.push({ path: 'date', message: `a ${status} workout cannot be in the future: plan it instead` });
  }
  if (date > addDays(now, MAX_PLAN_AHEAD_DAYS)) {
    problems.push({ path: 'date', message: `a workout can be planned at most ${MAX_PLAN_AHEAD_DAYS} days ahead` });
  }
  if (problems.length > 0) throw new RuleProblem(problems);
}

function ageOn(player: PlayerRecord, date: string): number {
  return ageInYears(player.dateOfBirth, parseCalendarDate(date) ?? new Date());
}

function findingsFor(workout: Pick<WorkoutRecord, 'exercises' | 'date'>, player: PlayerRecord): WorkoutFinding[] {
  return workoutFindings(workout, ageOn(player, workout.date));
}

/** A planned workout (or a template planned for a player) that breaks a youth rule is refused, naming the rule and its reference. */
function refuseUnsafePlan(workout: Pick<WorkoutRecord, 'exercises' | 'date' | 'status'>, player: PlayerRecord): void {
  if (workout.status !== 'planned') return;
  const findings = findingsFor(workout, player);
  if (findings.length === 0) return;
  throw new RuleProblem(
    findings.map((f) => ({ path: f.path, message: `${f.rule} (${f.code}): ${f.message}. ${f.reference}` })),
    `This workout cannot be planned for a player aged ${ageOn(player, workout.date)}: it breaks the rules below.`,
  );
}
