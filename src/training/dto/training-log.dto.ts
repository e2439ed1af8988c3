import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { PageDto, PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { IsCalendarDate } from '../../common/validation/calendar-date';
import { DateRangeQueryDto } from '../../common/validation/date-range-query.dto';
import { LOAD_ENTRY_KINDS, LOAD_ENTRY_STATUSES, LoadEntryKind, LoadEntryStatus } from '../domain/load-monitoring';
import { TrainingLogRecord } from '../training-log.record';
import { IsSessionMinutes, IsSessionRpe } from './session-load.decorators';
import { IsOmittable } from '../../common/validation/omittable';
import { Trimmed } from '../../common/validation/trimmed';

export { MAX_SESSION_MIN } from './session-load.decorators';

/** What happened to a planned session. */
export class LogSessionDto {
  @ApiProperty({ enum: LOAD_ENTRY_STATUSES })
  @IsIn(LOAD_ENTRY_STATUSES)
  status!: LoadEntryStatus;

  /** Minutes actually trained; required when done, absent when skipped or injured. */
  @IsSessionMinutes({ optional: true })
  durationMin?: number;

  /** Session RPE on the CR-10 scale (0-10), asked about 30 minutes after the session; required when done. */
  @IsSessionRpe({ optional: true })
  rpe?: number;

  /** When it took place, if not on the planned date; never in the future. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOmittable()
  @IsCalendarDate({ notFuture: true })
  date?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOmittable()
  @Trimmed()
  @IsString()
  @Length(1, 500)
  notes?: string;
}

/** A session outside any programme, or a match. */
export class LogUnplannedDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate({ notFuture: true })
  date!: string;

  @ApiProperty({ enum: LOAD_ENTRY_KINDS })
  @IsIn(LOAD_ENTRY_KINDS)
  kind!: LoadEntryKind;

  @IsSessionMinutes()
  durationMin!: number;

  /** Session RPE on the CR-10 scale (0-10). */
  @IsSessionRpe()
  rpe!: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOmittable()
  @Trimmed()
  @IsString()
  @Length(1, 500)
  notes?: string;
}

export class TrainingLogsQueryDto extends IntersectionType(PaginationQueryDto, DateRangeQueryDto) {}

export class TrainingLogDto {
  id!: string;
  playerId!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  @ApiProperty({ enum: LOAD_ENTRY_KINDS })
  kind!: LoadEntryKind;
  @ApiProperty({ enum: LOAD_ENTRY_STATUSES })
  status!: LoadEntryStatus;
  @ApiProperty({ type: 'integer' })
  durationMin!: number;
  rpe!: number;
  /** Session-RPE load: durationMin x rpe (Foster et al. 2001); 0 when skipped. */
  load!: number;
  /** Set for a planned session. */
  @ApiPropertyOptional()
  programId?: string;
  @ApiPropertyOptional({ example: 'w1-s2' })
  sessionId?: string;
  /** Set for a team session. */
  @ApiPropertyOptional()
  teamSessionId?: string;
  @ApiPropertyOptional()
  notes?: string;
  loggedBy!: string;
  createdAt!: Date;

  static from(r: TrainingLogRecord): TrainingLogDto {
    return { ...r };
  }
}

export class TrainingLogPageDto extends PageDto {
  @ApiProperty({ type: [TrainingLogDto] })
  items!: TrainingLogDto[];
}
