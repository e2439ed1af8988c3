import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth, ApiSafetyFailure } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { PaginationQueryDto } from '../common/pagination/pagination.dto';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { CreateProgramDto, ProgramDto, ProgramPageDto, ProgramSummaryDto } from './dto/program.dto';
import { ProgramsService } from './programs.service';

@ApiTags('training')
@Controller({ version: '1' })
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @ApiOperation({
    summary: 'Generate a periodised programme from the latest assessment (coaches of the player and admins)',
    description:
      'Aimed at the weakest areas (or `focus`), built from the drills DrillProvider serves, checked against every ' +
      'safety invariant before it is stored. 404 when the player has no assessment; 422 when the rules leave no safe ' +
      'programme (age outside 6-60, too many sessions for the rest days, nothing safe for an injury).',
  })
  @ApiAuth(400, 403, 404, 422)
  @ApiSafetyFailure()
  @Post('players/:playerId/programs')
  async create(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Body() dto: CreateProgramDto,
  ): Promise<ProgramDto> {
    return ProgramDto.fromRecord(await this.programs.generate(caller, playerId, dto));
  }

  @ApiOperation({ summary: "A player's programmes, newest first (without their weeks)" })
  @ApiAuth(400, 404)
  @Get('players/:playerId/programs')
  async list(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Query() query: PaginationQueryDto,
  ): Promise<ProgramPageDto> {
    const page = await this.programs.list(caller, playerId, query.page, query.limit);
    return { ...page, items: page.items.map(ProgramSummaryDto.from) };
  }

  @ApiOperation({ summary: 'One programme with its weeks, sessions and drills' })
  @ApiAuth(400, 404)
  @Get('programs/:id')
  async get(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<ProgramDto> {
    return ProgramDto.fromRecord(await this.programs.get(caller, id));
  }

  @ApiOperation({ summary: 'Delete a programme (coaches of the player and admins)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiAuth(400, 403, 404)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete('programs/:id')
  async remove(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<void> {
    await this.programs.remove(caller, id);
  }
}
