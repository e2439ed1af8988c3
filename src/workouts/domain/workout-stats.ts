/**
 * A player's workout statistics over a date range: totals, a row per week or month, volume by body part
 * and by exercise, and weekly training streaks. What counts is defined in `workout-volume.ts`.
 * Pure: dates are `YYYY-MM-DD` UTC calendar days, weeks are ISO 8601 weeks (Monday to Sunday), no clock
 * is read. One pass over the workouts' volume summaries (`summarizeWorkout`), so the sets are added up
 * once, when a workout is written; tonnage, reps and durations are rounded only at the end.
 */

import type { BodyPart } from '../../exercises/domain/exercise';
import { calendarDay, dateOfDay, dayOf, mondayOf } from '../../training/domain/calendar';
import { countsWorkout, measuredAmount, roundKg, WorkoutVolumeSummary } from './workout-volume';

export const STATS_GROUP_BY = ['week', 'month'] as const;
export type StatsGroupBy = (typeof STATS_GROUP_BY)[number];

export interface WorkoutStatsQuery {
  from: string;
  to: string;
  groupBy: StatsGroupBy;
}

export interface VolumeFigures {
  /** Finished workouts. */
  workouts: number;
  /** Working sets done (normal, drop, failure). */
  sets: number;
  warmUpSets: number;
  reps: number;
  /** Σ reps × weightKg of working sets of reps-weight exercises, to 0.1 kg. */
  tonnageKg: number;
  /** Σ durationMin of the finished workouts (a workout without one adds 0). */
  durationMin: number;
}

export interface StatsPeriod extends VolumeFigures {
  /** The period's own first and last day (a Monday and a Sunday, or a month's 1st and last), not clipped to the range. */
  start: string;
  end: string;
}

export interface BodyPartStats {
  bodyPart: BodyPart;
  /** Workouts with at least one working set for this body part. */
  workouts: number;
  sets: number;
  reps: number;
  tonnageKg: number;
}

export interface ExerciseStats {
  exerciseId: string;
  /** The name on the most recent entry of the exercise in the range. */
  name: string;
  /** Workouts with at least one working set of this exercise. */
  workouts: number;
  sets: number;
  reps: number;
  tonnageKg: number;
}

export interface TrainingStreaks {
  /** Consecutive ISO weeks with a finished workout, back from the week of `to` (or the week before it while `to`'s week has none yet). */
  currentWeeks: number;
  longestWeeks: number;
  /** Monday of the first week of the longest streak (the most recent one on a tie); null when there is none. */
  longestFrom: string | null;
  /** Sunday of its last week; null when there is none. */
  longestTo: string | null;
}

export interface WorkoutStats {
  from: string;
  to: string;
  groupBy: StatsGroupBy;
  totals: VolumeFigures;
  /** Every week or month overlapping from..to, oldest first, empty ones included. */
  periods: StatsPeriod[];
  /** Sorted by tonnage, then sets (both descending), then name. */
  bodyParts: BodyPartStats[];
  /** Sorted by tonnage, then sets (both descending), then name, then id. */
  exercises: ExerciseStats[];
  streaks: TrainingStreaks;
}

/** The figures while they are added up (rounded only at the end). */
type Tally = VolumeFigures;

interface GroupTally {
  workouts: number;
  sets: number;
  reps: number;
  tonnageKg: number;
  /** Index of the last workout counted, so a workout counts once however many entries it has. */
  lastWorkout: number;
}

interface ExerciseTally extends GroupTally {
  name: string;
  nameDay: number;
}

const emptyTally = (): Tally => ({ workouts: 0, sets: 0, warmUpSets: 0, reps: 0, tonnageKg: 0, durationMin: 0 });

function roundFigures(t: Tally): VolumeFigures {
  return {
    workouts: t.workouts,
    sets: t.sets,
    warmUpSets: t.warmUpSets,
    reps: t.reps,
    tonnageKg: roundKg(t.tonnageKg),
    durationMin: Math.round(t.durationMin * 10) / 10,
  };
}

