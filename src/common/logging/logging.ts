import { LogController } from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hostname } from 'node:os';
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';

/** Never written to a log, wherever they appear. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
];

export interface Loggers {
  /** Fastify's and Nest's logger: every line passes the redaction of REDACTED_PATHS. */
  root: Logger;
  /** The one line per request (see RequestLogController). */
  access: Logger;
}

/**
 * The process's JSON loggers, on one destination (stdout unless given). Only what an
 * operator needs of a request is serialised: never its headers or body.
 */
export function createLoggers(level: LevelWithSilent, destination?: DestinationStream): Loggers {
  const root = pino(
    {
      level,
      base: { pid: process.pid, hostname: hostname(), service: 'football-coaching-api' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: FastifyRequest) => ({ id: req.id, method: req.method, url: req.url, remoteAddress: req.ip }),
        res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination ?? pino.destination(1),
  );
  // The access line holds only the fields the serializers above pick, so it skips the
  // redaction walk, which costs more than the rest of the line (several µs per request).
  const access = root.child({}, { redact: [] });
  return { root, access };
}

/**
 * Fastify's request logging reduced to one line per request, written when the response is
 * finished (instead of an "incoming" and a "completed" line), carrying the request id.
 */
export class RequestLogController extends LogController {
  constructor(private readonly loggers: Loggers) {
    super();
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      // An error may carry anything: this line goes through the redaction.
      this.loggers.root.error(
        { reqId: request.id, req: request, res: reply, err: error, responseTime: reply.elapsedTime },
        'request errored',
      );
    } else if (this.loggers.access.isLevelEnabled('info')) {
      this.loggers.access.info(
        { reqId: request.id, req: request, res: reply, responseTime: reply.elapsedTime },
        'request completed',
      );
    }
  }
}
