import { Injectable } from '@nestjs/common';
import { AssessmentSummaryService } from '../assessments/assessment-summary.service';
import { AssessmentsService } from '../assessments/assessments.service';
import { AuthUser } from '../auth/domain/auth-user';
import { renderBody, RenderedBody } from '../common/http/conditional-get';
import { parseCalendarDate, toCalendarDate } from '../common/validation/calendar-date';
import { PlayerAccessService } from '../players/player-access.service';
import { PlayersRepository } from '../players/players.repository';
import { TeamAccessService } from '../players/team-access.service';
import { AcademySettingsService } from '../settings/academy-settings.service';
import type { FixtureRecord, TeamSessionRecord } from '../teams/domain/team';
import { TeamScheduleRepository } from '../teams/team-schedule.repository';
import { TeamsRepository } from '../teams/teams.repository';
import { addDays } from '../training/domain/calendar';
import { roundOrNull } from '../training/domain/load-monitoring';
import { LoadLedger } from '../training/load-ledger';
import { TrainingSessions } from '../training/training-sessions';
import { WorkoutsService } from '../workouts/workouts.service';
import { adherence, DayWindow, PlannedFor, PlannedLogIndex, unlogged, windowMetrics } from './domain/attendance';
import { playerStatus, statusRank } from './domain/player-status';
import { inTimeOrder, UpcomingEvent } from './domain/upcoming';
import { ProgrammeSessionRow, SquadRecords } from './squad-records';
import type {
  PlayerDashboardDto,
  DashboardProgrammeDto,
  DashboardPlayerDto,
  TeamDashboardDto,
} from './dto/dashboard.dto';

/** Adherence and missing logs look back one chronic window (28 days), the date included. */
const LOOK_BACK_DAYS = 28;
/** The squad board shows the week ahead; a player's own dashboard two. */
const TEAM_AHEAD_DAYS = 7;
const PLAYER_AHEAD_DAYS = 14;
/** How far back a player's programmes are read for their adherence. */
const PROGRAMME_LOOK_BACK_DAYS = 366;

/**
 * The squad board and a player's own dashboard, read-only views over the load ledger, the plan (programmes
 * and team sessions), logs, assessments and workouts. Each answer is rendered once with its entity tag,
 * a hash of its content, so the tag changes exactly when something shown changes.
 */
@Injectable()
export class DashboardsService {
  constructor(
    private readonly teamAccess: TeamAccessService,
    private readonly playerAccess: PlayerAccessService,
    private readonly players: PlayersRepository,
    private readonly teams: TeamsRepository,
    private readonly schedule: TeamScheduleRepository,
    private readonly sessions: TrainingSessions,
    private readonly ledger: LoadLedger,
    private readonly assessments: AssessmentsService,
    private readonly summaries: AssessmentSummaryService,
    private readonly workouts: WorkoutsService,
    private readonly settings: AcademySettingsService,
    private readonly squadRecords: SquadRecords,
  ) {}

  async teamDashboard(caller: AuthUser, teamId: string, date?: string): Promise<RenderedBody> {
    const team = await this.teamAccess.findManageable(caller, teamId);
    return renderBody(JSON.stringify(await this.buildTeamDashboard(team.id, team.name, team.playerIds, date)));
  }

  async playerDashboard(caller: AuthUser, playerId: string, date?: string): Promise<RenderedBody> {
    await this.playerAccess.findViewable(caller, playerId);
    return renderBody(JSON.stringify(await this.buildPlayerDashboard(playerId, date)));
  }

