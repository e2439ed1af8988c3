import { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { hostname } from 'node:os';
import pino, {
  type Bindings,
  type ChildLoggerOptions,
  type DestinationStream,
  type LevelWithSilent,
  type Logger,
} from 'pino';

const SECRET_FIELDS = ['password', 'passwordHash', 'refreshToken', 'accessToken', 'token'];

/** Never written to a log, at the top of a line or one object down. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-garmin-push-secret"]',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
];

/** Calendar feed URLs carry their secret in the path, however it is spelled (`/%63alendar/`, `//CALENDAR/`). */
const CALENDAR_FEED_PATH = /^\/+calendar\//i;
export const REDACTED_CALENDAR_FEED_URL = '/calendar/[redacted].ics';

/** The request URL as logged: a calendar feed's whole URL is replaced, its token and query with it. */
export function loggedUrl(url: string): string {
  let path = url;
  if (url.includes('%')) {
    try {
      path = decodeURIComponent(url);
    } catch {
      path = url;
    }
  }
  return CALENDAR_FEED_PATH.test(path) ? REDACTED_CALENDAR_FEED_URL : url;
}

export interface Loggers {
  /** Fastify's and Nest's logger: every line passes the redaction of REDACTED_PATHS. */
  root: Logger;
  /** The one line per request (see RequestLogController). */
  access: Logger;
}

/**
 * Where production writes its lines: a file descriptor or path (stdout by default), written
 * synchronously. Each line is out when the call returns, so the lines just before a crash are
 * never lost, and it costs less than handing writes to libuv's thread pool (about 5 µs against
 * 10 µs a line in `npm run bench:drills`). The price: a log reader that stops reading (a full
 * pipe) stalls the process instead of growing a buffer.
 */
export function logDestination(target: number | string = 1): DestinationStream {
  return pino.destination({ dest: target, sync: true });
}

/**
 * Pretty, coloured lines for a person at a terminal in development; JSON lines everywhere else
 * (production, tests, pipes and files), which is what log shippers read.
 */
export function wantsPrettyLogs(nodeEnv: string, stdoutIsTty: boolean | undefined): boolean {
  return nodeEnv === 'development' && stdoutIsTty === true;
}

/**
 * pino-pretty (a development dependency) as an in-process stream to stdout or `to`; undefined
 * (so JSON lines) when it is not installed.
 */
export function prettyDestination(to?: NodeJS.WritableStream): DestinationStream | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (options: Record<string, unknown>) => DestinationStream;
    return pretty({
      colorize: to === undefined,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,service',
      ...(to ? { destination: to } : {}),
    });
  } catch {
    return undefined;
  }
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
        req: (req: FastifyRequest) => ({
          id: req.id,
          method: req.method,
          url: loggedUrl(req.url),
          remoteAddress: req.ip,
        }),
        res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination ?? logDestination(),
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

/**
 * Fastify's per-request logger (`request.log`, bound to the request id), built on its first
 * use. Fastify makes one for every request, but the request line is written by the access
 * logger and few requests log anything else, while building a child logger (its bindings
 * pass through the redaction) cost about 2 µs per request even with logging silent.
 */
class LazyChildLogger implements FastifyBaseLogger {
  private built?: FastifyBaseLogger;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  private get logger(): FastifyBaseLogger {
    return (this.built ??= this.parent.child(this.bindings, this.options));
  }

  get level(): string {
    return this.logger.level;
  }
  set level(level: string) {
    this.logger.level = level;
  }

  fatal(...args: unknown[]): void {
    (this.logger.fatal as (...args: unknown[]) => void)(...args);
  }
  error(...args: unknown[]): void {
    (this.logger.error as (...args: unknown[]) => void)(...args);
  }
  warn(...args: unknown[]): void {
    (this.logger.warn as (...args: unknown[]) => void)(...args);
  }
  info(...args: unknown[]): void {
    (this.logger.info as (...args: unknown[]) => void)(...args);
  }
  debug(...args: unknown[]): void {
    (this.logger.debug as (...args: unknown[]) => void)(...args);
  }
  trace(...args: unknown[]): void {
    (this.logger.trace as (...args: unknown[]) => void)(...args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.logger.child(bindings, options);
  }
}

export function lazyChildLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  return new LazyChildLogger(logger, bindings, options);
}
