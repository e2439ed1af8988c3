import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsPositive,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { HEART_RATE_MAX_BPM, HEART_RATE_MIN_BPM } from '../../activities/domain/heart-rate';
import { MAX_HUMAN_SPEED_MPS } from '../../activities/domain/track-cleaning';
import {
  BODY_REGIONS,
  BodyRegion,
  DOMINANT_FEET,
  DominantFoot,
  INJURY_STATUSES,
  InjuryStatus,
  LEVELS,
  Level,
  POSITIONS,
  Position,
  SEXES,
  Sex,
} from '../../common/domain/enums';
import { PageDto, PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { IsCalendarDate, toCalendarDate } from '../../common/validation/calendar-date';
import { IsFiniteNumber } from '../../common/validation/finite-number';
import { ageInYears, PlayerRecord } from '../player.record';
import { IsOmittable } from '../../common/validation/omittable';
import { Trimmed } from '../../common/validation/trimmed';

export class CreatePlayerDto {
  @ApiProperty({ example: 'Lina' })
  @Trimmed()
  @IsString()
  @Length(1, 80)
  firstName!: string;

  @ApiProperty({ example: 'Haddad' })
  @Trimmed()
  @IsString()
  @Length(1, 80)
  lastName!: string;

  /** Calendar date, `YYYY-MM-DD`; the player must be 3 to 80 years old. */
  @ApiProperty({ example: '2012-06-15', format: 'date' })
  @IsCalendarDate({ minYearsAgo: 3, maxYearsAgo: 80 })
  dateOfBirth!: string;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES)
  sex!: Sex;

  @ApiProperty({ enum: POSITIONS })
  @IsIn(POSITIONS)
  position!: Position;

  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS)
  level!: Level;

  @ApiProperty({ enum: DOMINANT_FEET })
  @IsIn(DOMINANT_FEET)
  dominantFoot!: DominantFoot;

  @ApiPropertyOptional({ example: 152, minimum: 60, maximum: 230 })
  @IsOmittable()
  @IsFiniteNumber({ maxDecimalPlaces: 1 })
  @Min(60)
  @Max(230)
  heightCm?: number;

  @ApiPropertyOptional({ example: 41.5, minimum: 10, maximum: 200 })
  @IsOmittable()
  @IsFiniteNumber({ maxDecimalPlaces: 1 })
  @Min(10)
  @Max(200)
  weightKg?: number;

  @ApiPropertyOptional({
    example: 201,
    minimum: HEART_RATE_MIN_BPM,
    maximum: HEART_RATE_MAX_BPM,
    description:
      "Measured maximum heart rate (bpm). Activities' heart-rate zones use it; without it, 208 − 0.7 × age (Tanaka et al. 2001).",
  })
  @IsOmittable()
  @IsInt()
  @Min(HEART_RATE_MIN_BPM)
  @Max(HEART_RATE_MAX_BPM)
  hrMaxBpm?: number;

  @ApiPropertyOptional({
    example: 58,
    minimum: HEART_RATE_MIN_BPM,
    maximum: HEART_RATE_MAX_BPM,
    description: "Resting heart rate (bpm). Banister's TRIMP needs it; without it none is reported.",
  })
  @IsOmittable()
  @IsInt()
  @Min(HEART_RATE_MIN_BPM)
  @Max(HEART_RATE_MAX_BPM)
  hrRestBpm?: number;

  @ApiPropertyOptional({
    example: 8.9,
    exclusiveMinimum: true,
    minimum: 0,
    maximum: MAX_HUMAN_SPEED_MPS,
    description:
      'Measured maximum running speed (m/s), e.g. from a timed flying sprint. Efforts above 90 % of the fastest of ' +
      'this and the fastest activity count as maximal-speed efforts.',
  })
  @IsOmittable()
  @IsFiniteNumber({ maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(MAX_HUMAN_SPEED_MPS)
  maxSpeedMps?: number;
}

/** Any subset of the profile; `null` is refused like any other wrong type (omit a field to keep it). */
export class UpdatePlayerDto extends PartialType(CreatePlayerDto, { skipNullProperties: false }) {}

export class ListPlayersQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: LEVELS })
  @IsOmittable()
  @IsIn(LEVELS)
  level?: Level;

  @ApiPropertyOptional({ enum: POSITIONS })
  @IsOmittable()
  @IsIn(POSITIONS)
  position?: Position;

  /** Case-insensitive prefix of the first or last name. */
  @IsOmittable()
  @IsString()
  @Length(1, 80)
  name?: string;
}

