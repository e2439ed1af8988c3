import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ExecutionContext, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { Environment } from '../../config/environment';
import { AUTH_RATE_LIMIT } from '../decorators/auth-rate-limit.decorator';
import { FixedWindowThrottlerStorage } from './fixed-window.storage';

const isAuthRoute = (context: ExecutionContext): boolean =>
  Reflect.getMetadata(AUTH_RATE_LIMIT, context.getHandler()) === true;

/**
 * One throttler keyed on the route and the client address (Fastify's request.ip, which
 * honours TRUST_PROXY): THROTTLE_LIMIT per window, THROTTLE_AUTH_LIMIT on @AuthRateLimit
 * routes. Counters are fixed windows, in memory, or with REDIS_URL in Redis so that every
 * instance enforces one shared limit.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => {
        const limit = config.get('THROTTLE_LIMIT', { infer: true });
        const authLimit = config.get('THROTTLE_AUTH_LIMIT', { infer: true });
        const redisUrl = config.get('REDIS_URL', { infer: true });
        return {
          throttlers: [
            {
              name: 'default',
              ttl: config.get('THROTTLE_TTL_MS', { infer: true }),
              limit: (context: ExecutionContext) => (isAuthRoute(context) ? authLimit : limit),
            },
          ],
          // The library hashes this text with SHA-256 on every request; the plain text is as
          // unique and short enough for a Map or Redis key.
          generateKey: (context: ExecutionContext, tracker: string, name: string) =>
            `${name}:${context.getClass().name}.${context.getHandler().name}:${tracker}`,
          storage: redisUrl ? new ThrottlerStorageRedisService(redisUrl) : new FixedWindowThrottlerStorage(),
        };
      },
    }),
  ],
})
export class ThrottlingModule {}
