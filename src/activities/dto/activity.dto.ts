import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsMongoId,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SLUG_PATTERN } from '../../common/domain/slug';
import { PageDto, PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { DateRangeQueryDto } from '../../common/validation/date-range-query.dto';
import { IsFiniteNumber } from '../../common/validation/finite-number';
import { IsOmittable } from '../../common/validation/omittable';
import { Trimmed } from '../../common/validation/trimmed';
import { ACTIVITY_KINDS, ACTIVITY_TITLE_MAX, ActivityKind } from '../domain/activity';
import { STREAM_RESOLUTIONS, StreamResolution } from '../domain/downsampling';
import { STREAM_TYPES, StreamType } from '../domain/streams';
import { ACTIVITY_FORMATS, ActivityFormat } from '../parsing/parsed-activity';
import { ActivityMetricsDto, SectionDto, TrackQualityDto } from './activity-metrics.dto';

const SLUG = new RegExp(SLUG_PATTERN);
const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;
const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Longest activity, in seconds, a section may reach into: a day. */
const MAX_SECTION_S = 86_400;

/** The logged or planned session an activity belongs to: a training log, or a programme and one of its sessions. */
export class ActivityAttachmentDto {
  @ApiPropertyOptional({ description: 'A training log of the same player (`POST /players/:playerId/training-logs`)' })
  @IsOmittable()
  @IsMongoId()
  trainingLogId?: string;

  @ApiPropertyOptional({ description: 'A programme of the same player; needs `sessionId`' })
  @IsOmittable()
  @IsMongoId()
  programId?: string;

  @ApiPropertyOptional({ example: 'w1-s2', maxLength: 40 })
  @IsOmittable()
  @IsString()
  @MaxLength(40)
  @Matches(SLUG, { message: 'sessionId must be a session id such as w1-s2' })
  sessionId?: string;
}

/** The text fields of an upload form, beside the file. */
export class ActivityUploadFieldsDto extends ActivityAttachmentDto {
  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOmittable()
  @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;

  @ApiPropertyOptional({ maxLength: ACTIVITY_TITLE_MAX })
  @IsOmittable()
  @Trimmed()
  @IsString()
  @Length(1, ACTIVITY_TITLE_MAX)
  title?: string;
}

export const ACTIVITY_UPLOAD_FIELDS = ['kind', 'title', 'trainingLogId', 'programId', 'sessionId'] as const;

export class UpdateActivityDto extends PickType(ActivityUploadFieldsDto, ['kind', 'title'] as const) {
  /** The session it belongs to; `null` detaches it. */
  @ApiPropertyOptional({ type: ActivityAttachmentDto, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ActivityAttachmentDto)
  attachment?: ActivityAttachmentDto | null;
}

export class ActivitiesQueryDto extends IntersectionType(PaginationQueryDto, DateRangeQueryDto) {
  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOmittable()
  @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;

  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000 })
  @IsOmittable()
  @Type(() => Number)
  @IsFiniteNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(1_000_000)
  minDistanceM?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000 })
  @IsOmittable()
  @Type(() => Number)
  @IsFiniteNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(1_000_000)
  maxDistanceM?: number;

  @ApiPropertyOptional({ type: Boolean })
  @IsOmittable()
  @Transform(booleanText)
  @IsIn([true, false], { message: 'hasHeartRate must be true or false' })
  hasHeartRate?: boolean;
}

export class StreamsQueryDto {
  /** Comma-separated; default all. */
  @ApiPropertyOptional({ enum: STREAM_TYPES, isArray: true, example: ['time', 'speed', 'heartrate'] })
  @IsOmittable()
  @Transform(commaList)
  @ArrayMinSize(1)
  @IsIn(STREAM_TYPES, { each: true })
  @ArrayUnique()
  types?: StreamType[];

  @ApiPropertyOptional({
    enum: Object.keys(STREAM_RESOLUTIONS),
    default: 'medium',
    description: 'At most 100, 500 or 2000 points, chosen by Largest-Triangle-Three-Buckets',
  })
  @IsOmittable()
  @IsIn(Object.keys(STREAM_RESOLUTIONS))
  resolution: StreamResolution = 'medium';
}

/** A coach's section, in seconds from the activity's start (as the `time` stream counts). */
export class CreateSectionDto {
  @ApiProperty({ maxLength: ACTIVITY_TITLE_MAX, example: 'Small-sided game 1' })
  @Trimmed()
  @IsString()
  @Length(1, ACTIVITY_TITLE_MAX)
  name!: string;

  @ApiProperty({ minimum: 0, maximum: MAX_SECTION_S })
  @IsFiniteNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(MAX_SECTION_S)
  startS!: number;

  @ApiProperty({ minimum: 0, maximum: MAX_SECTION_S })
  @IsFiniteNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(MAX_SECTION_S)
  endS!: number;
}

export class ActivitySourceDto {
  @ApiProperty({ enum: ['upload', 'zip', 'garmin'] })
  type!: 'upload' | 'zip' | 'garmin';
  /** ZIP imports: the file's path in the archive. */
  entry?: string;
  /** Garmin: the push notification's summary id and user. */
  summaryId?: string;
  garminUserId?: string;
}

export class ActivityDeviceDto {
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
}

export class ActivityFileDto {
  filename?: string;
  /** Size as received. */
  bytes!: number;
  /** SHA-256 of the file once gunzipped. */
  sha256!: string;
}