export class InjuryDto {
  @ApiProperty({ enum: INJURY_STATUSES })
  @IsIn(INJURY_STATUSES)
  status!: InjuryStatus;

  /** Regions to protect: at least one when `injured`, none when `fit`. */
  @ApiProperty({ enum: BODY_REGIONS, isArray: true, example: ['knee'] })
  @IsArray()
  @IsIn(BODY_REGIONS, { each: true })
  @ArrayUnique()
  bodyRegions: BodyRegion[] = [];

  /** When the current status began, `YYYY-MM-DD` (defaults to today). */
  @ApiPropertyOptional({ example: '2026-10-01', format: 'date' })
  @IsOmittable()
  @IsCalendarDate({ notFuture: true })
  since?: string;

  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class LinkUserDto {
  /** Email of an existing account with the expected role. */
  @ApiProperty({ example: 'parent@example.com' })
  @Trimmed({ lowerCase: true })
  @IsEmail()
  email!: string;
}

export class InjuryResponseDto {
  @ApiProperty({ enum: INJURY_STATUSES })
  status!: InjuryStatus;

  @ApiProperty({ enum: BODY_REGIONS, isArray: true })
  bodyRegions!: BodyRegion[];

  @ApiPropertyOptional({ format: 'date' })
  since?: string;

  notes?: string;
}

export class PlayerDto {
  id!: string;
  firstName!: string;
  lastName!: string;

  @ApiProperty({ format: 'date', example: '2012-06-15' })
  dateOfBirth!: string;

  /** Whole years today. */
  @ApiProperty({ type: 'integer' })
  ageYears!: number;

  @ApiProperty({ enum: SEXES })
  sex!: Sex;

  @ApiProperty({ enum: POSITIONS })
  position!: Position;

  @ApiProperty({ enum: LEVELS })
  level!: Level;

  @ApiProperty({ enum: DOMINANT_FEET })
  dominantFoot!: DominantFoot;

  heightCm?: number;
  weightKg?: number;
  hrMaxBpm?: number;
  hrRestBpm?: number;
  maxSpeedMps?: number;
  injury!: InjuryResponseDto;
  coachIds!: string[];
  guardianIds!: string[];
  userId?: string;
  createdAt!: Date;
  updatedAt!: Date;

  static from(p: PlayerRecord): PlayerDto {
    return {
      id: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      dateOfBirth: toCalendarDate(p.dateOfBirth),
      ageYears: ageInYears(p.dateOfBirth),
      sex: p.sex,
      position: p.position,
      level: p.level,
      dominantFoot: p.dominantFoot,
      heightCm: p.heightCm,
      weightKg: p.weightKg,
      hrMaxBpm: p.hrMaxBpm,
      hrRestBpm: p.hrRestBpm,
      maxSpeedMps: p.maxSpeedMps,
      injury: {
        status: p.injury.status,
        bodyRegions: p.injury.bodyRegions,
        since: p.injury.since ? toCalendarDate(p.injury.since) : undefined,
        notes: p.injury.notes,
      },
      coachIds: p.coachIds,
      guardianIds: p.guardianIds,
      userId: p.userId,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}

export class PlayerPageDto extends PageDto {
  @ApiProperty({ type: [PlayerDto] })
  items!: PlayerDto[];
}
