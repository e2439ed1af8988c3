import { createSecretKey, type KeyObject } from 'node:crypto';

export const JWT_ISSUER = 'football-coaching-api';

/**
 * The HS256 key for access tokens, built once. Given the secret as a string, jsonwebtoken
 * first tries to parse it as a PEM public key on every verification (and fails, at about
 * half a millisecond a request) before making a secret key of it; a KeyObject skips both.
 */
export function accessTokenKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}
