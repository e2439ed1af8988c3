import type { Type } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { defaultMetadataStorage as TransformerStorage } from 'class-transformer/types/storage';
import { NON_BLANK_TEXT_PATTERN } from '../validation/trimmed';
import { TEXT_PATTERN } from '../validation/untrusted-input';

// class-transformer keeps its @Type() metadata in a module it does not export from its index
// (@nestjs/mapped-types reads it the same way).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: typeof TransformerStorage;
};

/** What `isMongoId` and ParseObjectIdPipe accept: 24 hexadecimal digits, either case. */
export const OBJECT_ID_PATTERN = '^[0-9a-fA-F]{24}$';

/** A request field as the global ValidationPipe sees it. */
export interface RequestProperty {
  name: string;
  /** False when a missing value skips validation (IsOptional, PartialType) or the class gives a default. */
  required: boolean;
  /** True when `null` skips validation (class-validator's IsOptional): the field takes null. */
  nullable: boolean;
  /** The value a missing field takes (a property initializer of the DTO class). */
  default?: unknown;
  /** Validators of the value itself. */
  rules: ValidationMetadata[];
  /** Validators of each item (`{ each: true }`): the value is a list. */
  itemRules: ValidationMetadata[];
  /** The class a nested object or list of objects is validated as (ValidateNested with @Type). */
  nested?: Type;
}

/** Anything that is not a validator of the value: conditions, nesting, whitelisting. */
const STRUCTURAL = new Set<string>([
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.WHITELIST,
  ValidationTypes.IS_DEFINED,
  ValidationTypes.PROMISE_VALIDATION,
]);

/**
 * The fields of a request DTO, read from class-validator's metadata exactly as the
 * ValidationPipe reads it (inherited and mapped-type metadata included). Empty for a class
 * without validators (a response DTO).
 */
export function requestProperties(dto: Type): Map<string, RequestProperty> {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false);
  const byName = new Map<string, ValidationMetadata[]>();
  for (const metadata of metadatas) {
    const list = byName.get(metadata.propertyName) ?? [];
    byName.set(metadata.propertyName, [...list, metadata]);
  }
  const defaults = new dto() as Record<string, unknown>;
  const properties = new Map<string, RequestProperty>();
  for (const [name, list] of byName) {
    // A condition that fails for an absent value makes the field optional (IsOptional's and
    // PartialType's both do); IsDefined overrides it, as it does in the validator.
    const skipsFor = (value: unknown) =>
      list.some(
        (m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION && !(m.constraints[0] as ConditionFn)({}, value),
      );
    const skipsWhenMissing = skipsFor(undefined);
    const alwaysChecked = list.some((m) => m.type === ValidationTypes.IS_DEFINED);
    const initial = defaults[name];
    const validators = list.filter((m) => !STRUCTURAL.has(m.type));
    const nestedValidation = list.some((m) => m.type === ValidationTypes.NESTED_VALIDATION);
    const nested = nestedValidation ? defaultMetadataStorage.findTypeMetadata(dto, name)?.typeFunction() : undefined;
    if (nestedValidation && typeof nested !== 'function') {
      throw new Error(`${dto.name}.${name} is validated as nested but has no @Type(() => Class)`);
    }
    properties.set(name, {
      name,
      required: alwaysChecked || (!skipsWhenMissing && initial === undefined),
      nullable: !alwaysChecked && skipsFor(null),
      ...(initial === undefined ? {} : { default: initial }),
      rules: validators.filter((m) => !m.each),
      itemRules: validators.filter((m) => m.each),
      ...(nested ? { nested: nested as Type } : {}),
    });
  }
  return properties;
}

type ConditionFn = (object: object, value: unknown) => boolean;
type Rule = (schema: SchemaObject, constraints: unknown[]) => void;

const typed =
  (type: string): Rule =>
  (schema) => {
    schema.type = type;
  };

