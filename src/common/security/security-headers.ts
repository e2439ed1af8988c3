import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Headers = Readonly<Record<string, string>>;

/**
 * Helmet's security headers, computed once: with a fixed policy (no per-request nonce) the
 * headers are the same for every response. Asking helmet for them once keeps helmet the
 * source of the values, and setting them on Fastify's reply (rather than helmet calling
 * `res.setHeader` on every request) lets Node write all headers in one validated pass.
 *
 * `upgradeInsecureRequests`: the CSP directive that makes a browser fetch the page's scripts and
 * styles over https. Sent on a page served over plain HTTP, it points them at a port that speaks
 * no TLS, and Swagger UI stays blank; so it belongs only to responses to HTTPS requests.
 */
export function helmetHeaders({ upgradeInsecureRequests = true } = {}): Headers {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    // helmet removes X-Powered-By, which Fastify never sets.
    removeHeader: () => undefined,
  };
  let applied = false;
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        // helmet adds the directive by default; null leaves it out.
        ...(upgradeInsecureRequests ? {} : { upgradeInsecureRequests: null }),
      },
    },
  })({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    applied = true;
  });
  if (!applied) throw new Error('helmet did not set its headers synchronously');
  return Object.freeze(headers);
}

/**
 * Helmet's security headers on every response, errors and 404s included. A request counts as
 * HTTPS when its socket is TLS or, with TRUST_PROXY, when a trusted proxy says so in
 * X-Forwarded-Proto (Fastify's `request.protocol` asks the trust function about the peer).
 * Returns the plain-HTTP set, for answers written before a request exists.
 */
export function registerSecurityHeaders(fastify: FastifyInstance): Headers {
  const overHttps = helmetHeaders();
  const overHttp = helmetHeaders({ upgradeInsecureRequests: false });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(request.protocol === 'https' ? overHttps : overHttp);
    done();
  });
  return overHttp;
}
