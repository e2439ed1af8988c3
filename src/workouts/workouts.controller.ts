import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import {
  CreateWorkoutDto,
  FinishWorkoutDto,
  ReorderEntriesDto,
  ReplaceWorkoutDto,
  UpdateWorkoutDto,
  UpdateWorkoutEntryDto,
  WorkoutDto,
  WorkoutEntryInputDto,
  WorkoutPageDto,
  WorkoutsQueryDto,
} from './dto/workout.dto';
import { WorkoutSetInputDto } from './dto/workout-set.dto';
import { toWorkoutDto } from './workout-response';
import { WorkoutsService } from './workouts.service';

/**
 * Workouts logged set by set. Writing: the player, their coaches and admins; reading: also their
 * parents; anyone else gets 404. Every change answers the whole workout.
 */
@ApiTags('workouts')
@Controller({ version: '1' })
export class WorkoutsController {
  constructor(private readonly workouts: WorkoutsService) {}

  @ApiOperation({
    summary: 'Start or plan a workout for a player',
    description:
      'Future dates are planned; today and earlier default to in-progress. Planned workouts keep the youth ' +
      'strength rules (422 naming the rule and its reference); logged ones carry `warnings` instead.',
  })
  @ApiAuth(400, 403, 404, 422)
  @Post('players/:playerId/workouts')
  async create(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Body() dto: CreateWorkoutDto,
  ): Promise<WorkoutDto> {
    return toWorkoutDto(await this.workouts.create(caller, playerId, dto));
  }

  @ApiOperation({ summary: "A player's workouts, newest first" })
  @ApiAuth(400, 404, 422)
  @Get('players/:playerId/workouts')
  async list(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Query() query: WorkoutsQueryDto,
  ): Promise<WorkoutPageDto> {
    const page = await this.workouts.list(caller, playerId, query);
    return { ...page, items: page.items.map(toWorkoutDto) };
  }

  @ApiOperation({
    summary: 'One workout',
    description:
      'Entries of a workout not yet finished show the last finished performance of their exercise (`previous`).',
  })
  @ApiAuth(400, 404)
  @Get('workouts/:id')
  async get(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<WorkoutDto> {
    return toWorkoutDto(await this.workouts.get(caller, id));
  }

  @ApiOperation({ summary: 'Change the name, date or notes (only the notes once finished)' })
  @ApiAuth(400, 403, 404, 409, 422)
  @Patch('workouts/:id')
  async update(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: UpdateWorkoutDto,
  ): Promise<WorkoutDto> {
    return toWorkoutDto(await this.workouts.update(caller, id, dto));
  }

  @ApiOperation({
    summary: 'Replace the whole workout, e.g. to sync one finished on a phone',
    description: 'New entry and set ids are given. A finished workout is a 409 until a coach reopens it.',
  })
  @ApiAuth(400, 403, 404, 409, 422)
  @Put('workouts/:id')
  async replace(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: ReplaceWorkoutDto,
  ): Promise<WorkoutDto> {
    return toWorkoutDto(await this.workouts.replace(caller, id, dto));
  }

  @ApiOperation({ summary: 'Delete a workout' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiAuth(400, 403, 404)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete('workouts/:id')
  async remove(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<void> {
    await this.workouts.remove(caller, id);
  }

  @ApiOperation({ summary: 'Add an exercise entry (with or without sets)' })
  @ApiAuth(400, 403, 404, 409, 422)
  @Post('workouts/:id/exercises')
  async addEntry(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: WorkoutEntryInputDto,
  ): Promise<WorkoutDto> {
    return toWorkoutDto(await this.workouts.addEntry(caller, id, dto));
  }

  @ApiOperation({ summary: 'Put the entries in a new order: every entry id exactly once' })
  @ApiAuth(400, 403, 404, 409, 422)
  @Put('workouts/:id/exercises/order')
  async reorder(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: ReorderEntriesDto,
  ): Promise<WorkoutDto> {
    return toWorkoutDto(await this.workouts.reorder(caller, id, dto));
  }

  @ApiOperation({ summary: "Change an entry's notes or exercise (its sets must fit the new exercise)" })
  @ApiAuth(400, 403, 404, 409, 422)
  @Patch('workouts/:id/exercises/:entryId')
  async updateEntry(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Param('entryId', ParseObjectIdPipe) entryId: string,
    @Body() dto: UpdateWorkoutEntryDto,
  ): Promise<WorkoutDto> {
    return toWorkoutDto(await this.workouts.updateEntry(caller, id, entryId, dto));
  }

  @ApiOperation({ summary: 'Remove an exercise entry and its sets' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiAuth(400, 403, 404, 409)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete('workouts/:id/exercises/:entryId')
  async removeEntry(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Param('entryId', ParseObjectIdPipe) entryId: string,
  ): Promise<void> {
    await this.workouts.removeEntry(caller, id, entryId);
  }

  @ApiOperation({
    summary: 'Log a set',
    description:
      "The set carries what the exercise's `measure` records (reps-weight: reps and weightKg, time: durationS, ...).",
  })
  @ApiAuth(400, 403, 404, 409, 422)
  @Post('workouts/:id/exercises/:entryId/sets')
  async addSet(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Param('entryId', ParseObjectIdPipe) entryId: string,
    @Body() dto: WorkoutSetInputDto,
  ): Promise<WorkoutDto> {
    return toWorkoutDto(await this.workouts.addSet(caller, id, entryId, dto));
  }

  @ApiOperation({ summary: 'Change a set (fields sent replace those stored)' })
  @ApiAuth(400, 403, 404, 409, 422)
  @Patch('workouts/:id/exercises/:entryId/sets/:setId')
  async updateSet(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Param('entryId', ParseObjectIdPipe) entryId: string,
    @Param('setId', ParseObjectIdPipe) setId: string,
    @Body() dto: WorkoutSetInputDto,
  ): Promise<WorkoutDto> {
    return toWorkoutDto(await this.workouts.updateSet(caller, id, entryId, setId, dto));
  }

  @ApiOperation({ summary: 'Remove a set' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiAuth(400, 403, 404, 409)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete('workouts/:id/exercises/:entryId/sets/:setId')
  async removeSet(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Param('entryId', ParseObjectIdPipe) entryId: string,
    @Param('setId', ParseObjectIdPipe) setId: string,
  ): Promise<void> {
    await this.workouts.removeSet(caller, id, entryId, setId);
  }

  @ApiOperation({
    summary: 'Finish a workout with its minutes and session RPE (CR-10)',
    description:
      "The workout then counts once in the player's load (minutes x session RPE, on its date), and its exercises and " +
      'sets are fixed (409) until a coach or admin reopens it.',
  })
  @ApiAuth(400, 403, 404, 409, 422)
  @HttpCode(HttpStatus.OK)
  @Post('workouts/:id/finish')
  async finish(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: FinishWorkoutDto,
  ): Promise<WorkoutDto> {
    return toWorkoutDto(await this.workouts.finish(caller, id, dto));
  }

  @ApiOperation({ summary: "Reopen a finished workout to correct it (the player's coaches and admins)" })
  @ApiAuth(400, 403, 404, 409)
  @HttpCode(HttpStatus.OK)
  @Post('workouts/:id/reopen')
  async reopen(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<WorkoutDto> {
    return toWorkoutDto(await this.workouts.reopen(caller, id));
  }
}
