import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth, ApiProblems } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { PaginationQueryDto } from '../common/pagination/pagination.dto';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { CalendarFeedsService } from './calendar-feeds.service';
import {
  CalendarFeedDto,
  CalendarFeedPageDto,
  CreateCalendarFeedDto,
  CreatedCalendarFeedDto,
} from './dto/calendar.dto';
import { FEED_DAYS_AFTER_TODAY, FEED_DAYS_BEFORE_TODAY } from './domain/calendar-window';
import { ParseFeedTokenPipe } from './parse-feed-token.pipe';

const ICS_MEDIA_TYPE = 'text/calendar';

@ApiTags('calendars')
@Controller({ path: 'auth/me/calendar-feeds', version: '1' })
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @ApiOperation({
    summary: 'Create a secret iCalendar feed URL for a player or a team you can see',
    description:
      'Give exactly one of `playerId` and `teamId` (both or neither: 422); one you cannot see is a 404. The URL ' +
      '(`/calendar/<token>.ics`, a 256-bit random token) is shown only in this answer; only its SHA-256 is kept. ' +
      'A phone subscribes to it without signing in; every fetch checks again that you can see the player or team.',
  })
  @ApiAuth(400, 404, 422)
  @Post()
  async create(@CurrentUser() caller: AuthUser, @Body() dto: CreateCalendarFeedDto): Promise<CreatedCalendarFeedDto> {
    const { feed, url } = await this.feeds.create(caller, dto);
    return { ...CalendarFeedDto.from(feed), url };
  }

  @ApiOperation({ summary: 'Your calendar feeds, newest first (their URLs are not shown again)' })
  @ApiAuth(400)
  @Get()
  async list(@CurrentUser() caller: AuthUser, @Query() query: PaginationQueryDto): Promise<CalendarFeedPageDto> {
    const page = await this.feeds.list(caller, query);
    return { ...page, items: page.items.map(CalendarFeedDto.from) };
  }

  @ApiOperation({ summary: 'Revoke one of your calendar feeds: its URL answers 404 at once' })
  @ApiAuth(400, 404)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete(':feedId')
  async revoke(@CurrentUser() caller: AuthUser, @Param('feedId', ParseObjectIdPipe) feedId: string): Promise<void> {
    await this.feeds.revoke(caller, feedId);
  }
}

/** Outside /api and unversioned: the URL a calendar application subscribes to. */
@ApiTags('calendars')
@Public()
@Controller({ version: VERSION_NEUTRAL })
export class CalendarFeedFilesController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @ApiOperation({
    summary: 'A calendar feed as iCalendar (RFC 5545), for calendar applications; the token is the secret',
    description:
      `The past ${FEED_DAYS_BEFORE_TODAY} days and the next ${FEED_DAYS_AFTER_TODAY} of the player's or team's ` +
      "calendar, as the feed's owner may see it now. Timed events are UTC instants (placed by the academy's time " +
      'zone, named in X-WR-TIMEZONE); the others are all-day. Event UIDs are stable. An unknown, revoked or ' +
      'malformed token, or an owner who lost access or whose account is disabled, is a 404.',
  })
  @ApiProduces(ICS_MEDIA_TYPE)
  @ApiOkResponse({ description: 'An iCalendar document', schema: { type: 'string' } })
  @ApiProblems(404)
  @Get('calendar/:token.ics')
  async ics(
    @Param('token', ParseFeedTokenPipe) token: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const ics = await this.feeds.ics(token);
    void reply
      .header('content-type', `${ICS_MEDIA_TYPE}; charset=utf-8`)
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer');
    return ics;
  }
}
