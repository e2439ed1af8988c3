import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DateRangeQueryDto } from '../../common/validation/date-range-query.dto';
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
  /** When the protocol refused the inputs. */
  field?: string;
  reason?: string;
}

export class NormDto {
  percentile!: number;
  @ApiProperty({ enum: ['well-below', 'below', 'average', 'above', 'well-above'] })
  band!: string;
  source!: string;
}

export class AreaScoreDto {
  area!: string;
  /** 0-100, higher is better. */
  score!: number;
  @ApiProperty({ enum: ['norm', 'rating'] })
  basis!: string;
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
