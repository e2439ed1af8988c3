import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, ProblemException } from './problem';
import { sendProblem } from './problem-details.filter';
import { toProblem } from './to-problem';

type EarlyAnswer = [status: number, detail: string];

/** What a framework error says to the caller, by Fastify's code. */
const FRAMEWORK_ERRORS: Record<string, EarlyAnswer> = {
  FST_ERR_BAD_URL: [400, 'The URL is not valid: it holds a malformed percent-encoding.'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'A path parameter of the URL is longer than any the API takes.'],
};

/** What a client error on the socket says, by Node's code; anything else is unparsable HTTP. */
const CLIENT_ERRORS: Record<string, EarlyAnswer> = {
  HPE_HEADER_OVERFLOW: [431, 'The request headers are larger than the server accepts.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request was not received in time.'],
};
const NOT_HTTP: EarlyAnswer = [400, 'The request is not valid HTTP.'];

/**
 * Errors answered before any route runs, in the one problem+json shape with the headers of
 * every other response. Fastify raises two kinds:
 * - framework errors (a malformed URL encoding, an over-long path parameter), which have a
 *   request: they get the request id, the security headers, and count against the rate
 *   limit like any request (the onRequest hooks that do this for routes never ran);
 * - client errors on the socket (headers too large, a request Node cannot parse, a
 *   timeout), where no request exists: the raw response carries a fresh request id and the
 *   security headers, and is not counted, since the request was never read.
 * Built before the Fastify instance; `attach` is called once its hooks and plugins exist.
 */
export class EarlyErrors {
  /** The rate limiter's own onRequest handler (same counters as every route's). */
  private rateLimit: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> = async () => undefined;
  private securityHeaders: Readonly<Record<string, string>> = {};

  attach(fastify: FastifyInstance, securityHeaders: Readonly<Record<string, string>>): void {
    this.securityHeaders = securityHeaders;
    this.rateLimit = fastify.rateLimit();
  }

  readonly frameworkErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const [status, detail] = FRAMEWORK_ERRORS[error.code] ?? [400, 'The request is not valid.'];
    void reply.header('x-request-id', String(request.id)).headers(this.securityHeaders);
    this.rateLimit(request, reply).then(
      () => sendProblem(new ProblemException(status, detail), request, reply),
      (refusal: unknown) => sendProblem(refusal, request, reply),
    );
  };

  readonly clientError = (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    if (socket.writable) {
      const [status, detail] = CLIENT_ERRORS[error.code ?? ''] ?? NOT_HTTP;
      const requestId = randomUUID();
      const body = JSON.stringify({ ...toProblem(new ProblemException(status, detail)), requestId });
      const headers = {
        ...this.securityHeaders,
        'content-type': PROBLEM_CONTENT_TYPE,
        'content-length': String(Buffer.byteLength(body)),
        'x-request-id': requestId,
        connection: 'close',
      };
      const head = Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`);
    }
    socket.destroy(error);
  };
}
