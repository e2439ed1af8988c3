import { Transform } from 'class-transformer';
import { getMetadataStorage, ValidateBy } from 'class-validator';

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
 * The maximum length applies to the text as sent, as the OpenAPI document states it: text longer
 * than that is left as it is, so its length validator refuses it.
 */
export function Trimmed(options: { lowerCase?: boolean } = {}): PropertyDecorator {
  return (target, propertyKey) => {
    const key = String(propertyKey);
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const max = maxLengthOf(target.constructor, key);
      if (max !== undefined && value.length > max) return value;
      const trimmed = value.trim();
      return options.lowerCase ? trimmed.toLowerCase() : trimmed;
    })(target, propertyKey);
    ValidateBy({ name: 'trimmed', validator: { validate: () => true } })(target, propertyKey);
  };
}

/** The maximum length the property's validators (`@Length`, `@MaxLength`) allow, if any. */
function maxLengthOf(dto: object, property: string): number | undefined {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(dto as new () => object, '', false, false);
  let max: number | undefined;
  for (const m of metadatas) {
    if (m.propertyName !== property) continue;
    const bound = m.name === 'isLength' ? m.constraints?.[1] : m.name === 'maxLength' ? m.constraints?.[0] : undefined;
    if (typeof bound === 'number') max = max === undefined ? bound : Math.min(max, bound);
  }
  return max;
}
