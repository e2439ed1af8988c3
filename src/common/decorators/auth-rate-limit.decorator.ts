import { SetMetadata } from '@nestjs/common';

export const AUTH_RATE_LIMIT = 'authRateLimit';

/** Applies the tighter THROTTLE_AUTH_LIMIT (login, register, refresh): slows password guessing. */
export const AuthRateLimit = () => SetMetadata(AUTH_RATE_LIMIT, true);
