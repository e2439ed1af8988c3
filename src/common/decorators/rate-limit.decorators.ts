import { RouteConfig } from '@nestjs/platform-fastify';

/** Fastify route config read by the rate limiter (see common/rate-limit/rate-limits.ts). */
export const AUTH_RATE_LIMIT = 'authRateLimit';

/** Applies the tighter THROTTLE_AUTH_LIMIT (login, register, refresh): slows password guessing. */
export const AuthRateLimit = () => RouteConfig({ [AUTH_RATE_LIMIT]: true });

/** Leaves a route out of rate limiting (health probes). */
export const SkipRateLimit = () => RouteConfig({ rateLimit: false });
