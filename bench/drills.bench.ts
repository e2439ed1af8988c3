/**
 * Drill library benchmark: upload of 10,000 drills, and GET /api/v1/drills throughput of the
 * real app against a bare Fastify server answering the same page from memory, in one run.
 *
 *   npm run bench            (uses MONGODB_URI, else mongodb-memory-server, else the offline server)
 *   BENCH_LOG_LEVEL=silent npm run bench   (request logging off; by default it is on at `info`,
 *                                           as in production, with the lines written to /dev/null)
 *
 * Targets: the app at >= 60 % of the bare server's requests/s with p99 < 10 ms; 10,000 drills
 * validated and activated in < 3 s. Figures are printed, never asserted.
 */
import { getConnectionToken } from '@nestjs/mongoose';
import Fastify from 'fastify';
import type { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { createApp } from '../src/app.factory';
import { load, LoadResult, median } from './http';
import { logDestination } from '../src/common/logging/logging';
import { DRILL_CATEGORIES, DrillInput, INTENSITIES } from '../src/drills/domain/drill-format';
import { startTestMongo } from '../test/harness/mongo-servers';

const DRILLS = 10_000;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Distinct client addresses (X-Forwarded-For through a trusted proxy), each under its own rate limit. */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const QUERY = '/api/v1/drills?age=12&level=academy&limit=20';
/** `info` by default, as production runs; the lines go to /dev/null the way production writes stdout. */
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';

/** Bare and API runs alternate, so drift from other work on the machine hits both alike. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function syntheticLibrary(count: number): DrillInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-drill-${i}`,
    name: `Bench drill ${i}`,
    description: `Synthetic drill ${i} for the benchmark, with a description of ordinary length for a drill.`,
    category: DRILL_CATEGORIES[i % DRILL_CATEGORIES.length],
    minAge: 5 + (i % 20),
    maxAge: 25 + (i % 35),
    levels: i % 3 === 0 ? ['academy', 'elite'] : ['grassroots', 'academy', 'elite'],
    durationMin: 5 + (i % 20),
    intensity: INTENSITIES[i % INTENSITIES.length],
    equipment: ['balls', 'cones'],
    coachingPoints: ['Head up before receiving', 'Open body shape', 'Pass firmly along the ground'],
    bodyRegions: ['foot', 'ankle', 'knee'],
    tags: ['bench'],
    translations: { ar: { name: `تمرين ${i}`, description: 'وصف تمرين للاختبار' } },
  }));
}

const benchLoad = (url: string, seconds = DURATION_S) =>
  load(url, { seconds, connections: CONNECTIONS, clients: CLIENTS });

async function main(): Promise<void> {
  const mongo = await startTestMongo();
  const uri = new URL(mongo.uri);
  uri.pathname = `/bench_${randomBytes(4).toString('hex')}`;
  const adminEmail = 'bench-admin@example.com';
  const adminPassword = 'bench-admin-password';
  const app = await createApp({
    env: {
      NODE_ENV: 'test',
      MONGODB_URI: uri.toString(),
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL,
      // Production-like: behind a trusted proxy, each client within its own limit.
      TRUST_PROXY: '127.0.0.1',
      THROTTLE_LIMIT: '100000',
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      DRILLS_UPLOAD_MAX_BYTES: String(100 * 1024 * 1024),
      // Run by ts-node, without the @nestjs/swagger compiler plugin the OpenAPI document needs.
      SWAGGER_ENABLED: 'false',
    },
    logDestination: logDestination('/dev/null'),
  });
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const bare = Fastify();
  try {
    console.log(
      `MongoDB: ${mongo.kind}; ${DRILLS} drills; load: ${CONNECTIONS} connections, ${CLIENTS} client addresses, ${DURATION_S} s; log level ${LOG_LEVEL}\n`,
    );
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: adminEmail, password: adminPassword }),
    }).then((r) => r.json() as Promise<{ accessToken: string }>);

    const file = JSON.stringify(syntheticLibrary(DRILLS));
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'application/json' }), 'drills.json');
    const started = performance.now();
    const upload = await fetch(`${base}/api/v1/admin/drills/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${login.accessToken}` },
      body: form,
    });
    const uploadMs = performance.now() - started;
    const report = await upload.json();
    if (upload.status !== 201)
      throw new Error(`upload failed: ${upload.status} ${JSON.stringify(report).slice(0, 500)}`);

    const firstRead = performance.now();
    const page = await fetch(`${base}${QUERY}`).then((r) => r.text());
    const firstReadMs = performance.now() - firstRead;

    // The baseline: the same page, its bytes precomputed, from a bare Fastify server.
    const pageBytes = Buffer.from(page, 'utf8');
    bare.get('/api/v1/drills', async (_req, reply) =>
      reply.header('content-type', 'application/json; charset=utf-8').send(pageBytes),
    );
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const bareAddress = bare.server.address();
    const barePort = typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0;

    const bareUrl = `http://127.0.0.1:${barePort}${QUERY}`;
    await benchLoad(`${base}${QUERY}`, 2); // warm-up: JIT, caches
    await benchLoad(bareUrl, 2);
    const rounds: { baseline: LoadResult; api: LoadResult }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first, so neither always runs on a warmer or a busier machine.
      if (round % 2 === 0) {
        const baseline = await benchLoad(bareUrl);
        rounds.push({ baseline, api: await benchLoad(`${base}${QUERY}`) });
      } else {
        const api = await benchLoad(`${base}${QUERY}`);
        rounds.push({ baseline: await benchLoad(bareUrl), api });
      }
    }

    const row = (name: string, r: LoadResult) =>
      `${name.padEnd(24)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(3)} ms   ` +
      `p99 ${String(r.p99).padStart(3)} ms   CPU ${(r.cpuMs * 1000).toFixed(0).padStart(4)} µs/request   errors ${r.errors + r.non2xx}`;
    console.log(
      `Upload of ${DRILLS} drills (validate, store, activate): ${uploadMs.toFixed(0)} ms  [target < 3000 ms: ${uploadMs < 3000 ? 'met' : 'MISSED'}]`,
    );
    console.log(`First read after activation (loads the set):       ${firstReadMs.toFixed(0)} ms\n`);
    console.log(
      `GET ${QUERY} (${(Buffer.byteLength(page) / 1024).toFixed(1)} KB), ${ROUNDS} rounds of ${DURATION_S} s`,
    );
    rounds.forEach(({ baseline, api }, i) => {
      console.log(row(`round ${i + 1}: bare Fastify`, baseline));
      console.log(`${row(`round ${i + 1}: API`, api)}   API/bare ${((api.rps / baseline.rps) * 100).toFixed(0)} %`);
    });
    const ratio = median(rounds.map((r) => r.api.rps / r.baseline.rps));
    const cpuRatio = median(rounds.map((r) => r.baseline.cpuMs / r.api.cpuMs));
    const p99 = median(rounds.map((r) => r.api.p99));
    console.log(
      `\nMedian of ${ROUNDS} rounds: API / bare ${(ratio * 100).toFixed(0)} % of the requests/s  ` +
        `[target >= 60 %: ${ratio >= 0.6 ? 'met' : 'MISSED'}]   API p99 ${p99} ms  [target < 10 ms: ${p99 < 10 ? 'met' : 'MISSED'}]` +
        `\n(by CPU time per request, which drift on the machine disturbs less: ${(cpuRatio * 100).toFixed(0)} %)`,
    );
  } finally {
    await bare.close();
    // The run's own database: a shared server (MONGODB_URI) keeps no bench data behind.
    await app.get<Connection>(getConnectionToken()).dropDatabase();
    await app.close();
    await mongo.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
