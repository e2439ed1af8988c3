import { PipeTransform } from '@nestjs/common';
import { ParseObjectIdPipe } from '../validation/parse-object-id.pipe';
import { ParsePositiveIntPipe } from '../validation/parse-positive-int.pipe';
import { ParseSlugPipe } from '../validation/parse-slug.pipe';
import { pathParameterSchema } from './path-parameters';

/** Whether a value passes the schema (the keywords path parameter schemas use). */
function matches(schema: ReturnType<typeof pathParameterSchema>, value: string): boolean {
  if (schema.type === 'integer') {
    // How a client writes an integer in a path: its decimal digits.
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || String(n) !== value) return false;
    if (schema.minimum !== undefined && n < schema.minimum) return false;
    if (schema.maximum !== undefined && n > schema.maximum) return false;
    return true;
  }
  if (schema.pattern && !new RegExp(schema.pattern).test(value)) return false;
  if (schema.minLength !== undefined && value.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return false;
  return true;
}

function accepts(pipe: PipeTransform, value: string): boolean {
  try {
    pipe.transform(value, { type: 'param', data: 'id' });
    return true;
  } catch {
    return false;
  }
}

describe('pathParameterSchema', () => {
  const objectIds = [
    '65a1b2c3d4e5f60718293a4b',
    '65A1B2C3D4E5F60718293A4B',
    '65a1b2c3d4e5f60718293a4',
    '65a1b2c3d4e5f60718293a4b0',
    'g5a1b2c3d4e5f60718293a4b',
    ' 65a1b2c3d4e5f60718293a4b',
    '',
  ];
  it.each(objectIds)('says what ParseObjectIdPipe accepts: %j', (value) => {
    expect(matches(pathParameterSchema('id', [ParseObjectIdPipe]), value)).toBe(
      accepts(new ParseObjectIdPipe(), value),
    );
  });

  const slugs = [
    'w1-s2',
    'tech-rondo-4v1',
    'a'.repeat(80),
    'a'.repeat(81),
    'Upper',
    'double--hyphen',
    '-lead',
    'x',
    '',
  ];
  it.each(slugs)('says what ParseSlugPipe accepts: %j', (value) => {
    expect(matches(pathParameterSchema('id', [ParseSlugPipe]), value)).toBe(accepts(new ParseSlugPipe(), value));
  });

  const versions = ['1', '42', '999999999', '1000000000', '0', '-1', '01', '1.5', '1e3', ' 1', ''];
  it.each(versions)('says what ParsePositiveIntPipe accepts: %j', (value) => {
    expect(matches(pathParameterSchema('version', [ParsePositiveIntPipe]), value)).toBe(
      accepts(new ParsePositiveIntPipe(), value),
    );
  });

  it('reads a pipe given as an instance', () => {
    expect(pathParameterSchema('version', [new ParsePositiveIntPipe()])).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 999_999_999,
    });
  });

  it('refuses a parameter whose pipe it cannot describe, or that has none', () => {
    class OtherPipe implements PipeTransform {
      transform(value: unknown) {
        return value;
      }
    }
    expect(() => pathParameterSchema('id', [OtherPipe])).toThrow('OtherPipe');
    expect(() => pathParameterSchema('id', [])).toThrow('exactly one pipe');
  });
});
