import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiArrayBody } from '../common/openapi/api-array-body';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { TrainingLogDto } from '../training/dto/training-log.dto';
import { TeamScheduleQueryDto } from './dto/fixture.dto';
import {
  BulkLogResultDto,
  CreateTeamSessionDto,
  LogTeamSessionDto,
  MAX_LOG_ROWS,
  TeamSessionDetailDto,
  TeamSessionDto,
  TeamSessionLogRowDto,
  TeamSessionPageDto,
  TeamSessionWithSafetyDto,
} from './dto/team-session.dto';
import { TeamSessionsService } from './team-sessions.service';

@ApiTags('teams')
@Controller({ path: 'teams/:teamId/sessions', version: '1' })
export class TeamSessionsController {
  constructor(private readonly sessions: TeamSessionsService) {}

  @ApiOperation({
    summary: "Plan a session for the squad (the team's coaches, admins)",
    description:
      'Each drill is checked against each squad player by the safety rules of programme drills; a drill unsafe ' +
      'for a player is listed in `drillSafety` for that player and the session is still created. 422 for a drill ' +
      'the library does not serve (naming `drills.N.drillId`) or drills longer than the session.',
  })
  @ApiAuth(400, 403, 404, 422)
  @Post()
  async create(
    @CurrentUser() caller: AuthUser,
    @Param('teamId', ParseObjectIdPipe) teamId: string,
    @Body() dto: CreateTeamSessionDto,
  ): Promise<TeamSessionWithSafetyDto> {
    const { session, drillSafety } = await this.sessions.create(caller, teamId, dto);
    return TeamSessionWithSafetyDto.withSafety(session, drillSafety);
  }

  @ApiOperation({ summary: "The team's sessions in time order, within `from` and `to` (inclusive)" })
  @ApiAuth(400, 404, 422)
  @Get()
  async list(
    @CurrentUser() caller: AuthUser,
    @Param('teamId', ParseObjectIdPipe) teamId: string,
    @Query() query: TeamScheduleQueryDto,
  ): Promise<TeamSessionPageDto> {
    const page = await this.sessions.list(caller, teamId, query);
    return { ...page, items: page.items.map(TeamSessionDto.from) };
  }

  @ApiOperation({
    summary: "A session with each squad player's log and the drill safety for the current squad",
    description:
      "The team's coaches and admins see every player; a squad player or a parent sees their own players only.",
  })
  @ApiAuth(400, 404)
  @Get(':sessionId')
  async get(
    @CurrentUser() caller: AuthUser,
    @Param('teamId', ParseObjectIdPipe) teamId: string,
    @Param('sessionId', ParseObjectIdPipe) sessionId: string,
  ): Promise<TeamSessionDetailDto> {
    const { session, drillSafety, players } = await this.sessions.get(caller, teamId, sessionId);
    return { ...TeamSessionWithSafetyDto.withSafety(session, drillSafety), players };
  }

  @ApiOperation({ summary: "Delete a session nobody has logged (the team's coaches, admins); 409 once logged" })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiAuth(400, 403, 404, 409)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete(':sessionId')
  async remove(
    @CurrentUser() caller: AuthUser,
    @Param('teamId', ParseObjectIdPipe) teamId: string,
    @Param('sessionId', ParseObjectIdPipe) sessionId: string,
  ): Promise<void> {
    await this.sessions.remove(caller, teamId, sessionId);
  }

  @ApiOperation({
    summary: "Log the squad's attendance and RPE in one call (the team's coaches, admins)",
    description:
      'A JSON array of 1 to 100 rows. Each row is checked on its own and answered with what it alone would ' +
      'have answered: 400 malformed, 404 not a squad player, 422 done without minutes and RPE (or skipped or ' +
      'injured with them), 409 already logged (or named by an earlier row). Valid rows are stored as training ' +
      "logs on the session's date and feed the load ledger; `stored` and `rejected` say which were which. " +
      'The whole request is a 400 when the body is not such an array, a 422 for a session after today.',
  })
  @ApiArrayBody(TeamSessionLogRowDto, { minItems: 1, maxItems: MAX_LOG_ROWS })
  @ApiAuth(400, 403, 404, 422)
  @HttpCode(HttpStatus.OK)
  @Post(':sessionId/log')
  logSquad(
    @CurrentUser() caller: AuthUser,
    @Param('teamId', ParseObjectIdPipe) teamId: string,
    @Param('sessionId', ParseObjectIdPipe) sessionId: string,
    @Body() rows: unknown,
  ): Promise<BulkLogResultDto> {
    return this.sessions.logSquad(caller, teamId, sessionId, rows);
  }

  @ApiOperation({
    summary: 'Log your own attendance and RPE for a squad session (squad players, from their account)',
    description:
      'One log per player and session: a second, by the player or their coach, is a 409. 403 for accounts ' +
      "that see the team but are not a squad player's own (parents, coaches: they use the bulk log).",
  })
  @ApiAuth(400, 403, 404, 409, 422)
  @Post(':sessionId/log/me')
  async logOwn(
    @CurrentUser() caller: AuthUser,
    @Param('teamId', ParseObjectIdPipe) teamId: string,
    @Param('sessionId', ParseObjectIdPipe) sessionId: string,
    @Body() dto: LogTeamSessionDto,
  ): Promise<TrainingLogDto> {
    return TrainingLogDto.from(await this.sessions.logOwn(caller, teamId, sessionId, dto));
  }
}
