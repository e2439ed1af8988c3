import { createParamDecorator, ExecutionContext, Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { validationFailure } from './validation';

const MAX_CACHED = 2000;
const caches = new WeakMap<Type, Map<string, object>>();

/**
 * `@Query()` for hot read routes: the same DTO validation as the global pipe (unknown
 * parameters refused, types converted), but each distinct query string is validated once
 * and then served from a bounded cache. The DTO instance is frozen, so it can be shared.
 */
export const ValidatedQuery = createParamDecorator((dto: Type, ctx: ExecutionContext): object => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const at = request.url.indexOf('?');
  const key = at === -1 ? '' : request.url.slice(at + 1);
  let cache = caches.get(dto);
  if (!cache) caches.set(dto, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;

  const instance = plainToInstance(dto, request.query ?? {});
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw validationFailure(errors);
  const frozen = Object.freeze(instance);
  cache.set(key, frozen);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return frozen;
});
