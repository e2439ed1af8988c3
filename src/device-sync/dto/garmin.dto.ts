import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageDto, PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { IsOmittable } from '../../common/validation/omittable';
import { Trimmed } from '../../common/validation/trimmed';
import {
  GARMIN_FILE_TYPES,
  GARMIN_ID_MAX,
  GARMIN_ID_PATTERN,
  GARMIN_NOTIFICATION_STATUSES,
  GarminFileType,
  GarminNotificationStatus,
} from '../domain/garmin-notification';
import { GarminLinkRecord, GarminNotificationRecord } from '../garmin-sync.record';

/** Notifications one push may carry. */
export const MAX_ACTIVITY_FILES = 200;
/** Longest callback URL taken. */
export const CALLBACK_URL_MAX = 2048;
/** An http(s) URL with a host, as text, without NUL (refused in any text: input-checks.ts); whether it may be fetched is decided later. */
// eslint-disable-next-line no-control-regex -- NUL is what it keeps out
const CALLBACK_URL_PATTERN = /^https?:\/\/[^\s/?#\u0000]+[^\s\u0000]*$/;

export class LinkGarminDto {
  /** The Garmin user id Garmin's push names the player by (`userId` of its notifications). */
  @ApiProperty({ example: '4aacafe82427c251df9c9592d0c06768', maxLength: GARMIN_ID_MAX })
  @IsString()
  @Length(1, GARMIN_ID_MAX)
  @Matches(GARMIN_ID_PATTERN, { message: 'garminUserId must be letters, digits, ".", "_", ":" or "-"' })
  garminUserId!: string;
}

export class GarminLinkDto {
  @ApiProperty({ example: '65a1b2c3d4e5f60718293a4b' })
  playerId!: string;

  @ApiProperty({ example: '4aacafe82427c251df9c9592d0c06768' })
  garminUserId!: string;

  /** The coach or admin who linked it. */
  linkedBy!: string;

  linkedAt!: Date;

  static from(link: GarminLinkRecord): GarminLinkDto {
    return { ...link };
  }
}

/** One activity file of Garmin's Activity API push, with the fields Garmin documents (any other is refused, as everywhere). */
export class GarminActivityFileDto {
  /** Garmin's user id: the player linked to it receives the file. */
  @ApiProperty({ example: '4aacafe82427c251df9c9592d0c06768', maxLength: GARMIN_ID_MAX })
  @IsString()
  @Length(1, GARMIN_ID_MAX)
  @Matches(GARMIN_ID_PATTERN, { message: 'userId must be letters, digits, ".", "_", ":" or "-"' })
  userId!: string;

  /** Garmin's access token of the user: accepted, neither used nor stored. */
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOmittable()
  @IsString()
  @MaxLength(1000)
  userAccessToken?: string;

  /** Garmin's id of the file: a summary id is processed once, however often it is pushed. */
  @ApiProperty({ example: 'x153a9f3-5f58b8c5-8', maxLength: GARMIN_ID_MAX })
  @IsString()
  @Length(1, GARMIN_ID_MAX)
  @Matches(GARMIN_ID_PATTERN, { message: 'summaryId must be letters, digits, ".", "_", ":" or "-"' })
  summaryId!: string;

  @ApiProperty({ enum: GARMIN_FILE_TYPES, example: 'FIT' })
  @IsIn(GARMIN_FILE_TYPES)
  fileType!: GarminFileType;

  /**
   * Where the file is fetched from (it carries Garmin's download token). Fetched only from a host
   * on GARMIN_CALLBACK_HOSTS; another one is recorded as refused and never requested.
   */
  @ApiProperty({
    example: 'https://apis.garmin.com/wellness-api/rest/activityFile?id=6245&token=d1b6',
    maxLength: CALLBACK_URL_MAX,
  })
  @IsString()
  @MaxLength(CALLBACK_URL_MAX)
  @Matches(CALLBACK_URL_PATTERN, { message: 'callbackURL must be an http:// or https:// URL' })
  callbackURL!: string;

  @ApiPropertyOptional({ type: 'integer', example: 1764590400 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(4102444800)
  startTimeInSeconds?: number;

  /** Garmin's activity id. */
  @ApiPropertyOptional({ type: 'integer', example: 5001968355 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  activityId?: number;

  /** Used as the activity's title when given. */
  @ApiPropertyOptional({ example: 'Morning Run', maxLength: 200 })
  @IsOmittable()
  @Trimmed()
  @IsString()
  @Length(1, 200)
  activityName?: string;

  /** Entered by hand on Garmin Connect. */
  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  manual?: boolean;
}

/** Garmin's Activity API push of activity files. */
export class GarminActivityFilesPushDto {
  @ApiProperty({ type: [GarminActivityFileDto], minItems: 1, maxItems: MAX_ACTIVITY_FILES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ACTIVITY_FILES)
  @ValidateNested({ each: true })
  @Type(() => GarminActivityFileDto)
  activityFiles!: GarminActivityFileDto[];
}

export class GarminPushReceiptItemDto {
  @ApiProperty({ example: 'x153a9f3-5f58b8c5-8' })
  summaryId!: string;

  /** `queued` (it will be fetched), `unlinked` (no player has this Garmin user), or where an earlier push of it stands. */
  @ApiProperty({ enum: GARMIN_NOTIFICATION_STATUSES })
  status!: GarminNotificationStatus;

  /** True when this summary id had been received before: it is not processed again. */
  repeated!: boolean;
}

export class GarminPushReceiptDto {
  @ApiProperty({ type: [GarminPushReceiptItemDto] })
  activityFiles!: GarminPushReceiptItemDto[];
}

/** A notification as admins see it (the callback URL's token is never shown: only its host). */
export class GarminNotificationDto {
  @ApiProperty({ example: '65a1b2c3d4e5f60718293a4b' })
  id!: string;

  @ApiProperty({ example: 'x153a9f3-5f58b8c5-8' })
  summaryId!: string;

  garminUserId!: string;

  /** The player the file is (or was to be) stored for; null while no player is linked. */
  @ApiProperty({ type: String, nullable: true })
  playerId!: string | null;

  @ApiProperty({ enum: GARMIN_FILE_TYPES })
  fileType!: GarminFileType;

  /** `host:port` of the callback URL; null when it is no URL. */
  @ApiProperty({ type: String, nullable: true, example: 'apis.garmin.com:443' })
  callbackHost!: string | null;

  @ApiPropertyOptional({ type: 'integer' })
  startTimeInSeconds?: number;

  /** Garmin's activity id, when the push named it. */
  @ApiPropertyOptional({ type: 'integer' })
  garminActivityId?: number;

  @ApiProperty({ enum: GARMIN_NOTIFICATION_STATUSES })
  status!: GarminNotificationStatus;

  /** Fetch attempts so far. */
  @ApiProperty({ type: 'integer' })
  attempts!: number;

  /** Why the last attempt failed, or why the file was refused. */
  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  /** The stored activity (`GET /api/v1/activities/{id}`): the one imported, or the one it duplicates. */
  @ApiProperty({ type: String, nullable: true })
  activityId!: string | null;

  receivedAt!: Date;
  updatedAt!: Date;

  static from(n: GarminNotificationRecord): GarminNotificationDto {
    return {
      id: n.id,
      summaryId: n.summaryId,
      garminUserId: n.garminUserId,
      playerId: n.playerId,
      fileType: n.fileType,
      callbackHost: n.callbackHost,
      ...(n.startTimeInSeconds !== undefined ? { startTimeInSeconds: n.startTimeInSeconds } : {}),
      ...(n.garminActivityId !== undefined ? { garminActivityId: n.garminActivityId } : {}),
      status: n.status,
      attempts: n.attempts,
      lastError: n.lastError,
      activityId: n.activityId,
      receivedAt: n.receivedAt,
      updatedAt: n.updatedAt,
    };
  }
}

export class GarminNotificationPageDto extends PageDto {
  @ApiProperty({ type: [GarminNotificationDto] })
  items!: GarminNotificationDto[];
}

export class ListGarminNotificationsQueryDto extends PaginationQueryDto {
  @ApiProperty({ enum: GARMIN_NOTIFICATION_STATUSES, required: false })
  @IsOmittable()
  @IsIn(GARMIN_NOTIFICATION_STATUSES)
  status?: GarminNotificationStatus;
}
