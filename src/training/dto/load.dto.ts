import { ApiProperty } from '@nestjs/swagger';
import {
  EXTERNAL_LOAD_METRICS,
  EXTERNAL_LOAD_WARNING_CODES,
  ExternalLoadMetric,
  ExternalLoadWarningCode,
} from '../domain/external-load';
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

/** What each external-load metric measures, for its property in every external-load DTO. */
const METRIC_DESCRIPTIONS: Record<ExternalLoadMetric, string> = {
  distanceM: 'Total distance (m)',
  highSpeedRunningM: 'High-speed running distance (m)',
  sprintDistanceM: 'Sprint distance (m)',
  accelerations: 'Accelerations (count)',
};
const metric = (name: ExternalLoadMetric, type: new () => object) =>
  ApiProperty({ type, description: METRIC_DESCRIPTIONS[name] });

export class ExternalMetricDayDto {
  /** The day's total: metres, or a count for accelerations. */
  total!: number;
  /** EWMA of the daily total, 7-day time constant (per day). */
  acute!: number;
  /** EWMA of the daily total, 28-day time constant (per day). */
  chronic!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Acute:chronic ratio; null until 28 days of external history, or without chronic load',
  })
  acwr!: number | null;
}

export class ExternalLoadDayDto {
  @ApiProperty({ format: 'date' })
  date!: string;
  /** Activity files recorded that day. */
  activities!: number;
  /** At least 28 days of external history lie behind this day. */
  baselineEstablished!: boolean;
  @metric('distanceM', ExternalMetricDayDto)
  distanceM!: ExternalMetricDayDto;
  @metric('highSpeedRunningM', ExternalMetricDayDto)
  highSpeedRunningM!: ExternalMetricDayDto;
  @metric('sprintDistanceM', ExternalMetricDayDto)
  sprintDistanceM!: ExternalMetricDayDto;
  @metric('accelerations', ExternalMetricDayDto)
  accelerations!: ExternalMetricDayDto;
}

export class ExternalMetricWeekDto {
  total!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Change over the previous week in %; null unless both weeks are complete and the previous had some',
  })
  changePct!: number | null;
}

export class ExternalLoadWeekDto {
  /** Monday of the ISO week. */
  @ApiProperty({ format: 'date' })
  weekStart!: string;
  activities!: number;
  /** All seven days are in the external history (a week under way is not). */
  complete!: boolean;
  @metric('distanceM', ExternalMetricWeekDto)
  distanceM!: ExternalMetricWeekDto;
  @metric('highSpeedRunningM', ExternalMetricWeekDto)
  highSpeedRunningM!: ExternalMetricWeekDto;
  @metric('sprintDistanceM', ExternalMetricWeekDto)
  sprintDistanceM!: ExternalMetricWeekDto;
  @metric('accelerations', ExternalMetricWeekDto)
  accelerations!: ExternalMetricWeekDto;
}

export class ExternalMetricCurrentDto extends ExternalMetricDayDto {
  /** Total over the 7 days ending on `to`. */
  last7Days!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Total over the 7 days before those; null unless they are all within the external history',
  })
  previous7Days!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Change of last7Days over previous7Days in %' })
  changePct!: number | null;
}

export class ExternalCurrentLoadDto {
  @ApiProperty({ format: 'date' })
  date!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'First day with an activity' })
  historyStart!: string | null;
  historyDays!: number;
  baselineEstablished!: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  baselineDate!: string | null;
  /** Activity files recorded on `to`. */
  activities!: number;
  @metric('distanceM', ExternalMetricCurrentDto)
  distanceM!: ExternalMetricCurrentDto;
  @metric('highSpeedRunningM', ExternalMetricCurrentDto)
  highSpeedRunningM!: ExternalMetricCurrentDto;
  @metric('sprintDistanceM', ExternalMetricCurrentDto)
  sprintDistanceM!: ExternalMetricCurrentDto;
  @metric('accelerations', ExternalMetricCurrentDto)
  accelerations!: ExternalMetricCurrentDto;
}

export class ExternalLoadWarningDto {
  @ApiProperty({ enum: EXTERNAL_LOAD_WARNING_CODES })
  code!: ExternalLoadWarningCode;
  @ApiProperty({ enum: EXTERNAL_LOAD_METRICS, description: 'The metric whose figure crossed the threshold' })
  metric!: ExternalLoadMetric;
  @ApiProperty({ format: 'date' })
  date!: string;
  /** The ratio or % change, as reported. */
  value!: number;
  threshold!: number;
  /** What it means and what to do, for a coach. */
  message!: string;
}

export class ExternalLoadDto {
  /** At least one activity on or before `to`; without one every total is 0 and every ratio null. */
  hasData!: boolean;
  @ApiProperty({ type: [ExternalLoadDayDto] })
  daily!: ExternalLoadDayDto[];
  @ApiProperty({ type: [ExternalLoadWeekDto] })
  weekly!: ExternalLoadWeekDto[];
  @ApiProperty({ type: ExternalCurrentLoadDto })
  current!: ExternalCurrentLoadDto;
  @ApiProperty({ type: [ExternalLoadWarningDto] })
  warnings!: ExternalLoadWarningDto[];
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
  @ApiProperty({ type: ExternalLoadDto, description: 'External load measured by activity files (GPS, heart rate)' })
  external!: ExternalLoadDto;
  @ApiProperty({
    type: String,
    isArray: true,
    format: 'date',
    description: 'Days from `from` to `to` with a match: a logged match or a match activity, oldest first',
  })
  matchDays!: string[];
}