  private async buildTeamDashboard(
    teamId: string,
    name: string,
    playerIds: readonly string[],
    requested?: string,
  ): Promise<TeamDashboardDto> {
    const date = requested ?? (await this.settings.today());
    const back: DayWindow = { from: addDays(date, -(LOOK_BACK_DAYS - 1)), to: date };
    const before: DayWindow = { from: back.from, to: addDays(date, -1) };
    const ahead: DayWindow = { from: addDays(date, 1), to: addDays(date, TEAM_AHEAD_DAYS) };

    // One read per source for the whole squad, whatever its size; the players' own training records are kept
    // while their revisions hold (SquadRecords), so a polled board reads only what changed.
    const squad = await this.players.findByIds(playerIds);
    const ids = squad.map((p) => p.id);
    const [records, teamSessions, fixtures, latest] = await Promise.all([
      this.squadRecords.of(ids, { date, from: back.from, to: ahead.to }),
      this.schedule.sessionsOf([teamId], { from: back.from, to: ahead.to }),
      this.schedule.fixturesOf([teamId], ahead),
      this.assessments.latestForPlayers(ids, dayAfter(date)),
    ]);
    const byId = new Map(squad.map((p) => [p.id, p]));
    const weakest = await this.summaries.weaknessesOf(
      [...latest.values()].map((assessment) => ({ assessment, player: byId.get(assessment.playerId)! })),
    );

    const mineOf = (id: string) => records.get(id)!;
    const index = new PlannedLogIndex([...records.values()].flatMap((r) => r.logs));
    const planned = plannedFor(
      ids,
      [...records.values()].flatMap((r) => r.programmeSessions),
      teamSessions,
    );
    const upcomingTeam = [
      ...teamSessions.filter((s) => s.date >= ahead.from).map(teamSessionEvent),
      ...fixtures.map(fixtureEvent),
    ];

    const rows: DashboardPlayerDto[] = squad.map((player) => {
      const { load: report, recentActivities, programmeSessions } = mineOf(player.id);
      const mine = planned.get(player.id) ?? [];
      const missing = unlogged(mine, index, before).length;
      const { status, reasons } = playerStatus({
        loadWarnings: report.warnings,
        externalWarnings: report.external.warnings,
        injury: player.injury.status,
        unloggedSessions: missing,
        unloggedWindowDays: LOOK_BACK_DAYS,
      });
      const plan = adherence(mine, index, back);
      const assessment = latest.get(player.id);
      const current = report.external.current;
      return {
        playerId: player.id,
        firstName: player.firstName,
        lastName: player.lastName,
        position: player.position,
        status,
        reasons,
        injury: player.injury.status,
        load: {
          acwr: report.current.acwr,
          monotony: report.current.monotony,
          last7DaysLoad: report.current.last7DaysLoad,
          changePct: report.current.changePct,
        },
        externalLoad: report.external.hasData
          ? {
              activities: recentActivities,
              distanceM: current.distanceM.last7Days,
              highSpeedRunningM: current.highSpeedRunningM.last7Days,
              sprintDistanceM: current.sprintDistanceM.last7Days,
            }
          : null,
        adherence: plan.rate,
        plannedSessions: plan.planned,
        plannedSessionsDone: plan.done,
        unloggedSessions: missing,
        lastAssessment: assessment
          ? {
              assessmentId: assessment.id,
              date: toCalendarDate(assessment.date),
              weakestAreas: weakest.get(assessment.id) ?? [],
            }
          : null,
        upcoming: inTimeOrder([
          ...upcomingTeam,
          ...programmeSessions.filter((row) => row.session.date >= ahead.from).map(programmeSessionEvent),
        ]),
      };
    });
    // The squad comes in name order (last, first); a stable sort keeps it within each status.
    rows.sort((a, b) => statusRank(a.status) - statusRank(b.status));

    const rates = rows.map((r) => r.adherence).filter((r): r is number => r !== null);
    return {
      teamId,
      name,
      date,
      windowFrom: back.from,
      squad: {
        players: rows.length,
        counts: {
          red: rows.filter((r) => r.status === 'red').length,
          amber: rows.filter((r) => r.status === 'amber').length,
          green: rows.filter((r) => r.status === 'green').length,
        },
        meanAdherence: rates.length === 0 ? null : roundOrNull(rates.reduce((s, r) => s + r, 0) / rates.length, 2),
        weekSessionRpeLoad: rows.reduce((sum, r) => sum + r.load.last7DaysLoad, 0),
        playersMissingData: rows.filter((r) => r.unloggedSessions > 0).length,
      },
      players: rows,
    };
  }

