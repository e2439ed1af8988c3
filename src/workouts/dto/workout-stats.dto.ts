import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PickType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { BODY_PARTS, BodyPart, Measure, MEASURES } from '../../exercises/domain/exercise';
import { DateRangeQueryDto } from '../../common/validation/date-range-query.dto';
import { IsOmittable } from '../../common/validation/omittable';
import { PERSONAL_RECORD_KINDS, PersonalRecordKind } from '../domain/exercise-history';
import { STATS_GROUP_BY, StatsGroupBy } from '../domain/workout-stats';
import { WorkoutSetDto } from './workout-set.dto';

export class WorkoutStatsQueryDto extends DateRangeQueryDto {
  @ApiPropertyOptional({ enum: STATS_GROUP_BY, default: 'week' })
  @IsOmittable()
  @IsIn(STATS_GROUP_BY)
  groupBy: StatsGroupBy = 'week';
}

class VolumeFiguresDto {
  @ApiProperty({ type: 'integer' })
  workouts!: number;
  /** Working sets done (warm-up sets are counted apart). */
  @ApiProperty({ type: 'integer' })
  sets!: number;
  @ApiProperty({ type: 'integer' })
  warmUpSets!: number;
  @ApiProperty({ type: 'integer' })
  reps!: number;
  /** Reps x kg over working sets. */
  tonnageKg!: number;
  @ApiProperty({ type: 'integer' })
  durationMin!: number;
}

class StatsPeriodDto extends VolumeFiguresDto {
  @ApiProperty({ format: 'date' })
  start!: string;
  @ApiProperty({ format: 'date' })
  end!: string;
}

/** What a body part's or an exercise's row counts (no warm-ups or minutes: those are the totals'). */
class GroupVolumeDto extends PickType(VolumeFiguresDto, ['workouts', 'sets', 'reps', 'tonnageKg'] as const) {}

class BodyPartStatsDto extends GroupVolumeDto {
  @ApiProperty({ enum: BODY_PARTS })
  bodyPart!: BodyPart;
}

class ExerciseStatsDto extends GroupVolumeDto {
  exerciseId!: string;
  name!: string;
}

class TrainingStreaksDto {
  /** Consecutive ISO weeks with a finished workout, up to the week of `to` (or the week before, while it runs). */
  @ApiProperty({ type: 'integer' })
  currentWeeks!: number;
  @ApiProperty({ type: 'integer' })
  longestWeeks!: number;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  longestFrom!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  longestTo!: string | null;
}

export class WorkoutStatsDto {
  @ApiProperty({ format: 'date' })
  from!: string;
  @ApiProperty({ format: 'date' })
  to!: string;
  @ApiProperty({ enum: STATS_GROUP_BY })
  groupBy!: StatsGroupBy;
  @ApiProperty({ type: VolumeFiguresDto })
  totals!: VolumeFiguresDto;
  @ApiProperty({ type: [StatsPeriodDto] })
  periods!: StatsPeriodDto[];
  /** An entry counts fully for every body part its exercise trains. */
  @ApiProperty({ type: [BodyPartStatsDto] })
  bodyParts!: BodyPartStatsDto[];
  @ApiProperty({ type: [ExerciseStatsDto] })
  exercises!: ExerciseStatsDto[];
  @ApiProperty({ type: TrainingStreaksDto })
  streaks!: TrainingStreaksDto;
}

class OneRepMaxDto {
  epleyKg!: number;
  brzyckiKg!: number;
}

class HistorySetDto extends OmitType(WorkoutSetDto, ['restS', 'done'] as const) {
  workoutId!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  /** Working sets of 1-10 reps with a load only. */
  @ApiProperty({ type: OneRepMaxDto, nullable: true })
  e1rm!: OneRepMaxDto | null;
}

/** The set a best or a record was set with. */
class RecordSetDto {
  @ApiProperty({ format: 'date' })
  date!: string;
  workoutId!: string;
  setId!: string;
  @ApiProperty({ type: 'integer' })
  reps!: number;
  weightKg!: number;
}

class BestE1rmDto extends IntersectionType(OneRepMaxDto, RecordSetDto) {}

class PersonalRecordDto extends RecordSetDto {
  @ApiProperty({ enum: PERSONAL_RECORD_KINDS })
  kind!: PersonalRecordKind;
  @ApiPropertyOptional()
  e1rmKg?: number;
  @ApiProperty({ nullable: true, type: Number })
  previous!: number | null;
}

class HistoryExerciseDto {
  id!: string;
  name!: string;
  @ApiProperty({ enum: MEASURES })
  measure!: Measure;
}

export class ExerciseHistoryDto {
  @ApiProperty({ type: HistoryExerciseDto })
  exercise!: HistoryExerciseDto;
  @ApiProperty({ type: [HistorySetDto] })
  sets!: HistorySetDto[];
  @ApiProperty({ type: HistorySetDto, nullable: true })
  bestSet!: HistorySetDto | null;
  @ApiProperty({ type: BestE1rmDto, nullable: true })
  bestE1rm!: BestE1rmDto | null;
  @ApiProperty({ type: [PersonalRecordDto] })
  personalRecords!: PersonalRecordDto[];
  /** Epley 1985 and Brzycki 1993, applied as published. */
  @ApiProperty({ type: [String] })
  references!: string[];
}
