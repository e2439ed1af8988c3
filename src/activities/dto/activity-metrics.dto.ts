import { ApiProperty } from '@nestjs/swagger';
import type { SectionKind } from '../domain/sections';

const SECTION_KINDS: SectionKind[] = ['lap', 'split-distance', 'split-time', 'custom', 'planned-block'];

export class HeartRateSummaryDto {
  /** Time-weighted mean, bpm. */
  avg!: number;
  /** Highest valid reading, bpm. */
  max!: number;
}

export class TrackSummaryDto {
  /** First point, ISO 8601 UTC. */
  @ApiProperty({ format: 'date-time' })
  startTime!: string;
  elapsedS!: number;
  /** Time above 0.5 m/s, excluding recording gaps. */
  movingS!: number;
  distanceM!: number;
  /** Distance over moving time. */
  avgSpeedMps!: number;
  /** Highest smoothed speed (±0.5 s centred moving average). */
  maxSpeedMps!: number;
  elevationGainM!: number;
  @ApiProperty({ type: HeartRateSummaryDto, nullable: true })
  heartRate!: HeartRateSummaryDto | null;
  /** Detected from the median step; null with fewer than two points. */
  @ApiProperty({ type: Number, nullable: true })
  samplingHz!: number | null;
}

/** Metres in each speed zone (km/h): < 7.2, 7.2–14.4, 14.4–19.8, 19.8–25.2, > 25.2. */
export class ZoneDistancesDto {
  standingWalking!: number;
  jogging!: number;
  running!: number;
  highSpeedRunning!: number;
  sprinting!: number;
}

export class EffortsDto {
  count!: number;
  distanceM!: number;
}

export class AccelerationEffortsDto {
  count!: number;
  /** False when sampling is under 5 Hz: accelerations from slower GPS are not trustworthy. */
  reliable!: boolean;
}

export class RunningMetricsDto {
  zonesM!: ZoneDistancesDto;
  /** Distance from 19.8 to 25.2 km/h. */
  highSpeedRunningM!: number;
  /** Efforts of at least 1 s above 25.2 km/h. */
  sprints!: EffortsDto;
  /** At least 3 m/s² held for 0.5 s. */
  accelerations!: AccelerationEffortsDto;
  decelerations!: AccelerationEffortsDto;
  metresPerMinute!: number;
  /** Efforts above 90 % of the player's own maximum speed; null when no maximum is known. */
  @ApiProperty({ type: EffortsDto, nullable: true })
  effortsAbove90!: EffortsDto | null;
}

export class HeartRateMetricsDto {
  hrMax!: number;
  @ApiProperty({ enum: ['measured', 'tanaka2001'] })
  hrMaxSource!: 'measured' | 'tanaka2001';
  /** Seconds in Edwards' zones 1-5 (50-60 … 90-100 % HRmax); index 0 is zone 1. */
  @ApiProperty({ type: [Number], minItems: 5, maxItems: 5 })
  timeInZonesS!: number[];
  edwardsTrimp!: number;
  /** Null without the player's resting heart rate. */
  @ApiProperty({ type: Number, nullable: true })
  banisterTrimp!: number | null;
}

export class ActivityMetricsDto {
  summary!: TrackSummaryDto;
  running!: RunningMetricsDto;
  /** Null when the file has no valid heart-rate reading. */
  @ApiProperty({ type: HeartRateMetricsDto, nullable: true })
  heartRate!: HeartRateMetricsDto | null;
}

/** What cleaning repaired; the metrics are computed on the cleaned track. */
export class TrackQualityDto {
  inputPoints!: number;
  duplicateTimestamps!: number;
  backwardsTimestamps!: number;
  /** Steps faster than a human can run (12.5 m/s), dropped. */
  gpsJumps!: number;
  gaps!: number;
  gapSeconds!: number;
}

export class SectionDto {
  @ApiProperty({ enum: SECTION_KINDS })
  kind!: SectionKind;
  index!: number;
  @ApiProperty({ format: 'date-time' })
  start!: string;
  @ApiProperty({ format: 'date-time' })
  end!: string;
  /** Seconds from the activity's start, as the `time` stream counts. */
  startS!: number;
  endS!: number;
  /** Null when the section holds fewer than 2 points. */
  @ApiProperty({ type: ActivityMetricsDto, nullable: true })
  metrics!: ActivityMetricsDto | null;
}
