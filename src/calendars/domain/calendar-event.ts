import type { ActivityKind } from '../../activities/domain/activity';
import type { LoadEntryKind, LoadEntryStatus } from '../../training/domain/load-monitoring';
import type { FixtureImportance, PlannedSession } from '../../training/domain/program';
import type { FixtureRecord, TeamRecord, TeamSessionRecord, Venue } from '../../teams/domain/team';
import type { WorkoutStatus } from '../../workouts/domain/workout';
import { calendarDateIn, zonedDateTimeToUtc } from '../../settings/domain/zoned-time';

export const CALENDAR_EVENT_KINDS = [
  'planned-session',
  'team-session',
  'fixture',
  'logged-session',
  'workout',
  'activity',
] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

/** A planned or team session not logged yet, or the status of its log. */
export type SessionStatus = 'planned' | LoadEntryStatus;

/** One entry of a calendar. Times of day are the academy's; `start`/`end` are UTC instants. */
export interface CalendarEvent {
  kind: CalendarEventKind;
  /** Unique within the kind (a planned session: `<programId>:<sessionId>`). */
  id: string;
  title: string;
  /** The academy's calendar date, `YYYY-MM-DD`. */
  date: string;
  start?: string;
  end?: string;
  allDay: boolean;
  playerId?: string;
  teamId?: string;
  programId?: string;
  sessionId?: string;
  teamSessionId?: string;
  fixtureId?: string;
  trainingLogId?: string;
  workoutId?: string;
  activityId?: string;
  status?: SessionStatus | WorkoutStatus;
  durationMin?: number;
  rpe?: number;
  opponent?: string;
  venue?: Venue;
  importance?: FixtureImportance;
  activityKind?: ActivityKind;
  distanceM?: number;
}

/** What the calendars read, as plain data. */
export interface PlannedSessionEntry {
  programId: string;
  playerId: string;
  session: PlannedSession;
}

export interface TrainingLogEntry {
  id: string;
  playerId: string;
  date: string;
  kind: LoadEntryKind;
  status: LoadEntryStatus;
  durationMin: number;
  rpe: number;
  programId?: string;
  sessionId?: string;
  teamSessionId?: string;
}

export interface WorkoutEntry {
  id: string;
  playerId: string;
  date: string;
  name: string;
  status: WorkoutStatus;
  durationMin?: number;
}

export interface ActivityEntry {
  id: string;
  playerId: string;
  kind: ActivityKind;
  title: string;
  startedAt: Date;
  elapsedS: number;
  distanceM: number;
  attachment?: { trainingLogId?: string; programId?: string; sessionId?: string };
}

export interface CalendarSources {
  timeZone: string;
  teams: readonly Pick<TeamRecord, 'id' | 'name'>[];
  teamSessions: readonly TeamSessionRecord[];
  fixtures: readonly FixtureRecord[];
  planned?: readonly PlannedSessionEntry[];
  logs?: readonly TrainingLogEntry[];
  workouts?: readonly WorkoutEntry[];
  activities?: readonly ActivityEntry[];
  /** The player whose calendar it is: their logs mark their sessions done. */
  playerId?: string;
}

const MINUTE_MS = 60_000;
const KIND_ORDER = new Map(CALENDAR_EVENT_KINDS.map((kind, i) => [kind, i]));

const words = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' ');

function timed(date: string, hhmm: string, durationMin: number | undefined, timeZone: string) {
  const start = zonedDateTimeToUtc(date, hhmm, timeZone);
  return {
    start: start.toISOString(),
    ...(durationMin !== undefined ? { end: new Date(start.getTime() + durationMin * MINUTE_MS).toISOString() } : {}),
    allDay: false,
  };
}

function logFields(log: TrainingLogEntry | undefined): Partial<CalendarEvent> {
  if (!log) return { status: 'planned' };
  return { status: log.status, trainingLogId: log.id, durationMin: log.durationMin, rpe: log.rpe };
}

/**
 * A calendar's events in time order: by date, the all-day ones first, then by start, kind and id.
 * On a player's calendar a log of a planned or team session marks that session (its status, RPE and
 * minutes) instead of being a second event; other logs are events of their own.
 */
