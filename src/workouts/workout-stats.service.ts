import { dateWindowProblems } from '../common/domain/date-window';
import { Injectable, NotFoundException } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { RuleProblem } from '../common/errors/problem';
import { toCalendarDate } from '../common/validation/calendar-date';
import { ExerciseCatalog } from '../exercises/exercise-catalog';
import { PlayerAccessService } from '../players/player-access.service';
import { addDays, daysBetween, isoWeekStart } from '../training/domain/calendar';
import { ExerciseHistory, exerciseHistory } from './domain/exercise-history';
import { STRENGTH_REFERENCES } from './domain/one-rep-max';
import { workoutStats, WorkoutStats } from './domain/workout-stats';
import { ExerciseHistoryDto, WorkoutStatsQueryDto } from './dto/workout-stats.dto';
import { FinishedWorkoutsRevisionsRepository } from './finished-workouts-revisions.repository';
import { RevisionedCache } from './revisioned-cache';
import { WorkoutsRepository } from './workouts.repository';

/** Statistics span at most five years (three seasons and more fit). */
const MAX_STATS_DAYS = 5 * 366;
/** Without `from`: the twelve weeks or twelve months up to `to`. */
const DEFAULT_PERIODS = 12;
/** Answers kept per instance (a few kilobytes to a few hundred each). */
const CACHED_ANSWERS = 1000;

/** Volume, streaks, estimated maxima and records from a player's finished workouts. */
@Injectable()
export class WorkoutStatsService {
  /**
   * Statistics and histories change only when a finished workout does, so each is computed once per
   * revision of the player's finished workouts; a request reads the revision (one small document) and
   * answers from the cache while it holds.
   */
  private readonly answers = new RevisionedCache<WorkoutStats | ExerciseHistory>(CACHED_ANSWERS);

  constructor(
    private readonly workouts: WorkoutsRepository,
    private readonly revisions: FinishedWorkoutsRevisionsRepository,
    private readonly catalog: ExerciseCatalog,
    private readonly access: PlayerAccessService,
  ) {}

  async stats(caller: AuthUser, playerId: string, query: WorkoutStatsQueryDto): Promise<WorkoutStats> {
    // Read together; nothing is answered unless the caller may see the player.
    const [, revision] = await Promise.all([
      this.access.findViewable(caller, playerId),
      this.revisions.current(playerId),
    ]);
    const to = query.to ?? today();
    const from = query.from ?? defaultFrom(to, query.groupBy);
    const order = dateWindowProblems({ from, to });
    if (order.length > 0) throw new RuleProblem(order);
    if (daysBetween(from, to) >= MAX_STATS_DAYS) {
      throw new RuleProblem([{ path: 'from', message: `at most ${MAX_STATS_DAYS} days from from to to` }]);
    }
    return this.cached(`stats|${playerId}|${from}|${to}|${query.groupBy}`, revision, async () =>
      // The whole history up to `to`: streaks count back from it, whatever the range shown.
      workoutStats(await this.workouts.volumeSummariesUpTo(playerId, to), { from, to, groupBy: query.groupBy }),
    );
  }

  async history(caller: AuthUser, playerId: string, exerciseId: string): Promise<ExerciseHistoryDto> {
    const [, exercise, revision] = await Promise.all([
      this.access.findViewable(caller, playerId),
      this.catalog.find(exerciseId),
      this.revisions.current(playerId),
    ]);
    if (!exercise) throw new NotFoundException('Exercise not found.');
    const to = today();
    const history = await this.cached(`history|${playerId}|${exerciseId}|${to}`, revision, async () =>
      exerciseHistory(await this.workouts.finishedWith(playerId, exerciseId, to), exerciseId),
    );
    return {
      exercise: { id: exercise.id, name: exercise.name, measure: exercise.measure },
      sets: history.sets,
      bestSet: history.bestSet,
      bestE1rm: history.bestE1rm,
      personalRecords: history.personalRecords,
      references: [STRENGTH_REFERENCES.epley1985, STRENGTH_REFERENCES.brzycki1993],
    };
  }

  /** The answer for `key` at the player's current revision: kept, or computed and kept. */
  private async cached<T extends WorkoutStats | ExerciseHistory>(
    key: string,
    revision: number,
    compute: () => Promise<T>,
  ): Promise<T> {
    const kept = this.answers.get(key, revision);
    if (kept) return kept as T;
    const value = await compute();
    this.answers.set(key, revision, value);
    return value;
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
