import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { ParseSlugPipe } from '../common/validation/parse-slug.pipe';
import { ExerciseHistoryDto, WorkoutStatsDto, WorkoutStatsQueryDto } from './dto/workout-stats.dto';
import { WorkoutStatsService } from './workout-stats.service';

/** Statistics of finished workouts; everyone who may see the player may read them. */
@ApiTags('workouts')
@Controller({ version: '1' })
export class WorkoutStatsController {
  constructor(private readonly stats: WorkoutStatsService) {}

  @ApiOperation({
    summary: 'Workouts, sets, reps and tonnage per week or month, body part and exercise; weekly streaks',
    description:
      'Done sets of finished workouts. Warm-up sets are counted apart and left out of sets, reps and tonnage ' +
      '(reps x kg). `to` defaults to today, `from` to twelve weeks or months before; streaks count the whole ' +
      'history up to `to`.',
  })
  @ApiAuth(400, 404, 422)
  @Get('players/:playerId/workout-stats')
  async workoutStats(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Query() query: WorkoutStatsQueryDto,
  ): Promise<WorkoutStatsDto> {
    return this.stats.stats(caller, playerId, query);
  }

  @ApiOperation({
    summary: "One exercise's history: every set, the best set, estimated 1RM (Epley, Brzycki) and personal records",
    description:
      'Estimated 1RM from working sets of 10 reps or fewer: Epley 1985, w x (1 + r/30); Brzycki 1993, w x 36 / (37 - r). ' +
      'Records: a new best Epley e1RM, a new heaviest weight at a rep count; each dated.',
  })
  @ApiAuth(400, 404)
  @Get('players/:playerId/exercises/:exerciseId/history')
  async history(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Param('exerciseId', ParseSlugPipe) exerciseId: string,
  ): Promise<ExerciseHistoryDto> {
    return this.stats.history(caller, playerId, exerciseId);
  }
}
