import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, ValidationProblem } from '../errors/problem';

/** Flattens class-validator's error tree into `[{ path: 'injury.bodyRegions.0', message }]`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
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

/**
 * The global pipe: unknown fields are rejected, payloads are transformed into DTO
 * instances, and an object where a scalar is expected (`{ "$ne": null }`) fails the
 * scalar's validator, so operator injection never reaches a query.
 */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblem(flattenValidationErrors(errors)),
  });
}
