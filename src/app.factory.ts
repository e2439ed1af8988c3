import multipart from '@fastify/multipart';
import { INestApplication, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { EarlyErrors } from './common/errors/early-errors';
import { registerCompression } from './common/http/compression';
import { registerMethodNotAllowed } from './common/errors/method-not-allowed';
import {
  createLoggers,
  lazyChildLogger,
  prettyDestination,
  RequestLogController,
  wantsPrettyLogs,
} from './common/logging/logging';
import { logRouteSummary } from './common/logging/route-summary';
import { NestPinoLogger } from './common/logging/nest-logger';
import { registerSecurityHeaders } from './common/security/security-headers';
import { trustProxyOption } from './common/security/trust-proxy';
import { registerRateLimits } from './common/rate-limit/rate-limits';
import { registerInputChecks } from './common/validation/input-checks';
import { createValidationPipe } from './common/validation/validation';
import { parseCorsOrigins, parseTrustProxy, validateEnvironment } from './config/environment';
import { setupSwagger } from './swagger';

const SAFE_REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Accepts a caller's X-Request-Id when it is short and plain (no log injection), else makes one. */
function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * The API's URL scheme, `/api/v1/...` with the health probes and the calendar feed files (the URLs calendar
 * applications subscribe to) outside it (the OpenAPI generator shares it).
 */
export function configureRoutes(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: ['health', 'health/ready', 'calendar/:token.ics'] });
  app.enableVersioning({ type: VersioningType.URI });
}

export interface CreateAppOptions {
  /** Use exactly these variables instead of process.env and .env (tests). */
  env: Record<string, string | undefined>;
  /** Where logs go instead of stdout (tests that read the logs). */
  logDestination?: DestinationStream;
}

/**
 * Builds the fully configured application (used by main.ts and by the e2e suites, so
 * tests exercise exactly what production runs). The caller decides when to listen.
 */
export async function createApp(options: CreateAppOptions) {
  const env = validateEnvironment(options.env);
  const pretty = !options.logDestination && wantsPrettyLogs(env.NODE_ENV, process.stdout.isTTY);
  const loggers = createLoggers(env.LOG_LEVEL, options.logDestination ?? (pretty ? prettyDestination() : undefined));
  const earlyErrors = new EarlyErrors();
  const adapter = new FastifyAdapter({
    loggerInstance: loggers.root,
    logController: new RequestLogController(loggers),
    childLoggerFactory: lazyChildLogger,
    trustProxy: trustProxyOption(parseTrustProxy(env.TRUST_PROXY)),
    bodyLimit: env.BODY_LIMIT_BYTES,
    genReqId: requestId,
    requestIdHeader: false,
    return503OnClosing: true,
    frameworkErrors: earlyErrors.frameworkErrors,
    clientErrorHandler: earlyErrors.clientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    // Only JSON bodies: no urlencoded parser, so other media types answer 415.
    bodyParser: false,
  });
  app.useLogger(new NestPinoLogger(loggers.root));

  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  // Errors raised by Fastify itself (JSON parsing, body limit, content type) reach the global
  // ProblemDetailsFilter through Nest's own Fastify error handler, so they share the problem shape.
  fastify.addHook('onRequest', (request: FastifyRequest, reply, done) => {
    void reply.header('x-request-id', String(request.id));
    done();
  });

  logRouteSummary(fastify, loggers.root, env.SWAGGER_ENABLED);
  const securityHeaders = registerSecurityHeaders(fastify);
  registerMethodNotAllowed(fastify);
  await registerRateLimits(app, env);
  earlyErrors.attach(fastify, securityHeaders);
  registerInputChecks(fastify);
  await registerCompression(app);
  // Per-route limits are set where a file is read (see readUploadedFile).
  await app.register(multipart, { limits: { files: 1, fields: 0, parts: 1, fileSize: env.DRILLS_UPLOAD_MAX_BYTES } });
  const origins = parseCorsOrigins(env.CORS_ORIGINS);
  if (origins !== false) {
    app.enableCors({ origin: origins, exposedHeaders: ['x-request-id', 'retry-after'], maxAge: 600 });
  }

  configureRoutes(app);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (env.SWAGGER_ENABLED) setupSwagger(app);
  return app;
}
