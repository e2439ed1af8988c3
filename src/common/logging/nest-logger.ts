import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { ROUTE_MAP_CONTEXTS } from './route-summary';

/** A stack trace as Nest's own exception handlers pass it: `error(message, stack, context)`. */
const STACK = /\n\s*at /;

/**
 * Nest's Logger written as JSON lines through the root pino logger. Nest calls
 * `log(message, ...params, context)`: the context (the Logger's name) comes last, an object
 * message becomes fields of the line, and any remaining parameter is the line's message.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    if (params.length > 0) fields.context = params[params.length - 1];
    // Replaced by one line with the route count (logRouteSummary).
    if (level === 'info' && ROUTE_MAP_CONTEXTS.has(fields.context as string)) return;
    const rest = params.slice(0, -1);
    if (message instanceof Error) {
      fields.err = message;
      this.logger[level](fields, ...(rest as [string?]));
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...message }, ...(rest as [string?]));
    } else if (level === 'error' && rest.length === 1 && typeof rest[0] === 'string' && STACK.test(rest[0])) {
      const err = new Error(String(message));
      err.stack = rest[0];
      this.logger.error({ ...fields, err });
    } else {
      this.logger[level](fields, String(message), ...rest);
    }
  }
}
