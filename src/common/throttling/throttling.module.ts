import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ExecutionContext, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { Environment } from '../../config/environment';
import { AUTH_RATE_LIMIT } from '../decorators/auth-rate-limit.decorator';

const isAuthRoute = (context: ExecutionContext): boolean =>
  Reflect.getMetadata(AUTH_RATE_LIMIT, context.getHandler()) === true;

/**
 * One throttler keyed on the client address (Fastify's request.ip, which honours
 * TRUST_PROXY): THROTTLE_LIMIT per window, THROTTLE_AUTH_LIMIT on @AuthRateLimit routes.
 * With REDIS_URL the counters live in Redis, so every instance enforces one shared limit.
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
          storage: redisUrl ? new ThrottlerStorageRedisService(redisUrl) : undefined,
        };
      },
    }),
  ],
})
export class ThrottlingModule {}
