import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { configureRoutes } from './app.factory';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './swagger';

/**
 * Writes the OpenAPI document the app serves at /docs-json to a file (`node dist/openapi.js
 * openapi.json`, run by `npm run openapi`). Needs no database: the modules are wired in preview
 * mode, so no provider is ever started. Routes are prefixed and versioned by app.factory's configureRoutes;
 * the e2e suite checks that the served document equals the committed one.
 */
async function main(): Promise<void> {
  const [target = 'openapi.json'] = process.argv.slice(2);
  // Only to pass environment validation: nothing is signed, nothing connects.
  const env = { NODE_ENV: 'development', JWT_SECRET: 'openapi-document-generation-only-0000', LOG_LEVEL: 'silent' };
  const app = await NestFactory.create(AppModule.forRoot({ env }), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  configureRoutes(app);
  const document = buildOpenApiDocument(app);
  await app.close();
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
