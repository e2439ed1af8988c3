import { Injectable } from '@nestjs/common';
import type { PlannedSession } from './domain/program';
import { ProgramsRepository } from './programs.repository';
import type { TrainingLogData, TrainingLogRecord } from './training-log.record';
import { TrainingLogsRepository } from './training-logs.repository';

/**
 * Logged and planned sessions for other modules: an activity names the session it belongs to, a team
 * session records its squad's logs here, dashboards and calendars read windows of both. Access is the
 * caller's to check, on the player the session belongs to.
 */
@Injectable()
export class TrainingSessions {
  constructor(
    private readonly logs: TrainingLogsRepository,
    private readonly programs: ProgramsRepository,
  ) {}

  log(id: string): Promise<TrainingLogRecord | null> {
    return this.logs.findById(id);
  }

  /** The planned session with its programme's player, and the session's log when it has one. */
  async plannedSession(
    programId: string,
    sessionId: string,
  ): Promise<{ playerId: string; session: PlannedSession; log: TrainingLogRecord | null } | null> {
    const program = await this.programs.findById(programId);
    const session = program?.weeks.flatMap((w) => w.sessions).find((s) => s.id === sessionId);
    if (!program || !session) return null;
    return { playerId: program.playerId, session, log: await this.logs.findPlanned(programId, sessionId) };
  }

  /** Planned programme sessions of these players within the dates (inclusive), in date order. */
  plannedBetween(playerIds: readonly string[], from: string, to: string) {
    return this.programs.plannedSessionsBetween(playerIds, from, to);
  }

  /** Logs of these players within the dates (inclusive), oldest first. */
  logsBetween(playerIds: readonly string[], from: string, to: string): Promise<TrainingLogRecord[]> {
    return this.logs.forPlayersBetween(playerIds, from, to);
  }

  teamSessionLogs(teamSessionId: string): Promise<TrainingLogRecord[]> {
    return this.logs.forTeamSession(teamSessionId);
  }

  /**
   * Stores one player's log of a team session. A second log for the same player and session fails with a
   * duplicate key (see `isDuplicateKey`), which is the caller's 409.
   */
  recordTeamSessionLog(data: TrainingLogData & { teamSessionId: string }): Promise<TrainingLogRecord> {
    return this.logs.create(data);
  }
}
