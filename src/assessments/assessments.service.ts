import { Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { UpdateQuery } from 'mongoose';
import { AuthUser } from '../auth/domain/auth-user';
import { RuleProblem } from '../common/errors/problem';
import { Page, skipFor } from '../common/pagination/pagination.dto';
import { parseCalendarDate } from '../common/validation/calendar-date';
import { PlayerAccessService } from '../players/player-access.service';
import { PlayerLifecycle } from '../players/player-lifecycle';
import { PlayerRecord } from '../players/player.record';
import { AssessmentRecord } from './assessment.record';
import { AssessmentsRepository } from './assessments.repository';
import { CreateAssessmentDto, UpdateAssessmentDto } from './dto/assessment.dto';
import { Assessment } from './schemas/assessment.schema';

/** Drops undefined entries so stored objects only hold what was measured. */
function defined<T extends object>(values: T | undefined): Record<string, number> {
  return Object.fromEntries(
    Object.entries(values ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );
}

/** Recording and reading assessments, under the player access policy. */
@Injectable()
export class AssessmentsService implements OnModuleInit {
  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly access: PlayerAccessService,
    private readonly lifecycle: PlayerLifecycle,
  ) {}

  onModuleInit(): void {
    this.lifecycle.whenDeleted((playerId) => this.assessments.deleteForPlayer(playerId));
  }

  /**
   * Every timed sprint of the player (10, 20, 30 m), for other modules' figures (an activity's efforts above
   * the player's own maximum speed). The caller has checked access to the player.
   */
  sprintTimes(playerId: string): Promise<Partial<Record<'sprint10mS' | 'sprint20mS' | 'sprint30mS', number>>[]> {
    return this.assessments.sprintTimesForPlayer(playerId);
  }

  async create(caller: AuthUser, playerId: string, dto: CreateAssessmentDto): Promise<AssessmentRecord> {
    const player = await this.access.findManageable(caller, playerId);
    const date = parseCalendarDate(dto.date)!;
    // A null value removes it on PATCH; on a new assessment there is nothing to remove, so it is left out.
    const heightCm = dto.heightCm ?? undefined;
    const sittingHeightCm = dto.sittingHeightCm ?? undefined;
    checkConsistency(player, date, { ...dto.tests }, heightCm, sittingHeightCm);
    return this.assessments.create({
      playerId,
      date,
      assessedBy: caller.id,
      heightCm,
      weightKg: dto.weightKg ?? undefined,
      sittingHeightCm,
      tests: defined(dto.tests),
      ratings: defined(dto.ratings),
      notes: dto.notes ?? undefined,
    });
  }

  async list(caller: AuthUser, playerId: string, page: number, limit: number): Promise<Page<AssessmentRecord>> {
    await this.access.findViewable(caller, playerId);
    const { items, total } = await this.assessments.listForPlayer(playerId, skipFor({ page, limit }), limit);
    return { items, total, page, limit };
  }

  /** The assessment and its player, when the caller may see that player; 404 otherwise. */
  async get(caller: AuthUser, id: string): Promise<{ assessment: AssessmentRecord; player: PlayerRecord }> {
    const assessment = await this.assessments.findById(id);
    if (!assessment) throw new NotFoundException('Assessment not found.');
    // A player the caller may not see hides their assessments too.
    return { assessment, player: await this.access.findViewable(caller, assessment.playerId, 'Assessment not found.') };
  }

  async update(caller: AuthUser, id: string, dto: UpdateAssessmentDto): Promise<AssessmentRecord> {
    const { assessment } = await this.get(caller, id);
    const player = await this.access.findManageable(caller, assessment.playerId);
    const date = dto.date ? parseCalendarDate(dto.date)! : assessment.date;
    const set: Record<string, unknown> = {};
    const unset: Record<string, 1> = {};
    const assign = (path: string, value: unknown) => {
      if (value === null) unset[path] = 1;
      else if (value !== undefined) set[path] = value;
    };
    assign('date', dto.date ? date : undefined);
    assign('heightCm', dto.heightCm);
    assign('weightKg', dto.weightKg);
    assign('sittingHeightCm', dto.sittingHeightCm);
    assign('notes', dto.notes);
    for (const [key, value] of Object.entries(dto.tests ?? {})) assign(`tests.${key}`, value);
    for (const [key, value] of Object.entries(dto.ratings ?? {})) assign(`ratings.${key}`, value);

    const merged = { ...assessment.tests, ...dto.tests };
    checkConsistency(
      player,
      date,
      merged,
      dto.heightCm === undefined ? assessment.heightCm : (dto.heightCm ?? undefined),
      dto.sittingHeightCm === undefined ? assessment.sittingHeightCm : (dto.sittingHeightCm ?? undefined),
    );
    const update: UpdateQuery<Assessment> = {};
    if (Object.keys(set).length) update.$set = set;
    if (Object.keys(unset).length) update.$unset = unset;
    const updated = await this.assessments.update(id, update);
    if (!updated) throw new NotFoundException('Assessment not found.');
    return updated;
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    const { assessment } = await this.get(caller, id);
    await this.access.findManageable(caller, assessment.playerId);
    await this.assessments.delete(id);
  }

  /** The player's most recent assessment; access is checked by the caller. */
  latest(playerId: string): Promise<AssessmentRecord | null> {
    return this.assessments.latestForPlayer(playerId);
  }

  /** Each player's most recent assessment dated before `before` (a squad); access is checked by the caller. */
  latestForPlayers(playerIds: readonly string[], before: Date): Promise<Map<string, AssessmentRecord>> {
    return this.assessments.latestForPlayers(playerIds, before);
  }

  /** Oldest first, for progress; access is checked by the caller. */
  history(playerId: string, from?: Date, to?: Date): Promise<AssessmentRecord[]> {
    return this.assessments.historyForPlayer(playerId, from, to);
  }
}

/** Cross-field rules the DTO cannot express. */
function checkConsistency(
  player: PlayerRecord,
  date: Date,
  tests: Record<string, number | null | undefined>,
  heightCm: number | undefined,
  sittingHeightCm: number | undefined,
): void {
  const problems = [];
  if (date < player.dateOfBirth) problems.push({ path: 'date', message: "date is before the player's date of birth" });
  const present = (v: number | null | undefined) => v !== undefined && v !== null;
  if (present(tests.shuttle20mShuttle) && !present(tests.shuttle20mLevel)) {
    problems.push({
      path: 'tests.shuttle20mShuttle',
      message: 'a shuttle needs the level it belongs to (tests.shuttle20mLevel)',
    });
  }
  if (heightCm !== undefined && sittingHeightCm !== undefined && sittingHeightCm >= heightCm) {
    problems.push({ path: 'sittingHeightCm', message: 'sitting height must be less than standing height' });
  }
  if (problems.length) throw new RuleProblem(problems);
}
