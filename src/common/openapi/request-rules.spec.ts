import { IntersectionType, PartialType, SchemaObject } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsMongoId,
  isMongoId,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../validation/calendar-date';
import { IsFiniteNumber } from '../validation/finite-number';
import { IsOmittable } from '../validation/omittable';
import { NON_BLANK_TEXT_PATTERN, Trimmed } from '../validation/trimmed';
import { TEXT_PATTERN } from '../validation/untrusted-input';
import { describeProperty, OBJECT_ID_PATTERN, requestProperties } from './request-rules';

class ItemDto {
  @IsString()
  name!: string;
}

class ExampleDto {
  @IsInt()
  @Min(1)
  @Max(16)
  weeks!: number;

  @IsOmittable()
  @IsIn(['a', 'b'])
  mode: 'a' | 'b' = 'a';

  @IsOptional()
  @IsNumber()
  score?: number | null;

  @IsArray()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(['mon', 'tue'], { each: true })
  days!: string[];

  @IsOmittable()
  @IsString({ each: true })
  @Matches(/^[a-z]+$/, { each: true })
  tags?: string[];

  @IsString()
  @Length(2, 40)
  title!: string;

  @IsEmail()
  email!: string;

  @IsMongoId()
  ownerId!: string;

  @IsCalendarDate()
  date!: string;

  @IsOmittable()
  @IsIn([true, false])
  dryRun: boolean = false;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items: ItemDto[] = [];

  @IsOmittable()
  @IsDefined()
  @IsBoolean()
  flag!: boolean;
}

class NameDto {
  @Trimmed()
  @IsString()
  @Length(1, 80)
  firstName!: string;

  @Trimmed()
  @IsString()
  notes!: string;
}

class MeasurementDto {
  @IsFiniteNumber({ maxDecimalPlaces: 1 })
  heightCm!: number;
}

class PatchDto extends PartialType(ExampleDto, { skipNullProperties: false }) {}

class PageQueryDto {
  @IsOmittable()
  @IsInt()
  page: number = 1;
}
class RangeQueryDto {
  @IsOmittable()
  @IsCalendarDate()
  from?: string;
}
class CombinedQueryDto extends IntersectionType(PageQueryDto, RangeQueryDto) {}

const described = (dto: new () => object, name: string, schema: SchemaObject = {}): SchemaObject => {
  const property = requestProperties(dto).get(name);
  if (!property) throw new Error(`no ${name}`);
  describeProperty(schema, property);
  return schema;
};

describe('requestProperties', () => {
  const properties = requestProperties(ExampleDto);

  it('marks a field nullable only when null skips its validation (IsOptional, not IsOmittable)', () => {
    expect(properties.get('score')).toMatchObject({ required: false, nullable: true });
    expect(properties.get('mode')).toMatchObject({ required: false, nullable: false });
    expect(properties.get('flag')).toMatchObject({ required: true, nullable: false });
    expect(described(ExampleDto, 'score')).toEqual({ type: 'number', nullable: true });
    expect(described(ExampleDto, 'tags', { nullable: true })).not.toHaveProperty('nullable');
  });

  it('lists every validated field', () => {
    expect([...properties.keys()].sort()).toEqual(
      ['weeks', 'mode', 'score', 'days', 'tags', 'title', 'email', 'ownerId', 'date', 'dryRun', 'items', 'flag'].sort(),
    );
  });

  it('requires a field unless it is optional or has a default', () => {
    const required = [...properties.values()].filter((p) => p.required).map((p) => p.name);
    expect(required.sort()).toEqual(['weeks', 'days', 'title', 'email', 'ownerId', 'date', 'flag'].sort());
    expect(properties.get('mode')).toMatchObject({ required: false, default: 'a' });
    expect(properties.get('items')).toMatchObject({ required: false, default: [] });
    expect(properties.get('score')).not.toHaveProperty('default');
  });

  it('finds the class of nested objects through @Type', () => {
    expect(properties.get('items')?.nested).toBe(ItemDto);
    expect(properties.get('title')?.nested).toBeUndefined();
  });

  it('makes every field of a PartialType optional', () => {
    const patch = requestProperties(PatchDto);
    expect([...patch.keys()].sort()).toEqual([...properties.keys()].sort());
    expect([...patch.values()].filter((p) => p.required).map((p) => p.name)).toEqual(['flag']);
  });

  it('merges the fields and defaults of an IntersectionType', () => {
    const query = requestProperties(CombinedQueryDto);
    expect(query.get('page')).toMatchObject({ required: false, default: 1 });
    expect(query.get('from')).toMatchObject({ required: false });
  });

  it('is empty for a class without validators', () => {
    class ResponseDto {
      id!: string;
    }
    expect(requestProperties(ResponseDto).size).toBe(0);
  });

  it('refuses a nested validation without @Type', () => {
    class BrokenDto {
      @ValidateNested()
      child!: ItemDto;
    }
    expect(() => requestProperties(BrokenDto)).toThrow('BrokenDto.child');
  });
});

