import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsMongoId,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SLUG_PATTERN } from '../../common/domain/slug';
import { FieldProblemDto } from '../../common/errors/problem-details.dto';
import { PageDto } from '../../common/pagination/pagination.dto';
import { IsCalendarDate } from '../../common/validation/calendar-date';
import { IsOmittable } from '../../common/validation/omittable';
import { Trimmed } from '../../common/validation/trimmed';
import { INTENSITIES, Intensity } from '../../drills/domain/drill-format';
import { LOAD_ENTRY_STATUSES } from '../../training/domain/load-monitoring';
import { SAFETY_RULES, SafetyRule } from '../../training/domain/program-safety';
import { IsSessionMinutes, IsSessionRpe, MAX_SESSION_MIN } from '../../training/dto/session-load.decorators';
import { LogSessionDto } from '../../training/dto/training-log.dto';
import { SessionDrillIssue } from '../domain/session-drill-safety';
import { TeamSessionRecord } from '../domain/team';
import { CLOCK_TIME_PATTERN } from './fixture.dto';

/** The most drills one squad session plans. */
export const MAX_SESSION_DRILLS = 30;
/** The most rows one bulk log takes: a squad and more. */
export const MAX_LOG_ROWS = 100;

export class TeamSessionDrillInputDto {
  /** A drill of the library served (`GET /drills`); an unknown id is a 422. */
  @ApiProperty({ example: 'rondo-4v1', maxLength: 80, pattern: SLUG_PATTERN.source })
  @IsString()
  @Length(1, 80)
  @Matches(SLUG_PATTERN, { message: 'drillId must be a lower-case slug (a-z, 0-9, hyphens)' })
  drillId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_SESSION_MIN })
  @IsInt()
  @Min(1)
  @Max(MAX_SESSION_MIN)
  minutes!: number;
}

export class CreateTeamSessionDto {
  @ApiProperty({ format: 'date', example: '2026-12-08' })
  @IsCalendarDate()
  date!: string;

  /** Local time in the academy's time zone. */
  @ApiProperty({ example: '17:30', pattern: CLOCK_TIME_PATTERN.source })
  @IsString()
  @Matches(CLOCK_TIME_PATTERN, { message: 'startTime must be a time of day HH:MM (00:00-23:59)' })
  startTime!: string;

  /** Planned minutes, within the bounds of a training log. */
  @IsSessionMinutes()
  durationMin!: number;

  @ApiProperty({ enum: INTENSITIES })
  @IsIn(INTENSITIES)
  intensity!: Intensity;

  /** Planned session RPE (CR-10). */
  @IsSessionRpe()
  targetRpe!: number;

  /** Drills of the library; their minutes add up to at most `durationMin` (422). */
  @ApiPropertyOptional({ type: [TeamSessionDrillInputDto], maxItems: MAX_SESSION_DRILLS })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_SESSION_DRILLS)
  @ValidateNested({ each: true })
  @Type(() => TeamSessionDrillInputDto)
  drills?: TeamSessionDrillInputDto[];

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOmittable()
  @Trimmed()
  @IsString()
  @Length(1, 500)
  notes?: string;
}

export class TeamSessionDrillDto {
  drillId!: string;
  @ApiProperty({ type: 'integer' })
  minutes!: number;
}

/** A drill of the session one squad player should not do, and the programme safety rule that says so. */
export class DrillSafetyIssueDto {
  playerId!: string;
  drillId!: string;
  @ApiProperty({ enum: SAFETY_RULES })
  rule!: SafetyRule;
  /** Why, e.g. `str-back-squat-submax loads the injured knee`. */
  reason!: string;
}

export class TeamSessionDto {
  id!: string;
  teamId!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  @ApiProperty({ example: '17:30' })
  startTime!: string;
  @ApiProperty({ type: 'integer' })
  durationMin!: number;
  @ApiProperty({ enum: INTENSITIES })
  intensity!: Intensity;
  targetRpe!: number;
  @ApiProperty({ type: [TeamSessionDrillDto] })
  drills!: TeamSessionDrillDto[];
  @ApiPropertyOptional()
  notes?: string;
  createdBy!: string;
  createdAt!: Date;

