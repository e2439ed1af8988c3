import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/** The characters `String.prototype.trim` removes, as a regular-expression class body. */
const TRIMMED_SPACE = '\\t\\n\\u000b\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

/**
 * Trimmed text that is not blank and holds no NUL (see untrusted-input.ts), as a JSON Schema
 * pattern: one character trim keeps, anywhere. Spelled out rather than `\\S`, whose meaning
 * differs between regular-expression engines.
 */
export const NON_BLANK_TEXT_PATTERN = `^[^\\u0000]*[^\\u0000${TRIMMED_SPACE}][^\\u0000]*$`;

/**
 * Text whose surrounding white space (as `String.prototype.trim` sees it) is dropped before it
 * is validated, so `'  Lina '` is stored as `Lina` and a blank name fails its minimum length.
 * `lowerCase` also lower-cases it (e-mail addresses). The no-op validator named `trimmed` lets
 * the OpenAPI document say so: a required minimum length then needs a non-blank character.
 */
export function Trimmed(options: { lowerCase?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const trimmed = value.trim();
      return options.lowerCase ? trimmed.toLowerCase() : trimmed;
    }),
    ValidateBy({ name: 'trimmed', validator: { validate: () => true } }),
  );
}
