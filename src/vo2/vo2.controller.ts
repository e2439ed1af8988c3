import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { PaginationQueryDto } from '../common/pagination/pagination.dto';
import { parseCalendarDate } from '../common/validation/calendar-date';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import {
  CreateVo2TestDto,
  EstimateVo2Dto,
  Vo2BenchmarkDto,
  Vo2EstimateDto,
  Vo2TestDto,
  Vo2TestPageDto,
} from './dto/vo2.dto';
import { Vo2Service } from './vo2.service';

@ApiTags('vo2')
@Controller({ version: '1' })
export class Vo2Controller {
  constructor(private readonly vo2: Vo2Service) {}

  @ApiOperation({
    summary: 'Estimate VO2max from a field test',
    description: 'Inputs outside the protocol’s validated range are refused (400 naming the field), not extrapolated.',
  })
  @ApiAuth(400, 422)
  @HttpCode(HttpStatus.OK)
  @Post('vo2/estimate')
  estimate(@Body() dto: EstimateVo2Dto): Promise<Vo2EstimateDto> {
    return this.vo2.estimate(dto);
  }

  @ApiOperation({ summary: 'VO2max norm tables (bands and percentiles by sex and age)' })
  @ApiAuth()
  @Get('vo2/benchmarks')
  async benchmarks(): Promise<Vo2BenchmarkDto[]> {
    return (await this.vo2.benchmarks()).map(Vo2BenchmarkDto.from);
  }

  @ApiOperation({ summary: "Record a player's VO2max test (the estimate is frozen at write time)" })
  @ApiAuth(400, 403, 404, 422)
  @Post('players/:playerId/vo2-tests')
  async record(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Body() dto: CreateVo2TestDto,
  ): Promise<Vo2TestDto> {
    const { date, protocol, ...inputs } = dto;
    return Vo2TestDto.from(await this.vo2.recordTest(caller, playerId, parseCalendarDate(date)!, protocol, inputs));
  }

  @ApiOperation({ summary: "A player's VO2max tests, newest first" })
  @ApiAuth(400, 404)
  @Get('players/:playerId/vo2-tests')
  async list(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Query() query: PaginationQueryDto,
  ): Promise<Vo2TestPageDto> {
    const page = await this.vo2.listTests(caller, playerId, query.page, query.limit);
    return { ...page, items: page.items.map(Vo2TestDto.from) };
  }
}
