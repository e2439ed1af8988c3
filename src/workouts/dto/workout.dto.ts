import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsMongoId,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SLUG_PATTERN } from '../../common/domain/slug';
import { PageDto, PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { IsCalendarDate } from '../../common/validation/calendar-date';
import { DateRangeQueryDto } from '../../common/validation/date-range-query.dto';
import { IsOmittable } from '../../common/validation/omittable';
import { Trimmed } from '../../common/validation/trimmed';
import { BODY_PARTS, BodyPart, Measure, MEASURES } from '../../exercises/domain/exercise';
import { IsSessionMinutes, IsSessionRpe } from '../../training/dto/session-load.decorators';
import { WORKOUT_STATUSES, WorkoutStatus } from '../domain/workout';
import { WorkoutSetDto, WorkoutSetInputDto } from './workout-set.dto';

/** A gym session holds at most this many exercise entries, each at most this many sets. */
export const MAX_ENTRIES = 30;
export const MAX_SETS = 30;

const SLUG = new RegExp(SLUG_PATTERN);

/** An exercise entry as a client writes it: the exercise, notes and (optionally) its sets. */
export class WorkoutEntryInputDto {
  /** An exercise of the library (`GET /api/v1/exercises`), not archived. */
  @ApiProperty({ example: 'nordic-hamstring-curl', maxLength: 80 })
  @IsString()
  @MaxLength(80)
  @Matches(SLUG, { message: 'exerciseId must be an exercise id (a-z, 0-9, hyphens)' })
  exerciseId!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOmittable()
  @Trimmed()
  @IsString()
  @Length(1, 500)
  notes?: string;

  @ApiPropertyOptional({ type: [WorkoutSetInputDto], maxItems: MAX_SETS })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_SETS)
  @ValidateNested({ each: true })
  @Type(() => WorkoutSetInputDto)
  sets?: WorkoutSetInputDto[];
}

/** A change to an entry: its notes, or another exercise (its sets must then fit that exercise). */
export class UpdateWorkoutEntryDto {
  @ApiPropertyOptional({ example: 'romanian-deadlift', maxLength: 80 })
  @IsOmittable()
  @IsString()
  @MaxLength(80)
  @Matches(SLUG, { message: 'exerciseId must be an exercise id (a-z, 0-9, hyphens)' })
  exerciseId?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOmittable()
  @Trimmed()
  @IsString()
  @Length(1, 500)
  notes?: string;
}

export const CREATABLE_STATUSES = ['planned', 'in-progress'] as const;
export type CreatableStatus = (typeof CREATABLE_STATUSES)[number];

class WorkoutContentDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ maxLength: 120, example: 'Lower body A' })
  @Trimmed()
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiPropertyOptional({ type: [WorkoutEntryInputDto], maxItems: MAX_ENTRIES })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => WorkoutEntryInputDto)
  exercises?: WorkoutEntryInputDto[];

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOmittable()
  @Trimmed()
  @IsString()
  @Length(1, 1000)
  notes?: string;
}

/** A new workout: planned ahead, or being logged now (the default for today and earlier). */
export class CreateWorkoutDto extends WorkoutContentDto {
  /** `planned` by default for a future date, `in-progress` otherwise. A future workout is always planned. */
  @ApiPropertyOptional({ enum: CREATABLE_STATUSES })
  @IsOmittable()
  @IsIn(CREATABLE_STATUSES)
  status?: CreatableStatus;
}

/** The whole workout at once, e.g. a client syncing a finished workout. */
export class ReplaceWorkoutDto extends WorkoutContentDto {
  @ApiProperty({ enum: WORKOUT_STATUSES })
  @IsIn(WORKOUT_STATUSES)
  status!: WorkoutStatus;

  /** Required when finished. */
  @IsSessionMinutes({ optional: true })
  durationMin?: number;

  /** Session RPE (CR-10, 0-10); required when finished. */
  @IsSessionRpe({ optional: true })
  sessionRpe?: number;
}

/** Name, date and notes; a finished workout's notes can still change, its name and date cannot. */
export class UpdateWorkoutDto extends PartialType(PickType(WorkoutContentDto, ['date', 'name', 'notes'] as const), {
  skipNullProperties: false,
}) {}

export class FinishWorkoutDto {
  @IsSessionMinutes()
  durationMin!: number;

