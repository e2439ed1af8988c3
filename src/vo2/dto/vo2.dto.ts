import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SEXES, Sex } from '../../common/domain/enums';
import { PageDto } from '../../common/pagination/pagination.dto';
import { IsCalendarDate, toCalendarDate } from '../../common/validation/calendar-date';
import { VO2_PROTOCOLS, Vo2Protocol } from '../domain/vo2-formulas';
import { Vo2BenchmarkRecord, Vo2TestRecord } from '../vo2.repository';
import { IsOmittable } from '../../common/validation/omittable';

const finite = { allowNaN: false, allowInfinity: false };

/** Protocol inputs; which are required depends on the protocol (the estimator names what is missing). */
export class Vo2InputsDto {
  @ApiProperty({ enum: VO2_PROTOCOLS })
  @IsIn(VO2_PROTOCOLS)
  protocol!: Vo2Protocol;

  /** cooper-12min, yoyo-ir1, yoyo-ir2: metres covered. */
  @IsOmittable()
  @IsNumber(finite)
  distanceM?: number;

  /** shuttle-20m: last level completed. */
  @IsOmittable()
  @IsInt()
  level?: number;

  /** shuttle-20m: shuttles completed within the last level. */
  @IsOmittable()
  @IsInt()
  shuttle?: number;

  /** run-1.5mile, rockport-walk: minutes (decimal). */
  @IsOmittable()
  @IsNumber(finite)
  timeMin?: number;

  /** rockport-walk: heart rate at the finish. */
  @IsOmittable()
  @IsNumber(finite)
  heartRateBpm?: number;

  /** rockport-walk: body mass. */
  @IsOmittable()
  @IsNumber(finite)
  weightKg?: number;

  /** lab: measured VO2max, ml/kg/min. */
  @IsOmittable()
  @IsNumber(finite)
  vo2max?: number;
}

export class EstimateVo2Dto extends Vo2InputsDto {
  @IsInt()
  @Min(5)
  @Max(100)
  age!: number;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES)
  sex!: Sex;
}

/** The table a VO2max band and percentile were read from. */
export class Vo2TableReferenceDto {
  /** The published source, as stored with the table. */
  citation!: string;
  /** `percentile-table` (linear between rows) or `cut-offs` (bands only, no percentile). */
  @ApiProperty({ enum: ['percentile-table', 'cut-offs'] })
  method!: string;
  @ApiProperty({ enum: SEXES })
  sex!: string;
  /** The table's ages, whole years inclusive, e.g. `20-29`. */
  ages!: string;
  ageDefinition!: string;
}

export class Vo2EstimateDto {
  /** ml·kg⁻¹·min⁻¹, one decimal. */
  vo2max!: number;
  @ApiProperty({ enum: VO2_PROTOCOLS })
  protocol!: Vo2Protocol;
  formula!: string;
  reference!: string;
  @ApiProperty({ type: String, nullable: true })
  band!: string | null;
  @ApiProperty({ type: Number, nullable: true })
  percentile!: number | null;
  /** The table the band and percentile were read from; null when no table covers the sex and age. */
  @ApiProperty({ type: Vo2TableReferenceDto, nullable: true })
  percentileReference!: Vo2TableReferenceDto | null;
}

export class CreateVo2TestDto extends Vo2InputsDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate({ notFuture: true })
  date!: string;
}

export class Vo2TestDto extends Vo2EstimateDto {
  id!: string;
  playerId!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  inputs!: Record<string, number>;
  /** Age at the test, one decimal. */
  ageYears!: number;
  recordedBy!: string;
  createdAt!: Date;

  static from(t: Vo2TestRecord): Vo2TestDto {
    return { ...t, date: toCalendarDate(t.date) };
  }
}

export class Vo2TestPageDto extends PageDto {
  @ApiProperty({ type: [Vo2TestDto] })
  items!: Vo2TestDto[];
}

export class BandCutoffDto {
  @IsString()
  @Length(1, 40)
  name!: string;

  /** Lowest VO2max of the band; ascending, the first band starts at 0. */
  @IsNumber(finite)
  @Min(0)
  @Max(100)
  minVo2max!: number;
}

export class PercentilePointDto {
  @IsNumber(finite)
  p!: number;

  @IsNumber(finite)
  vo2max!: number;
}

export class Vo2BenchmarkInputDto {
  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES)
  sex!: Sex;

  @IsInt()
  @Min(5)
  @Max(100)
  ageMin!: number;

  @IsInt()
  @Min(5)
  @Max(100)
  ageMax!: number;

  @ApiProperty({ type: [BandCutoffDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => BandCutoffDto)
  bands!: BandCutoffDto[];

  @ApiPropertyOptional({ type: [PercentilePointDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(99)
  @ValidateNested({ each: true })
  @Type(() => PercentilePointDto)
  percentiles: PercentilePointDto[] = [];

  /** Where the numbers come from. */
  @IsString()
  @Length(3, 500)
  source!: string;
}

export class Vo2BenchmarkDto extends Vo2BenchmarkInputDto {
  id!: string;

  static from(b: Vo2BenchmarkRecord): Vo2BenchmarkDto {
    return { ...b };
  }
}
