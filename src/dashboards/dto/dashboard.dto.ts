import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AreaScoreDto } from '../../assessments/dto/summary.dto';
import { INJURY_STATUSES, InjuryStatus, POSITIONS, Position } from '../../common/domain/enums';
import { IsCalendarDate } from '../../common/validation/calendar-date';
import { IsOmittable } from '../../common/validation/omittable';
import { INTENSITIES, Intensity } from '../../drills/domain/drill-format';
import { VENUES, Venue } from '../../teams/domain/team';
import {
  FIXTURE_IMPORTANCE,
  FixtureImportance,
  PROGRAM_KINDS,
  ProgramKind,
  SESSION_TYPES,
  SessionType,
} from '../../training/domain/program';
import {
  PLAYER_STATUSES,
  PlayerStatus,
  REASON_SEVERITIES,
  ReasonSeverity,
  STATUS_REASON_CODES,
  StatusReasonCode,
} from '../domain/player-status';
import { UPCOMING_KINDS, UpcomingKind } from '../domain/upcoming';

export class DashboardQueryDto {
  /** The day the dashboard is for; the academy's calendar date (in its time zone) when left out. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOmittable()
  @IsCalendarDate()
  date?: string;
}

export class DashboardStatusReasonDto {
  @ApiProperty({ enum: STATUS_REASON_CODES })
  code!: StatusReasonCode;
  /** What it means, in plain words for a coach. */
  message!: string;
  @ApiProperty({ enum: REASON_SEVERITIES })
  severity!: ReasonSeverity;
}

export class DashboardLoadDto {
  /** Acute:chronic workload ratio on the date (EWMA, Williams et al. 2017); null until 28 days of history. */
  @ApiProperty({ type: Number, nullable: true })
  acwr!: number | null;
  /** Foster's monotony over the 7 days ending on the date; null until 7 days of history, or without variation. */
  @ApiProperty({ type: Number, nullable: true })
  monotony!: number | null;
  /** Session-RPE load of the 7 days ending on the date (AU). */
  last7DaysLoad!: number;
  /** Change over the 7 days before, in %; null without those 7 days or their load. */
  @ApiProperty({ type: Number, nullable: true })
  changePct!: number | null;
}

export class DashboardExternalWeekDto {
  /** Activities recorded in the 7 days ending on the date. */
  activities!: number;
  /** Total distance of those 7 days (m). */
  distanceM!: number;
  /** High-speed running of those 7 days (m). */
  highSpeedRunningM!: number;
  /** Sprint distance of those 7 days (m). */
  sprintDistanceM!: number;
}

export class DashboardAssessmentDto {
  assessmentId!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  /** The weakest areas of that assessment, as its summary finds them (weakest first). */
  @ApiProperty({ type: [AreaScoreDto] })
  weakestAreas!: AreaScoreDto[];
}

export class DashboardEventDto {
  @ApiProperty({ enum: UPCOMING_KINDS })
  kind!: UpcomingKind;
  /** The team session's, fixture's or programme session's id. */
  id!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  /** `HH:MM` in the academy's time zone (a team session's start, a fixture's kick-off); null for a programme session. */
  @ApiProperty({ type: String, nullable: true })
  time!: string | null;
  teamId?: string;
  programId?: string;
  @ApiPropertyOptional({ enum: SESSION_TYPES })
  sessionType?: SessionType;
  durationMin?: number;
  @ApiPropertyOptional({ enum: INTENSITIES })
  intensity?: Intensity;
  opponent?: string;
  @ApiPropertyOptional({ enum: VENUES })
  venue?: Venue;
  @ApiPropertyOptional({ enum: FIXTURE_IMPORTANCE })
  importance?: FixtureImportance;
}

