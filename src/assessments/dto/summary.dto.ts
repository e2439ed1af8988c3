import { Vo2TableReferenceDto } from '../../vo2/dto/vo2.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DateRangeQueryDto } from '../../common/validation/date-range-query.dto';
import { LEVELS, POSITIONS, SEXES } from '../../common/domain/enums';
import { IsOmittable } from '../../common/validation/omittable';
import { COHORT_WITHIN, CohortWithin } from '../domain/cohort';
import { NORM_METHODS } from '../domain/norm-tables';
import { PROGRESS_METRICS, ProgressMetric } from '../progress.service';

export class MaturityDto {
  /** Years from peak height velocity (negative: before), or null with `reason`. */
  @ApiProperty({ type: Number, nullable: true })
  maturityOffsetYears!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  predictedAgeAtPhvYears!: number | null;
  equation?: string;
  reference?: string;
  reason?: string;
}

export class Vo2FromTestDto {
  /** The assessment field it was estimated from. */
  test!: string;
  ok!: boolean;
  vo2max?: number;
  protocol?: string;
  formula?: string;
  reference?: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  band?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true })
  percentile?: number | null;
  /** The table the band and percentile were read from; null when no table covers the sex and age. */
  @ApiPropertyOptional({ type: Vo2TableReferenceDto, nullable: true })
  percentileReference?: Vo2TableReferenceDto | null;
  /** When the protocol refused the inputs. */
  field?: string;
  reason?: string;
}

/** The reference a percentile was read from. */
export class NormReferenceDto {
  /** Stable name of the reference, e.g. `niessner-2020-momo-standing-long-jump`. */
  id!: string;
  citation!: string;
  @ApiProperty({ type: String, nullable: true })
  doi!: string | null;
  /** Who was measured. */
  population!: string;
  /** How the player's age is mapped onto the reference's ages. */
  ageDefinition!: string;
  /** Shipped with the service, or uploaded by an admin. */
  @ApiProperty({ enum: ['shipped', 'uploaded'] })
  origin!: string;
  /** Limits that change how the percentile should be read. */
  @ApiProperty({ type: String, nullable: true })
  caveat!: string | null;
}

/** The part of the reference the player was compared with. */
export class NormMatchDto {
  /** The reference row's sex; `all` when the reference pools the sexes. */
  @ApiProperty({ enum: ['female', 'male', 'all'] })
  sex!: string;
  /** The row's ages: a whole-year group such as `8-12`, or `exact age 9.42` for growth curves. */
  ages!: string;
  /** The age used: exact decimal age for growth curves, age at last birthday for age groups. */
  ageYears!: number;
}

export class NormDto {
  /** 0.1-99.9, higher is better whatever the test's direction. */
  percentile!: number;
  @ApiProperty({ enum: ['well-below', 'below', 'average', 'above', 'well-above'] })
  band!: string;
  /** The reference's citation (also in `reference.citation`). */
  source!: string;
  /** LMS growth curve, published percentile table, or normal approximation from a mean and SD. */
  @ApiProperty({ enum: NORM_METHODS })
  method!: string;
  /** z-score for LMS and normal approximations; null for percentile tables. */
  @ApiProperty({ type: Number, nullable: true })
  zScore!: number | null;
  reference!: NormReferenceDto;
  matched!: NormMatchDto;
  /** Present when the percentile is only a bound (beyond the outermost published centile). */
  note?: string;
}

export class AreaScoreDto {
  area!: string;
  /** 0-100, higher is better. */
  score!: number;
  @ApiProperty({ enum: ['norm', 'rating'] })
  basis!: string;
}

export class CohortPercentileDto {
  /** Percentile rank among the cohort, one decimal; null when fewer than `minimumPlayers` take part. */
  @ApiProperty({ type: Number, nullable: true })
  percentile!: number | null;
  @ApiProperty({ enum: ['well-below', 'below', 'average', 'above', 'well-above'], nullable: true })
  band!: string | null;
  /** Players in the cohort with a result, the player included. */
  players!: number;
  /** Why there is no percentile. */
  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;
}

