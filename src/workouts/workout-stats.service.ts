import { Injectable, NotFoundException } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { RuleProblem } from '../common/errors/problem';
import { toCalendarDate } from '../common/validation/calendar-date';
import { ExerciseCatalog } from '../exercises/exercise-catalog';
import { PlayerAccessService } from '../players/player-access.service';
import { addDays, daysBetween, isoWeekStart } from '../training/domain/calendar';
import { exerciseHistory } from './domain/exercise-history';
import { STRENGTH_REFERENCES } from './domain/one-rep-max';
import { workoutStats, WorkoutStats } from './domain/workout-stats';
import { ExerciseHistoryDto, WorkoutStatsQueryDto } from './dto/workout-stats.dto';
import { WorkoutsRepository } from './workouts.repository';

/** Statistics span at most five years (three seasons and more fit). */
const MAX_STATS_DAYS = 5 * 366;
/** Without `from`: the twelve weeks or twelve months up to `to`. */
const DEFAULT_PERIODS = 12;

/** Volume, streaks, estimated maxima and records from a player's finished workouts. */
@Injectable()
export class WorkoutStatsService {
  constructor(
    private readonly workouts: WorkoutsRepository,
    private readonly catalog: ExerciseCatalog,
    private readonly access: PlayerAccessService,
  ) {}

  async stats(caller: AuthUser, playerId: string, query: WorkoutStatsQueryDto): Promise<WorkoutStats> {
    await this.access.findViewable(caller, playerId);
    const to = query.to ?? today();
    const from = query.from ?? defaultFrom(to, query.groupBy);
    if (from > to) throw new RuleProblem([{ path: 'from', message: 'from must not be after to' }]);
    if (daysBetween(from, to) >= MAX_STATS_DAYS) {
      throw new RuleProblem([{ path: 'from', message: `at most ${MAX_STATS_DAYS} days from from to to` }]);
    }
    // The whole history up to `to`: streaks count back from it, whatever the range shown.
    return workoutStats(await this.workouts.volumeSummariesUpTo(playerId, to), { from, to, groupBy: query.groupBy });
  }

  async history(caller: AuthUser, playerId: string, exerciseId: string): Promise<ExerciseHistoryDto> {
    await this.access.findViewable(caller, playerId);
    const exercise = await this.catalog.find(exerciseId);
    if (!exercise) throw new NotFoundException('Exercise not found.');
    const history = exerciseHistory(await this.workouts.finishedWith(playerId, exerciseId, today()), exerciseId);
    return {
      exercise: { id: exercise.id, name: exercise.name, measure: exercise.measure },
      sets: history.sets,
      bestSet: history.bestSet,
      bestE1rm: history.bestE1rm,
      personalRecords: history.personalRecords,
      references: [STRENGTH_REFERENCES.epley1985, STRENGTH_REFERENCES.brzycki1993],
    };
  }
}

function today(): string {
  return toCalendarDate(new Date());
}

function defaultFrom(to: string, groupBy: WorkoutStatsQueryDto['groupBy']): string {
  if (groupBy === 'week') return addDays(isoWeekStart(to), -7 * (DEFAULT_PERIODS - 1));
  const [year, month] = to.split('-').map(Number);
  // setUTCFullYear, because Date.UTC reads the years 0-99 as 1900-1999.
  const first = new Date(0);
  first.setUTCFullYear(year, month - 1 - (DEFAULT_PERIODS - 1), 1);
  return toCalendarDate(first);
}