export class DashboardPlayerDto {
  playerId!: string;
  firstName!: string;
  lastName!: string;
  @ApiProperty({ enum: POSITIONS })
  position!: Position;
  @ApiProperty({ enum: PLAYER_STATUSES })
  status!: PlayerStatus;
  /** Every reason behind the status, red ones first; empty when green. */
  @ApiProperty({ type: [DashboardStatusReasonDto] })
  reasons!: DashboardStatusReasonDto[];
  @ApiProperty({ enum: INJURY_STATUSES })
  injury!: InjuryStatus;
  load!: DashboardLoadDto;
  /** External load of the 7 days ending on the date; null when the player has no activity on or before it. */
  @ApiProperty({ type: DashboardExternalWeekDto, nullable: true })
  externalLoad!: DashboardExternalWeekDto | null;
  /** Done / planned over the 28 days ending on the date, to 2 decimals; null when nothing was planned. */
  @ApiProperty({ type: Number, nullable: true })
  adherence!: number | null;
  /** Programme and team sessions dated in those 28 days, the date included. */
  plannedSessions!: number;
  /** Of those, the ones logged as done. */
  plannedSessionsDone!: number;
  /** Planned sessions before the date (within the 28 days) without any log. */
  unloggedSessions!: number;
  /** The latest assessment on or before the date; null without one. */
  @ApiProperty({ type: DashboardAssessmentDto, nullable: true })
  lastAssessment!: DashboardAssessmentDto | null;
  /** The 7 days after the date: the team's sessions and fixtures, the player's programme sessions. */
  @ApiProperty({ type: [DashboardEventDto] })
  upcoming!: DashboardEventDto[];
}

export class DashboardStatusCountsDto {
  red!: number;
  amber!: number;
  green!: number;
}

export class DashboardSquadDto {
  players!: number;
  counts!: DashboardStatusCountsDto;
  /** Mean of the players' adherence where something was planned, to 2 decimals; null when nobody had a plan. */
  @ApiProperty({ type: Number, nullable: true })
  meanAdherence!: number | null;
  /** Session-RPE load of the whole squad over the 7 days ending on the date (AU). */
  weekSessionRpeLoad!: number;
  /** Players with at least one past planned session without a log (`missing-rpe`). */
  playersMissingData!: number;
}

export class TeamDashboardDto {
  teamId!: string;
  name!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  /** First day of the 28-day adherence window (the date is its last). */
  @ApiProperty({ format: 'date' })
  windowFrom!: string;
  squad!: DashboardSquadDto;
  /** Red first, then amber, then green; by last and first name within a status. */
  @ApiProperty({ type: [DashboardPlayerDto] })
  players!: DashboardPlayerDto[];
}

export class DashboardWindowDto {
  @ApiProperty({ format: 'date' })
  from!: string;
  @ApiProperty({ format: 'date' })
  to!: string;
  /** Programme and team sessions dated in the window. */
  plannedSessions!: number;
  /** Of those, the ones logged as done. */
  plannedSessionsDone!: number;
  /** Every session done: logged sessions (planned or not, matches included) and finished workouts. */
  sessionsDone!: number;
  /** Minutes of the sessions done. */
  minutes!: number;
  /** Session-RPE load of the sessions done (AU, Foster et al. 2001). */
  sessionRpeLoad!: number;
  /** Activity files recorded. */
  activities!: number;
  /** Total distance of the activities (m). */
  distanceM!: number;
  /** High-speed running of the activities (m). */
  highSpeedRunningM!: number;
  /** Finished workouts. */
  workouts!: number;
  /** Strength tonnage of the finished workouts: weight × reps of the working sets (kg). */
  tonnageKg!: number;
}

export class DashboardProgrammeDto {
  programId!: string;
  @ApiProperty({ enum: PROGRAM_KINDS })
  kind!: ProgramKind;
  /** The programme's sessions dated up to the date, the date included. */
  plannedSessions!: number;
  /** Of those, the ones logged as done. */
  doneSessions!: number;
  /** Done / planned to 2 decimals; null when none of its sessions is due yet. */
  @ApiProperty({ type: Number, nullable: true })
  adherence!: number | null;
  /** Its sessions still to come within the next 14 days. */
  upcomingSessions!: number;
}

export class PlayerDashboardDto {
  playerId!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  /** The 7 days ending on the date. */
  weekly!: DashboardWindowDto;
  /** The 28 days ending on the date. */
  monthly!: DashboardWindowDto;
  /** Programmes with a session in the 28 days ending on the date or the 14 after it. */
  @ApiProperty({ type: [DashboardProgrammeDto] })
  programmes!: DashboardProgrammeDto[];
  /** The 14 days after the date: the player's teams' sessions and fixtures, programme sessions. */
  @ApiProperty({ type: [DashboardEventDto] })
  upcoming!: DashboardEventDto[];
}