describe('describeProperty', () => {
  it('types IsInt as integer, with its bounds', () => {
    expect(described(ExampleDto, 'weeks', { type: 'number' })).toEqual({ type: 'integer', minimum: 1, maximum: 16 });
  });

  it('states IsIn as an enum and the default', () => {
    expect(described(ExampleDto, 'mode')).toEqual({ type: 'string', enum: ['a', 'b'], default: 'a' });
  });

  it('types IsIn([true, false]) as a boolean, without an enum', () => {
    expect(described(ExampleDto, 'dryRun', { enum: [true, false] })).toEqual({ type: 'boolean', default: false });
  });

  it('puts `each` validators on the items and list validators on the list', () => {
    expect(described(ExampleDto, 'days')).toEqual({
      type: 'array',
      maxItems: 3,
      uniqueItems: true,
      items: { type: 'string', enum: ['mon', 'tue'] },
    });
  });

  it('moves item keywords the Swagger plugin put on a list to its items', () => {
    expect(described(ExampleDto, 'tags', { type: 'string', pattern: '^[a-z]+$' })).toEqual({
      type: 'array',
      items: { type: 'string', pattern: '^[a-z]+$' },
    });
  });

  it('asks trimmed text with a minimum length for a character trimming keeps', () => {
    expect(described(NameDto, 'firstName')).toEqual({
      type: 'string',
      minLength: 1,
      maxLength: 80,
      pattern: NON_BLANK_TEXT_PATTERN,
    });
    expect(described(NameDto, 'notes')).toEqual({ type: 'string', pattern: TEXT_PATTERN });
  });

  it('states decimal places as multipleOf', () => {
    expect(described(MeasurementDto, 'heightCm')).toEqual({ type: 'number', multipleOf: 0.1 });
  });

  it('states lengths, formats and id patterns', () => {
    expect(described(ExampleDto, 'title')).toEqual({
      type: 'string',
      minLength: 2,
      maxLength: 40,
      pattern: TEXT_PATTERN,
    });
    expect(described(ExampleDto, 'email')).toEqual({ type: 'string', format: 'email' });
    expect(described(ExampleDto, 'ownerId')).toEqual({ type: 'string', pattern: OBJECT_ID_PATTERN });
    expect(described(ExampleDto, 'date')).toEqual({ type: 'string', format: 'date' });
  });

  it('refuses a pattern whose flags JSON Schema cannot state', () => {
    class CaseDto {
      @Matches(/^[a-z]+$/i)
      code!: string;
    }
    expect(() => described(CaseDto, 'code')).toThrow('flags');
  });

  it.each([
    '65a1b2c3d4e5f60718293a4b',
    '65A1B2C3D4E5F60718293A4B',
    '65a1b2c3d4e5f60718293a4',
    '65a1b2c3d4e5f60718293a4bc',
    'zza1b2c3d4e5f60718293a4b',
    '',
  ])('agrees with isMongoId on %j', (value) => {
    expect(new RegExp(OBJECT_ID_PATTERN).test(value)).toBe(isMongoId(value));
  });
});
