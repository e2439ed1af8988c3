import { HttpException } from '@nestjs/common';
import mongoose from 'mongoose';
import { FieldProblem, ProblemDetails, ProblemException, problemTitle, problemType } from './problem';

interface MongoDuplicateKeyError {
  code: number;
  keyValue?: Record<string, unknown>;
  keyPattern?: Record<string, unknown>;
  message: string;
}

/** A MongoDB duplicate-key error (E11000): a unique index refused the write. */
export function isDuplicateKey(error: unknown): error is MongoDuplicateKeyError {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

function duplicateKeyFields(error: MongoDuplicateKeyError): string[] {
  const keys = Object.keys(error.keyPattern ?? error.keyValue ?? {});
  if (keys.length > 0) return keys;
  // Servers that omit keyPattern still name the index: "... index: email_1 dup key ..."
  const match = /index: (\S+)/.exec(error.message);
  return match ? match[1].replace(/_-?1/g, ',').split(',').filter(Boolean) : [];
}

/**
 * Maps any thrown value to problem details. Unknown errors become a bare 500:
 * their message and stack stay in the server log.
 */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof ProblemException) {
    const status = error.getStatus();
    return {
      type: problemType(status, error.extra.slug),
      title: error.extra.title ?? problemTitle(status),
      status,
      detail: error.message,
      ...(error.extra.errors ? { errors: error.extra.errors } : {}),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? error.message);
    const detail = Array.isArray(message) ? message.join('; ') : String(message);
    const checks = typeof body === 'object' ? (body as { error?: Record<string, unknown> }).error : undefined;
    if (checks && typeof checks === 'object') {
      // A failed health check: name the failing dependencies, keep their states as an extension.
      return {
        type: problemType(status),
        title: problemTitle(status),
        status,
        detail: `Unhealthy: ${Object.keys(checks).join(', ')}`,
        checks,
      };
    }
    return { type: problemType(status), title: problemTitle(status), status, detail };
  }
  if (isDuplicateKey(error)) {
    const fields = duplicateKeyFields(error);
    const errors: FieldProblem[] = fields.map((path) => ({ path, message: 'already exists' }));
    return {
      type: problemType(409, 'duplicate'),
      title: 'Conflict',
      status: 409,
      detail: fields.length ? `A record with this ${fields.join(', ')} already exists.` : 'The record already exists.',
      ...(errors.length ? { errors } : {}),
    };
  }
  if (error instanceof mongoose.Error.ValidationError) {
    // Normally caught by the DTOs first; this keeps a gap there from becoming a 500.
    const errors = Object.values(error.errors).map((e) => ({ path: e.path, message: e.message }));
    return {
      type: problemType(400, 'validation-error'),
      title: 'Validation Failed',
      status: 400,
      detail: 'The request is not valid.',
      errors,
    };
  }
  if (error instanceof mongoose.Error.CastError) {
    return {
      type: problemType(400, 'validation-error'),
      title: 'Validation Failed',
      status: 400,
      detail: 'The request is not valid.',
      errors: [{ path: error.path, message: `${error.path} has the wrong type` }],
    };
  }
  return { type: problemType(500), title: problemTitle(500), status: 500, detail: 'An unexpected error occurred.' };
}
