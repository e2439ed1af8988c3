import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ValidationProblem } from '../errors/problem';

/** The largest value the pipe takes: nine digits, well inside a safe integer. */
export const MAX_POSITIVE_INT = 999_999_999;

/** A whole number from 1 (version numbers): digits only, no sign, no leading zero. */
@Injectable()
export class ParsePositiveIntPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    if (typeof value !== 'string' || !/^[1-9]\d{0,8}$/.test(value)) {
      const path = metadata.data ?? 'id';
      throw new ValidationProblem(
        [{ path, message: `${path} must be a whole number from 1 to ${MAX_POSITIVE_INT}` }],
        `Invalid ${path}.`,
      );
    }
    return Number(value);
  }
}
