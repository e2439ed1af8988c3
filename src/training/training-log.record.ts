import type { LoadEntryKind, LoadEntryStatus } from './domain/load-monitoring';

export interface TrainingLogRecord {
  id: string;
  playerId: string;
  date: string;
  kind: LoadEntryKind;
  status: LoadEntryStatus;
  durationMin: number;
  rpe: number;
  /** Session-RPE load, durationMin x rpe (0 when skipped). */
  load: number;
  programId?: string;
  sessionId?: string;
  /** Set for a team session's log. */
  teamSessionId?: string;
  notes?: string;
  loggedBy: string;
  createdAt: Date;
}

export type TrainingLogData = Omit<TrainingLogRecord, 'id' | 'createdAt'>;
