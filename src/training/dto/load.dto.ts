import { ApiProperty } from '@nestjs/swagger';
import { LOAD_WARNING_CODES, LoadWarningCode } from '../domain/load-monitoring';

export class LoadDayDto {
  @ApiProperty({ format: 'date' })
  date!: string;
  /** Session-RPE load of the day (AU). */
  load!: number;
  sessions!: number;
  /** EWMA, 7-day time constant (AU per day). */
  acute!: number;
  /** EWMA, 28-day time constant (AU per day). */
  chronic!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Acute:chronic workload ratio; null until 28 days of history',
  })
  acwr!: number | null;
  baselineEstablished!: boolean;
}

export class LoadWeekDto {
  /** Monday of the ISO week. */
  @ApiProperty({ format: 'date' })
  weekStart!: string;
  load!: number;
  sessions!: number;
  /** All seven days are in the history (a week under way is not). */
  complete!: boolean;
  @ApiProperty({ type: Number, nullable: true })
  changePct!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  monotony!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  strain!: number | null;
}

export class CurrentLoadDto {
  @ApiProperty({ format: 'date' })
  date!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  historyStart!: string | null;
  historyDays!: number;
  baselineEstablished!: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  baselineDate!: string | null;
  load!: number;
  sessions!: number;
  acute!: number;
  chronic!: number;
  @ApiProperty({ type: Number, nullable: true })
  acwr!: number | null;
  last7DaysLoad!: number;
  @ApiProperty({ type: Number, nullable: true })
  previous7DaysLoad!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  changePct!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  meanDaily!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  sdDaily!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  monotony!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  strain!: number | null;
}

export class LoadWarningDto {
  @ApiProperty({ enum: LOAD_WARNING_CODES })
  code!: LoadWarningCode;
  @ApiProperty({ format: 'date' })
  date!: string;
  @ApiProperty({ type: Number, nullable: true })
  value!: number | null;
  threshold!: number;
  /** What it means and what to do, for a coach. */
  message!: string;
}

export class LoadThresholdsDto {
  acwrHigh!: number;
  acwrLow!: number;
  monotonyHigh!: number;
  weeklyIncreasePct!: number;
  acuteDays!: number;
  chronicDays!: number;
  baselineDays!: number;
}

export class LoadReportDto {
  @ApiProperty({ format: 'date' })
  from!: string;
  @ApiProperty({ format: 'date' })
  to!: string;
  @ApiProperty({ type: [LoadDayDto] })
  daily!: LoadDayDto[];
  @ApiProperty({ type: [LoadWeekDto] })
  weekly!: LoadWeekDto[];
  @ApiProperty({ type: CurrentLoadDto })
  current!: CurrentLoadDto;
  @ApiProperty({ type: [LoadWarningDto] })
  warnings!: LoadWarningDto[];
  @ApiProperty({ type: LoadThresholdsDto })
  thresholds!: LoadThresholdsDto;
  references!: string[];
}
