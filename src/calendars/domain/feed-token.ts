import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: 43 characters, safe in a URL path. */
const TOKEN_BYTES = 32;
export const FEED_TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';
const FEED_TOKEN = new RegExp(FEED_TOKEN_PATTERN);

export function newFeedToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function isFeedToken(value: unknown): value is string {
  return typeof value === 'string' && FEED_TOKEN.test(value);
}

/** What is stored instead of the token: a leaked database does not give working feed URLs. */
export function feedTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const feedPath = (token: string) => `/calendar/${token}.ics`;
