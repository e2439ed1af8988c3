import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { BODY_REGIONS, BodyRegion } from '../../common/domain/enums';
import { PageDto } from '../../common/pagination/pagination.dto';
import { IsCalendarDate } from '../../common/validation/calendar-date';
import { INTENSITIES, Intensity } from '../../drills/domain/drill-format';
import {
  BLOCK_KINDS,
  BlockKind,
  FIXTURE_IMPORTANCE,
  FixtureImportance,
  FOCUS_AREAS,
  FocusArea,
  PROGRAM_ADJUSTMENT_CODES,
  ProgramAdjustmentCode,
  PROGRAM_KINDS,
  ProgramKind,
  SESSION_TYPES,
  SessionType,
  Weekday,
  WEEKDAYS,
} from '../domain/program';
import { SAFETY_RULES, SafetyRule } from '../domain/program-safety';
import { ProgramRecord, ProgramSummary } from '../program.record';
import { IsOmittable } from '../../common/validation/omittable';

export const MAX_PROGRAM_WEEKS = 16;
/** Seven would leave no rest day, which no player may go without. */
export const MAX_SESSIONS_PER_WEEK = 6;

export class CreateProgramDto {
  @ApiProperty({ minimum: 1, maximum: MAX_PROGRAM_WEEKS, example: 12 })
  @IsInt()
  @Min(1)
  @Max(MAX_PROGRAM_WEEKS)
  weeks!: number;

  @ApiProperty({ minimum: 1, maximum: MAX_SESSIONS_PER_WEEK, example: 4 })
  @IsInt()
  @Min(1)
  @Max(MAX_SESSIONS_PER_WEEK)
  sessionsPerWeek!: number;

