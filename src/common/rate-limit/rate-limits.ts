import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Environment } from '../../config/environment';
import { ProblemException } from '../errors/problem';
import { closeRedis, failFastRedis } from '../redis/fail-fast-redis';
import { AUTH_RATE_LIMIT } from '../decorators/rate-limit.decorators';

declare module 'fastify' {
  interface FastifyContextConfig {
    [AUTH_RATE_LIMIT]?: boolean;
  }
}

/** Distinct clients the in-memory store keeps counting (least recently seen go first). */
const LOCAL_CLIENTS = 100_000;

/**
 * Rate limits per client address (Fastify's request.ip, which honours TRUST_PROXY), checked
 * in Fastify's onRequest hook, before a body is read or Nest's pipeline runs:
 * THROTTLE_LIMIT requests per THROTTLE_TTL_MS window over the whole API, and on
 * @AuthRateLimit routes THROTTLE_AUTH_LIMIT per route with counters of their own.
 * With REDIS_URL the counters live in Redis, so every instance enforces one shared limit.
 * A refused request is a 429 problem with Retry-After, through the global exception filter.
 * Must be registered before the routes (Nest adds them when the application initialises).
 */
export async function registerRateLimits(app: NestFastifyApplication, env: Environment): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // Added before the plugin's own onRoute hook, which then sees the route's limit.
  fastify.addHook('onRoute', (route) => {
    if (route.config?.[AUTH_RATE_LIMIT]) {
      route.config = { ...route.config, rateLimit: { max: env.THROTTLE_AUTH_LIMIT } };
    }
  });
  // Fail fast rather than queue while Redis is away; the limiter then lets requests through.
  const redis = env.REDIS_URL
    ? failFastRedis(env.REDIS_URL, (error) => fastify.log.warn({ err: error.message }, 'Redis for rate limits'))
    : undefined;
  if (redis) fastify.addHook('onClose', () => closeRedis(redis));
  await app.register(rateLimit, {
    global: true,
    max: env.THROTTLE_LIMIT,
    timeWindow: env.THROTTLE_TTL_MS,
    // Without its counters the limiter lets requests through: an outage of Redis must not
    // become an outage of the API (each refusal to count is logged by the client above).
    ...(redis ? { redis, nameSpace: 'rate-limit:', skipOnError: true } : { cache: LOCAL_CLIENTS }),
    errorResponseBuilder: (_request, context) =>
      new ProblemException(429, `Too many requests; try again in ${context.after}.`),
  });
}