  /** Session RPE on the CR-10 scale (0-10), asked about 30 minutes after the workout (Foster et al. 2001). */
  @IsSessionRpe()
  sessionRpe!: number;
}

export class ReorderEntriesDto {
  /** Every entry id of the workout exactly once, in the new order. */
  @ApiProperty({ type: [String], maxItems: MAX_ENTRIES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ENTRIES)
  @IsMongoId({ each: true })
  entryIds!: string[];
}

export class WorkoutsQueryDto extends IntersectionType(PaginationQueryDto, DateRangeQueryDto) {
  @ApiPropertyOptional({ enum: WORKOUT_STATUSES })
  @IsOmittable()
  @IsIn(WORKOUT_STATUSES)
  status?: WorkoutStatus;

  /** Workouts with at least one entry of this exercise. */
  @ApiPropertyOptional({ maxLength: 80 })
  @IsOmittable()
  @IsString()
  @MaxLength(80)
  @Matches(SLUG, { message: 'exerciseId must be an exercise id (a-z, 0-9, hyphens)' })
  exerciseId?: string;
}

/** The player's most recent finished performance of the entry's exercise. */
export class PreviousPerformanceDto {
  workoutId!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  @ApiProperty({ type: [WorkoutSetDto] })
  sets!: WorkoutSetDto[];
}

export class WorkoutEntryDto {
  entryId!: string;
  exerciseId!: string;
  /** The exercise's name when the entry was added. */
  exerciseName!: string;
  /** Its Arabic name then, when the library has one (`{ ar }`). */
  @ApiPropertyOptional({ type: 'object', properties: { ar: { type: 'string' } } })
  exerciseNameTranslations?: { ar?: string };
  @ApiProperty({ enum: MEASURES })
  measure!: Measure;
  externalLoad!: boolean;
  @ApiProperty({ enum: BODY_PARTS, isArray: true })
  bodyParts!: BodyPart[];
  /** The exercise's youngest suitable age when the entry was added. */
  @ApiProperty({ type: 'integer' })
  minAge!: number;
  @ApiProperty({ type: 'integer', minimum: 1 })
  order!: number;
  @ApiPropertyOptional()
  notes?: string;
  @ApiProperty({ type: [WorkoutSetDto] })
  sets!: WorkoutSetDto[];
  /**
   * On `GET /workouts/:id`, creation, planning and replacement of a workout that is not finished:
   * the last finished performance of this exercise (null when there is none).
   */
  @ApiPropertyOptional({ type: PreviousPerformanceDto, nullable: true })
  previous?: PreviousPerformanceDto | null;
}

export const WORKOUT_WARNING_CODES = [
  'external-load-under-14',
  'low-rep-external-load-under-16',
  'below-exercise-min-age',
] as const;

/** A youth safety finding in a logged workout: what a planned one would have been refused for. */
export class WorkoutWarningDto {
  @ApiProperty({ example: 'youth-strength' })
  rule!: string;
  @ApiProperty({ enum: WORKOUT_WARNING_CODES })
  code!: string;
  @ApiProperty({ example: 'exercises[0].sets[2]' })
  path!: string;
  message!: string;
  reference!: string;
}

export class WorkoutDto {
  id!: string;
  playerId!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  name!: string;
  @ApiProperty({ enum: WORKOUT_STATUSES })
  status!: WorkoutStatus;
  @ApiProperty({ type: [WorkoutEntryDto] })
  exercises!: WorkoutEntryDto[];
  @ApiPropertyOptional({ type: 'integer' })
  durationMin?: number;
  @ApiPropertyOptional()
  sessionRpe?: number;
  /** Session-RPE load of a finished workout (durationMin x sessionRpe, Foster et al. 2001). */
  @ApiPropertyOptional()
  load?: number;
  @ApiPropertyOptional()
  notes?: string;
  @ApiPropertyOptional()
  finishedAt?: Date;
  @ApiPropertyOptional()
  templateId?: string;
  @ApiProperty({ type: [WorkoutWarningDto] })
  warnings!: WorkoutWarningDto[];
  createdBy!: string;
  createdAt!: Date;
  updatedAt!: Date;
}

export class WorkoutPageDto extends PageDto {
  @ApiProperty({ type: [WorkoutDto] })
  items!: WorkoutDto[];
}
