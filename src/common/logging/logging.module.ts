import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { Environment } from '../../config/environment';

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

/** Structured JSON logs; each line of a request carries its request id. */
@Module({})
export class LoggingModule {
  static forRoot(destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) => {
            const options = {
              level: config.get('LOG_LEVEL', { infer: true }),
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              // Fastify has already assigned (or accepted) the id; reuse it so every line matches.
              genReqId: (req: IncomingMessage & { id?: unknown }) => (req.id ? String(req.id) : randomUUID()),
              customProps: () => ({ service: 'football-coaching-api' }),
              // Only what an operator needs; headers (tokens, cookies) are never logged.
              serializers: {
                req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                  remoteAddress: req.remoteAddress,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            };
            return {
              pinoHttp: destination ? [options, destination] : options,
              // Nest 11 path syntax for "every route" (the library's default '*' is the legacy form).
              forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
            };
          },
        }),
      ],
    };
  }
}
