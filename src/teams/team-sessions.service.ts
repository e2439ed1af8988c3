import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { FieldProblem, ProblemException, problemType, RuleProblem, ValidationProblem } from '../common/errors/problem';
import { isDuplicateKey } from '../common/errors/to-problem';
import { Page, pageOf } from '../common/pagination/pagination.dto';
import { toCalendarDate } from '../common/validation/calendar-date';
import { isObjectId } from '../common/validation/parse-object-id.pipe';
import { validateAsBody } from '../common/validation/validation';
import { DrillProvider } from '../drills/drill-provider';
import { canManageTeam } from '../players/domain/player-access';
import { PlayerAccessService } from '../players/player-access.service';
import { PlayerRecord } from '../players/player.record';
import { PlayersRepository } from '../players/players.repository';
import { TeamAccessService } from '../players/team-access.service';
import { sessionRpeLoad } from '../training/domain/load-monitoring';
import { TrainingLogRecord } from '../training/training-log.record';
import { TrainingSessions } from '../training/training-sessions';
import { dateWindowProblems } from '../common/domain/date-window';
import { trainingPlayerOn } from '../training/domain/training-player';
import { SessionDrillIssue, sessionDrillSafety } from './domain/session-drill-safety';
import { TeamRecord, TeamSessionRecord } from './domain/team';
import { attendanceProblems, futureSessionProblem } from '../training/domain/session-log';
import { TeamScheduleQueryDto } from './dto/fixture.dto';
import {
  BulkLogResultDto,
  CreateTeamSessionDto,
  LogTeamSessionDto,
  MAX_LOG_ROWS,
  RejectedLogRowDto,
  SessionAttendanceDto,
  StoredLogRowDto,
  TeamSessionLogRowDto,
} from './dto/team-session.dto';
import { TeamScheduleRepository } from './team-schedule.repository';

const SESSION_NOT_FOUND = 'Team session not found.';

/** A session with its drill safety for the squad, and what each player logged of it. */
export interface TeamSessionDetail {
  session: TeamSessionRecord;
  drillSafety: SessionDrillIssue[];
  players: SessionAttendanceDto[];
}

/** A row that passed every check, waiting to be stored. */
interface AcceptedRow {
  row: number;
  playerId: string;
  report: LogTeamSessionDto;
}

/**
 * Squad sessions: planned by the team's coaches with their drills checked against every squad player,
 * then logged by the coach for the whole squad at once or by each player from their own account. Every
 * log is a training log, so it feeds the player's load ledger like any other.
 */
@Injectable()
export class TeamSessionsService {
  constructor(
    private readonly teamAccess: TeamAccessService,
    private readonly playerAccess: PlayerAccessService,
    private readonly players: PlayersRepository,
    private readonly schedules: TeamScheduleRepository,
    private readonly drills: DrillProvider,
    private readonly trainingSessions: TrainingSessions,
  ) {}

  async create(
    caller: AuthUser,
    teamId: string,
    dto: CreateTeamSessionDto,
  ): Promise<{ session: TeamSessionRecord; drillSafety: SessionDrillIssue[] }> {
    const team = await this.teamAccess.findManageable(caller, teamId);
    const drills = (dto.drills ?? []).map(({ drillId, minutes }) => ({ drillId, minutes }));
    const { catalog } = await this.drills.current();
    const problems: FieldProblem[] = [];
    drills.forEach((d, i) => {
      if (!catalog.byId.has(d.drillId)) {
        problems.push({ path: `drills.${i}.drillId`, message: `${d.drillId} is not a drill of the library served` });
      }
    });
    const drillMinutes = drills.reduce((sum, d) => sum + d.minutes, 0);
    if (drillMinutes > dto.durationMin) {
      problems.push({
        path: 'drills',
        message: `the drills take ${drillMinutes} min, more than the session's ${dto.durationMin}`,
      });
    }
    if (problems.length > 0) throw new RuleProblem(problems);
    const session = await this.schedules.createSession({
      teamId,
      date: dto.date,
      startTime: dto.startTime,
      durationMin: dto.durationMin,
      intensity: dto.intensity,
      targetRpe: dto.targetRpe,
      drills,
      ...(dto.notes ? { notes: dto.notes } : {}),
      createdBy: caller.id,
    });
    const squad = await this.players.findByIds(team.playerIds);
    return { session, drillSafety: await this.safetyFor(session, squad) };
  }

  async list(caller: AuthUser, teamId: string, query: TeamScheduleQueryDto): Promise<Page<TeamSessionRecord>> {
    await this.teamAccess.findViewable(caller, teamId);
    const problems = dateWindowProblems(query);
    if (problems.length > 0) throw new RuleProblem(problems);
    return pageOf(await this.schedules.sessionsOf([teamId], { from: query.from, to: query.to }), query);
  }

