import { Injectable } from '@nestjs/common';
import { ActivitiesRepository } from '../activities/activities.repository';
import { AuthUser } from '../auth/domain/auth-user';
import { RuleProblem } from '../common/errors/problem';
import { PlayerAccessService } from '../players/player-access.service';
import { TeamAccessService } from '../players/team-access.service';
import { AcademySettingsService } from '../settings/academy-settings.service';
import { calendarDateIn, zonedDateTimeToUtc } from '../settings/domain/zoned-time';
import { TeamScheduleRepository } from '../teams/team-schedule.repository';
import { TeamsRepository } from '../teams/teams.repository';
import { TrainingSessions } from '../training/training-sessions';
import { WorkoutsService } from '../workouts/workouts.service';
import { buildCalendar, CalendarEvent } from './domain/calendar-event';
import { calendarWindow, CalendarWindow } from './domain/calendar-window';

export interface CalendarView extends CalendarWindow {
  /** Whose calendar: the player's full name or the team's name. */
  name: string;
  timeZone: string;
  events: CalendarEvent[];
}

/** Longer than any day (25 h on a clock change): activities are read a little past the window, then dated. */
const PAST_LAST_DAY_MS = 26 * 3_600_000;

/** Calendars of a player or a team, merged from every module that schedules or records something. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly players: PlayerAccessService,
    private readonly teamAccess: TeamAccessService,
    private readonly settings: AcademySettingsService,
    private readonly teams: TeamsRepository,
    private readonly schedule: TeamScheduleRepository,
    private readonly sessions: TrainingSessions,
    private readonly workouts: WorkoutsService,
    private readonly activities: ActivitiesRepository,
  ) {}

  async forPlayer(
    caller: AuthUser,
    playerId: string,
    query: { from?: string; to?: string },
    notFound?: string,
  ): Promise<CalendarView> {
    const player = await this.players.findViewable(caller, playerId, notFound);
    const timeZone = (await this.settings.current()).timeZone;
    const calendar = await this.playerCalendar(player.id, timeZone, this.window(query, timeZone));
    return { name: `${player.firstName} ${player.lastName}`, ...calendar };
  }

  async forTeam(
    caller: AuthUser,
    teamId: string,
    query: { from?: string; to?: string },
    notFound?: string,
  ): Promise<CalendarView> {
    const team = await this.teamAccess.findViewable(caller, teamId, notFound);
    const timeZone = (await this.settings.current()).timeZone;
    const window = this.window(query, timeZone);
    const [teamSessions, fixtures] = await Promise.all([
      this.schedule.sessionsOf([team.id], window),
      this.schedule.fixturesOf([team.id], window),
    ]);
    const events = buildCalendar({ timeZone, teams: [team], teamSessions, fixtures });
    return { name: team.name, ...window, timeZone, events };
  }

  private window(query: { from?: string; to?: string }, timeZone: string): CalendarWindow {
    const result = calendarWindow(query, calendarDateIn(timeZone, new Date()));
    if ('problems' in result) throw new RuleProblem(result.problems);
    return result.window;
  }

  private async playerCalendar(
    playerId: string,
    timeZone: string,
    window: CalendarWindow,
  ): Promise<Omit<CalendarView, 'name'>> {
    const { from, to } = window;
    const teams = await this.teams.forPlayer(playerId);
    const teamIds = teams.map((t) => t.id);
    const firstInstant = zonedDateTimeToUtc(from, '00:00', timeZone);
    const lastDayStart = zonedDateTimeToUtc(to, '00:00', timeZone);
    const [planned, logs, teamSessions, fixtures, workouts, activities] = await Promise.all([
      this.sessions.plannedBetween([playerId], from, to),
      this.sessions.logsBetween([playerId], from, to),
      this.schedule.sessionsOf(teamIds, window),
      this.schedule.fixturesOf(teamIds, window),
      this.workouts.datedBetween([playerId], from, to),
      this.activities.startedBetween([playerId], firstInstant, new Date(lastDayStart.getTime() + PAST_LAST_DAY_MS)),
    ]);
    const events = buildCalendar({
      timeZone,
      playerId,
      teams,
      teamSessions,
      fixtures,
      planned,
      logs,
      workouts,
      activities: activities.filter((a) => calendarDateIn(timeZone, a.startedAt) <= to),
    });
    return { from, to, timeZone, events };
  }
}
