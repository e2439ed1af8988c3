import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from './calendar-date';
import { IsOmittable } from './omittable';

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both optional and inclusive. */
export class DateRangeQueryDto {
  @ApiPropertyOptional({ format: 'date' })
  @IsOmittable()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOmittable()
  @IsCalendarDate()
  to?: string;
}
