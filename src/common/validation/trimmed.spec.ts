import fc from 'fast-check';
import { plainToInstance } from 'class-transformer';
import { IsString, Length, validateSync } from 'class-validator';
import { NON_BLANK_TEXT_PATTERN, Trimmed } from './trimmed';

class NameDto {
  @Trimmed()
  @IsString()
  @Length(1, 80)
  name!: string;

  @Trimmed({ lowerCase: true })
  @IsString()
  email!: string;
}

describe('Trimmed', () => {
  it('trims before validating, and lower-cases when asked', () => {
    const dto = plainToInstance(NameDto, { name: '  Lina ', email: ' Coach@Example.COM ' });
    expect(dto).toEqual({ name: 'Lina', email: 'coach@example.com' });
    expect(validateSync(dto)).toEqual([]);
    expect(validateSync(plainToInstance(NameDto, { name: ' \r\n ', email: 'a' }))).toHaveLength(1);
  });

  it('the maximum length is of the text as sent: longer text with spaces around it is still refused', () => {
    const exactly = plainToInstance(NameDto, { name: ` ${'a'.repeat(78)} `, email: 'a' });
    expect(exactly.name).toBe('a'.repeat(78));
    expect(validateSync(exactly)).toEqual([]);
    const over = plainToInstance(NameDto, { name: ` ${'a'.repeat(80)}`, email: 'a' });
    expect(validateSync(over).map((e) => e.property)).toEqual(['name']);
  });

  it('NON_BLANK_TEXT_PATTERN matches exactly the text that trims to something and holds no NUL', () => {
    const pattern = new RegExp(NON_BLANK_TEXT_PATTERN);
    const whiteSpace = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\r',
      '\u000b',
      '\f',
      '\u00a0',
      '\u2003',
      '\u2028',
      '\ufeff',
      '\u3000',
    );
    const text = fc.array(fc.oneof(whiteSpace, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 6 });
    fc.assert(
      fc.property(text, (parts) => {
        const value = parts.join('');
        return pattern.test(value) === (value.trim().length > 0 && !value.includes('\u0000'));
      }),
      { numRuns: 2000 },
    );
  });
});
