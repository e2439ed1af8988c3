import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { ParseSlugPipe } from '../common/validation/parse-slug.pipe';
import { DateRangeQueryDto } from '../common/validation/date-range-query.dto';
import { LoadReportDto } from './dto/load.dto';
import {
  LogSessionDto,
  LogUnplannedDto,
  TrainingLogDto,
  TrainingLogPageDto,
  TrainingLogsQueryDto,
} from './dto/training-log.dto';
import { TrainingLoadService } from './training-load.service';

@ApiTags('training load')
@Controller({ version: '1' })
export class TrainingLoadController {
  constructor(private readonly load: TrainingLoadService) {}

  @ApiOperation({
    summary: 'Log what happened to a planned session (the player, their coaches, admins)',
    description: 'Done with minutes and session RPE (CR-10), or skipped. One log per session: a second is a 409.',
  })
  @ApiAuth(400, 403, 404, 409, 422)
  @Post('programs/:id/sessions/:sessionId/log')
  async logSession(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) programId: string,
    @Param('sessionId', ParseSlugPipe) sessionId: string,
    @Body() dto: LogSessionDto,
  ): Promise<TrainingLogDto> {
    return TrainingLogDto.from(await this.load.logPlannedSession(caller, programId, sessionId, dto));
  }

  @ApiOperation({ summary: 'Log an unplanned session or a match (the player, their coaches, admins)' })
  @ApiAuth(400, 403, 404, 422)
  @Post('players/:playerId/training-logs')
  async logUnplanned(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Body() dto: LogUnplannedDto,
  ): Promise<TrainingLogDto> {
    return TrainingLogDto.from(await this.load.logUnplanned(caller, playerId, dto));
  }

  @ApiOperation({ summary: "A player's training logs, newest first" })
  @ApiAuth(400, 404, 422)
  @Get('players/:playerId/training-logs')
  async list(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Query() query: TrainingLogsQueryDto,
  ): Promise<TrainingLogPageDto> {
    const page = await this.load.list(caller, playerId, query);
    return { ...page, items: page.items.map(TrainingLogDto.from) };
  }

  @ApiOperation({ summary: 'Delete a training log, e.g. to correct it (the player, their coaches, admins)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiAuth(400, 403, 404)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete('training-logs/:id')
  async remove(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<void> {
    await this.load.remove(caller, id);
  }

  @ApiOperation({
    summary:
      'Training load: daily and weekly session-RPE and external load, ACWR (EWMA), monotony, strain, warnings ' +
      'and match days',
    description:
      'Session-RPE load (Foster et al. 2001); acute (7-day) and chronic (28-day) EWMA load and their ratio ' +
      '(Williams et al. 2017), reported once 28 days of history exist; monotony and strain over the last 7 days ' +
      '(Foster 1998). Warnings on `to`: ACWR above 1.5 or below 0.8, monotony above 2, a rise of more than 15 % ' +
      'over the previous 7 days. `to` defaults to today (UTC), `from` to 27 days before `to`; the figures always ' +
      'count from the first log. ' +
      '`external` holds the load measured by activity files: total distance, high-speed running, sprint distance ' +
      'and accelerations, each per day and ISO week with its own EWMA acute:chronic ratio (reported once 28 days ' +
      'of activity history exist, counted from the first activity, a day without one as 0) and its own warnings ' +
      '(ACWR above 1.5 or below 0.8, a rise of more than 15 % over the previous 7 days, naming the metric); ' +
      '`hasData` is false without any activity. An activity recorded during a logged session adds external load ' +
      'only, never a second session RPE. `matchDays` are the days with a logged match or a match activity.',
  })
  @ApiAuth(400, 404, 422)
  @Get('players/:playerId/load')
  async report(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Query() query: DateRangeQueryDto,
  ): Promise<LoadReportDto> {
    return this.load.report(caller, playerId, query);
  }
}
