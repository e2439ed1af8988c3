import type { FastifyReply } from 'fastify';
import { Language, negotiateLanguage } from '../domain/language';

/**
 * The answer's language from the request's Accept-Language (`negotiateLanguage`), said in
 * Content-Language; `Vary` tells caches the answer depends on that header.
 */
export function respondIn(acceptLanguage: string | undefined, reply: FastifyReply): Language {
  const language = negotiateLanguage(acceptLanguage);
  void reply.header('content-language', language).header('vary', 'Accept-Language');
  return language;
}
