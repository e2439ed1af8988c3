import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsFiniteNumber } from '../../common/validation/finite-number';
import { IsOmittable } from '../../common/validation/omittable';
import { RPE_MAX } from '../domain/load-monitoring';

/** The longest session anyone logs, in minutes. */
export const MAX_SESSION_MIN = 300;

/**
 * The two numbers of a session-RPE load (Foster et al. 2001), validated the same way wherever a
 * session is recorded: a training log, a finished workout.
 */
export function IsSessionMinutes(options: { optional?: boolean } = {}): PropertyDecorator {
  const bounds = { minimum: 1, maximum: MAX_SESSION_MIN };
  return applyDecorators(
    ...(options.optional ? [ApiPropertyOptional(bounds), IsOmittable()] : [ApiProperty(bounds)]),
    IsInt(),
    Min(1),
    Max(MAX_SESSION_MIN),
  );
}

/** Session RPE on the CR-10 scale (0-10), one decimal. */
export function IsSessionRpe(options: { optional?: boolean } = {}): PropertyDecorator {
  const bounds = { minimum: 0, maximum: RPE_MAX };
  return applyDecorators(
    ...(options.optional ? [ApiPropertyOptional(bounds), IsOmittable()] : [ApiProperty(bounds)]),
    IsFiniteNumber({ maxDecimalPlaces: 1 }),
    Min(0),
    Max(RPE_MAX),
  );
}