/** Who the player is compared with. */
export class CohortDefinitionDto {
  @ApiProperty({ enum: SEXES })
  sex!: string;
  /** Calendar year of birth, the football age group. */
  birthYear!: number;
  @ApiProperty({ enum: COHORT_WITHIN, nullable: true })
  within!: string | null;
  @ApiProperty({ enum: LEVELS, nullable: true })
  level!: string | null;
  @ApiProperty({ enum: POSITIONS, nullable: true })
  position!: string | null;
  /** Each other player's latest result on or after this day counts. */
  @ApiProperty({ format: 'date' })
  since!: string;
  minimumPlayers!: number;
  method!: string;
}

export class CohortPercentilesDto {
  definition!: CohortDefinitionDto;
  /** Per physical test present (the shuttle-in-level alone excepted). */
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/CohortPercentileDto' } })
  percentiles!: Record<string, CohortPercentileDto>;
}

export class SummaryQueryDto {
  /** Compare only with players of the same level or the same position as well. */
  @ApiPropertyOptional({ enum: COHORT_WITHIN })
  @IsOmittable()
  @IsIn(COHORT_WITHIN)
  cohortWithin?: CohortWithin;
}

export class AssessmentSummaryDto {
  assessmentId!: string;
  playerId!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  /** Age at the test, one decimal. */
  ageYears!: number;
  sex!: string;
  @ApiProperty({ type: Number, nullable: true })
  bmi!: number | null;
  maturity!: MaturityDto;
  @ApiProperty({ type: [Vo2FromTestDto] })
  vo2max!: Vo2FromTestDto[];
  /** Per physical test present: percentile and band against norms for age and sex (null: no norm). */
  @ApiProperty({
    type: 'object',
    additionalProperties: { nullable: true, allOf: [{ $ref: '#/components/schemas/NormDto' }] },
  })
  norms!: Record<string, NormDto | null>;
  /** Percentiles among the academy's players of the same sex and birth year. */
  cohort!: CohortPercentilesDto;
  @ApiProperty({ type: [AreaScoreDto] })
  areas!: AreaScoreDto[];
  @ApiProperty({ type: [AreaScoreDto] })
  strengths!: AreaScoreDto[];
  @ApiProperty({ type: [AreaScoreDto] })
  weaknesses!: AreaScoreDto[];
}

export class ProgressQueryDto extends DateRangeQueryDto {
  @ApiProperty({ enum: PROGRESS_METRICS })
  @IsIn(PROGRESS_METRICS)
  metric!: ProgressMetric;
}

export class ProgressPointDto {
  @ApiProperty({ format: 'date' })
  date!: string;
  value!: number;
  @ApiProperty({ type: Number, nullable: true })
  percentile!: number | null;
  /** For physical tests: the percentile with its reference, method and age definition (null: no norm). */
  @ApiProperty({ type: NormDto, nullable: true })
  norm!: NormDto | null;
  /**
   * For VO2max: the table the percentile was read from (null for other metrics, and for VO2max tests
   * stored before it was kept).
   */
  @ApiProperty({ type: Vo2TableReferenceDto, nullable: true })
  percentileReference!: Vo2TableReferenceDto | null;
  @ApiProperty({ enum: ['assessment', 'vo2-test'] })
  source!: string;
}

export class MetricProgressDto {
  @ApiProperty({ enum: PROGRESS_METRICS })
  metric!: string;
  unit!: string;
  count!: number;
  /** The series, oldest first (the overview keeps only the latest point). */
  @ApiProperty({ type: [ProgressPointDto] })
  points!: ProgressPointDto[];
  @ApiProperty({ type: Number, nullable: true })
  changeSinceFirst!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  changeSinceLast!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  changePctSinceFirst!: number | null;
  /** Least-squares slope in units per month. */
  @ApiProperty({ type: Number, nullable: true })
  trendPerMonth!: number | null;
}

export class ProgressOverviewDto {
  playerId!: string;
  @ApiProperty({ type: [MetricProgressDto] })
  metrics!: MetricProgressDto[];
}
