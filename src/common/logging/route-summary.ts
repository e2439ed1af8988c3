import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

/** Nest's own per-route lines: written without the API's version, so they name wrong paths. */
export const ROUTE_MAP_CONTEXTS = new Set(['RoutesResolver', 'RouterExplorer']);

/** A URL a person can open for an address the server listens on (a wildcard means this machine). */
export function displayUrl(address: AddressInfo): string {
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * One line when the server listens, instead of Nest's route map: where it is, how many API
 * routes it serves, and where their documentation is.
 */
export function logRouteSummary(fastify: FastifyInstance, logger: Logger, docs: boolean): void {
  const routes = new Set<string>();
  fastify.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.add(`${method} ${route.url}`);
    }
  });
  fastify.addHook('onListen', function (done) {
    const address = this.server.address();
    if (address && typeof address === 'object') {
      const url = displayUrl(address);
      logger.info(
        { url, apiRoutes: routes.size },
        `Listening on ${url}: ${routes.size} API routes under /api/v1${docs ? `, documented at ${url}/docs` : ''}`,
      );
    }
    done();
  });
}