  /** The team's coaches and admins see the whole squad; a squad player or parent sees their own players. */
  async get(caller: AuthUser, teamId: string, sessionId: string): Promise<TeamSessionDetail> {
    const team = await this.teamAccess.findViewable(caller, teamId, SESSION_NOT_FOUND);
    const session = await this.sessionOf(team, sessionId);
    const shown = canManageTeam(caller, team)
      ? null
      : new Set((await this.playerAccess.linkedPlayerIds(caller)).filter((id) => team.playerIds.includes(id)));
    const logs = (await this.trainingSessions.teamSessionLogs(sessionId)).filter(
      (l) => !shown || shown.has(l.playerId),
    );
    const squadIds = team.playerIds.filter((id) => !shown || shown.has(id));
    const formerIds = logs.map((l) => l.playerId).filter((id) => !team.playerIds.includes(id));
    const records = await this.players.findByIds([...squadIds, ...formerIds]);
    const byId = new Map(records.map((p) => [p.id, p]));
    const logOf = new Map(logs.map((l) => [l.playerId, l]));
    const attendance = (id: string, inSquad: boolean): SessionAttendanceDto[] => {
      const player = byId.get(id);
      return player ? [attendanceOf(player, inSquad, logOf.get(id))] : [];
    };
    return {
      session,
      drillSafety: await this.safetyFor(
        session,
        squadIds.map((id) => byId.get(id)).filter((p): p is PlayerRecord => p !== undefined),
      ),
      players: [...squadIds.flatMap((id) => attendance(id, true)), ...formerIds.flatMap((id) => attendance(id, false))],
    };
  }

  async remove(caller: AuthUser, teamId: string, sessionId: string): Promise<void> {
    const team = await this.teamAccess.findManageable(caller, teamId, SESSION_NOT_FOUND);
    await this.sessionOf(team, sessionId);
    const logs = await this.trainingSessions.teamSessionLogs(sessionId);
    if (logs.length > 0) {
      throw new ProblemException(
        409,
        `${logs.length} player(s) have logged this session: delete their training logs first (DELETE /training-logs/{id}).`,
        { slug: 'session-logged' },
      );
    }
    await this.schedules.deleteSession(sessionId);
  }

  /**
   * The coach's log of the whole squad. Each row is checked on its own, as the request of that row
   * alone would be (400, 404, 422, 409 in that order); the valid rows are stored, the others come back
   * together. A player named twice is logged by the first row that names them.
   */
  async logSquad(caller: AuthUser, teamId: string, sessionId: string, body: unknown): Promise<BulkLogResultDto> {
    const rows = bulkRows(body);
    const team = await this.teamAccess.findManageable(caller, teamId, SESSION_NOT_FOUND);
    const session = await this.sessionOf(team, sessionId);
    refuseFuture(session);
    const logged = new Set((await this.trainingSessions.teamSessionLogs(sessionId)).map((l) => l.playerId));
    const named = new Set<string>();
    const rejected: RejectedLogRowDto[] = [];
    const accepted: AcceptedRow[] = [];
    rows.forEach((raw, row) => {
      const checked = checkRow(raw, row);
      if ('rejected' in checked) return rejected.push(checked.rejected);
      const { report } = checked;
      const playerId = report.playerId.toLowerCase();
      const reject = (status: number, slug: string | undefined, errors: FieldProblem[]) =>
        rejected.push({ row, playerId, status, type: problemType(status, slug), errors });
      if (!team.playerIds.includes(playerId)) {
        return reject(404, undefined, [{ path: `${row}.playerId`, message: 'not a player of this squad' }]);
      }
      const problems = attendanceProblems(report);
      if (problems.length > 0) {
        return reject(
          422,
          'rule-violation',
          problems.map((p) => ({ path: `${row}.${p.path}`, message: p.message })),
        );
      }
      if (logged.has(playerId)) {
        return reject(409, 'already-logged', [{ path: `${row}.playerId`, message: 'already logged this session' }]);
      }
      if (named.has(playerId)) {
        return reject(409, 'already-logged', [
          { path: `${row}.playerId`, message: 'named by an earlier row of this request' },
        ]);
      }
      named.add(playerId);
      accepted.push({ row, playerId, report });
    });
    const stored: StoredLogRowDto[] = [];
    for (const { row, playerId, report } of accepted) {
      try {
        const log = await this.record(caller, session, playerId, report);
        stored.push({ row, playerId, logId: log.id });
      } catch (error) {
        // Logged by the player meanwhile.
        if (!isDuplicateKey(error)) throw error;
        rejected.push({
          row,
          playerId,
          status: 409,
          type: problemType(409, 'already-logged'),
          errors: [{ path: `${row}.playerId`, message: 'already logged this session' }],
        });
      }
    }
    return { stored, rejected: rejected.sort((a, b) => a.row - b.row) };
  }

