import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { SLUG_PATTERN } from '../domain/slug';
import { ValidationProblem } from '../errors/problem';

/** Stable slug ids (drills): lower-case letters, digits and single hyphens, at most 80 characters. */
@Injectable()
export class ParseSlugPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || value.length > 80 || !SLUG_PATTERN.test(value)) {
      const path = metadata.data ?? 'id';
      throw new ValidationProblem(
        [{ path, message: `${path} must be a lower-case slug (a-z, 0-9, hyphens)` }],
        `Invalid ${path}.`,
      );
    }
    return value;
  }
}
