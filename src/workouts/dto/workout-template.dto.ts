import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsMongoId, IsString, Length, ValidateNested } from 'class-validator';
import { PageDto } from '../../common/pagination/pagination.dto';
import { IsCalendarDate } from '../../common/validation/calendar-date';
import { IsOmittable } from '../../common/validation/omittable';
import { Trimmed } from '../../common/validation/trimmed';
import { MAX_ENTRIES, WorkoutEntryDto, WorkoutEntryInputDto } from './workout.dto';

/** A coach's template: entries with target sets (never done). */
export class WorkoutTemplateInputDto {
  @ApiProperty({ maxLength: 120, example: 'Pre-season strength A' })
  @Trimmed()
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOmittable()
  @Trimmed()
  @IsString()
  @Length(1, 1000)
  description?: string;

  @ApiProperty({ type: [WorkoutEntryInputDto], minItems: 1, maxItems: MAX_ENTRIES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => WorkoutEntryInputDto)
  exercises!: WorkoutEntryInputDto[];
}

/** Save a workout as a template. */
export class SaveAsTemplateDto extends PickType(WorkoutTemplateInputDto, ['name', 'description'] as const) {}

/** Plan the template for a player on a date. */
export class PlanTemplateDto {
  @ApiProperty({ example: '665f1c2b9a1e4a3d2c1b0a99' })
  @IsMongoId()
  playerId!: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  date!: string;

  /** Defaults to the template's name. */
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOmittable()
  @Trimmed()
  @IsString()
  @Length(1, 120)
  name?: string;
}

export class WorkoutTemplateDto {
  id!: string;
  name!: string;
  @ApiPropertyOptional()
  description?: string;
  @ApiProperty({ type: [WorkoutEntryDto] })
  exercises!: WorkoutEntryDto[];
  /** The coach (or admin) who owns it. */
  owner!: string;
  createdAt!: Date;
  updatedAt!: Date;
}

export class WorkoutTemplatePageDto extends PageDto {
  @ApiProperty({ type: [WorkoutTemplateDto] })
  items!: WorkoutTemplateDto[];
}
