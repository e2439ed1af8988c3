import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { BODY_REGIONS, BodyRegion, LEVELS, Level, POSITIONS, Position, SEXES, Sex } from '../../common/domain/enums';
import { PageDto, PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { DRILL_CATEGORIES, DrillCategory, INTENSITIES, Intensity, MAX_AGE, MIN_AGE } from '../domain/drill-format';
import { LANGUAGES, Language } from '../../common/domain/language';
import { UPLOAD_MODES, UploadMode } from '../domain/drill-set-change';
import { IsOmittable } from '../../common/validation/omittable';
import { COVERAGE_GAP_CODES, CoverageGapCode } from '../../training/domain/program-coverage';

/**
 * `a,b,c` (or a repeated parameter) to a list. An empty entry (`a,,b`, or the parameter
 * given empty) stays in the list, for its item validator to refuse: `[]` and `['']` read the
 * same in a query string, so neither is taken.
 */
const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;

export class ListDrillsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: DRILL_CATEGORIES })
  @IsOmittable()
  @IsIn(DRILL_CATEGORIES)
  category?: DrillCategory;

  /** The player's age in years. */
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_AGE)
  @Max(MAX_AGE)
  age?: number;

  /** The player's sex: drills for anyone or for that sex. */
  @ApiPropertyOptional({ enum: SEXES })
  @IsOmittable()
  @IsIn(SEXES)
  sex?: Sex;

  @ApiPropertyOptional({ enum: LEVELS })
  @IsOmittable()
  @IsIn(LEVELS)
  level?: Level;

  @ApiPropertyOptional({ enum: POSITIONS })
  @IsOmittable()
  @IsIn(POSITIONS)
  position?: Position;

  @ApiPropertyOptional({ enum: INTENSITIES })
  @IsOmittable()
  @IsIn(INTENSITIES)
  intensity?: Intensity;

  /** Equipment at hand, comma-separated: drills needing anything else are left out. */
  @ApiPropertyOptional({ type: [String], example: ['balls', 'cones'] })
  @IsOmittable()
  @Transform(commaList)
  @ArrayMinSize(1)
  @IsString({ each: true })
  @Matches(/^[a-z0-9-]{1,40}$/, { each: true })
  @ArrayUnique()
  equipment?: string[];

  /** Body regions to protect, comma-separated: drills loading any of them are left out. */
  @ApiPropertyOptional({ enum: BODY_REGIONS, isArray: true, example: ['knee', 'ankle'] })
  @IsOmittable()
  @Transform(commaList)
  @ArrayMinSize(1)
  @IsIn(BODY_REGIONS, { each: true })
  @ArrayUnique()
  avoidBodyRegions?: BodyRegion[];

  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  maxDurationMin?: number;

  /** Text in the drill's English or Arabic name, case-insensitive. */
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class DrillSpaceDto {
  lengthM!: number;
  widthM!: number;
}

/** A drill as served: localized by Accept-Language (`ar`, else English, field by field). */
export class DrillDto {
  @ApiProperty({ example: 'tech-rondo-4v1' })
  id!: string;
  name!: string;
  description!: string;
  @ApiProperty({ enum: DRILL_CATEGORIES })
  category!: DrillCategory;
  @ApiProperty({ type: 'integer' })
  minAge!: number;
  @ApiProperty({ type: 'integer' })
  maxAge!: number;
  @ApiProperty({ enum: ['any', 'female', 'male'] })
  sex!: 'any' | Sex;
  @ApiProperty({ enum: LEVELS, isArray: true })
  levels!: Level[];
  /** Empty means every position. */
  @ApiProperty({ enum: POSITIONS, isArray: true })
  positions!: Position[];
  @ApiProperty({ type: 'integer' })
  durationMin!: number;
  @ApiProperty({ enum: INTENSITIES })
  intensity!: Intensity;
  /** Session RPE, CR-10 scale. */
  @ApiProperty({ type: 'integer' })
  targetRpe!: number;
  equipment!: string[];
  @ApiProperty({ type: 'integer' })
  playersMin!: number;
  @ApiProperty({ type: 'integer' })
  playersMax!: number;
  space?: DrillSpaceDto;
  coachingPoints!: string[];
  progressions!: string[];
  regressions!: string[];
  /** What the drill loads. */
  @ApiProperty({ enum: BODY_REGIONS, isArray: true })
  bodyRegions!: BodyRegion[];
  tags!: string[];
}

