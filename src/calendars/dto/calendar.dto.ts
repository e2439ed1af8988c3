import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsMongoId } from 'class-validator';
import { ACTIVITY_KINDS, ActivityKind } from '../../activities/domain/activity';
import { PageDto } from '../../common/pagination/pagination.dto';
import { DateRangeQueryDto } from '../../common/validation/date-range-query.dto';
import { IsOmittable } from '../../common/validation/omittable';
import { LOAD_ENTRY_STATUSES } from '../../training/domain/load-monitoring';
import { FIXTURE_IMPORTANCE, FixtureImportance } from '../../training/domain/program';
import { VENUES, Venue } from '../../teams/domain/team';
import { WORKOUT_STATUSES } from '../../workouts/domain/workout';
import type { CalendarFeedRecord } from '../calendar-feeds.repository';
import type { CalendarView } from '../calendar.service';
import { CALENDAR_EVENT_KINDS, CalendarEvent, CalendarEventKind } from '../domain/calendar-event';
import { DAYS_AFTER_TODAY, DAYS_BEFORE_TODAY, DEFAULT_SPAN_DAYS, MAX_WINDOW_DAYS } from '../domain/calendar-window';

const EVENT_STATUSES = [...new Set(['planned', ...LOAD_ENTRY_STATUSES, ...WORKOUT_STATUSES])];

/** `?from&to`, both inclusive; see the operation for the defaults and bounds. */
export class CalendarQueryDto extends DateRangeQueryDto {}

export const CALENDAR_WINDOW_DESCRIPTION =
  `\`from\` and \`to\` are inclusive academy dates. Without them the window is today-${DAYS_BEFORE_TODAY} to ` +
  `today+${DAYS_AFTER_TODAY} (the academy's today, in its time zone); with one, the other is ${DEFAULT_SPAN_DAYS} ` +
  `days from it. A window longer than ${MAX_WINDOW_DAYS} days, or \`from\` after \`to\`, is a 422. Events come in ` +
  'time order: by date, the all-day ones first, then by start. Times of day (team sessions, kick-offs) are the ' +
  "academy's, in its time zone (`GET /admin/settings`), given as UTC instants in `start`/`end`; planned sessions, " +
  'logs and workouts are dated only (`allDay`).';

export class CalendarEventDto {
  @ApiProperty({ enum: CALENDAR_EVENT_KINDS })
  kind!: CalendarEventKind;

  @ApiProperty({ description: 'Unique within the kind; a planned session: `<programId>:<sessionId>`' })
  id!: string;

  @ApiProperty({ example: 'U14 Girls training' })
  title!: string;

  @ApiProperty({ format: 'date', description: "The academy's calendar date" })
  date!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'UTC instant; timed events only' })
  start?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'UTC instant; left out for fixtures (a kick-off only)' })
  end?: string;

  @ApiProperty()
  allDay!: boolean;

  @ApiPropertyOptional()
  playerId?: string;
  @ApiPropertyOptional()
  teamId?: string;
  @ApiPropertyOptional()
  programId?: string;
  @ApiPropertyOptional({ example: 'w1-s2' })
  sessionId?: string;
  @ApiPropertyOptional()
  teamSessionId?: string;
  @ApiPropertyOptional()
  fixtureId?: string;
  @ApiPropertyOptional({ description: 'The log of a logged session, or of the planned or team session it marks' })
  trainingLogId?: string;
  @ApiPropertyOptional()
  workoutId?: string;
  @ApiPropertyOptional()
  activityId?: string;

  @ApiPropertyOptional({
    enum: EVENT_STATUSES,
    description:
      "A planned or team session on a player's calendar: `planned`, or its log's status (shown on the session, " +
      'not as a second event); a logged session: its status; a workout: its status',
  })
  status?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Planned minutes, or the logged ones once logged' })
  durationMin?: number;
  @ApiPropertyOptional({ description: 'Logged session RPE (CR-10)' })
  rpe?: number;
  @ApiPropertyOptional()
  opponent?: string;
  @ApiPropertyOptional({ enum: VENUES })
  venue?: Venue;
  @ApiPropertyOptional({ enum: FIXTURE_IMPORTANCE })
  importance?: FixtureImportance;
  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  activityKind?: ActivityKind;
  @ApiPropertyOptional()
  distanceM?: number;
}

export class CalendarDto {
  @ApiProperty({ description: "The player's full name or the team's name" })
  name!: string;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ example: 'Europe/London', description: "The academy's time zone that placed the times of day" })
  timeZone!: string;

  @ApiProperty({ type: [CalendarEventDto] })
  events!: CalendarEventDto[];

  static from(view: CalendarView): CalendarDto {
    return { ...view, events: view.events as CalendarEvent[] as CalendarEventDto[] };
  }
}

/** Exactly one of the two. */
export class CreateCalendarFeedDto {
  @ApiPropertyOptional({ description: 'A player the caller may see (give this or teamId)' })
  @IsOmittable()
  @IsMongoId()
  playerId?: string;

  @ApiPropertyOptional({ description: 'A team the caller may see (give this or playerId)' })
  @IsOmittable()
  @IsMongoId()
  teamId?: string;
}

export class CalendarFeedDto {
  @ApiProperty()
  id!: string;

  @ApiPropertyOptional()
  playerId?: string;

  @ApiPropertyOptional()
  teamId?: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(feed: CalendarFeedRecord): CalendarFeedDto {
    return {
      id: feed.id,
      ...(feed.playerId ? { playerId: feed.playerId } : {}),
      ...(feed.teamId ? { teamId: feed.teamId } : {}),
      createdAt: feed.createdAt.toISOString(),
    };
  }
}

export class CreatedCalendarFeedDto extends CalendarFeedDto {
  @ApiProperty({
    example: '/calendar/Q2hhbmdlIG1lOiB0aGlzIGlzIGFuIGV4YW1wbGUgdG9rZW4.ics',
    description: 'Path of the secret feed URL on this server, shown only in this answer',
  })
  url!: string;
}

export class CalendarFeedPageDto extends PageDto {
  @ApiProperty({ type: [CalendarFeedDto] })
  items!: CalendarFeedDto[];
}
