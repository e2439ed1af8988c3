/**
 * Two projects: `unit` (pure code beside the sources, transpile-only for speed) and
 * `e2e` (HTTP against the real app and a real MongoDB wire-protocol server, compiled with
 * the Swagger plugin so the OpenAPI document matches the built app).
 */
const swaggerPlugin = { path: '<rootDir>/test/harness/swagger-transformer.js' };

/** @type {import('jest').Config} */
module.exports = {
  // e2e hooks boot the app and create accounts (argon2 hashing): generous on a loaded 2-core runner.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
      transform: {
        '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', astTransformers: { before: [swaggerPlugin] } }],
      },
      slowTestThreshold: 20,
    },
  ],
};
