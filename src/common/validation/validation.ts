import { ArgumentMetadata, Type, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FieldProblem, RuleProblem, ValidationProblem } from '../errors/problem';

/**
 * Names validators of rules the OpenAPI schema cannot state (dates relative to today): a
 * request that breaks only such validators is a 422, like the rules services check.
 */
export const BEYOND_SCHEMA = 'beyondSchema:';

interface FlatProblem extends FieldProblem {
  beyondSchema: boolean;
}

/** Flattens class-validator's error tree into `[{ path: 'injury.bodyRegions.0', message, beyondSchema }]`. */
function flatten(errors: ValidationError[], parent: string): FlatProblem[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([name, message]) => ({
      path,
      message,
      beyondSchema: name.startsWith(BEYOND_SCHEMA),
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** The problem for failed validators: 400 when any breaks the schema, else 422 (see BEYOND_SCHEMA). */
export function validationFailure(errors: ValidationError[]): ValidationProblem | RuleProblem {
  const problems = flatten(errors, '');
  const fieldProblems = problems.map(({ path, message }) => ({ path, message }));
  return problems.every((p) => p.beyondSchema) ? new RuleProblem(fieldProblems) : new ValidationProblem(fieldProblems);
}

/**
 * Nest's pipe validates a missing or `null` body as `{}`, which a DTO of optional fields
 * (every PATCH) accepts as an empty update: a route that declares a body DTO needs an object.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (
      metadata.type === 'body' &&
      !metadata.data &&
      (value === null || value === undefined) &&
      this.toValidate(metadata)
    ) {
      throw new ValidationProblem(
        [{ path: 'body', message: 'a JSON object is required' }],
        'The request body must be a JSON object.',
      );
    }
    return super.transform(value, metadata);
  }

  /** A path parameter reaches its own pipe as sent (`'01'`, `'1e3'`), not converted by its TypeScript type. */
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

/** What the global pipe asks of class-validator and class-transformer, for every body it checks. */
const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;
const TRANSFORM_OPTIONS = { enableImplicitConversion: false } as const;

/**
 * One object checked against a DTO exactly as the global pipe checks a body, for a route that reads a raw body
 * and answers part by part (a squad log's rows): the instance, or the problem the pipe would have answered.
 */
export function validateAsBody<T extends object>(
  dto: Type<T>,
  raw: object,
): { value: T } | { problem: ValidationProblem | RuleProblem } {
  const value = plainToInstance(dto, raw, TRANSFORM_OPTIONS);
  const errors = validateSync(value, VALIDATOR_OPTIONS);
  return errors.length === 0 ? { value } : { problem: validationFailure(errors) };
}

/**
 * The global pipe: unknown fields are rejected, payloads are transformed into DTO
 * instances, and an object where a scalar is expected (`{ "$ne": null }`) fails the
 * scalar's validator, so operator injection never reaches a query.
 */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    transformOptions: TRANSFORM_OPTIONS,
    validationError: { target: false, value: false },
    exceptionFactory: validationFailure,
  });
}