  /** A squad player's own log; the team's coaches log for the squad instead. */
  async logOwn(
    caller: AuthUser,
    teamId: string,
    sessionId: string,
    dto: LogTeamSessionDto,
  ): Promise<TrainingLogRecord> {
    const team = await this.teamAccess.findViewable(caller, teamId, SESSION_NOT_FOUND);
    const own =
      caller.role === 'player'
        ? (await this.playerAccess.linkedPlayerIds(caller)).find((id) => team.playerIds.includes(id))
        : undefined;
    if (!own) {
      throw new ForbiddenException(
        "Squad players log their own session here; the team's coaches log the squad at POST /teams/{teamId}/sessions/{sessionId}/log.",
      );
    }
    const session = await this.sessionOf(team, sessionId);
    refuseFuture(session);
    const problems = attendanceProblems(dto);
    if (problems.length > 0) throw new RuleProblem(problems);
    try {
      return await this.record(caller, session, own, dto);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      throw new ProblemException(
        409,
        'This session is already logged for you; your coach can delete that log to change it.',
        {
          slug: 'already-logged',
        },
      );
    }
  }

  private record(
    caller: AuthUser,
    session: TeamSessionRecord,
    playerId: string,
    report: LogTeamSessionDto,
  ): Promise<TrainingLogRecord> {
    const durationMin = report.durationMin ?? 0;
    const rpe = report.rpe ?? 0;
    return this.trainingSessions.recordTeamSessionLog({
      playerId,
      date: session.date,
      kind: 'training',
      status: report.status,
      durationMin,
      rpe,
      load: report.status === 'done' ? sessionRpeLoad(durationMin, rpe) : 0,
      teamSessionId: session.id,
      ...(report.notes ? { notes: report.notes } : {}),
      loggedBy: caller.id,
    });
  }

  private async sessionOf(team: TeamRecord, sessionId: string): Promise<TeamSessionRecord> {
    const session = await this.schedules.findSession(sessionId);
    if (!session || session.teamId !== team.id) throw new NotFoundException(SESSION_NOT_FOUND);
    return session;
  }

  private async safetyFor(session: TeamSessionRecord, squad: readonly PlayerRecord[]): Promise<SessionDrillIssue[]> {
    if (session.drills.length === 0) return [];
    const { catalog } = await this.drills.current();
    return sessionDrillSafety(
      session,
      squad.map((p) => ({ id: p.id, player: trainingPlayerOn(p, session.date) })),
      catalog.byId,
    );
  }
}

function attendanceOf(
  player: PlayerRecord,
  inSquad: boolean,
  log: TrainingLogRecord | undefined,
): SessionAttendanceDto {
  const base = { playerId: player.id, firstName: player.firstName, lastName: player.lastName, inSquad };
  if (!log) return { ...base, status: 'not-logged' };
  return {
    ...base,
    status: log.status,
    logId: log.id,
    ...(log.status === 'done' ? { durationMin: log.durationMin, rpe: log.rpe, load: log.load } : {}),
  };
}

function refuseFuture(session: TeamSessionRecord): void {
  const problem = futureSessionProblem(session.date, toCalendarDate(new Date()));
  if (problem)
    throw new ProblemException(422, `This session has not taken place: ${problem}.`, { slug: 'session-ahead' });
}

/** The bulk body: a JSON array of 1 to MAX_LOG_ROWS rows, or a 400 for the whole request. */
function bulkRows(body: unknown): unknown[] {
  const refuse = (message: string) =>
    new ValidationProblem([{ path: 'body', message }], 'The request body must be a JSON array of log rows.');
  if (!Array.isArray(body)) throw refuse('a JSON array of log rows is required');
  if (body.length === 0) throw refuse('at least one row is required');
  if (body.length > MAX_LOG_ROWS) throw refuse(`at most ${MAX_LOG_ROWS} rows in one request`);
  return body;
}

/** One row validated as its own request body would be: the same DTO rules, paths prefixed by its position. */
function checkRow(raw: unknown, row: number): { report: TeamSessionLogRowDto } | { rejected: RejectedLogRowDto } {
  const playerId =
    raw !== null && typeof raw === 'object' && isObjectId((raw as { playerId?: unknown }).playerId)
      ? (raw as { playerId: string }).playerId.toLowerCase()
      : undefined;
  const reject = (problem: ProblemException, errors: FieldProblem[]) => ({
    rejected: {
      row,
      ...(playerId ? { playerId } : {}),
      status: problem.getStatus(),
      type: problemType(problem.getStatus(), problem.extra.slug),
      errors,
    },
  });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const problem = new ValidationProblem([]);
    return reject(problem, [{ path: `${row}`, message: 'each row must be a JSON object' }]);
  }
  const checked = validateAsBody(TeamSessionLogRowDto, raw);
  if ('value' in checked) return { report: checked.value };
  const { problem } = checked;
  return reject(
    problem,
    (problem.extra.errors ?? []).map((e) => ({ path: `${row}.${e.path}`, message: e.message })),
  );
}
