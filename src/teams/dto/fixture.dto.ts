import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { PageDto, PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { IsCalendarDate } from '../../common/validation/calendar-date';
import { DateRangeQueryDto } from '../../common/validation/date-range-query.dto';
import { IsOmittable } from '../../common/validation/omittable';
import { Trimmed } from '../../common/validation/trimmed';
import { FIXTURE_IMPORTANCE, FixtureImportance } from '../../training/domain/program';
import { FixtureRecord, VENUES, Venue } from '../domain/team';

/** `HH:MM` on the 24-hour clock, local time in the academy's time zone. */
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CreateTeamFixtureDto {
  /** The match day; a team plays at most one match a day (409). */
  @ApiProperty({ format: 'date', example: '2026-12-12' })
  @IsCalendarDate()
  date!: string;

  /** Local time in the academy's time zone. */
  @ApiProperty({ example: '15:00', pattern: CLOCK_TIME_PATTERN.source })
  @IsString()
  @Matches(CLOCK_TIME_PATTERN, { message: 'kickOff must be a time of day HH:MM (00:00-23:59)' })
  kickOff!: string;

  @ApiProperty({ minLength: 1, maxLength: 80, example: 'Riverside FC' })
  @Trimmed()
  @IsString()
  @Length(1, 80)
  opponent!: string;

  @ApiProperty({ enum: VENUES })
  @IsIn(VENUES)
  venue!: Venue;

  /** `key` matches get a taper in the elite programmes of the team's players. */
  @ApiProperty({ enum: FIXTURE_IMPORTANCE, default: 'normal' })
  @IsOmittable()
  @IsIn(FIXTURE_IMPORTANCE)
  importance: FixtureImportance = 'normal';
}

/** `?from&to` (inclusive dates) and a page. */
export class TeamScheduleQueryDto extends IntersectionType(PaginationQueryDto, DateRangeQueryDto) {}

export class TeamFixtureDto {
  id!: string;
  teamId!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  @ApiProperty({ example: '15:00' })
  kickOff!: string;
  opponent!: string;
  @ApiProperty({ enum: VENUES })
  venue!: Venue;
  @ApiProperty({ enum: FIXTURE_IMPORTANCE })
  importance!: FixtureImportance;
  createdAt!: Date;

  static from(f: FixtureRecord): TeamFixtureDto {
    return {
      id: f.id,
      teamId: f.teamId,
      date: f.date,
      kickOff: f.kickOff,
      opponent: f.opponent,
      venue: f.venue,
      importance: f.importance,
      createdAt: f.createdAt,
    };
  }
}

export class TeamFixturePageDto extends PageDto {
  @ApiProperty({ type: [TeamFixtureDto] })
  items!: TeamFixtureDto[];
}
