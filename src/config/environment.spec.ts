import { parseCorsOrigins, parseTrustProxy, validateEnvironment } from './environment';

const base = { JWT_SECRET: 'x'.repeat(32) };

describe('validateEnvironment', () => {
  it('applies defaults and converts types', () => {
    const env = validateEnvironment({ ...base, PORT: '4000', SWAGGER_ENABLED: 'false' });
    expect(env.PORT).toBe(4000);
    expect(env.SWAGGER_ENABLED).toBe(false);
    expect(env.JWT_ACCESS_TTL_SEC).toBe(900);
    expect(env.MONGODB_URI).toBeUndefined();
  });

  it('names every bad or missing variable in one error', () => {
    expect(() => validateEnvironment({ PORT: 'abc', MONGODB_URI: 'http://x' })).toThrow(
      /PORT[\s\S]*MONGODB_URI|MONGODB_URI[\s\S]*PORT/,
    );
    expect(() => validateEnvironment({})).toThrow(/JWT_SECRET/);
  });

  it('refuses production without MONGODB_URI', () => {
    expect(() => validateEnvironment({ ...base, NODE_ENV: 'production' })).toThrow(/MONGODB_URI/);
  });

  it('refuses a short admin password', () => {
    expect(() => validateEnvironment({ ...base, ADMIN_EMAIL: 'a@b.co', ADMIN_PASSWORD: 'short' })).toThrow(
      /ADMIN_PASSWORD/,
    );
  });
});

describe('parseTrustProxy', () => {
  it.each([
    ['false', false],
    ['', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.1, 10.0.0.0/8', ['10.0.0.1', '10.0.0.0/8']],
  ])('%s', (input, expected) => expect(parseTrustProxy(input)).toEqual(expected));
});

describe('parseCorsOrigins', () => {
  it.each([
    ['', false],
    ['*', true],
    ['https://a.example, https://b.example', ['https://a.example', 'https://b.example']],
  ])('%s', (input, expected) => expect(parseCorsOrigins(input)).toEqual(expected));
});
