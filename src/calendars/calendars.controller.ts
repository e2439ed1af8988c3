import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { ValidatedQuery } from '../common/validation/validated-query.decorator';
import { CalendarService } from './calendar.service';
import { CALENDAR_WINDOW_DESCRIPTION, CalendarDto, CalendarQueryDto } from './dto/calendar.dto';

@ApiTags('calendars')
@Controller({ version: '1' })
export class CalendarsController {
  constructor(private readonly calendars: CalendarService) {}

  @ApiOperation({
    summary: "A player's calendar: programme sessions, team sessions, fixtures, logs, workouts and activities",
    description:
      `${CALENDAR_WINDOW_DESCRIPTION} A log of a planned or team session marks that session (status, minutes, ` +
      'RPE) instead of being a second event.',
  })
  @ApiAuth(400, 404, 422)
  @Get('players/:playerId/calendar')
  async player(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @ValidatedQuery(CalendarQueryDto) query: CalendarQueryDto,
  ): Promise<CalendarDto> {
    return CalendarDto.from(await this.calendars.forPlayer(caller, playerId, query));
  }

  @ApiOperation({ summary: "A team's calendar: its sessions and fixtures", description: CALENDAR_WINDOW_DESCRIPTION })
  @ApiAuth(400, 404, 422)
  @Get('teams/:teamId/calendar')
  async team(
    @CurrentUser() caller: AuthUser,
    @Param('teamId', ParseObjectIdPipe) teamId: string,
    @ValidatedQuery(CalendarQueryDto) query: CalendarQueryDto,
  ): Promise<CalendarDto> {
    return CalendarDto.from(await this.calendars.forTeam(caller, teamId, query));
  }
}
