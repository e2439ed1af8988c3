/** What is coming up for a player: team sessions, fixtures and programme sessions in one time order. Pure. */

import type { Intensity } from '../../drills/domain/drill-format';
import type { FixtureImportance, SessionType } from '../../training/domain/program';
import type { Venue } from '../../teams/domain/team';

export const UPCOMING_KINDS = ['team-session', 'fixture', 'programme-session'] as const;
export type UpcomingKind = (typeof UPCOMING_KINDS)[number];

export interface UpcomingEvent {
  kind: UpcomingKind;
  /** The team session's, fixture's or programme session's id. */
  id: string;
  date: string;
  /** `HH:MM` in the academy's time zone: a team session's start, a fixture's kick-off; null for a programme session. */
  time: string | null;
  /** Team session and fixture. */
  teamId?: string;
  /** Programme session. */
  programId?: string;
  sessionType?: SessionType;
  /** Team and programme sessions. */
  durationMin?: number;
  intensity?: Intensity;
  /** Fixture. */
  opponent?: string;
  venue?: Venue;
  importance?: FixtureImportance;
}

/** In date order, then time (programme sessions, without one, last in their day), then kind and id. */
export function inTimeOrder(events: readonly UpcomingEvent[]): UpcomingEvent[] {
  const kindRank = (k: UpcomingKind) => UPCOMING_KINDS.indexOf(k);
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...events].sort(
    (a, b) =>
      compare(a.date, b.date) ||
      compare(a.time ?? '~', b.time ?? '~') ||
      kindRank(a.kind) - kindRank(b.kind) ||
      compare(a.id, b.id),
  );
}
