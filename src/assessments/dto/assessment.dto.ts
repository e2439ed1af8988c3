import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDivisibleBy,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageDto } from '../../common/pagination/pagination.dto';
import { IsCalendarDate, toCalendarDate } from '../../common/validation/calendar-date';
import { AssessmentRecord } from '../assessment.record';
import {
  ANTHROPOMETRIC_BOUNDS,
  MetricBounds,
  PHYSICAL_TEST_BOUNDS as T,
  RATING_BOUNDS,
} from '../domain/assessment-metrics';
import { IsOmittable } from '../../common/validation/omittable';

/** A measured value with its plausible bounds; out of range (e.g. a wrong unit) is a 400 naming the field. */
function Metric(b: MetricBounds) {
  return applyDecorators(
    ApiPropertyOptional({ minimum: b.min, maximum: b.max, description: `${b.label} (${b.unit})`, nullable: true }),
    IsOptional(),
    b.integer ? IsInt() : IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(b.min),
    Max(b.max),
    ...(b.multipleOf
      ? [IsDivisibleBy(b.multipleOf, { message: `$property must be a multiple of ${b.multipleOf} ${b.unit}` })]
      : []),
  );
}

export class PhysicalTestsDto {
  @Metric(T.sprint10mS) sprint10mS?: number;
  @Metric(T.sprint20mS) sprint20mS?: number;
  @Metric(T.sprint30mS) sprint30mS?: number;
  @Metric(T.agility505S) agility505S?: number;
  @Metric(T.tTestS) tTestS?: number;
  @Metric(T.cmjCm) cmjCm?: number;
  @Metric(T.standingLongJumpCm) standingLongJumpCm?: number;
  @Metric(T.yoyoIr1M) yoyoIr1M?: number;
  @Metric(T.yoyoIr2M) yoyoIr2M?: number;
  @Metric(T.shuttle20mLevel) shuttle20mLevel?: number;
  @Metric(T.shuttle20mShuttle) shuttle20mShuttle?: number;
  @Metric(T.shuttle20mLaps) shuttle20mLaps?: number;
  @Metric(T.cooper12minM) cooper12minM?: number;
  @Metric(T.pushUps) pushUps?: number;
  @Metric(T.pushUps40s) pushUps40s?: number;
  @Metric(T.plankS) plankS?: number;
}

export class RatingsDto {
  @Metric(RATING_BOUNDS) passing?: number;
  @Metric(RATING_BOUNDS) firstTouch?: number;
  @Metric(RATING_BOUNDS) dribbling?: number;
  @Metric(RATING_BOUNDS) shooting?: number;
  @Metric(RATING_BOUNDS) heading?: number;
  @Metric(RATING_BOUNDS) weakFoot?: number;
  @Metric(RATING_BOUNDS) tactical?: number;
  @Metric(RATING_BOUNDS) psychological?: number;
}

export class CreateAssessmentDto {
  /** Day of the tests, `YYYY-MM-DD`, not in the future. */
  @ApiProperty({ format: 'date', example: '2026-09-14' })
  @IsCalendarDate({ notFuture: true })
  date!: string;

  @Metric(ANTHROPOMETRIC_BOUNDS.heightCm) heightCm?: number;
  @Metric(ANTHROPOMETRIC_BOUNDS.weightKg) weightKg?: number;
  @Metric(ANTHROPOMETRIC_BOUNDS.sittingHeightCm) sittingHeightCm?: number;

  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => PhysicalTestsDto)
  tests?: PhysicalTestsDto;

  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => RatingsDto)
  ratings?: RatingsDto;

  /** Free text; `null` in a PATCH removes it. */
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}

/**
 * Any subset. `tests` and `ratings` are merged key by key; `null` removes a measured value
 * (the fields that accept it are optional in the create DTO too); `date` cannot be null.
 */
export class UpdateAssessmentDto extends PartialType(CreateAssessmentDto, { skipNullProperties: false }) {}

export class AssessmentDto {
  id!: string;
  playerId!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  assessedBy!: string;
  heightCm?: number;
  weightKg?: number;
  sittingHeightCm?: number;
  tests!: PhysicalTestsDto;
  ratings!: RatingsDto;
  notes?: string;
  createdAt!: Date;
  updatedAt!: Date;

  static from(a: AssessmentRecord): AssessmentDto {
    return { ...a, date: toCalendarDate(a.date) };
  }
}

export class AssessmentPageDto extends PageDto {
  @ApiProperty({ type: [AssessmentDto] })
  items!: AssessmentDto[];
}
