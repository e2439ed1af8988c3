import type { Intensity } from '../../drills/domain/drill-format';
import type { FixtureImportance } from '../../training/domain/program';

/** Age groups as academies name their squads: under-7 to under-23, then senior. */
export const AGE_GROUPS = [
  'U7',
  'U8',
  'U9',
  'U10',
  'U11',
  'U12',
  'U13',
  'U14',
  'U15',
  'U16',
  'U17',
  'U18',
  'U19',
  'U20',
  'U21',
  'U22',
  'U23',
  'senior',
] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const TEAM_SEXES = ['male', 'female', 'mixed'] as const;
export type TeamSex = (typeof TEAM_SEXES)[number];

export const VENUES = ['home', 'away'] as const;
export type Venue = (typeof VENUES)[number];

/** A squad: who plays in it and who coaches it. */
export interface TeamRecord {
  id: string;
  name: string;
  season: string;
  ageGroup: AgeGroup;
  sex: TeamSex;
  playerIds: string[];
  coachIds: string[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type TeamProfile = Pick<TeamRecord, 'name' | 'season' | 'ageGroup' | 'sex'>;

/** A match on the team's fixture list. `kickOff` is `HH:MM` local time in the academy's time zone. */
export interface FixtureRecord {
  id: string;
  teamId: string;
  date: string;
  kickOff: string;
  opponent: string;
  venue: Venue;
  importance: FixtureImportance;
  createdBy: string;
  createdAt: Date;
}

export type FixtureData = Omit<FixtureRecord, 'id' | 'createdAt'>;

/** A drill planned for a squad session. */
export interface TeamSessionDrill {
  drillId: string;
  minutes: number;
}

/** One planned session for the whole squad. `startTime` is `HH:MM` local time in the academy's time zone. */
export interface TeamSessionRecord {
  id: string;
  teamId: string;
  date: string;
  startTime: string;
  durationMin: number;
  intensity: Intensity;
  targetRpe: number;
  drills: TeamSessionDrill[];
  notes?: string;
  createdBy: string;
  createdAt: Date;
}

export type TeamSessionData = Omit<TeamSessionRecord, 'id' | 'createdAt'>;
