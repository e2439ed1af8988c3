import type { FastifyInstance, HTTPMethods } from 'fastify';
import FindMyWay from 'find-my-way';
import { ProblemException } from './problem';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * A request for a path the API has, with a method it does not take there, is a 405 with an
 * `Allow` header listing the methods it does take (RFC 9110 §15.5.6), not a 404. Fastify's
 * router only says "no route", so the routes are mirrored into a second router of the same
 * kind (find-my-way), asked only when a request found no route.
 */
export function registerMethodNotAllowed(fastify: FastifyInstance): void {
  const routes = FindMyWay({ maxParamLength: fastify.initialConfig.maxParamLength });
  const noop = () => undefined;
  fastify.addHook('onRoute', (route) => {
    for (const method of ([] as HTTPMethods[]).concat(route.method)) {
      if ((METHODS as readonly string[]).includes(method))
        routes.on(method as (typeof METHODS)[number], route.url, noop);
    }
  });

  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.is404) return done();
    const path = request.url.split('?', 1)[0];
    const allowed = METHODS.filter((method) => routes.find(method, path) !== null);
    if (allowed.length === 0) return done();
    void reply.header('allow', allowed.join(', '));
    done(new ProblemException(405, `${request.method} is not allowed on ${path}; it takes ${allowed.join(', ')}.`));
  });
}