  /** Weekdays the player can train; sessions are spread over them. */
  @ApiProperty({ enum: WEEKDAYS, isArray: true, example: ['mon', 'tue', 'thu', 'sat'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsIn(WEEKDAYS, { each: true })
  availableDays!: Weekday[];

  /** First day of week 1 (`YYYY-MM-DD`); each programme week is the 7 days from there. */
  @ApiProperty({ format: 'date', example: '2026-12-07' })
  @IsCalendarDate()
  startDate!: string;

  /** Areas to work on instead of the assessment's weakest ones. */
  @ApiPropertyOptional({ enum: FOCUS_AREAS, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsIn(FOCUS_AREAS, { each: true })
  focus?: FocusArea[];

  /** Same inputs and seed, same programme; omitted: a random seed, returned with the programme. */
  @ApiPropertyOptional({ minimum: 0, maximum: 4294967295 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(4294967295)
  seed?: number;
}

export class FixtureDto {
  @ApiProperty({ format: 'date', example: '2026-12-12' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ enum: FIXTURE_IMPORTANCE, default: 'normal' })
  @IsOmittable()
  @IsIn(FIXTURE_IMPORTANCE)
  importance: FixtureImportance = 'normal';
}

export class CreateEliteProgramDto extends CreateProgramDto {
  /**
   * Matches inside the programme's weeks; the microcycles are built around them. Left out: the
   * fixtures of every team the player plays in that fall within the programme's weeks (one match a
   * day, `key` when either team's match is); 422 when those teams have none either.
   */
  @ApiPropertyOptional({ type: [FixtureDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => FixtureDto)
  fixtures?: FixtureDto[];
}

export class ProgramDrillDto {
  drillId!: string;
  name!: string;
  category!: string;
  @ApiProperty({ enum: INTENSITIES })
  intensity!: Intensity;
  minutes!: number;
  /** Why this drill is here. */
  reason!: string;
}

export class ProgramBlockDto {
  @ApiProperty({ enum: BLOCK_KINDS })
  kind!: BlockKind;
  @ApiProperty({ type: [ProgramDrillDto] })
  drills!: ProgramDrillDto[];
}

export class ProgramSessionDto {
  /** Stable within the programme, e.g. `w1-s2`; used to log the session. */
  id!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  @ApiProperty({ enum: SESSION_TYPES })
  type!: SessionType;
  @ApiProperty({ enum: INTENSITIES })
  intensity!: Intensity;
  plannedDurationMin!: number;
  /** Planned session RPE (CR-10). */
  targetRpe!: number;
  /** plannedDurationMin x targetRpe (session-RPE load, arbitrary units). */
  plannedLoad!: number;
  /** Elite programmes: the day relative to the nearest match, e.g. `MD-4`. */
  @ApiPropertyOptional({ example: 'MD-4' })
  matchDay?: string;
  @ApiProperty({ type: [ProgramBlockDto] })
  blocks!: ProgramBlockDto[];
}

export class ProgramWeekDto {
  /** 1-based. */
  @ApiProperty({ type: 'integer' })
  index!: number;
  @ApiProperty({ format: 'date' })
  startDate!: string;
  deload!: boolean;
  plannedLoad!: number;
  plannedMinutes!: number;
  @ApiProperty({ type: [ProgramSessionDto] })
  sessions!: ProgramSessionDto[];
}

export class SafetyCheckDto {
  @ApiProperty({ enum: SAFETY_RULES })
  rule!: SafetyRule;
  title!: string;
  reference!: string;
  passed!: boolean;
}

export class SafetyReportDto {
  passed!: boolean;
  @ApiProperty({ type: [SafetyCheckDto] })
  checks!: SafetyCheckDto[];
}

export class FixtureResponseDto {
  @ApiProperty({ format: 'date' })
  date!: string;
  @ApiProperty({ enum: FIXTURE_IMPORTANCE })
  importance!: FixtureImportance;
}

/** Something the programme changed from the usual plan for this player, and why. */
export class ProgramAdjustmentDto {
  /**
   * `acl-prevention-paused`: the player is injured and every ACL-prevention drill would load an
   * injured region, so the weekly ACL-prevention work is left out; it comes back in programmes
   * generated once the injury is cleared.
   */
  @ApiProperty({ enum: PROGRAM_ADJUSTMENT_CODES })
  code!: ProgramAdjustmentCode;
  /** For the coach, in plain words. */
  message!: string;
  /** The injured regions the adjustment protects. */
  @ApiProperty({ enum: BODY_REGIONS, isArray: true })
  bodyRegions!: BodyRegion[];
}

export class ProgramSummaryDto {
  id!: string;
  playerId!: string;
  @ApiProperty({ enum: PROGRAM_KINDS })
  kind!: ProgramKind;
  @ApiProperty({ format: 'date' })
  startDate!: string;
  @ApiProperty({ format: 'date' })
  endDate!: string;
  @ApiProperty({ type: 'integer' })
  weekCount!: number;
  @ApiProperty({ type: 'integer' })
  sessionsPerWeek!: number;
  @ApiProperty({ enum: WEEKDAYS, isArray: true })
  availableDays!: Weekday[];
  @ApiProperty({ enum: FOCUS_AREAS, isArray: true })
  focus!: FocusArea[];
  @ApiProperty({ type: [FixtureResponseDto] })
  fixtures!: FixtureResponseDto[];
  /** What the programme changed from the usual plan for this player and why (empty when nothing). */
  @ApiProperty({ type: [ProgramAdjustmentDto] })
  adjustments!: ProgramAdjustmentDto[];
  /** Give it back to get the same programme again. */
  @ApiProperty({ type: 'integer' })
  seed!: number;
  /** The assessment the programme was aimed from. */
  assessmentId!: string;
  /** Age in whole years on the start date. */
  @ApiProperty({ type: 'integer' })
  ageYears!: number;
  /** Where the drills came from: the uploaded set (`database`) or the static library. */
  @ApiProperty({ enum: ['database', 'static'] })
  drillSource!: 'database' | 'static';
  @ApiPropertyOptional({ type: 'integer' })
  drillVersion?: number;
  totalPlannedLoad!: number;
  @ApiProperty({ type: SafetyReportDto })
  safety!: SafetyReportDto;
  createdBy!: string;
  createdAt!: Date;

  static from(p: ProgramSummary): ProgramSummaryDto {
    return { ...p };
  }
}

export class ProgramDto extends ProgramSummaryDto {
  @ApiProperty({ type: [ProgramWeekDto] })
  weeks!: ProgramWeekDto[];

  static fromRecord(p: ProgramRecord): ProgramDto {
    return { ...p, weekCount: p.weeks.length };
  }
}

export class ProgramPageDto extends PageDto {
  @ApiProperty({ type: [ProgramSummaryDto] })
  items!: ProgramSummaryDto[];
}
