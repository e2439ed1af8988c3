import { PipeTransform, Type } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger';
import { FEED_TOKEN_PATTERN } from '../../calendars/domain/feed-token';
import { ParseFeedTokenPipe } from '../../calendars/parse-feed-token.pipe';
import { SLUG_PATTERN } from '../domain/slug';
import { ParseObjectIdPipe } from '../validation/parse-object-id.pipe';
import { MAX_POSITIVE_INT, ParsePositiveIntPipe } from '../validation/parse-positive-int.pipe';
import { ParseSlugPipe } from '../validation/parse-slug.pipe';
import { OBJECT_ID_PATTERN } from './request-rules';

/** What each path parameter pipe accepts, as a schema (the pipes' unit tests hold them to it). */
const PIPE_SCHEMAS = new Map<Type<PipeTransform>, SchemaObject>([
  [ParseObjectIdPipe, { type: 'string', pattern: OBJECT_ID_PATTERN }],
  [ParseSlugPipe, { type: 'string', pattern: SLUG_PATTERN.source, minLength: 1, maxLength: 80 }],
  [ParsePositiveIntPipe, { type: 'integer', minimum: 1, maximum: MAX_POSITIVE_INT }],
  [ParseFeedTokenPipe, { type: 'string', pattern: FEED_TOKEN_PATTERN, minLength: 43, maxLength: 43 }],
]);

/** The schema of a path parameter parsed by `pipes` (a class or an instance each). */
export function pathParameterSchema(name: string, pipes: (Type<PipeTransform> | PipeTransform)[]): SchemaObject {
  if (pipes.length !== 1) {
    throw new Error(`Path parameter ${name} needs exactly one pipe that says what it accepts (has ${pipes.length})`);
  }
  const pipe = pipes[0];
  const pipeClass = (typeof pipe === 'function' ? pipe : pipe.constructor) as Type<PipeTransform>;
  const schema = PIPE_SCHEMAS.get(pipeClass);
  if (!schema) throw new Error(`Path parameter ${name}: no schema for the pipe ${pipeClass.name}`);
  return { ...schema };
}