export function buildCalendar(sources: CalendarSources): CalendarEvent[] {
  const { timeZone } = sources;
  const teamNames = new Map(sources.teams.map((t) => [t.id, t.name]));
  const logs = sources.logs ?? [];
  const logOfPlanned = new Map<string, TrainingLogEntry>();
  const logOfTeamSession = new Map<string, TrainingLogEntry>();
  for (const log of logs) {
    if (log.teamSessionId) logOfTeamSession.set(log.teamSessionId, log);
    else if (log.programId && log.sessionId) logOfPlanned.set(`${log.programId}:${log.sessionId}`, log);
  }
  const shownLogs = new Set<string>();
  const events: CalendarEvent[] = [];

  for (const { programId, playerId, session } of sources.planned ?? []) {
    const id = `${programId}:${session.id}`;
    const log = logOfPlanned.get(id);
    if (log) shownLogs.add(log.id);
    events.push({
      kind: 'planned-session',
      id,
      title: `${words(session.type)} session${session.matchDay ? ` (${session.matchDay})` : ''}`,
      date: session.date,
      allDay: true,
      playerId,
      programId,
      sessionId: session.id,
      durationMin: session.plannedDurationMin,
      ...logFields(log),
    });
  }

  for (const s of sources.teamSessions) {
    const log = sources.playerId ? logOfTeamSession.get(s.id) : undefined;
    if (log) shownLogs.add(log.id);
    events.push({
      kind: 'team-session',
      id: s.id,
      title: `${teamNames.get(s.teamId) ?? 'Team'} training`,
      date: s.date,
      ...timed(s.date, s.startTime, s.durationMin, timeZone),
      teamId: s.teamId,
      teamSessionId: s.id,
      durationMin: s.durationMin,
      ...(sources.playerId ? logFields(log) : {}),
    });
  }

  for (const f of sources.fixtures) {
    const team = teamNames.get(f.teamId) ?? 'Team';
    events.push({
      kind: 'fixture',
      id: f.id,
      title: f.venue === 'home' ? `${team} vs ${f.opponent}` : `${f.opponent} vs ${team}`,
      date: f.date,
      // A match's length depends on the age group's rules, which are not stored: the kick-off only.
      ...timed(f.date, f.kickOff, undefined, timeZone),
      teamId: f.teamId,
      fixtureId: f.id,
      opponent: f.opponent,
      venue: f.venue,
      importance: f.importance,
    });
  }

  for (const log of logs) {
    if (shownLogs.has(log.id)) continue;
    events.push({
      kind: 'logged-session',
      id: log.id,
      title: log.kind === 'match' ? 'Match (logged)' : 'Training (logged)',
      date: log.date,
      allDay: true,
      playerId: log.playerId,
      trainingLogId: log.id,
      status: log.status,
      durationMin: log.durationMin,
      rpe: log.rpe,
      ...(log.programId ? { programId: log.programId } : {}),
      ...(log.sessionId ? { sessionId: log.sessionId } : {}),
      ...(log.teamSessionId ? { teamSessionId: log.teamSessionId } : {}),
    });
  }

  for (const w of sources.workouts ?? []) {
    events.push({
      kind: 'workout',
      id: w.id,
      title: w.name,
      date: w.date,
      allDay: true,
      playerId: w.playerId,
      workoutId: w.id,
      status: w.status,
      ...(w.durationMin !== undefined ? { durationMin: w.durationMin } : {}),
    });
  }

  for (const a of sources.activities ?? []) {
    events.push({
      kind: 'activity',
      id: a.id,
      title: a.title,
      date: calendarDateIn(timeZone, a.startedAt),
      start: a.startedAt.toISOString(),
      end: new Date(a.startedAt.getTime() + Math.round(a.elapsedS * 1000)).toISOString(),
      allDay: false,
      playerId: a.playerId,
      activityId: a.id,
      activityKind: a.kind,
      distanceM: a.distanceM,
      ...(a.attachment?.trainingLogId ? { trainingLogId: a.attachment.trainingLogId } : {}),
      ...(a.attachment?.programId ? { programId: a.attachment.programId } : {}),
      ...(a.attachment?.sessionId ? { sessionId: a.attachment.sessionId } : {}),
    });
  }

  return events.sort(compareEvents);
}

function compareEvents(a: CalendarEvent, b: CalendarEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.allDay !== b.allDay) return a.allDay ? -1 : 1;
  const byStart = (a.start ?? '').localeCompare(b.start ?? '');
  if (byStart !== 0) return byStart;
  const byKind = KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!;
  if (byKind !== 0) return byKind;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
