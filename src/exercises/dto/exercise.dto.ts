import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Language, LANGUAGES } from '../../common/domain/language';
import { PageDto, PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { IsOmittable } from '../../common/validation/omittable';
import { Trimmed } from '../../common/validation/trimmed';
import {
  BODY_PARTS,
  BodyPart,
  Exercise,
  MEASURES,
  Measure,
  MECHANICS,
  Mechanics,
  MODALITIES,
  Modality,
} from '../domain/exercise';
import {
  EQUIPMENT_PATTERN,
  EXERCISE_LIMITS,
  EXERCISE_MAX_AGE,
  EXERCISE_MIN_AGE,
  TAG_PATTERN,
} from '../domain/exercise-format';

/** `a,b,c` (or a repeated parameter) to a list; an empty entry stays, for the item validator to refuse. */
const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;

export const OWNER_SCOPES = ['all', 'system', 'mine'] as const;
export type OwnerScopeName = (typeof OWNER_SCOPES)[number];

export class ListExercisesQueryDto extends PaginationQueryDto {
  /** Text in the English or Arabic name; case, accents, Arabic diacritics and letter variants do not matter. */
  @IsOmittable()
  @Trimmed()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: BODY_PARTS })
  @IsOmittable()
  @IsIn(BODY_PARTS)
  bodyPart?: BodyPart;

  @ApiPropertyOptional({ enum: MODALITIES })
  @IsOmittable()
  @IsIn(MODALITIES)
  modality?: Modality;

  /** Equipment at hand, comma-separated: exercises needing anything else are left out. */
  @ApiPropertyOptional({ type: [String], example: ['barbell', 'bench'] })
  @IsOmittable()
  @Transform(commaList)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[a-z0-9-]{1,40}$/, { each: true })
  @ArrayUnique()
  equipment?: string[];

  /** `system`: the shipped library; `mine`: the caller's own custom exercises; `all`: both and every coach's. */
  @ApiPropertyOptional({ enum: OWNER_SCOPES, default: 'all' })
  @IsOmittable()
  @IsIn(OWNER_SCOPES)
  owner: OwnerScopeName = 'all';

  /** Include archived exercises. */
  @ApiPropertyOptional({ type: Boolean, default: false })
  @IsOmittable()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], { message: 'archived must be true or false' })
  archived: boolean = false;
}

export class ExerciseTranslationDto {
  @ApiProperty({ example: 'تمرين النورديك لأوتار الركبة' })
  @Trimmed()
  @IsString()
  @Length(1, EXERCISE_LIMITS.name)
  name!: string;

  @Trimmed()
  @IsString()
  @Length(1, EXERCISE_LIMITS.description)
  description!: string;
}

export class ExerciseTranslationsDto {
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ExerciseTranslationDto)
  ar?: ExerciseTranslationDto;
}

export class CreateExerciseDto {
  @ApiProperty({ example: 'Single-leg Romanian deadlift' })
  @Trimmed()
  @IsString()
  @Length(1, EXERCISE_LIMITS.name)
  name!: string;

  @Trimmed()
  @IsString()
  @Length(1, EXERCISE_LIMITS.description)
  description!: string;