/** Field by field: an object spread of the range and the figures costs more than the whole pass over the sets. */
function periodRow(range: { start: string; end: string }, t: Tally): StatsPeriod {
  return {
    start: range.start,
    end: range.end,
    workouts: t.workouts,
    sets: t.sets,
    warmUpSets: t.warmUpSets,
    reps: t.reps,
    tonnageKg: roundKg(t.tonnageKg),
    durationMin: Math.round(t.durationMin * 10) / 10,
  };
}

/** Year × 12 + month index (0-11) of a validated `YYYY-MM-DD` date. */
function monthNumber(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function monthStart(month: number): string {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

function buildPeriods(groupBy: StatsGroupBy, fromDay: number, toDay: number, from: string, to: string) {
  const periods: { start: string; end: string }[] = [];
  if (groupBy === 'week') {
    for (let monday = mondayOf(fromDay); monday <= toDay; monday += 7) {
      periods.push({ start: dateOfDay(monday), end: dateOfDay(monday + 6) });
    }
  } else {
    for (let month = monthNumber(from); month <= monthNumber(to); month += 1) {
      periods.push({ start: monthStart(month), end: dateOfDay(dayOf(monthStart(month + 1)) - 1) });
    }
  }
  return periods;
}

/** Streaks over the Mondays (day numbers) of the weeks with a finished workout. */
function weekStreaks(mondays: Set<number>, toDay: number): TrainingStreaks {
  const weeks = [...mondays].sort((a, b) => a - b);
  let longestWeeks = 0;
  let longestStart = 0;
  let runStart = 0;
  for (let i = 0; i < weeks.length; i += 1) {
    if (i > 0 && weeks[i] !== weeks[i - 1] + 7) runStart = i;
    const length = i - runStart + 1;
    // `>=`: on a tie the most recent streak is reported.
    if (length >= longestWeeks) {
      longestWeeks = length;
      longestStart = weeks[runStart];
    }
  }
  // The week of `to` is not over: without a workout yet it does not break the streak that ended before it.
  let week = mondayOf(toDay);
  if (!mondays.has(week)) week -= 7;
  let currentWeeks = 0;
  while (mondays.has(week)) {
    currentWeeks += 1;
    week -= 7;
  }
  return {
    currentWeeks,
    longestWeeks,
    longestFrom: longestWeeks > 0 ? dateOfDay(longestStart) : null,
    longestTo: longestWeeks > 0 ? dateOfDay(longestStart + 7 * longestWeeks - 1) : null,
  };
}

function byVolume(a: { tonnageKg: number; sets: number }, b: { tonnageKg: number; sets: number }): number {
  return b.tonnageKg - a.tonnageKg || b.sets - a.sets;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Statistics of one player's workouts for `query`. Pass the player's whole history up to `to`: only
 * finished workouts dated from..to count in the totals, periods, body parts and exercises, while the
 * streaks look at every finished workout dated on or before `to`. Workouts after `to` are ignored.
 *
 * Body parts: an entry counts fully for each body part its exercise trains (a bench press set with
 * chest and triceps adds its sets, reps and tonnage to both), so the body-part rows overlap and do not
 * add up to the totals; the exercise rows do.
 */
export function workoutStats(workouts: readonly WorkoutVolumeSummary[], query: WorkoutStatsQuery): WorkoutStats {
  const { from, to, groupBy } = query;
  const fromDay = dayOf(from, 'from');
  const toDay = dayOf(to, 'to');
  if (fromDay > toDay) throw new RangeError(`from (${from}) is after to (${to})`);
  if (!STATS_GROUP_BY.includes(groupBy)) {
    throw new RangeError(`groupBy: expected ${STATS_GROUP_BY.join(' or ')}, got ${String(groupBy)}`);
  }

  const periodRanges = buildPeriods(groupBy, fromDay, toDay, from, to);
  const periodTallies = periodRanges.map(emptyTally);
  const firstMonday = mondayOf(fromDay);
  const firstMonth = monthNumber(from);
  const totals = emptyTally();
  const bodyParts = new Map<BodyPart, GroupTally>();
  const exercises = new Map<string, ExerciseTally>();
  const mondays = new Set<number>();

  for (let w = 0; w < workouts.length; w += 1) {
    const workout = workouts[w];
    if (!countsWorkout(workout)) continue;
    const day = calendarDay(workout.date) ?? dayOf(workout.date, `workouts[${w}].date`);
    if (day > toDay) continue;
    mondays.add(mondayOf(day));
    if (day < fromDay) continue;

    const period =
      periodTallies[groupBy === 'week' ? (mondayOf(day) - firstMonday) / 7 : monthNumber(workout.date) - firstMonth];
    const duration = measuredAmount(workout.durationMin);
    totals.workouts += 1;
    totals.durationMin += duration;
    period.workouts += 1;
    period.durationMin += duration;

    for (const entry of workout.entries) {
      const { sets, warmUpSets, reps, tonnageKg } = entry;
      totals.warmUpSets += warmUpSets;
      period.warmUpSets += warmUpSets;
      if (sets === 0) continue;
      totals.sets += sets;
      totals.reps += reps;
      totals.tonnageKg += tonnageKg;
      period.sets += sets;
      period.reps += reps;
      period.tonnageKg += tonnageKg;

      let exercise = exercises.get(entry.exerciseId);
      if (!exercise) {
        exercise = {
          name: entry.exerciseName,
          nameDay: day,
          workouts: 0,
          sets: 0,
          reps: 0,
          tonnageKg: 0,
          lastWorkout: -1,
        };
        exercises.set(entry.exerciseId, exercise);
      } else if (day >= exercise.nameDay) {
        exercise.name = entry.exerciseName;
        exercise.nameDay = day;
      }
      addGroup(exercise, w, sets, reps, tonnageKg);
      const parts = entry.bodyParts;
      for (let i = 0; i < parts.length; i += 1) {
        // The same body part listed twice on one entry counts once.
        if (i > 0 && parts.indexOf(parts[i]) < i) continue;
        let part = bodyParts.get(parts[i]);
        if (!part) {
          part = { workouts: 0, sets: 0, reps: 0, tonnageKg: 0, lastWorkout: -1 };
          bodyParts.set(parts[i], part);
        }
        addGroup(part, w, sets, reps, tonnageKg);
      }
    }
  }

  return {
    from,
    to,
    groupBy,
    totals: roundFigures(totals),
    periods: periodRanges.map((range, i) => periodRow(range, periodTallies[i])),
    bodyParts: [...bodyParts]
      .map(([bodyPart, t]) => ({
        bodyPart,
        workouts: t.workouts,
        sets: t.sets,
        reps: t.reps,
        tonnageKg: roundKg(t.tonnageKg),
      }))
      .sort((a, b) => byVolume(a, b) || compareText(a.bodyPart, b.bodyPart)),
    exercises: [...exercises]
      .map(([exerciseId, t]) => ({
        exerciseId,
        name: t.name,
        workouts: t.workouts,
        sets: t.sets,
        reps: t.reps,
        tonnageKg: roundKg(t.tonnageKg),
      }))
      .sort((a, b) => byVolume(a, b) || compareText(a.name, b.name) || compareText(a.exerciseId, b.exerciseId)),
    streaks: weekStreaks(mondays, toDay),
  };
}

function addGroup(group: GroupTally, workout: number, sets: number, reps: number, tonnageKg: number): void {
  if (group.lastWorkout !== workout) {
    group.workouts += 1;
    group.lastWorkout = workout;
  }
  group.sets += sets;
  group.reps += reps;
  group.tonnageKg += tonnageKg;
}
