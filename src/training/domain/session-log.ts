import type { LoadEntryStatus } from './load-monitoring';

/** What a player reports of a session: done with minutes and session RPE, or skipped or injured with neither. */
export interface AttendanceReport {
  status: LoadEntryStatus;
  durationMin?: number;
  rpe?: number;
}

/**
 * The rule every log of a planned session follows (a programme's or a squad's): done needs the minutes and
 * the session RPE that make its load (Foster et al. 2001); a session not trained has no load to give.
 */
export function attendanceProblems(report: AttendanceReport): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (report.status === 'done') {
    if (report.durationMin === undefined)
      problems.push({ path: 'durationMin', message: 'a done session needs its minutes' });
    if (report.rpe === undefined)
      problems.push({ path: 'rpe', message: 'a done session needs its session RPE (0-10)' });
  } else {
    if (report.durationMin !== undefined)
      problems.push({ path: 'durationMin', message: `a session logged ${report.status} has no minutes` });
    if (report.rpe !== undefined)
      problems.push({ path: 'rpe', message: `a session logged ${report.status} has no RPE` });
  }
  return problems;
}

/** A session is logged once it has taken place: never one dated after today. */
export function futureSessionProblem(sessionDate: string, today: string): string | null {
  return sessionDate > today ? `the session is on ${sessionDate}: log it once it has taken place` : null;
}