  static from(s: TeamSessionRecord): TeamSessionDto {
    return {
      id: s.id,
      teamId: s.teamId,
      date: s.date,
      startTime: s.startTime,
      durationMin: s.durationMin,
      intensity: s.intensity,
      targetRpe: s.targetRpe,
      drills: s.drills.map(({ drillId, minutes }) => ({ drillId, minutes })),
      ...(s.notes ? { notes: s.notes } : {}),
      createdBy: s.createdBy,
      createdAt: s.createdAt,
    };
  }
}

export class TeamSessionWithSafetyDto extends TeamSessionDto {
  /**
   * Each drill checked against each squad player by the safety rules of programme drills (age, sex and
   * level; injury and graded return; youth strength; the library served). Empty when every drill suits
   * every player. An unsafe drill does not stop the session: the coach adapts it for those players.
   */
  @ApiProperty({ type: [DrillSafetyIssueDto] })
  drillSafety!: DrillSafetyIssueDto[];

  static withSafety(s: TeamSessionRecord, issues: readonly SessionDrillIssue[]): TeamSessionWithSafetyDto {
    return { ...TeamSessionDto.from(s), drillSafety: issues.map((i) => ({ ...i })) };
  }
}

export const ATTENDANCE_STATUSES = [...LOAD_ENTRY_STATUSES, 'not-logged'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** One player's log of the session, or that there is none yet. */
export class SessionAttendanceDto {
  playerId!: string;
  firstName!: string;
  lastName!: string;
  /** False for a player who logged the session and has left the squad since. */
  inSquad!: boolean;
  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  status!: AttendanceStatus;
  @ApiPropertyOptional()
  logId?: string;
  @ApiPropertyOptional({ type: 'integer' })
  durationMin?: number;
  @ApiPropertyOptional()
  rpe?: number;
  /** Session-RPE load of the log. */
  @ApiPropertyOptional()
  load?: number;
}

export class TeamSessionDetailDto extends TeamSessionWithSafetyDto {
  /**
   * The squad's logs of the session. The team's coaches and admins see every player; a squad player or
   * a parent sees their own players only, here and in `drillSafety`.
   */
  @ApiProperty({ type: [SessionAttendanceDto] })
  players!: SessionAttendanceDto[];
}

export class TeamSessionPageDto extends PageDto {
  @ApiProperty({ type: [TeamSessionDto] })
  items!: TeamSessionDto[];
}

/** What a player reports of a squad session: a planned session's log without its date (the session's own). */
export class LogTeamSessionDto extends PickType(LogSessionDto, ['status', 'durationMin', 'rpe', 'notes'] as const) {}

/** One row of a coach's bulk log: a squad player's attendance and RPE. */
export class TeamSessionLogRowDto extends LogTeamSessionDto {
  @ApiProperty({ example: '665f1c2b9a1e4a3d2c1b0a99' })
  @IsMongoId()
  playerId!: string;
}

export class StoredLogRowDto {
  /** Position of the row in the request, from 0. */
  @ApiProperty({ type: 'integer' })
  row!: number;
  playerId!: string;
  logId!: string;
}

export class RejectedLogRowDto {
  /** Position of the row in the request, from 0. */
  @ApiProperty({ type: 'integer' })
  row!: number;
  /** When the row names one. */
  @ApiPropertyOptional()
  playerId?: string;
  /**
   * What the row alone would have answered: 400 malformed, 422 against the rule (done needs minutes and
   * RPE; skipped and injured have none), 404 not a squad player, 409 already logged (or repeated above).
   */
  @ApiProperty({ type: 'integer', enum: [400, 404, 409, 422] })
  status!: number;
  @ApiProperty({ example: '/problems/validation-error' })
  type!: string;
  /** Paths from the request's root, e.g. `3.rpe`. */
  @ApiProperty({ type: [FieldProblemDto] })
  errors!: FieldProblemDto[];
}

export class BulkLogResultDto {
  @ApiProperty({ type: [StoredLogRowDto] })
  stored!: StoredLogRowDto[];
  @ApiProperty({ type: [RejectedLogRowDto] })
  rejected!: RejectedLogRowDto[];
}
