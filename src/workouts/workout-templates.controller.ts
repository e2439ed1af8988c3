import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { PaginationQueryDto } from '../common/pagination/pagination.dto';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { WorkoutDto } from './dto/workout.dto';
import {
  PlanTemplateDto,
  SaveAsTemplateDto,
  WorkoutTemplateDto,
  WorkoutTemplateInputDto,
  WorkoutTemplatePageDto,
} from './dto/workout-template.dto';
import { toWorkoutDto } from './workout-response';
import { WorkoutTemplatesService } from './workout-templates.service';

/** Coaches' workout templates: each coach sees their own, admins all; others get 403. */
@ApiTags('workout templates')
@Roles('coach', 'admin')
@Controller({ version: '1' })
export class WorkoutTemplatesController {
  constructor(private readonly templates: WorkoutTemplatesService) {}

  @ApiOperation({ summary: 'Create a template: exercises with target sets' })
  @ApiAuth(400, 403)
  @Post('workout-templates')
  async create(@CurrentUser() caller: AuthUser, @Body() dto: WorkoutTemplateInputDto): Promise<WorkoutTemplateDto> {
    return this.templates.create(caller, dto);
  }

  @ApiOperation({ summary: 'Save a workout as a template (its sets become targets)' })
  @ApiAuth(400, 403, 404)
  @Post('workouts/:id/template')
  async saveWorkout(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: SaveAsTemplateDto,
  ): Promise<WorkoutTemplateDto> {
    return this.templates.saveWorkout(caller, id, dto);
  }

  @ApiOperation({ summary: "The caller's templates (an admin's: all), by name" })
  @ApiAuth(400, 403)
  @Get('workout-templates')
  async list(@CurrentUser() caller: AuthUser, @Query() query: PaginationQueryDto): Promise<WorkoutTemplatePageDto> {
    return this.templates.list(caller, query);
  }

  @ApiOperation({ summary: 'One template' })
  @ApiAuth(400, 403, 404)
  @Get('workout-templates/:id')
  async get(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<WorkoutTemplateDto> {
    return this.templates.get(caller, id);
  }

  @ApiOperation({ summary: 'Replace a template' })
  @ApiAuth(400, 403, 404)
  @Put('workout-templates/:id')
  async replace(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: WorkoutTemplateInputDto,
  ): Promise<WorkoutTemplateDto> {
    return this.templates.replace(caller, id, dto);
  }

  @ApiOperation({ summary: 'Delete a template (workouts planned from it stay)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiAuth(400, 403, 404)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete('workout-templates/:id')
  async remove(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<void> {
    await this.templates.remove(caller, id);
  }

  @ApiOperation({
    summary: 'Plan the template for a player on a date',
    description:
      "A planned workout; each entry shows the player's last finished performance of its exercise (`previous`). " +
      'Refused (422, naming the rule and its reference) when it breaks a youth strength rule for the player.',
  })
  @ApiAuth(400, 403, 404, 422)
  @Post('workout-templates/:id/plan')
  async plan(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: PlanTemplateDto,
  ): Promise<WorkoutDto> {
    return toWorkoutDto(await this.templates.plan(caller, id, dto));
  }
}
