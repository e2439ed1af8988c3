import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { CreateTeamFixtureDto, TeamFixtureDto, TeamFixturePageDto, TeamScheduleQueryDto } from './dto/fixture.dto';
import { FixturesService } from './fixtures.service';

@ApiTags('teams')
@Controller({ path: 'teams/:teamId/fixtures', version: '1' })
export class FixturesController {
  constructor(private readonly fixtures: FixturesService) {}

  @ApiOperation({
    summary: "Add a match to the team's fixture list (the team's coaches, admins)",
    description:
      'One match a day per team: a second fixture on the same date is a 409. The elite programmes of the ' +
      "team's players follow these fixtures when their request has none.",
  })
  @ApiAuth(400, 403, 404, 409)
  @Post()
  async create(
    @CurrentUser() caller: AuthUser,
    @Param('teamId', ParseObjectIdPipe) teamId: string,
    @Body() dto: CreateTeamFixtureDto,
  ): Promise<TeamFixtureDto> {
    return TeamFixtureDto.from(await this.fixtures.create(caller, teamId, dto));
  }

  @ApiOperation({ summary: "The team's fixtures in date order, within `from` and `to` (inclusive)" })
  @ApiAuth(400, 404, 422)
  @Get()
  async list(
    @CurrentUser() caller: AuthUser,
    @Param('teamId', ParseObjectIdPipe) teamId: string,
    @Query() query: TeamScheduleQueryDto,
  ): Promise<TeamFixturePageDto> {
    const page = await this.fixtures.list(caller, teamId, query);
    return { ...page, items: page.items.map(TeamFixtureDto.from) };
  }

  @ApiOperation({ summary: "Remove a fixture (the team's coaches, admins)" })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiAuth(400, 403, 404)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete(':fixtureId')
  async remove(
    @CurrentUser() caller: AuthUser,
    @Param('teamId', ParseObjectIdPipe) teamId: string,
    @Param('fixtureId', ParseObjectIdPipe) fixtureId: string,
  ): Promise<void> {
    await this.fixtures.remove(caller, teamId, fixtureId);
  }
}
