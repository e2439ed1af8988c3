import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ifNoneMatchHits, RenderedBody } from './conditional-get';

/**
 * Reference data that changes only when an admin activates a new set: shared caches may keep
 * it, and everyone revalidates before use, which costs a 304 while nothing changed.
 */
export const REVALIDATE_EVERY_USE = 'public, no-cache';

/** A caller's own data (a dashboard): only the caller's client may keep it, and revalidates before each use. */
export const REVALIDATE_PRIVATE = 'private, no-cache';

/**
 * Answers a GET with a pre-rendered JSON body: its ETag and Cache-Control always, and a bodiless
 * 304 when If-None-Match already names it.
 */
export function sendRendered(
  request: FastifyRequest,
  reply: FastifyReply,
  rendered: RenderedBody,
  cacheControl: string = REVALIDATE_EVERY_USE,
): Buffer | '' {
  void reply.header('etag', rendered.etag).header('cache-control', cacheControl);
  if (ifNoneMatchHits(request.headers['if-none-match'], rendered.etag)) {
    void reply.code(304);
    return '';
  }
  void reply.type('application/json; charset=utf-8');
  return rendered.body;
}

/** Headers of a 200 or 304 answered by sendRendered (for @ApiOkResponse too). */
export const RENDERED_HEADERS = {
  ETag: { description: 'Entity tag (weak) of this representation, for If-None-Match', schema: { type: 'string' } },
  'Cache-Control': {
    description: `\`${REVALIDATE_EVERY_USE}\`: revalidate before each use`,
    schema: { type: 'string' },
  },
};

/** Documents what sendRendered does: If-None-Match, and the 304 with the same validators as a 200. */
export const ApiConditionalGet = () =>
  applyDecorators(
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'The ETag of a copy the client holds: answered 304 without a body while it is current',
    }),
    ApiResponse({
      status: 304,
      description: 'Not modified: the copy named by If-None-Match is current',
      headers: RENDERED_HEADERS,
    }),
  );
