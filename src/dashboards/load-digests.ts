import { createHash } from 'node:crypto';
import type { ExternalLoadEntry } from '../training/domain/external-load';
import { trainingLoadReport, TrainingLoadReport } from '../training/domain/external-load';
import type { LoadEntry } from '../training/domain/load-monitoring';

/** What a board shows of a player's load report. */
export type LoadDigest = Pick<TrainingLoadReport, 'current' | 'warnings'> & {
  external: Pick<TrainingLoadReport['external'], 'hasData' | 'current' | 'warnings'>;
};

/** Players' digests kept in one process: a squad of 60 on a few boards and dates. */
const CAPACITY = 2000;

/**
 * The load report's figures and warnings for a player on a date, remembered by the entries they were worked
 * out from: a board polled while nothing changed reads the ledger again but does not work a season of history
 * out again. The report is a pure function of the entries and the date, so an answer kept for the same
 * entries is the answer; any change to them (a new log, a deleted workout) is another key. In-process and
 * bounded, least recently used first out.
 */
export class LoadDigests {
  private readonly kept = new Map<string, LoadDigest>();

  of(sessions: readonly LoadEntry[], external: readonly ExternalLoadEntry[], date: string): LoadDigest {
    const key = digestKey(sessions, external, date);
    const hit = this.kept.get(key);
    if (hit) {
      this.kept.delete(key);
      this.kept.set(key, hit);
      return hit;
    }
    const report = trainingLoadReport(sessions, external, { from: date, to: date });
    const digest: LoadDigest = {
      current: report.current,
      warnings: report.warnings,
      external: {
        hasData: report.external.hasData,
        current: report.external.current,
        warnings: report.external.warnings,
      },
    };
    this.kept.set(key, digest);
    if (this.kept.size > CAPACITY) this.kept.delete(this.kept.keys().next().value!);
    return digest;
  }
}

function digestKey(sessions: readonly LoadEntry[], external: readonly ExternalLoadEntry[], date: string): string {
  const hash = createHash('sha256').update(date);
  for (const e of sessions) hash.update(`|${e.date},${e.durationMin},${e.rpe},${e.status},${e.kind}`);
  hash.update('#');
  for (const e of external) {
    hash.update(`|${e.date},${e.distanceM},${e.highSpeedRunningM},${e.sprintDistanceM},${e.accelerations},${e.match}`);
  }
  return hash.digest('base64url');
}
