import { Injectable } from '@nestjs/common';
import type { PlannedSession } from './domain/program';
import { ProgramsRepository } from './programs.repository';
import type { TrainingLogRecord } from './training-log.record';
import { TrainingLogsRepository } from './training-logs.repository';

/**
 * Read-only look-ups of logged and planned sessions for other modules (an activity names the session
 * it belongs to). Access is the caller's to check, on the player the session belongs to.
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
}
