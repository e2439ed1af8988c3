import { Injectable, PipeTransform } from '@nestjs/common';
import { ArgumentMetadata } from '@nestjs/common/interfaces';
import { ValidationProblem } from '../errors/problem';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && OBJECT_ID.test(value);
}

/** Rejects anything but a 24-hex-digit id with a 400 before it can reach the database. */
@Injectable()
export class ParseObjectIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (!isObjectId(value)) {
      const path = metadata.data ?? 'id';
      throw new ValidationProblem(
        [{ path, message: `${path} must be a 24-character hexadecimal id` }],
        `Invalid ${path}.`,
      );
    }
    return value.toLowerCase();
  }
}