  private async buildPlayerDashboard(playerId: string, requested?: string): Promise<PlayerDashboardDto> {
    const date = requested ?? (await this.settings.today());
    const weekly: DayWindow = { from: addDays(date, -6), to: date };
    const monthly: DayWindow = { from: addDays(date, -(LOOK_BACK_DAYS - 1)), to: date };
    const ahead: DayWindow = { from: addDays(date, 1), to: addDays(date, PLAYER_AHEAD_DAYS) };
    const programmesFrom = addDays(date, -(PROGRAMME_LOOK_BACK_DAYS - 1));

    const teams = await this.teams.forPlayer(playerId);
    const teamIds = teams.map((t) => t.id);
    const [sessions, external, programmeSessions, logs, teamSessions, fixtures, tonnage] = await Promise.all([
      this.ledger.entries(playerId, date),
      this.ledger.externalEntries(playerId, date),
      this.sessions.plannedBetween([playerId], programmesFrom, ahead.to),
      this.sessions.logsBetween([playerId], programmesFrom, date),
      this.schedule.sessionsOf(teamIds, { from: monthly.from, to: ahead.to }),
      this.schedule.fixturesOf(teamIds, ahead),
      this.workouts.finishedTonnageBetween([playerId], monthly.from, date),
    ]);
    const index = new PlannedLogIndex(logs);
    const planned = plannedFor([playerId], programmeSessions, teamSessions).get(playerId) ?? [];
    const sources = { sessions, external, workouts: tonnage, planned, logs: index };

    const programmes = new Map<string, ProgrammeSessionRow[]>();
    for (const row of programmeSessions) {
      const rows = programmes.get(row.programId) ?? [];
      if (rows.length === 0) programmes.set(row.programId, rows);
      rows.push(row);
    }
    const programmeRows: DashboardProgrammeDto[] = [];
    for (const [programId, rows] of programmes) {
      if (!rows.some((r) => r.session.date >= monthly.from)) continue;
      const own = planned.filter((p) => p.source === 'programme' && p.programId === programId);
      const due = adherence(own, index, { from: programmesFrom, to: date });
      programmeRows.push({
        programId,
        kind: rows[0].kind,
        plannedSessions: due.planned,
        doneSessions: due.done,
        adherence: due.rate,
        upcomingSessions: rows.filter((r) => r.session.date >= ahead.from).length,
      });
    }

    return {
      playerId,
      date,
      weekly: windowMetrics(weekly, sources),
      monthly: windowMetrics(monthly, sources),
      programmes: programmeRows,
      upcoming: inTimeOrder([
        ...teamSessions.filter((s) => s.date >= ahead.from).map(teamSessionEvent),
        ...fixtures.map(fixtureEvent),
        ...programmeSessions.filter((row) => row.session.date >= ahead.from).map(programmeSessionEvent),
      ]),
    };
  }
}

/** Every player's planned sessions: their programmes' sessions and every session of the team(s) given. */
function plannedFor(
  playerIds: readonly string[],
  programmeSessions: readonly ProgrammeSessionRow[],
  teamSessions: readonly TeamSessionRecord[],
): Map<string, PlannedFor[]> {
  const byPlayer = new Map<string, PlannedFor[]>(playerIds.map((id) => [id, []]));
  for (const row of programmeSessions) {
    byPlayer.get(row.playerId)?.push({
      source: 'programme',
      playerId: row.playerId,
      date: row.session.date,
      programId: row.programId,
      sessionId: row.session.id,
    });
  }
  for (const session of teamSessions) {
    for (const [playerId, planned] of byPlayer) {
      planned.push({ source: 'team', playerId, date: session.date, teamSessionId: session.id });
    }
  }
  return byPlayer;
}

function teamSessionEvent(s: TeamSessionRecord): UpcomingEvent {
  return {
    kind: 'team-session',
    id: s.id,
    date: s.date,
    time: s.startTime,
    teamId: s.teamId,
    durationMin: s.durationMin,
    intensity: s.intensity,
  };
}

function fixtureEvent(f: FixtureRecord): UpcomingEvent {
  return {
    kind: 'fixture',
    id: f.id,
    date: f.date,
    time: f.kickOff,
    teamId: f.teamId,
    opponent: f.opponent,
    venue: f.venue,
    importance: f.importance,
  };
}

function programmeSessionEvent(row: ProgrammeSessionRow): UpcomingEvent {
  return {
    kind: 'programme-session',
    id: row.session.id,
    date: row.session.date,
    time: null,
    programId: row.programId,
    sessionType: row.session.type,
    durationMin: row.session.plannedDurationMin,
    intensity: row.session.intensity,
  };
}

/** UTC midnight of the day after `date`: assessments are stored as instants, anything before it is on or before `date`. */
function dayAfter(date: string): Date {
  return parseCalendarDate(addDays(date, 1))!;
}
