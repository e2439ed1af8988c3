import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import {
  CreateTeamDto,
  ListTeamsQueryDto,
  TeamCoachDto,
  TeamDto,
  TeamPageDto,
  TeamPlayerDto,
  UpdateTeamDto,
} from './dto/team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller({ path: 'teams', version: '1' })
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @ApiOperation({ summary: 'Create a team (the creating coach coaches it)' })
  @ApiAuth(400, 403, 409)
  @Roles('coach', 'admin')
  @Post()
  create(@CurrentUser() caller: AuthUser, @Body() dto: CreateTeamDto): Promise<TeamDto> {
    return this.teams.create(caller, dto);
  }

  @ApiOperation({
    summary: 'Teams the caller may see',
    description:
      'Admins see every team; coaches the teams they coach; players and parents the teams they or their children play in.',
  })
  @ApiAuth(400)
  @Get()
  list(@CurrentUser() caller: AuthUser, @Query() query: ListTeamsQueryDto): Promise<TeamPageDto> {
    return this.teams.list(caller, query);
  }

  @ApiOperation({ summary: 'One team with its squad and coaches' })
  @ApiAuth(400, 404)
  @Get(':id')
  get(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<TeamDto> {
    return this.teams.get(caller, id);
  }

  @ApiOperation({ summary: "Change the team's name, season, age group or sex" })
  @ApiAuth(400, 403, 404, 409)
  @Patch(':id')
  update(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: UpdateTeamDto,
  ): Promise<TeamDto> {
    return this.teams.update(caller, id, dto);
  }

  @ApiOperation({
    summary: 'Delete a team with its fixtures and sessions',
    description: "The players' logs of its sessions stay in their training history.",
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiAuth(400, 403, 404)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete(':id')
  async remove(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<void> {
    await this.teams.remove(caller, id);
  }

  @ApiOperation({
    summary: 'Add a player to the squad',
    description:
      "The team's coaches then see and manage the player as if they coached them directly. The caller must be able to " +
      'manage the player too (422 when the player is not one the caller can see, 403 when they can see but not manage).',
  })
  @ApiAuth(400, 403, 404, 422)
  @HttpCode(HttpStatus.OK)
  @Post(':id/players')
  addPlayer(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: TeamPlayerDto,
  ): Promise<TeamDto> {
    return this.teams.addPlayer(caller, id, dto.playerId);
  }

  @ApiOperation({ summary: 'Take a player out of the squad (404 when not in it)' })
  @ApiAuth(400, 403, 404)
  @Delete(':id/players')
  removePlayer(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: TeamPlayerDto,
  ): Promise<TeamDto> {
    return this.teams.removePlayer(caller, id, dto.playerId);
  }

  @ApiOperation({ summary: 'Add a coach by the email of their coach account' })
  @ApiAuth(400, 403, 404, 422)
  @HttpCode(HttpStatus.OK)
  @Post(':id/coaches')
  addCoach(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: TeamCoachDto,
  ): Promise<TeamDto> {
    return this.teams.addCoach(caller, id, dto.email);
  }

  @ApiOperation({
    summary: 'Remove a coach by email',
    description:
      'Their access to the squad through this team ends with this answer. 404 when they do not coach the team.',
  })
  @ApiAuth(400, 403, 404)
  @Delete(':id/coaches')
  removeCoach(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: TeamCoachDto,
  ): Promise<TeamDto> {
    return this.teams.removeCoach(caller, id, dto.email);
  }
}
