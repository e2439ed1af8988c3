import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import FindMyWay from 'find-my-way';
import { ProblemException } from './problem';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
type Method = (typeof METHODS)[number];

const segmentsOf = (path: string) => path.split('/');
const isParameter = (segment: string) => segment.startsWith(':') || segment.includes('*');
const parameterCount = (pattern: string) => segmentsOf(pattern).filter(isParameter).length;

/** Where another route writes out a word that this pattern takes as a parameter: `/exercises/:id` and `body-parts`. */
interface Shadow {
  index: number;
  word: string;
}

/**
 * A request for a path the API has, with a method it does not take there, is a 405 with an
 * `Allow` header listing the methods it does take (RFC 9110 §15.5.6), not a 404. Fastify's
 * router only says "no route", so the routes are mirrored into a second router of the same
 * kind (find-my-way), asked only when a request found no route.
 *
 * A path that a route writes out (`/exercises/body-parts`, `/workouts/:id/exercises/order`) is that
 * route's resource, even where a route with more parameters (`/exercises/:id`,
 * `/workouts/:id/exercises/:entryId`) would also match it: a method it does not take is a 405 naming
 * its own methods, not a call of the other route with `body-parts` or `order` as an id.
 */
export function registerMethodNotAllowed(fastify: FastifyInstance): void {
  const routes = FindMyWay({ maxParamLength: fastify.initialConfig.maxParamLength });
  const patterns = new Set<string>();
  const noop = () => undefined;
  fastify.addHook('onRoute', (route) => {
    for (const method of ([] as HTTPMethods[]).concat(route.method)) {
      if (!(METHODS as readonly string[]).includes(method)) continue;
      routes.on(method as Method, route.url, noop, { parameters: parameterCount(route.url) });
      patterns.add(route.url);
    }
  });

  /** The methods of the most specific routes matching `path` (fewest parameters). */
  const allowedOn = (path: string): Method[] => {
    const matches = METHODS.map((method) => {
      const found = routes.find(method, path);
      return found ? { method, parameters: (found.store as { parameters: number }).parameters } : null;
    }).filter((m) => m !== null);
    const fewest = Math.min(...matches.map((m) => m.parameters));
    return matches.filter((m) => m.parameters === fewest).map((m) => m.method);
  };

  // Worked out once per route pattern, on its first request (every route is known by then).
  const shadows = new Map<string, Shadow[]>();
  const shadowsOf = (pattern: string): Shadow[] => {
    let found = shadows.get(pattern);
    if (found) return found;
    const own = segmentsOf(pattern);
    found = [];
    for (const other of patterns) {
      const theirs = segmentsOf(other);
      if (other === pattern || theirs.length !== own.length) continue;
      const compatible = own.every((s, i) => s === theirs[i] || isParameter(s) || isParameter(theirs[i]));
      if (!compatible) continue;
      own.forEach((s, i) => {
        if (isParameter(s) && !isParameter(theirs[i])) found!.push({ index: i, word: theirs[i] });
      });
    }
    shadows.set(pattern, found);
    return found;
  };

  const refuse = (request: FastifyRequest, reply: FastifyReply, path: string, allowed: Method[]) => {
    void reply.header('allow', allowed.join(', '));
    return new ProblemException(405, `${request.method} is not allowed on ${path}; it takes ${allowed.join(', ')}.`);
  };

  fastify.addHook('onRequest', (request, reply, done) => {
    const path = request.url.split('?', 1)[0];
    if (!request.is404) {
      const pattern = request.routeOptions.url;
      if (pattern === undefined) return done();
      const candidates = shadowsOf(pattern);
      if (candidates.length === 0) return done();
      const segments = segmentsOf(path);
      if (!candidates.some((c) => segments[c.index] === c.word)) return done();
      const allowed = allowedOn(path);
      if (allowed.includes(request.method as Method)) return done();
      return done(refuse(request, reply, path, allowed));
    }
    const allowed = allowedOn(path);
    if (allowed.length === 0) return done();
    done(refuse(request, reply, path, allowed));
  });
}