/** The player's figures the metrics were computed with, as they were at import. */
export class AnalysedAthleteDto {
  @ApiProperty({ enum: ['male', 'female'] })
  sex!: 'male' | 'female';
  ageYears!: number;
  hrMax?: number;
  hrRest?: number;
  maxSpeedMps?: number;
}

export class CustomSectionDto extends SectionDto {
  id!: string;
  name!: string;
  createdBy!: string;
  createdAt!: Date;
}

export class PlannedAmountDto {
  minutes!: number;
  /** Planned minutes × target RPE (AU). */
  load!: number;
}

export class ActualAmountDto {
  minutes!: number;
  /** The block's share by minutes of the logged session-RPE load; null until the session is logged. */
  @ApiProperty({ type: Number, nullable: true })
  load!: number | null;
}

export class PlannedBlockSectionDto extends SectionDto {
  @ApiProperty({ enum: ['warm-up', 'main', 'cool-down'] })
  block!: 'warm-up' | 'main' | 'cool-down';
  planned!: PlannedAmountDto;
  actual!: ActualAmountDto;
}

export class ActivitySectionsDto {
  @ApiProperty({ type: [SectionDto] })
  laps!: SectionDto[];
  @ApiProperty({ type: [SectionDto], description: 'Every 1 km' })
  distanceSplits!: SectionDto[];
  @ApiProperty({ type: [SectionDto], description: 'Every 5 min' })
  timeSplits!: SectionDto[];
  @ApiProperty({ type: [CustomSectionDto] })
  custom!: CustomSectionDto[];
  /** With an attached programme session: one per planned block. */
  @ApiProperty({ type: [PlannedBlockSectionDto] })
  plannedBlocks!: PlannedBlockSectionDto[];
}

/** An activity in a list: everything but its sections. */
export class ActivitySummaryDto {
  id!: string;
  playerId!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS })
  kind!: ActivityKind;
  title!: string;
  @ApiProperty({ enum: ACTIVITY_FORMATS })
  format!: ActivityFormat;
  source!: ActivitySourceDto;
  device?: ActivityDeviceDto;
  startedAt!: Date;
  /** UTC calendar day of the start. */
  @ApiProperty({ format: 'date' })
  date!: string;
  distanceM!: number;
  hasHeartRate!: boolean;
  quality!: TrackQualityDto;
  metrics!: ActivityMetricsDto;
  athlete!: AnalysedAthleteDto;
  attachment?: ActivityAttachmentDto;
  file!: ActivityFileDto;
  @ApiProperty({ type: String, nullable: true })
  importedBy!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export class ActivityDto extends ActivitySummaryDto {
  sections!: ActivitySectionsDto;
}

export class ActivityPageDto extends PageDto {
  @ApiProperty({ type: [ActivitySummaryDto] })
  items!: ActivitySummaryDto[];
}

export class ActivityStreamsDataDto {
  /** Seconds from the start. */
  time?: number[];
  @ApiProperty({
    required: false,
    type: 'array',
    items: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, nullable: true },
    description: '[lat, lon] per point; null where the point has no position',
  })
  latlng?: ([number, number] | null)[];
  /** Cumulative metres (no distance across a recording break). */
  distance?: number[];
  /** Smoothed speed, m/s. */
  speed?: number[];
  @ApiProperty({ required: false, type: 'array', items: { type: 'number', nullable: true } })
  heartrate?: (number | null)[];
  @ApiProperty({ required: false, type: 'array', items: { type: 'number', nullable: true } })
  altitude?: (number | null)[];
}

export class ActivityStreamsDto {
  @ApiProperty({ enum: Object.keys(STREAM_RESOLUTIONS) })
  resolution!: StreamResolution;
  /** Points of the cleaned track. */
  originalPoints!: number;
  /** Points in every stream. */
  points!: number;
  streams!: ActivityStreamsDataDto;
}

export class MetricDifferenceDto {
  /** Dotted path into `metrics`, e.g. `running.highSpeedRunningM`. */
  metric!: string;
  @ApiProperty({ type: Number, nullable: true })
  value!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  other!: number | null;
  /** other − value; null when either is missing. */
  @ApiProperty({ type: Number, nullable: true })
  difference!: number | null;
  /** The difference in % of `value`; null when either is missing or `value` is 0. */
  @ApiProperty({ type: Number, nullable: true })
  differencePct!: number | null;
}

export class ActivityComparisonDto {
  activity!: ActivitySummaryDto;
  other!: ActivitySummaryDto;
  @ApiProperty({ type: [MetricDifferenceDto] })
  metrics!: MetricDifferenceDto[];
}

export class ZipImportFileDto {
  /** Path in the archive. */
  name!: string;
  @ApiProperty({ enum: ['imported', 'duplicate', 'refused'] })
  status!: 'imported' | 'duplicate' | 'refused';
  /** The new activity, or the existing one for a duplicate. */
  activityId?: string;
  /** Why it was refused or a duplicate (as the single upload would say), with the problem code. */
  reason?: string;
  code?: string;
}

export class ZipImportReportDto {
  imported!: number;
  duplicates!: number;
  refused!: number;
  @ApiProperty({ type: [ZipImportFileDto] })
  files!: ZipImportFileDto[];
}
