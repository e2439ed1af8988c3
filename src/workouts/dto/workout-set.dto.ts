import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { IsFiniteNumber } from '../../common/validation/finite-number';
import { IsOmittable } from '../../common/validation/omittable';
import { SET_TYPES, SetType, WorkoutSet } from '../domain/workout';

/**
 * Bounds that no real set reaches: the heaviest lifts on record are about 500 kg, a gym set is never
 * 100 repetitions, and RPE and RIR scales end at 10.
 */
export const SET_LIMITS = {
  maxReps: 100,
  maxWeightKg: 500,
  maxDurationS: 3600,
  maxDistanceM: 20_000,
  maxRestS: 1800,
  maxRir: 10,
  minRpe: 1,
  maxRpe: 10,
} as const;

/**
 * One set as a client writes it. Which of reps, weightKg, durationS and distanceM it must carry
 * depends on the exercise's `measure`; the others must be absent.
 */
export class WorkoutSetInputDto {
  /** Defaults to `normal`. */
  @ApiPropertyOptional({ enum: SET_TYPES, default: 'normal' })
  @IsOmittable()
  @IsIn(SET_TYPES)
  type?: SetType;

  @ApiPropertyOptional({ minimum: 0, maximum: SET_LIMITS.maxReps })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(SET_LIMITS.maxReps)
  reps?: number;

  /** External load in kilograms (the bar and plates, the dumbbell, the sled's load). */
  @ApiPropertyOptional({ minimum: 0, maximum: SET_LIMITS.maxWeightKg })
  @IsOmittable()
  @IsFiniteNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(SET_LIMITS.maxWeightKg)
  weightKg?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: SET_LIMITS.maxDurationS })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(SET_LIMITS.maxDurationS)
  durationS?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: SET_LIMITS.maxDistanceM })
  @IsOmittable()
  @IsFiniteNumber({ maxDecimalPlaces: 1 })
  @Min(1)
  @Max(SET_LIMITS.maxDistanceM)
  distanceM?: number;

  /** Effort of the set, 1-10 (RIR-based RPE scale, Zourdos et al. 2016). */
  @ApiPropertyOptional({ minimum: SET_LIMITS.minRpe, maximum: SET_LIMITS.maxRpe })
  @IsOmittable()
  @IsFiniteNumber({ maxDecimalPlaces: 1 })
  @Min(SET_LIMITS.minRpe)
  @Max(SET_LIMITS.maxRpe)
  rpe?: number;

  /** Repetitions in reserve. */
  @ApiPropertyOptional({ minimum: 0, maximum: SET_LIMITS.maxRir })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(SET_LIMITS.maxRir)
  rir?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: SET_LIMITS.maxRestS })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(SET_LIMITS.maxRestS)
  restS?: number;

  /** Whether the set was performed. Defaults to false in a planned workout, true otherwise. */
  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  done?: boolean;
}

export class WorkoutSetDto {
  setId!: string;
  @ApiProperty({ enum: SET_TYPES })
  type!: SetType;
  @ApiPropertyOptional({ type: 'integer' })
  reps?: number;
  @ApiPropertyOptional()
  weightKg?: number;
  @ApiPropertyOptional({ type: 'integer' })
  durationS?: number;
  @ApiPropertyOptional()
  distanceM?: number;
  @ApiPropertyOptional()
  rpe?: number;
  @ApiPropertyOptional({ type: 'integer' })
  rir?: number;
  @ApiPropertyOptional({ type: 'integer' })
  restS?: number;
  done!: boolean;

  static from(set: WorkoutSet): WorkoutSetDto {
    return { ...set };
  }
}
