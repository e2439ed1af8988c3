import { dateWindowProblems } from '../common/domain/date-window';
import { Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { ProblemException, RuleProblem } from '../common/errors/problem';
import { Page, skipFor } from '../common/pagination/pagination.dto';
import { toCalendarDate } from '../common/validation/calendar-date';
import { PlayerAccessService } from '../players/player-access.service';
import { PlayerLifecycle } from '../players/player-lifecycle';
import { daysBetween } from './domain/calendar';
import { TrainingLoadReport, trainingLoadReport } from './domain/external-load';
import { sessionRpeLoad } from './domain/load-monitoring';
import { attendanceProblems, futureSessionProblem } from './domain/session-log';
import { DateRangeQueryDto } from '../common/validation/date-range-query.dto';
import { LoadLedger } from './load-ledger';
import { LogSessionDto, LogUnplannedDto, TrainingLogsQueryDto } from './dto/training-log.dto';
import { ProgramsService } from './programs.service';
import { TrainingLogRecord } from './training-log.record';
import { TrainingLogsRepository } from './training-logs.repository';

/** A load report covers at most a year of days (the history behind it can be longer). */
const MAX_REPORT_DAYS = 366;

/** What players actually did, and the load monitoring built on it. */
@Injectable()
export class TrainingLoadService implements OnModuleInit {
  constructor(
    private readonly logs: TrainingLogsRepository,
    private readonly programs: ProgramsService,
    private readonly access: PlayerAccessService,
    private readonly lifecycle: PlayerLifecycle,
    private readonly ledger: LoadLedger,
  ) {}

  onModuleInit(): void {
    this.lifecycle.whenDeleted((playerId) => this.logs.deleteForPlayer(playerId));
    this.ledger.contribute(
      (playerId, to) => this.logs.loadEntries(playerId, to),
      (playerIds, to) => this.logs.loadEntriesOf(playerIds, to),
    );
  }

  /** One log per planned session: done (with minutes and RPE), or skipped or injured (no load). */
  async logPlannedSession(
    caller: AuthUser,
    programId: string,
    sessionId: string,
    dto: LogSessionDto,
  ): Promise<TrainingLogRecord> {
    const program = await this.programs.get(caller, programId);
    await this.access.findReportable(caller, program.playerId);
    const session = program.weeks.flatMap((w) => w.sessions).find((s) => s.id === sessionId);
    if (!session) throw new NotFoundException(`This programme has no session "${sessionId}".`);
    const problems = attendanceProblems(dto);
    const date = dto.date ?? session.date;
    const future = futureSessionProblem(date, today());
    if (future) problems.push({ path: 'date', message: future });
    if (problems.length > 0) throw new RuleProblem(problems);
    const existing = await this.logs.findPlanned(programId, sessionId);
    if (existing) {
      throw new ProblemException(
        409,
        `Session ${sessionId} is already logged; delete that log (${existing.id}) to change it.`,
        {
          slug: 'already-logged',
        },
      );
    }
    const durationMin = dto.durationMin ?? 0;
    const rpe = dto.rpe ?? 0;
    return this.logs.create({
      playerId: program.playerId,
      date,
      kind: 'training',
      status: dto.status,
      durationMin,
      rpe,
      load: dto.status === 'done' ? sessionRpeLoad(durationMin, rpe) : 0,
      programId,
      sessionId,
      notes: dto.notes,
      loggedBy: caller.id,
    });
  }

  async logUnplanned(caller: AuthUser, playerId: string, dto: LogUnplannedDto): Promise<TrainingLogRecord> {
    await this.access.findReportable(caller, playerId);
    return this.logs.create({
      playerId,
      date: dto.date,
      kind: dto.kind,
      status: 'done',
      durationMin: dto.durationMin,
      rpe: dto.rpe,
      load: sessionRpeLoad(dto.durationMin, dto.rpe),
      notes: dto.notes,
      loggedBy: caller.id,
    });
  }

  async list(caller: AuthUser, playerId: string, query: TrainingLogsQueryDto): Promise<Page<TrainingLogRecord>> {
    await this.access.findViewable(caller, playerId);
    checkRange(query.from, query.to);
    const { items, total } = await this.logs.listForPlayer(
      playerId,
      { from: query.from, to: query.to },
      skipFor(query),
      query.limit,
    );
    return { items, total, page: query.page, limit: query.limit };
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    const log = await this.logs.findById(id);
    if (!log) throw new NotFoundException('Training log not found.');
    await this.access.findReportable(caller, log.playerId, 'Training log not found.');
    await this.logs.delete(id);
  }

  /** Session-RPE load from every session source, external load from every activity source, as of `to`. */
  async report(caller: AuthUser, playerId: string, query: DateRangeQueryDto): Promise<TrainingLoadReport> {
    await this.access.findViewable(caller, playerId);
    const to = query.to ?? today();
    checkRange(query.from, to);
    const [sessions, external] = await Promise.all([
      this.ledger.entries(playerId, to),
      this.ledger.externalEntries(playerId, to),
    ]);
    return trainingLoadReport(sessions, external, { from: query.from, to });
  }
}

function today(): string {
  return toCalendarDate(new Date());
}

function checkRange(from: string | undefined, to: string | undefined): void {
  if (!from || !to) return;
  const order = dateWindowProblems({ from, to });
  if (order.length > 0) throw new RuleProblem(order);
  if (daysBetween(from, to) >= MAX_REPORT_DAYS) {
    throw new RuleProblem([{ path: 'from', message: `at most ${MAX_REPORT_DAYS} days from from to to` }]);
  }
}