/** class-validator's validators as JSON Schema keywords, by validator name. */
const RULES: Record<string, Rule> = {
  isInt: typed('integer'),
  isNumber: typed('number'),
  isFiniteNumber: (schema, [places]) => {
    schema.type = 'number';
    schema.multipleOf = Number(`1e-${places as number}`);
  },
  isString: typed('string'),
  isBoolean: typed('boolean'),
  isArray: typed('array'),
  isObject: typed('object'),
  isEmail: (schema) => {
    schema.type = 'string';
    schema.format = 'email';
  },
  isCalendarDate: (schema) => {
    schema.type = 'string';
    schema.format = 'date';
  },
  isMongoId: (schema) => {
    schema.type = 'string';
    schema.pattern = OBJECT_ID_PATTERN;
  },
  isIn: (schema, [values]) => {
    const list = [...(values as unknown[])];
    if (list.every((v) => typeof v === 'boolean')) {
      schema.type = 'boolean';
      delete schema.enum;
      return;
    }
    if (list.every((v) => typeof v === 'string')) schema.type = 'string';
    schema.enum = list;
  },
  matches: (schema, [pattern, modifiers]) => {
    const regex = pattern instanceof RegExp ? pattern : new RegExp(String(pattern), modifiers as string | undefined);
    if (regex.flags.replace('u', '') !== '') {
      throw new Error(`The pattern ${regex} has flags that JSON Schema cannot state`);
    }
    schema.pattern = regex.source;
  },
  min: (schema, [n]) => {
    schema.minimum = n as number;
  },
  max: (schema, [n]) => {
    schema.maximum = n as number;
  },
  isDivisibleBy: (schema, [n]) => {
    schema.multipleOf = n as number;
  },
  isLength: (schema, [min, max]) => {
    schema.minLength = min as number;
    if (typeof max === 'number') schema.maxLength = max;
  },
  minLength: (schema, [n]) => {
    schema.minLength = n as number;
  },
  maxLength: (schema, [n]) => {
    schema.maxLength = n as number;
  },
  arrayMinSize: (schema, [n]) => {
    schema.minItems = n as number;
  },
  arrayMaxSize: (schema, [n]) => {
    schema.maxItems = n as number;
  },
  arrayUnique: (schema) => {
    schema.uniqueItems = true;
  },
};

/** Keywords that describe a single value; for a list they belong to its items. */
const VALUE_KEYWORDS = [
  'enum',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'multipleOf',
  'minLength',
  'maxLength',
] as const;

function apply(schema: SchemaObject, rules: ValidationMetadata[]): void {
  for (const rule of rules) RULES[rule.name ?? '']?.(schema, rule.constraints ?? []);
  if (schema.type === 'string' && !schema.pattern && !schema.enum && !schema.format) {
    // Trimmed text with a minimum length must hold a character trimming keeps; and free text is
    // refused with a NUL in it (input-checks.ts), on every route.
    const trimmed = rules.some((rule) => rule.name === 'trimmed');
    schema.pattern = trimmed && (schema.minLength ?? 0) > 0 ? NON_BLANK_TEXT_PATTERN : TEXT_PATTERN;
  }
}

/**
 * States a request field's validators in its schema (a body property or a query parameter's
 * schema), in place: types, enums, patterns, bounds, lengths, list sizes, and the default.
 */
export function describeProperty(schema: SchemaObject, property: RequestProperty): void {
  if (property.itemRules.length > 0) {
    // A list: item keywords move to `items` (the Swagger plugin puts some on the list itself).
    const items = { ...(schema.items as SchemaObject | undefined) };
    for (const keyword of VALUE_KEYWORDS) {
      if (schema[keyword] !== undefined && items[keyword] === undefined) items[keyword] = schema[keyword] as never;
      delete schema[keyword];
    }
    apply(items, property.itemRules);
    schema.type = 'array';
    schema.items = items;
  }
  apply(schema, property.rules);
  if (property.default !== undefined) schema.default = property.default;
  if (property.nullable) schema.nullable = true;
  else delete schema.nullable;
}
