import { Injectable, NotFoundException } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { RuleProblem } from '../common/errors/problem';
import { Page, skipFor } from '../common/pagination/pagination.dto';
import { PlayerAccessService } from '../players/player-access.service';
import { PlayerLifecycle } from '../players/player-lifecycle';
import { TeamAccessService } from '../players/team-access.service';
import { AcademySettingsService } from '../settings/academy-settings.service';
import { calendarDateIn } from '../settings/domain/zoned-time';
import { UsersService } from '../users/users.service';
import { CalendarService } from './calendar.service';
import { CalendarFeedRecord, CalendarFeedsRepository, CalendarFeedSubject } from './calendar-feeds.repository';
import { feedWindow } from './domain/calendar-window';
import { feedPath, feedTokenHash, isFeedToken, newFeedToken } from './domain/feed-token';
import { icsFeed } from './domain/ics-feed';

const FEED_NOT_FOUND = 'Calendar feed not found.';

/** Secret iCalendar URLs: created and revoked by their owner, fetched by anyone holding the URL. */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly feeds: CalendarFeedsRepository,
    private readonly calendars: CalendarService,
    private readonly players: PlayerAccessService,
    private readonly teams: TeamAccessService,
    private readonly users: UsersService,
    private readonly settings: AcademySettingsService,
    lifecycle: PlayerLifecycle,
  ) {
    lifecycle.whenDeleted((playerId) => this.feeds.deleteForPlayer(playerId));
  }

  /** A new feed and its URL, shown this once: only the token's hash is kept. */
  async create(
    caller: AuthUser,
    subject: { playerId?: string; teamId?: string },
  ): Promise<{ feed: CalendarFeedRecord; url: string }> {
    const chosen = this.subjectOf(subject);
    if ('playerId' in chosen) await this.players.findViewable(caller, chosen.playerId);
    else await this.teams.findViewable(caller, chosen.teamId);
    const token = newFeedToken();
    const feed = await this.feeds.create(caller.id, chosen, feedTokenHash(token));
    return { feed, url: feedPath(token) };
  }

  async list(caller: AuthUser, query: { page: number; limit: number }): Promise<Page<CalendarFeedRecord>> {
    const { items, total } = await this.feeds.listForOwner(caller.id, skipFor(query), query.limit);
    return { items, total, page: query.page, limit: query.limit };
  }

  async revoke(caller: AuthUser, feedId: string): Promise<void> {
    if (!(await this.feeds.deleteOwned(feedId, caller.id))) throw new NotFoundException(FEED_NOT_FOUND);
  }

  /**
   * The feed's calendar as iCalendar text. Access is checked again as the feed's owner on every fetch:
   * an owner who lost sight of the player or team, or whose account is disabled or gone, gets a 404,
   * the same answer as an unknown or revoked token.
   */
  async ics(token: string): Promise<string> {
    if (!isFeedToken(token)) throw new NotFoundException(FEED_NOT_FOUND);
    const feed = await this.feeds.findByTokenHash(feedTokenHash(token));
    const owner = feed ? await this.users.findById(feed.ownerId) : null;
    if (!feed || !owner || owner.disabled) throw new NotFoundException(FEED_NOT_FOUND);
    const caller: AuthUser = {
      id: owner.id,
      email: owner.email,
      role: owner.role,
      sessionId: `calendar-feed:${feed.id}`,
    };
    const settings = await this.settings.current();
    const window = feedWindow(calendarDateIn(settings.timeZone, new Date()));
    const calendar = feed.playerId
      ? await this.calendars.forPlayer(caller, feed.playerId, window, FEED_NOT_FOUND)
      : await this.calendars.forTeam(caller, feed.teamId!, window, FEED_NOT_FOUND);
    return icsFeed({
      name: `${calendar.name} (${settings.name})`,
      timeZone: calendar.timeZone,
      events: calendar.events,
      now: new Date(),
    });
  }

  private subjectOf(subject: { playerId?: string; teamId?: string }): CalendarFeedSubject {
    if (subject.playerId !== undefined && subject.teamId === undefined) return { playerId: subject.playerId };
    if (subject.teamId !== undefined && subject.playerId === undefined) return { teamId: subject.teamId };
    throw new RuleProblem([{ path: 'playerId', message: 'give exactly one of playerId and teamId' }]);
  }
}