  @ApiProperty({ enum: BODY_PARTS, isArray: true, example: ['hamstrings', 'glutes'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BODY_PARTS.length)
  @IsIn(BODY_PARTS, { each: true })
  @ArrayUnique()
  bodyParts!: BodyPart[];

  @ApiProperty({ enum: MODALITIES })
  @IsIn(MODALITIES)
  modality!: Modality;

  /** What it needs, as slugs (`barbell`, `bench`); defaults to none. */
  @ApiPropertyOptional({ type: [String], example: ['dumbbells'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(EXERCISE_LIMITS.equipment)
  @IsString({ each: true })
  @MaxLength(EXERCISE_LIMITS.equipmentItem, { each: true })
  @Matches(EQUIPMENT_PATTERN, { each: true, message: 'each value in equipment must be a lower-case slug' })
  @ArrayUnique()
  equipment?: string[];

  @ApiProperty({ enum: MECHANICS })
  @IsIn(MECHANICS)
  mechanics!: Mechanics;

  /** One side at a time; defaults to false. */
  @IsOmittable()
  @IsBoolean()
  unilateral?: boolean;

  /** What one set records. */
  @ApiProperty({ enum: MEASURES })
  @IsIn(MEASURES)
  measure!: Measure;

  /** Weight beyond body weight is used (then minAge must be at least 14; reps-weight needs it; body weight excludes it). */
  @IsBoolean()
  externalLoad!: boolean;

  /** Youngest age the exercise suits, in whole years. */
  @ApiProperty({ type: 'integer', minimum: EXERCISE_MIN_AGE, maximum: EXERCISE_MAX_AGE, example: 14 })
  @IsInt()
  @Min(EXERCISE_MIN_AGE)
  @Max(EXERCISE_MAX_AGE)
  minAge!: number;

  /** Lower-case tags (`max-strength` needs externalLoad); defaults to none. */
  @ApiPropertyOptional({ type: [String], example: ['hamstring'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(EXERCISE_LIMITS.tags)
  @IsString({ each: true })
  @MaxLength(EXERCISE_LIMITS.tag, { each: true })
  @Matches(TAG_PATTERN, { each: true, message: 'each value in tags must be a lower-case tag (a-z, 0-9, "-" and ":")' })
  @ArrayUnique()
  tags?: string[];

  /** Arabic name and description; defaults to none. */
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ExerciseTranslationsDto)
  translations?: ExerciseTranslationsDto;
}

/**
 * Any subset of the fields (omit a field to keep it; `null` is refused); `translations`
 * replaces the stored ones as a whole. `archived: false` restores an archived exercise.
 */
export class UpdateExerciseDto extends PartialType(CreateExerciseDto, { skipNullProperties: false }) {
  @IsOmittable()
  @IsBoolean()
  archived?: boolean;
}

export class ExerciseTranslationResponseDto {
  name!: string;
  description!: string;
}

export class ExerciseTranslationsResponseDto {
  ar?: ExerciseTranslationResponseDto;
}

/** An exercise as served: `name` and `description` in the negotiated language (Arabic with `Accept-Language: ar`). */
export class ExerciseDto {
  @ApiProperty({ example: 'nordic-hamstring-curl' })
  id!: string;
  name!: string;
  description!: string;
  @ApiProperty({ enum: BODY_PARTS, isArray: true })
  bodyParts!: BodyPart[];
  @ApiProperty({ enum: MODALITIES })
  modality!: Modality;
  equipment!: string[];
  @ApiProperty({ enum: MECHANICS })
  mechanics!: Mechanics;
  unilateral!: boolean;
  @ApiProperty({ enum: MEASURES })
  measure!: Measure;
  /** Weight beyond body weight is used. */
  externalLoad!: boolean;
  @ApiProperty({ type: 'integer' })
  minAge!: number;
  tags!: string[];
  /** The texts beside English, whatever the response language. */
  translations!: ExerciseTranslationsResponseDto;
  /** `system` for the shipped library, else the id of the account that created it. */
  @ApiProperty({ example: 'system' })
  owner!: string;
  /** Archived exercises stay readable but are left out of lists unless asked for. */
  archived!: boolean;

  static from(exercise: Exercise, language: Language): ExerciseDto {
    const ar = exercise.translations.ar;
    const localized = language === 'ar' && ar ? ar : exercise;
    return {
      id: exercise.id,
      name: localized.name,
      description: localized.description,
      bodyParts: exercise.bodyParts,
      modality: exercise.modality,
      equipment: exercise.equipment,
      mechanics: exercise.mechanics,
      unilateral: exercise.unilateral,
      measure: exercise.measure,
      externalLoad: exercise.externalLoad,
      minAge: exercise.minAge,
      tags: exercise.tags,
      translations: ar ? { ar: { name: ar.name, description: ar.description } } : {},
      owner: exercise.owner,
      archived: exercise.archived,
    };
  }
}

export class ExercisePageDto extends PageDto {
  @ApiProperty({ type: [ExerciseDto] })
  items!: ExerciseDto[];

  @ApiProperty({ enum: LANGUAGES })
  language!: Language;
}

export class BodyPartCountDto {
  @ApiProperty({ enum: BODY_PARTS })
  bodyPart!: BodyPart;
  /** Non-archived exercises naming it. */
  @ApiProperty({ type: 'integer' })
  count!: number;
}

export class ModalityCountDto {
  @ApiProperty({ enum: MODALITIES })
  modality!: Modality;
  /** Non-archived exercises using it. */
  @ApiProperty({ type: 'integer' })
  count!: number;
}
