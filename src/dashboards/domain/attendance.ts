/**
 * What was planned for a player and what became of it: programme sessions and team sessions, matched with
 * their logs. Pure: dates are `YYYY-MM-DD` calendar days, both ends of a window included.
 */

import type { ExternalLoadEntry } from '../../training/domain/external-load';
import { entryLoad, type LoadEntry, type LoadEntryStatus, roundOrNull } from '../../training/domain/load-monitoring';

/** One session planned for one player: a session of one of their programmes, or of their team. */
export type PlannedFor =
  | { source: 'programme'; playerId: string; date: string; programId: string; sessionId: string }
  | { source: 'team'; playerId: string; date: string; teamSessionId: string };

/** What a training log says about the planned session it belongs to, if any. */
export interface PlannedLog {
  playerId: string;
  status: LoadEntryStatus;
  programId?: string;
  sessionId?: string;
  teamSessionId?: string;
}

/** A window of days, both included. */
export interface DayWindow {
  from: string;
  to: string;
}

const programmeKey = (programId: string, sessionId: string) => `programme:${programId}:${sessionId}`;
const teamKey = (teamSessionId: string, playerId: string) => `team:${teamSessionId}:${playerId}`;

function keyOfPlanned(planned: PlannedFor): string {
  return planned.source === 'programme'
    ? programmeKey(planned.programId, planned.sessionId)
    : teamKey(planned.teamSessionId, planned.playerId);
}

/** The status each planned session was logged with; logs of no planned session are left out. */
export class PlannedLogIndex {
  private readonly statuses = new Map<string, LoadEntryStatus>();

  constructor(logs: readonly PlannedLog[]) {
    for (const log of logs) {
      if (log.programId && log.sessionId) this.statuses.set(programmeKey(log.programId, log.sessionId), log.status);
      if (log.teamSessionId) this.statuses.set(teamKey(log.teamSessionId, log.playerId), log.status);
    }
  }

  /** The log's status, or undefined when the session has no log. */
  statusOf(planned: PlannedFor): LoadEntryStatus | undefined {
    return this.statuses.get(keyOfPlanned(planned));
  }
}

const within = (date: string, window: DayWindow) => date >= window.from && date <= window.to;

export interface Adherence {
  /** Planned sessions dated in the window. */
  planned: number;
  /** Of those, the ones logged as done. */
  done: number;
  /** done / planned to 2 decimals; null when nothing was planned. */
  rate: number | null;
}

/** Done over planned, for the planned sessions dated in the window. */
export function adherence(planned: readonly PlannedFor[], logs: PlannedLogIndex, window: DayWindow): Adherence {
  const inWindow = planned.filter((p) => within(p.date, window));
  const done = inWindow.filter((p) => logs.statusOf(p) === 'done').length;
  return {
    planned: inWindow.length,
    done,
    rate: inWindow.length === 0 ? null : roundOrNull(done / inWindow.length, 2),
  };
}

/** Planned sessions dated in the window that have no log at all (neither done, skipped nor injured). */
export function unlogged(planned: readonly PlannedFor[], logs: PlannedLogIndex, window: DayWindow): PlannedFor[] {
  return planned.filter((p) => within(p.date, window) && logs.statusOf(p) === undefined);
}

/** Tonnage of one finished workout on its date. */
export interface WorkoutTonnage {
  date: string;
  tonnageKg: number;
}

/** What a player did in a window of days, from every source that records it. */
export interface WindowMetrics {
  from: string;
  to: string;
  /** Programme and team sessions dated in the window. */
  plannedSessions: number;
  /** Of those, the ones logged as done. */
  plannedSessionsDone: number;
  /** Every session done: logged sessions (planned or not, matches included) and finished workouts. */
  sessionsDone: number;
  /** Minutes of the sessions done. */
  minutes: number;
  /** Session-RPE load of the sessions done (AU, Foster et al. 2001), rounded to whole AU. */
  sessionRpeLoad: number;
  /** Activity files recorded. */
  activities: number;
  /** Total distance of the activities (m), rounded to whole metres. */
  distanceM: number;
  /** High-speed running of the activities (m), as the activities module defines its zone. */
  highSpeedRunningM: number;
  /** Finished workouts. */
  workouts: number;
  /** Strength tonnage of the finished workouts (kg, working sets only), to 0.1 kg. */
  tonnageKg: number;
}

/** The window's figures, from the load ledger's entries (both kinds), the workouts' tonnage and the plan. */
export function windowMetrics(
  window: DayWindow,
  sources: {
    sessions: readonly LoadEntry[];
    external: readonly ExternalLoadEntry[];
    workouts: readonly WorkoutTonnage[];
    planned: readonly PlannedFor[];
    logs: PlannedLogIndex;
  },
): WindowMetrics {
  const done = sources.sessions.filter((e) => e.status === 'done' && within(e.date, window));
  const activities = sources.external.filter((e) => within(e.date, window));
  const workouts = sources.workouts.filter((w) => within(w.date, window));
  const plan = adherence(sources.planned, sources.logs, window);
  const sum = <T>(rows: readonly T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    from: window.from,
    to: window.to,
    plannedSessions: plan.planned,
    plannedSessionsDone: plan.done,
    sessionsDone: done.length,
    minutes: sum(done, (e) => e.durationMin),
    sessionRpeLoad: Math.round(sum(done, entryLoad)),
    activities: activities.length,
    distanceM: Math.round(sum(activities, (e) => e.distanceM)),
    highSpeedRunningM: Math.round(sum(activities, (e) => e.highSpeedRunningM)),
    workouts: workouts.length,
    tonnageKg: Math.round(sum(workouts, (w) => w.tonnageKg) * 10) / 10,
  };
}
