import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import {
  ApiConditionalGet,
  RENDERED_HEADERS,
  REVALIDATE_PRIVATE,
  sendRendered,
} from '../common/http/conditional-reply';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { DashboardsService } from './dashboards.service';
import { DashboardQueryDto, PlayerDashboardDto, TeamDashboardDto } from './dto/dashboard.dto';

/** Dashboards are polled: each carries an ETag, and a client holding the current one gets a 304. */
const PRIVATE_RENDERED_HEADERS = {
  ...RENDERED_HEADERS,
  'Cache-Control': {
    description: `\`${REVALIDATE_PRIVATE}\`: the caller's own view; revalidate before each use`,
    schema: { type: 'string' },
  },
};

@ApiTags('dashboards')
@Controller({ version: '1' })
export class DashboardsController {
  constructor(private readonly dashboards: DashboardsService) {}

  @ApiOperation({
    summary: "A team's squad board (the team's coaches and admins)",
    description:
      'For every squad player: a status (red, amber, green) with its reasons, red first. The load reasons are ' +
      "the training-load report's warnings on the date, for session-RPE load and for each external-load metric: " +
      'an acute:chronic ratio above 1.5 (Gabbett 2016\'s "danger zone") is red; a ratio below 0.8, monotony above ' +
      '2 (Foster 1998) and a rise of more than 15 % over the previous 7 days are amber. An injured player is red, ' +
      'a returning one amber; planned sessions (programme or team) in the 28 days before the date without any log ' +
      'are amber (`missing-rpe`, naming how many). Green without a reason. Also the latest assessment with its ' +
      'weakest areas, adherence over the 28 days ending on the date (sessions logged done / programme and team ' +
      'sessions dated in them; null when nothing was planned), the external load of the last 7 days where ' +
      "activities exist, and the 7 days ahead. Squad aggregates: counts by status, mean adherence, the week's " +
      "session-RPE load, players missing data. `date` defaults to the academy's calendar date.",
  })
  @ApiOkResponse({ type: TeamDashboardDto, headers: PRIVATE_RENDERED_HEADERS })
  @ApiConditionalGet()
  @ApiAuth(400, 403, 404)
  @Get('teams/:teamId/dashboard')
  async team(
    @CurrentUser() caller: AuthUser,
    @Param('teamId', ParseObjectIdPipe) teamId: string,
    @Query() query: DashboardQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | ''> {
    return sendRendered(
      request,
      reply,
      await this.dashboards.teamDashboard(caller, teamId, query.date),
      REVALIDATE_PRIVATE,
    );
  }

  @ApiOperation({
    summary: "A player's dashboard (anyone who can see the player)",
    description:
      'The 7 and the 28 days ending on the date: programme and team sessions planned and done, every session ' +
      'done (logs and finished workouts), minutes, session-RPE load, distance and high-speed running from ' +
      'activities, strength tonnage from finished workouts. Adherence per programme (its sessions up to the ' +
      'date, logged done / planned), for programmes with a session in those 28 days or the 14 after. The 14 days ' +
      "ahead: the player's teams' sessions and fixtures, programme sessions. `date` defaults to the academy's " +
      'calendar date.',
  })
  @ApiOkResponse({ type: PlayerDashboardDto, headers: PRIVATE_RENDERED_HEADERS })
  @ApiConditionalGet()
  @ApiAuth(400, 404)
  @Get('players/:playerId/dashboard')
  async player(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Query() query: DashboardQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | ''> {
    return sendRendered(
      request,
      reply,
      await this.dashboards.playerDashboard(caller, playerId, query.date),
      REVALIDATE_PRIVATE,
    );
  }
}
