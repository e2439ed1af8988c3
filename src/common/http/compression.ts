import compress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Smaller bodies gain little and cost a compressor each (the plugin's own default too). */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Response compression by Accept-Encoding (brotli or gzip, at the plugin's fast brotli
 * quality 4) for bodies above the threshold; a generated programme shrinks about tenfold.
 * Answers under /auth carry tokens next to text the caller chose, so they are never compressed
 * (the BREACH side channel). Request bodies are not decompressed: clients send plain JSON, and
 * a compressed one fails JSON parsing (400) like any other non-JSON body. Must be registered
 * before the routes.
 */
export async function registerCompression(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // Added before the plugin's own onRoute hook, which then reads these route options.
  fastify.addHook('onRoute', (route) => {
    route.decompress = false;
    if (/^\/api\/v\d+\/auth\//.test(route.url)) route.compress = false;
  });
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
  });
}