export class DrillPageDto extends PageDto {
  @ApiProperty({ type: [DrillDto] })
  items!: DrillDto[];

  /** Which store served the list. */
  @ApiProperty({ enum: ['database', 'static'] })
  source!: 'database' | 'static';

  /** The database version served (absent for the static library). */
  version?: number;

  @ApiProperty({ enum: LANGUAGES })
  language!: Language;
}

export class DrillResponseDto extends DrillDto {
  @ApiProperty({ enum: ['database', 'static'] })
  source!: 'database' | 'static';

  @ApiProperty({ enum: LANGUAGES })
  language!: Language;
}

export class UploadDrillsQueryDto {
  /** `replace` swaps in exactly the uploaded drills; `merge` upserts them by id over the active set. */
  @ApiPropertyOptional({ enum: UPLOAD_MODES, default: 'replace' })
  @IsOmittable()
  @IsIn(UPLOAD_MODES)
  mode: UploadMode = 'replace';

  /** Validate and report without storing anything. */
  @ApiPropertyOptional({ type: Boolean, default: false })
  @IsOmittable()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], { message: 'dryRun must be true or false' })
  dryRun: boolean = false;
}

/** Players of one kind: every combination of the listed values, ages inclusive. */
export class PlayerKindDto {
  @ApiProperty({ type: 'integer' })
  minAge!: number;
  @ApiProperty({ type: 'integer' })
  maxAge!: number;
  @ApiProperty({ enum: SEXES, isArray: true })
  sexes!: Sex[];
  @ApiProperty({ enum: LEVELS, isArray: true })
  levels!: Level[];
  @ApiProperty({ enum: POSITIONS, isArray: true })
  positions!: Position[];
  /** Empty: fit players (and returning ones, whose drills are the same). */
  @ApiProperty({ enum: BODY_REGIONS, isArray: true })
  injuredRegions!: BodyRegion[];
}

/** A kind of player the drill set cannot serve fully. */
export class DrillSetWarningDto {
  /**
   * `no-warm-up`, `no-cool-down`, `no-main-part`, `no-acl-prevention`: no drill of that kind is safe
   * for these players, so programme generation answers them 422. `acl-prevention-paused`: no
   * ACL-prevention drill spares the injury, so while injured these players get programmes without it.
   */
  @ApiProperty({ enum: COVERAGE_GAP_CODES })
  code!: CoverageGapCode;
  /** For the admin, in plain words. */
  message!: string;
  @ApiProperty({ type: PlayerKindDto })
  players!: PlayerKindDto;
}

export class DrillUploadReportDto {
  /** False for a dry run: nothing was stored. */
  stored!: boolean;
  @ApiProperty({ enum: UPLOAD_MODES })
  mode!: UploadMode;
  /** The new active version (absent for a dry run). */
  version?: number;
  /** Drills in the set that is (or would be) active. */
  drillCount!: number;
  added!: number;
  updated!: number;
  unchanged!: number;
  removed!: number;
  /**
   * The kinds of player the set that is (or would be) active cannot build a programme for, or
   * builds one for without ACL-prevention work; empty when it serves every player. At most 100, the
   * broadest first (fit players, then one injured region, then two).
   */
  @ApiProperty({ type: [DrillSetWarningDto] })
  warnings!: DrillSetWarningDto[];
  /** Warnings left out of the list beyond the first 100. */
  @ApiProperty({ type: 'integer' })
  warningsOmitted!: number;
}

export class DrillSetVersionDto {
  version!: number;
  @ApiProperty({ enum: UPLOAD_MODES })
  mode!: UploadMode;
  uploadedBy!: string;
  uploadedByEmail!: string;
  createdAt!: Date;
  drillCount!: number;
  added!: number;
  updated!: number;
  removed!: number;
  /** Whether readers are served this version now. */
  active!: boolean;
}

export class DrillSetVersionPageDto extends PageDto {
  @ApiProperty({ type: [DrillSetVersionDto] })
  items!: DrillSetVersionDto[];

  /** The active version, or null while the static library is served. */
  @ApiProperty({ type: Number, nullable: true })
  activeVersion!: number | null;
}
