import type { FastifyReply, FastifyRequest } from 'fastify';
import { Writable } from 'node:stream';
import { createLoggers, lazyChildLogger, prettyDestination, RequestLogController, wantsPrettyLogs } from './logging';
import { NestPinoLogger } from './nest-logger';
import { displayUrl } from './route-summary';

function capture(level: 'info' | 'silent' | 'trace' = 'trace') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, loggers: createLoggers(level, sink) };
}

const request = {
  id: 'req-1',
  method: 'POST',
  url: '/api/v1/auth/login',
  ip: '203.0.113.7',
  headers: { authorization: 'Bearer secret-token', cookie: 'session=secret' },
  body: { password: 'secret-password' },
} as unknown as FastifyRequest;
const reply = { statusCode: 401, elapsedTime: 1.5 } as unknown as FastifyReply;

describe('request log', () => {
  it('is one line with the request id, method, url, client address and status, never headers or body', () => {
    const { lines, loggers } = capture('info');
    const controller = new RequestLogController(loggers);
    controller.incomingRequest();
    controller.requestCompleted(null, request, reply);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      service: 'football-coaching-api',
      reqId: 'req-1',
      req: { id: 'req-1', method: 'POST', url: '/api/v1/auth/login', remoteAddress: '203.0.113.7' },
      res: { statusCode: 401 },
      responseTime: 1.5,
      msg: 'request completed',
    });
    expect(JSON.stringify(lines)).not.toMatch(/secret|authorization|cookie/);
  });

  it('logs a failed response as an error, through the redaction', () => {
    const { lines, loggers } = capture('info');
    const error = Object.assign(new Error('boom'), { token: 'secret-token' });
    new RequestLogController(loggers).requestCompleted(error, request, reply);
    expect(lines[0]).toMatchObject({ level: 50, reqId: 'req-1', err: { message: 'boom', token: '[redacted]' } });
  });

  it('writes nothing when silent', () => {
    const { lines, loggers } = capture('silent');
    new RequestLogController(loggers).requestCompleted(null, request, reply);
    expect(lines).toHaveLength(0);
  });
});

describe('NestPinoLogger', () => {
  it("writes Nest's calls as JSON lines with their context", () => {
    const { lines, loggers } = capture();
    const logger = new NestPinoLogger(loggers.root);
    logger.log('Nest application successfully started', 'NestApplication');
    logger.warn({ reason: 'bad-password' }, 'Login refused', 'AuthService');
    logger.debug('no context');
    logger.verbose('fine detail', 'Somewhere');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'NestApplication', msg: 'Nest application successfully started' }),
      expect.objectContaining({ level: 40, context: 'AuthService', reason: 'bad-password', msg: 'Login refused' }),
      expect.objectContaining({ level: 20, msg: 'no context' }),
      expect.objectContaining({ level: 10, context: 'Somewhere', msg: 'fine detail' }),
    ]);
  });

  it('keeps errors and the stack Nest passes beside a message', () => {
    const { lines, loggers } = capture();
    const logger = new NestPinoLogger(loggers.root);
    logger.error(new Error('database down'), 'Database');
    logger.error('Unhandled', 'Error: Unhandled\n    at somewhere (file.ts:1:1)', 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({ level: 50, context: 'Database', err: { message: 'database down' } });
    expect(lines[1]).toMatchObject({
      level: 50,
      context: 'ExceptionsHandler',
      err: { message: 'Unhandled', stack: expect.stringContaining('at somewhere') },
    });
  });

  it('redacts secrets in logged objects', () => {
    const { lines, loggers } = capture();
    new NestPinoLogger(loggers.root).log({ user: { email: 'a@b.example', password: 'secret-password' } }, 'Saved', 'X');
    expect(lines[0]).toMatchObject({ user: { email: 'a@b.example', password: '[redacted]' } });
    new NestPinoLogger(loggers.root).log({ email: 'a@b.example', password: 'secret', token: 'abc' }, 'Top level', 'X');
    expect(lines[1]).toMatchObject({ email: 'a@b.example', password: '[redacted]', token: '[redacted]' });
  });

  it("leaves out Nest's route map, whose lines name paths without the API version", () => {
    const { lines, loggers } = capture();
    const logger = new NestPinoLogger(loggers.root);
    logger.log('AuthController {/api/auth}:', 'RoutesResolver');
    logger.log('Mapped {/api/auth/login, POST} route', 'RouterExplorer');
    logger.warn('still written', 'RouterExplorer');
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'still written' })]);
  });

  it('skips work below the level', () => {
    const { lines, loggers } = capture('info');
    new NestPinoLogger(loggers.root).debug({ big: 'object' }, 'not written', 'X');
    expect(lines).toHaveLength(0);
  });
});

describe('lazyChildLogger', () => {
  it('builds the child logger on its first line only, with its bindings', () => {
    const { lines, loggers } = capture('info');
    const child = jest.spyOn(loggers.root, 'child');
    const requestLog = lazyChildLogger(loggers.root, { reqId: 'req-7' }, {});
    expect(child).not.toHaveBeenCalled();
    requestLog.info('first');
    requestLog.warn({ session: { token: 'secret-token' } }, 'second');
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, reqId: 'req-7', msg: 'first' }),
      expect.objectContaining({ level: 40, reqId: 'req-7', session: { token: '[redacted]' }, msg: 'second' }),
    ]);
    expect(requestLog.level).toBe('info');
  });
});

describe('pretty logs', () => {
  it('are for development at a terminal only', () => {
    expect(wantsPrettyLogs('development', true)).toBe(true);
    expect(wantsPrettyLogs('development', false)).toBe(false);
    expect(wantsPrettyLogs('development', undefined)).toBe(false);
    expect(wantsPrettyLogs('production', true)).toBe(false);
    expect(wantsPrettyLogs('test', true)).toBe(false);
  });

  it('are readable lines, not JSON, and still redacted', async () => {
    let text = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    });
    const { root } = createLoggers('info', prettyDestination(sink));
    root.info({ user: { email: 'a@b.example', password: 'secret-password' } }, 'Account saved');
    await new Promise((resolve) => setImmediate(resolve));
    expect(text).toMatch(/INFO.*Account saved/);
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('secret-password');
    expect(() => JSON.parse(text.split('\n')[0])).toThrow();
  });
});

describe('displayUrl', () => {
  it('names this machine for a wildcard address and brackets IPv6', () => {
    expect(displayUrl({ address: '0.0.0.0', family: 'IPv4', port: 3000 })).toBe('http://localhost:3000');
    expect(displayUrl({ address: '::', family: 'IPv6', port: 3000 })).toBe('http://localhost:3000');
    expect(displayUrl({ address: '127.0.0.1', family: 'IPv4', port: 8080 })).toBe('http://127.0.0.1:8080');
    expect(displayUrl({ address: '::1', family: 'IPv6', port: 8080 })).toBe('http://[::1]:8080');
  });
});
