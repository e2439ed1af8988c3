import type { FastifyInstance } from 'fastify';
import { HttpStatus } from '@nestjs/common';
import { ProblemException, ValidationProblem } from '../errors/problem';
import { ACCEPTS_UPLOAD } from '../upload/read-uploaded-file';
import { findUntrustedJsonProblem, findUntrustedTextProblem } from './untrusted-input';

declare module 'fastify' {
  interface FastifyContextConfig {
    [ACCEPTS_UPLOAD]?: boolean;
  }
}

/**
 * The checks every request passes before Nest's pipes and validators see it, once for every
 * route: JSON bodies are parsed with Fastify's own parser (prototype poisoning refused), then
 * refused when they nest too deep or hold text no field may hold; query strings and path
 * parameters get the same text check; a multipart body is a 415 on any route that does not
 * take a file upload (it would otherwise reach the handler as an empty body).
 */
export function registerInputChecks(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body: string, done) => {
    void parseJson(request, body, (error, value) => {
      if (error) return done(error, undefined);
      const problem = findUntrustedJsonProblem(value);
      if (problem) return done(new ValidationProblem([problem]), undefined);
      done(null, value);
    });
  });

  fastify.addHook('preValidation', (request, _reply, done) => {
    if (request.isMultipart() && !request.routeOptions.config[ACCEPTS_UPLOAD]) {
      return done(
        new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'This route takes a JSON body (application/json).'),
      );
    }
    const problem = findUntrustedTextProblem(request.query) ?? findUntrustedTextProblem(request.params);
    done(problem ? new ValidationProblem([problem]) : undefined);
  });
}
