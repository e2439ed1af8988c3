import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiExtraModels, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { PaginationQueryDto } from '../common/pagination/pagination.dto';
import { toCalendarDate } from '../common/validation/calendar-date';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { AssessmentSummaryService } from './assessment-summary.service';
import { AssessmentsService } from './assessments.service';
import { CohortPercentilesService } from './cohort-percentiles.service';
import { AssessmentDto, AssessmentPageDto, CreateAssessmentDto, UpdateAssessmentDto } from './dto/assessment.dto';
import {
  AssessmentSummaryDto,
  CohortPercentileDto,
  MetricProgressDto,
  NormDto,
  ProgressOverviewDto,
  ProgressQueryDto,
  SummaryQueryDto,
} from './dto/summary.dto';
import { MetricProgress, ProgressService } from './progress.service';

const progressDto = (p: MetricProgress): MetricProgressDto => ({
  ...p,
  points: p.points.map((point) => ({ ...point, date: toCalendarDate(point.date) })),
});

@ApiTags('assessments')
@ApiExtraModels(NormDto, CohortPercentileDto)
@Controller({ version: '1' })
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly summaries: AssessmentSummaryService,
    private readonly progress: ProgressService,
    private readonly cohorts: CohortPercentilesService,
  ) {}

  @ApiOperation({ summary: 'Record an assessment (coaches of the player and admins)' })
  @ApiAuth(400, 403, 404, 422)
  @Post('players/:playerId/assessments')
  async create(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Body() dto: CreateAssessmentDto,
  ): Promise<AssessmentDto> {
    return AssessmentDto.from(await this.assessments.create(caller, playerId, dto));
  }

  @ApiOperation({ summary: "A player's assessments, newest first" })
  @ApiAuth(400, 404)
  @Get('players/:playerId/assessments')
  async list(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Query() query: PaginationQueryDto,
  ): Promise<AssessmentPageDto> {
    const page = await this.assessments.list(caller, playerId, query.page, query.limit);
    return { ...page, items: page.items.map(AssessmentDto.from) };
  }

  @ApiOperation({ summary: 'One assessment' })
  @ApiAuth(400, 404)
  @Get('assessments/:id')
  async get(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<AssessmentDto> {
    return AssessmentDto.from((await this.assessments.get(caller, id)).assessment);
  }

  @ApiOperation({ summary: 'Change an assessment (tests and ratings merge by key; null removes a value)' })
  @ApiAuth(400, 403, 404, 422)
  @Patch('assessments/:id')
  async update(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: UpdateAssessmentDto,
  ): Promise<AssessmentDto> {
    return AssessmentDto.from(await this.assessments.update(caller, id, dto));
  }

  @ApiOperation({ summary: 'Delete an assessment' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiAuth(400, 403, 404)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete('assessments/:id')
  async remove(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<void> {
    await this.assessments.remove(caller, id);
  }

  @ApiOperation({
    summary: 'What the assessment means',
    description:
      'Age at test, BMI, maturity offset (Mirwald 2002, only where valid), VO2max from the field tests present, ' +
      'percentile and band per test against norms for age and sex (each naming its reference, method and age ' +
      "definition), percentiles among the academy's players of the same sex and birth year (`cohort`; " +
      '`cohortWithin=level|position` narrows it), and the three strongest and weakest areas.',
  })
  @ApiAuth(400, 404)
  @Get('assessments/:id/summary')
  async summary(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Query() query: SummaryQueryDto,
  ): Promise<AssessmentSummaryDto> {
    const { assessment, player } = await this.assessments.get(caller, id);
    const [summary, cohort] = await Promise.all([
      this.summaries.summarize(assessment, player),
      this.cohorts.forAssessment(assessment, player, query.cohortWithin),
    ]);
    return {
      ...summary,
      date: toCalendarDate(summary.date),
      norms: summary.norms as Record<string, NormDto | null>,
      cohort: {
        definition: { ...cohort.definition, since: toCalendarDate(cohort.definition.since) },
        percentiles: cohort.percentiles as Record<string, CohortPercentileDto>,
      },
    };
  }

  @ApiOperation({ summary: 'Time series of one metric with changes, monthly trend and percentile path' })
  @ApiAuth(400, 404, 422)
  @Get('players/:playerId/progress')
  async metric(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Query() query: ProgressQueryDto,
  ): Promise<MetricProgressDto> {
    return progressDto(await this.progress.metric(caller, playerId, query.metric, query.from, query.to));
  }

  @ApiOperation({ summary: 'Every metric at once: latest value, change since first test and trend' })
  @ApiAuth(400, 404)
  @Get('players/:playerId/progress/overview')
  async overview(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
  ): Promise<ProgressOverviewDto> {
    return { playerId, metrics: (await this.progress.overview(caller, playerId)).map(progressDto) };
  }
}
