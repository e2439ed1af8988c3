import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { SLUG_PATTERN } from '../../common/domain/slug';
import { PageDto } from '../../common/pagination/pagination.dto';
import { IsOmittable } from '../../common/validation/omittable';
import { Trimmed } from '../../common/validation/trimmed';
import { PHYSICAL_TESTS } from '../domain/assessment-metrics';
import { NORM_METHODS } from '../domain/norm-tables';
import { NORM_UPLOAD_FORMATS } from '../domain/norm-upload';
import { NormReferenceDto } from './summary.dto';

const finite = { allowNaN: false, allowInfinity: false };
/** Largest number of rows in one upload (the MoMo growth curves have 456). */
export const MAX_NORM_ROWS = 5000;

/** A finite number, optional. */
function Num(description?: string) {
  return applyDecorators(ApiPropertyOptional({ type: Number, description }), IsOmittable(), IsNumber(finite));
}
function Centile() {
  return Num('Value at this percentile, in the unit of the test');
}

/** `9` (a whole year, or an exact decimal age for LMS) or a span of whole years such as `"8-12"`. */
function IsNormAge() {
  return applyDecorators(
    ApiProperty({
      oneOf: [
        { type: 'number', minimum: 0, maximum: 100 },
        { type: 'string', pattern: '^[0-9]{1,2}-[0-9]{1,2}$' },
      ],
      description: 'Exact decimal age for LMS rows; otherwise a whole year (9) or a span of whole years ("8-12")',
    }),
    ValidateBy({
      name: 'isNormAge',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100) ||
          (typeof value === 'string' && /^[0-9]{1,2}-[0-9]{1,2}$/.test(value)),
        defaultMessage: () => 'age must be a number of years (0-100) or a span of whole years such as "8-12"',
      },
    }),
  );
}

export class NormSourceDto {
  @Trimmed()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  citation!: string;

  /** `null` when not verified. */
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  doi?: string | null;

  /** Where the numbers were read. */
  @IsOmittable()
  @IsString()
  @MaxLength(4000)
  where?: string;

  /** Who was measured. */
  @Trimmed()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  population!: string;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  n?: number | null;

  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  n_note?: string;
}

export class NormRowDto {
  @ApiProperty({ enum: ['male', 'female', 'all'] })
  @IsIn(['male', 'female', 'all'])
  sex!: string;

  @IsNormAge()
  age!: number | string;

  /** LMS: Box-Cox power. */
  @Num() L?: number;
  /** LMS: median. */
  @Num() M?: number;
  /** LMS: coefficient of variation. */
  @Num() S?: number;
  @Centile() p1?: number;
  @Centile() p3?: number;
  @Centile() p5?: number;
  @Centile() p10?: number;
  @Centile() p15?: number;
  @Centile() p20?: number;
  @Centile() p25?: number;
  @Centile() p30?: number;
  @Centile() p40?: number;
  @Centile() p50?: number;
  @Centile() p60?: number;
  @Centile() p70?: number;
  @Centile() p75?: number;
  @Centile() p80?: number;
  @Centile() p85?: number;
  @Centile() p90?: number;
  @Centile() p95?: number;
  @Centile() p97?: number;
  @Centile() p99?: number;
  @Num() mean?: number;
  @Num() sd?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOmittable()
  @IsInt()
  @Min(1)
  n?: number;

  /** 95% confidence interval of the mean, as printed (kept, not used). */
  @ApiPropertyOptional({ type: [Number], minItems: 2, maxItems: 2 })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsNumber(finite, { each: true })
  ci95?: number[];

  /** The table of the source the row was read from. */
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  table?: string;
}

/**
 * A published norm table in the format of the shipped reference files (one source, one test), plus an optional
 * `name` under which its versions are kept and an optional `ageDefinition`. `test` is the assessment field it scores.
 */
export class NormUploadDto {
  /** Versions of a reference share its name; defaults to the test in lower case (`standinglongjumpcm`). */
  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source, maxLength: 80 })
  @IsOmittable()
  @IsString()
  @MaxLength(80)
  @Matches(SLUG_PATTERN, { message: 'name must be a lower-case slug (a-z, 0-9, hyphens)' })
  name?: string;

  @IsObject()
  @ValidateNested()
  @Type(() => NormSourceDto)
  source!: NormSourceDto;

  /** The assessment field the table scores. */
  @ApiProperty({ enum: PHYSICAL_TESTS })
  @IsIn(PHYSICAL_TESTS)
  test!: string;

  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  unit!: string;

  /** `mean_ci95` and `category_bands` cannot place an individual, so they are not accepted. */
  @ApiProperty({ enum: NORM_UPLOAD_FORMATS })
  @IsIn(NORM_UPLOAD_FORMATS)
  format!: string;

  @IsOmittable()
  @IsString()
  @MaxLength(4000)
  format_note?: string;

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(4000, { each: true })
  notes?: string[];

  /** How a player's age is mapped onto the rows; by default exact decimal age for LMS, else age at last birthday. */
  @IsOmittable()
  @Trimmed()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  ageDefinition?: string;

  @ApiProperty({ type: [NormRowDto], minItems: 1, maxItems: MAX_NORM_ROWS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_NORM_ROWS)
  @ValidateNested({ each: true })
  @Type(() => NormRowDto)
  rows!: NormRowDto[];
}

/** Where a reference applies: one sex (or both pooled) over an age span. */
export class NormCoverageDto {
  @ApiProperty({ enum: ['female', 'male', 'all'] })
  sex!: string;
  /** First age covered, in years. */
  minAge!: number;
  /** For whole-year groups the first age no longer covered; for growth curves (exactAge) the last age covered. */
  maxAge!: number;
  /** Growth curves: exact decimal ages, both ends included. */
  exactAge!: boolean;
}

/** A reference in use, in order of precedence (1 is tried first). */
export class NormReferenceListItemDto extends NormReferenceDto {
  precedence!: number;
  @ApiProperty({ enum: PHYSICAL_TESTS })
  test!: string;
  @ApiProperty({ enum: NORM_METHODS })
  method!: string;
  @ApiProperty({ type: [NormCoverageDto] })
  coverage!: NormCoverageDto[];
  /** Uploaded references: name and version. */
  name?: string;
  version?: number;
  uploadedAt?: Date;
}

export class NormReferencePageDto extends PageDto {
  @ApiProperty({ type: [NormReferenceListItemDto] })
  items!: NormReferenceListItemDto[];
}

/** One stored version of an uploaded reference. */
export class NormVersionDto {
  /** The reference id used in percentiles: `uploaded-<name>-v<version>`. */
  id!: string;
  name!: string;
  version!: number;
  @ApiProperty({ enum: PHYSICAL_TESTS })
  test!: string;
  @ApiProperty({ enum: NORM_UPLOAD_FORMATS })
  format!: string;
  citation!: string;
  rows!: number;
  @ApiProperty({ enum: ['active', 'superseded', 'withdrawn'] })
  status!: string;
  uploadedBy!: string;
  uploadedAt!: Date;
  @ApiPropertyOptional({ type: Date, nullable: true })
  withdrawnAt!: Date | null;
  @ApiProperty({ type: [NormCoverageDto] })
  coverage!: NormCoverageDto[];
}

export class NormVersionPageDto extends PageDto {
  @ApiProperty({ type: [NormVersionDto] })
  items!: NormVersionDto[];
}
