import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';

/**
 * Decimal places of a number as JavaScript writes it, exponent notation included
 * (`1e-7` has 7, `1.25e-5` has 7, `1e21` has none). class-validator's own count reads only
 * the digits after a `.` and throws on `1e-7`.
 */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent = '0'] = String(value).toLowerCase().split('e');
  const fractionDigits = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fractionDigits - Number(exponent));
}

/**
 * The value with binary floating-point noise removed (`0.30000000000000004` is `0.3`, as
 * `3 * 0.1` computes it): twelve significant digits are more than any measurement here holds.
 */
function withoutFloatNoise(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * A finite number (not NaN, not ±Infinity) with at most `maxDecimalPlaces` decimals, as the
 * OpenAPI document states it (`multipleOf: 0.1` for one). A value that is such a number but
 * for floating-point noise is taken as that number.
 */
export function IsFiniteNumber(options: { maxDecimalPlaces: number }, validationOptions?: ValidationOptions) {
  const places = options.maxDecimalPlaces;
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) return value;
      const clean = withoutFloatNoise(value);
      return decimalPlaces(clean) <= places ? clean : value;
    }),
    ValidateBy(
      {
        name: 'isFiniteNumber',
        constraints: [places],
        validator: {
          validate: (value: unknown) =>
            typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= places,
          defaultMessage: buildMessage(
            (each) =>
              `${each}$property must be a number with at most ${places} decimal ${places === 1 ? 'place' : 'places'}`,
            validationOptions,
          ),
        },
      },
      validationOptions,
    ),
  );
}
