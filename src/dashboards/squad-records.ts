import { Injectable } from '@nestjs/common';
import { addDays } from '../training/domain/calendar';
import { trainingLoadReport, TrainingLoadReport } from '../training/domain/external-load';
import type { PlannedSession, ProgramKind } from '../training/domain/program';
import { LoadLedger } from '../training/load-ledger';
import { TrainingRevisions } from '../training/training-revisions.repository';
import { TrainingSessions } from '../training/training-sessions';
import { WorkoutsService } from '../workouts/workouts.service';
import type { PlannedLog } from './domain/attendance';

/** A programme session planned for a player. */
export interface ProgrammeSessionRow {
  programId: string;
  playerId: string;
  kind: ProgramKind;
  session: PlannedSession;
}

/** What the squad board shows of a player's load report. */
export type LoadDigest = Pick<TrainingLoadReport, 'current' | 'warnings'> & {
  external: Pick<TrainingLoadReport['external'], 'hasData' | 'current' | 'warnings'>;
};

/** What the squad board reads of one player's own records for one date. */
export interface PlayerRecords {
  load: LoadDigest;
  /** Activities in the 7 days ending on the date. */
  recentActivities: number;
  /** The player's programme sessions from `from` to `to`. */
  programmeSessions: ProgrammeSessionRow[];
  /** The player's logs from `from` to the date, as far as they name a planned session. */
  logs: PlannedLog[];
}

/** The days a board reads around its date. */
export interface RecordsWindow {
  date: string;
  /** First day of the look-back. */
  from: string;
  /** Last day ahead. */
  to: string;
}

/** Players on boards, by date: a few squads of 60 polled over a few days. */
const CAPACITY = 2000;

/**
 * Each player's training records as a board needs them, read for the whole squad at once and kept while the
 * player's revisions stay the same: the training revision (training logs, programmes, activities) and the
 * finished-workouts revision, which between them cover every source of the load ledger and the plan. A
 * polled board then reads the revisions, not a season of history; a player whose records changed since is
 * read again (with every other such player, in one read per source). In-process and bounded, least recently
 * used first out; every instance keeps its own, the revisions in the database keep them all right. A source
 * added to the ledger needs its revision here.
 */
@Injectable()
export class SquadRecords {
  private readonly kept = new Map<string, { revision: string; records: PlayerRecords }>();

  constructor(
    private readonly ledger: LoadLedger,
    private readonly sessions: TrainingSessions,
    private readonly revisions: TrainingRevisions,
    private readonly workouts: WorkoutsService,
  ) {}

  async of(playerIds: readonly string[], window: RecordsWindow): Promise<Map<string, PlayerRecords>> {
    // Read before the records: a change written meanwhile is either in what is read, or in the next revision.
    const [training, finished] = await Promise.all([
      this.revisions.currentOf(playerIds),
      this.workouts.finishedRevisions(playerIds),
    ]);
    const keyOf = (id: string) => `${id}|${window.date}|${window.from}|${window.to}`;
    const revisionOf = (id: string) => `${training.get(id) ?? 0}:${finished.get(id) ?? 0}`;
    const found = new Map<string, PlayerRecords>();
    const stale: string[] = [];
    for (const id of playerIds) {
      const key = keyOf(id);
      const hit = this.kept.get(key);
      if (hit && hit.revision === revisionOf(id)) {
        this.kept.delete(key);
        this.kept.set(key, hit);
        found.set(id, hit.records);
      } else {
        stale.push(id);
      }
    }
    if (stale.length === 0) return found;

    const [entries, external, programmeSessions, logs] = await Promise.all([
      this.ledger.squadEntries(stale, window.date),
      this.ledger.squadExternalEntries(stale, window.date),
      this.sessions.plannedBetween(stale, window.from, window.to),
      this.sessions.logsBetween(stale, window.from, window.date),
    ]);
    const weekFrom = addDays(window.date, -6);
    const sessionsOf = byPlayer(programmeSessions);
    const logsOf = byPlayer(logs);
    for (const id of stale) {
      const activities = external.get(id) ?? [];
      // The report's current figures do not depend on its window: one day is the cheapest to ask for.
      const report = trainingLoadReport(entries.get(id) ?? [], activities, { from: window.date, to: window.date });
      const records: PlayerRecords = {
        load: {
          current: report.current,
          warnings: report.warnings,
          external: {
            hasData: report.external.hasData,
            current: report.external.current,
            warnings: report.external.warnings,
          },
        },
        recentActivities: activities.filter((a) => a.date >= weekFrom).length,
        programmeSessions: sessionsOf.get(id) ?? [],
        logs: (logsOf.get(id) ?? []).map(({ playerId, status, programId, sessionId, teamSessionId }) => ({
          playerId,
          status,
          ...(programId ? { programId, sessionId } : {}),
          ...(teamSessionId ? { teamSessionId } : {}),
        })),
      };
      found.set(id, records);
      this.kept.delete(keyOf(id));
      this.kept.set(keyOf(id), { revision: revisionOf(id), records });
      if (this.kept.size > CAPACITY) this.kept.delete(this.kept.keys().next().value!);
    }
    return found;
  }
}

function byPlayer<T extends { playerId: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.playerId);
    if (list) list.push(row);
    else grouped.set(row.playerId, [row]);
  }
  return grouped;
}
