import { PHYSICAL_AREA_NAMES } from '../../assessments/domain/profile';
import { RATINGS } from '../../assessments/domain/assessment-metrics';
import { BodyRegion, InjuryStatus, Level, Position, Sex } from '../../common/domain/enums';
import { Intensity } from '../../drills/domain/drill-format';

/** The programme shape clients code against, as pure data (dates are `YYYY-MM-DD`). */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** What a programme can aim at: the assessment's areas (physical tests and coach ratings), and goalkeeping. */
export const FOCUS_AREAS = [...PHYSICAL_AREA_NAMES, ...RATINGS, 'goalkeeping'] as const;
export type FocusArea = (typeof FOCUS_AREAS)[number];

export const PROGRAM_KINDS = ['standard', 'elite'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

export const BLOCK_KINDS = ['warm-up', 'main', 'cool-down'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export const SESSION_TYPES = [
  'technical',
  'tactical',
  'speed-agility',
  'strength-power',
  'endurance',
  'goalkeeping',
  'recovery',
  'activation',
] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export const FIXTURE_IMPORTANCE = ['normal', 'key'] as const;
export type FixtureImportance = (typeof FIXTURE_IMPORTANCE)[number];

export interface Fixture {
  date: string;
  importance: FixtureImportance;
}

/** The player as the generator and the safety check see them, at the programme's start date. */
export interface TrainingPlayer {
  /** Whole years on the start date. */
  ageYears: number;
  sex: Sex;
  level: Level;
  position: Position;
  injury: { status: InjuryStatus; bodyRegions: readonly BodyRegion[] };
}

export interface PlannedDrill {
  drillId: string;
  name: string;
  category: string;
  intensity: Intensity;
  minutes: number;
  reason: string;
}

export interface PlannedBlock {
  kind: BlockKind;
  drills: PlannedDrill[];
}

export interface PlannedSession {
  /** Stable within the programme: `w{week}-s{n}`. */
  id: string;
  date: string;
  type: SessionType;
  intensity: Intensity;
  plannedDurationMin: number;
  targetRpe: number;
  /** Session-RPE load (Foster et al. 2001): duration x RPE, arbitrary units. */
  plannedLoad: number;
  /** Elite programmes: the day relative to the nearest fixture, e.g. `MD-4`, `MD+1`. */
  matchDay?: string;
  blocks: PlannedBlock[];
}

export interface PlannedWeek {
  /** 1-based. */
  index: number;
  startDate: string;
  deload: boolean;
  plannedLoad: number;
  plannedMinutes: number;
  sessions: PlannedSession[];
}

/** What a programme changed from the usual plan for this player, and why; clients show it to the coach. */
export const PROGRAM_ADJUSTMENT_CODES = ['acl-prevention-paused'] as const;
export type ProgramAdjustmentCode = (typeof PROGRAM_ADJUSTMENT_CODES)[number];

export interface ProgramAdjustment {
  code: ProgramAdjustmentCode;
  message: string;
  /** The injured regions the adjustment protects. */
  bodyRegions: BodyRegion[];
}

export interface PlannedProgram {
  kind: ProgramKind;
  startDate: string;
  endDate: string;
  sessionsPerWeek: number;
  availableDays: Weekday[];
  focus: FocusArea[];
  fixtures: Fixture[];
  /** Empty when the programme follows the usual plan. */
  adjustments: ProgramAdjustment[];
  weeks: PlannedWeek[];
}
