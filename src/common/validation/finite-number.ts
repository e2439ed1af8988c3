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

/** A finite number (not NaN, not ±Infinity) with at most `maxDecimalPlaces` decimals. */
export function IsFiniteNumber(options: { maxDecimalPlaces: number }, validationOptions?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isFiniteNumber',
      constraints: [options.maxDecimalPlaces],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= options.maxDecimalPlaces,
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a number with at most ${options.maxDecimalPlaces} decimal ` +
            (options.maxDecimalPlaces === 1 ? 'place' : 'places'),
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}
