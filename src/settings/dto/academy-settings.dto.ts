import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { IsOmittable } from '../../common/validation/omittable';
import { NON_BLANK_TEXT_PATTERN, Trimmed } from '../../common/validation/trimmed';
import { LANGUAGES, Language } from '../../common/domain/language';
import {
  ACADEMY_NAME_MAX,
  AcademySettings,
  DEFAULT_ACADEMY_SETTINGS,
  DIGIT_SYSTEMS,
  DigitSystem,
} from '../domain/academy-settings';

export class AcademySettingsDto {
  @ApiProperty({ example: 'Riverside Football Academy', maxLength: ACADEMY_NAME_MAX })
  name!: string;

  @ApiProperty({ example: 'Europe/London', description: 'IANA time zone that places dates and times of day' })
  timeZone!: string;

  @ApiProperty({ enum: LANGUAGES, example: 'en', description: 'Default language' })
  language!: Language;

  @ApiProperty({ enum: DIGIT_SYSTEMS, example: 'latn', description: 'Digits in reports: latn (0-9) or arab (٠-٩)' })
  digits!: DigitSystem;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Last change; null while the settings are the defaults',
  })
  updatedAt!: string | null;

  static from(s: AcademySettings): AcademySettingsDto {
    return {
      name: s.name,
      timeZone: s.timeZone,
      language: s.language,
      digits: s.digits,
      updatedAt: s.updatedAt ? s.updatedAt.toISOString() : null,
    };
  }
}

/** Any subset of the settings; the others keep their value. */
export class UpdateAcademySettingsDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: ACADEMY_NAME_MAX,
    pattern: NON_BLANK_TEXT_PATTERN,
    example: DEFAULT_ACADEMY_SETTINGS.name,
  })
  @IsOmittable()
  @Trimmed()
  @IsString()
  @Length(1, ACADEMY_NAME_MAX)
  name?: string;

  @ApiPropertyOptional({
    example: 'Asia/Riyadh',
    maxLength: 64,
    description: 'An IANA time zone name, in any case; a name the time zone database does not know is a 422.',
  })
  @IsOmittable()
  @IsString()
  @Length(1, 64)
  timeZone?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOmittable()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ enum: DIGIT_SYSTEMS })
  @IsOmittable()
  @IsIn(DIGIT_SYSTEMS)
  digits?: DigitSystem;
}
