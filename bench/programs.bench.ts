/**
 * Programme generation benchmark, in two parts.
 *
 * 1. In process, on one core: generateProgram for 12 weeks x 4 sessions over a spread of players
 *    and seeds, the safety check alone and both together (what the service does), against the
 *    cost of merely copying one generated programme (JSON.stringify, structuredClone); with the
 *    static library and with a 10,000-drill library.
 * 2. Over HTTP, with request logging at info as in production (BENCH_LOG_LEVEL changes it), load
 *    from a separate process: a public drill page, an authenticated GET /api/v1/players/:id (its
 *    session and account checked in the database on every request, and on a second instance with
 *    REDIS_URL, where callers are cached under a revocation stamp; needs redis-server), and
 *    POST /api/v1/players/:id/programs (generate, check, store, answer) uncompressed, gzip and brotli,
 *    with the bytes each response takes on the wire.
 *
 *   npm run bench:programs   (uses MONGODB_URI, else mongodb-memory-server, else the offline server)
 *
 * Target: at least 500 programmes generated per second on one core. Figures are printed, never
 * asserted. BENCH_SECONDS (per in-process case, default 3), BENCH_HTTP_SECONDS (per load run,
 * default 5) and BENCH_CONNECTIONS (default 10) lengthen or widen the run.
 */
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { createApp } from '../src/app.factory';
import { call, load, LoadOptions, LoadResult } from './http';
import { logDestination } from '../src/common/logging/logging';
import { BodyRegion, BODY_REGIONS, LEVELS, POSITIONS } from '../src/common/domain/enums';
import { Drill, DRILL_CATEGORIES, DrillInput, INTENSITIES, validateDrillFile } from '../src/drills/domain/drill-format';
import { staticDrills } from '../src/drills/static';
import { AssessedArea, generateProgram, GeneratorInput } from '../src/training/domain/generate-program';
import { PlannedProgram, TrainingPlayer, Weekday } from '../src/training/domain/program';
import { checkProgramSafety } from '../src/training/domain/program-safety';
import { startTestMongo } from '../test/harness/mongo-servers';
import { redisServerAvailable, startRedis } from '../test/harness/redis-server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Distinct client addresses (X-Forwarded-For through a trusted proxy), as in the drill benchmark. */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
/** Each case runs in interleaved rounds, so drift from other work on the machine hits every case alike. */
const ROUNDS = 3;
const SYNTHETIC_DRILLS = 10_000;
const TARGET_PER_S = 500;
const WEEKS = 12;
const SESSIONS_PER_WEEK = 4;
const START_DATE = '2026-12-07';

// ---------------------------------------------------------------------------------------------
// Inputs: players of every age band, both sexes, all levels and positions, one injured, one returning.

const SIX_DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FIVE_DAYS: Weekday[] = ['mon', 'tue', 'thu', 'fri', 'sun'];
const FOUR_DAYS: Weekday[] = ['mon', 'wed', 'thu', 'sat'];

interface Profile {
  player: TrainingPlayer;
  availableDays: Weekday[];
  weaknesses: AssessedArea[];
}

const fit = { status: 'fit' as const, bodyRegions: [] };
const PROFILES: Profile[] = [
  {
    player: { ageYears: 8, sex: 'male', level: 'grassroots', position: 'forward', injury: fit },
    availableDays: FIVE_DAYS,
    weaknesses: [
      { area: 'dribbling', score: 25 },
      { area: 'passing', score: 40 },
    ],
  },
  {
    player: { ageYears: 11, sex: 'female', level: 'grassroots', position: 'defender', injury: fit },
    availableDays: FOUR_DAYS,
    weaknesses: [
      { area: 'firstTouch', score: 30 },
      { area: 'speed', score: 35 },
    ],
  },
  {
    player: { ageYears: 13, sex: 'female', level: 'academy', position: 'midfielder', injury: fit },
    availableDays: SIX_DAYS,
    weaknesses: [
      { area: 'dribbling', score: 30 },
      { area: 'shooting', score: 40 },
      { area: 'tactical', score: 60 },
    ],
  },
  {
    player: { ageYears: 15, sex: 'male', level: 'academy', position: 'goalkeeper', injury: fit },
    availableDays: SIX_DAYS,
    weaknesses: [{ area: 'agility', score: 28 }],
  },
  {
    player: { ageYears: 16, sex: 'female', level: 'elite', position: 'forward', injury: fit },
    availableDays: FIVE_DAYS,
    weaknesses: [
      { area: 'power', score: 35 },
      { area: 'shooting', score: 45 },
      { area: 'weakFoot', score: 50 },
    ],
  },
  {
    player: {
      ageYears: 17,
      sex: 'male',
      level: 'elite',
      position: 'defender',
      injury: { status: 'injured', bodyRegions: ['hamstring'] },
    },
    availableDays: SIX_DAYS,
    weaknesses: [
      { area: 'passing', score: 40 },
      { area: 'tactical', score: 45 },
    ],
  },
  {
    player: {
      ageYears: 19,
      sex: 'female',
      level: 'academy',
      position: 'midfielder',
      injury: { status: 'returning', bodyRegions: ['knee'] },
    },
    availableDays: SIX_DAYS,
    weaknesses: [
      { area: 'endurance', score: 30 },
      { area: 'strength', score: 35 },
    ],
  },
  {
    player: { ageYears: 24, sex: 'male', level: 'elite', position: 'midfielder', injury: fit },
    availableDays: SIX_DAYS,
    weaknesses: [
      { area: 'speed', score: 40 },
      { area: 'endurance', score: 42 },
      { area: 'heading', score: 50 },
    ],
  },
  {
    player: { ageYears: 38, sex: 'male', level: 'grassroots', position: 'goalkeeper', injury: fit },
    availableDays: FOUR_DAYS,
    weaknesses: [],
  },
];

/** One input per profile and seed; the seeds vary the drill choices, the profiles vary the pools. */
function inputs(drills: readonly Drill[], seeds: number): GeneratorInput[] {
  const out: GeneratorInput[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    for (const profile of PROFILES) {
      out.push({
        player: profile.player,
        request: {
          weeks: WEEKS,
          sessionsPerWeek: SESSIONS_PER_WEEK,
          availableDays: profile.availableDays,
          startDate: START_DATE,
          seed: seed * 7919,
        },
        weaknesses: profile.weaknesses,
        assessmentDate: '2026-11-20',
        drills,
      });
    }
  }
  return out;
}

function generateOk(input: GeneratorInput): PlannedProgram {
  const result = generateProgram(input);
  if (!result.ok) {
    throw new Error(`refused for ${JSON.stringify(input.player)}: ${result.reason}`);
  }
  return result.program;
}

/**
 * A large uploaded library: the static drills plus synthetic ones in every category, ages, levels,
 * intensities and loaded regions, with warm-ups, cool-downs and ACL-prevention work among them and
 * counted foot contacts on every jumping drill.
 */
function largeLibrary(count: number): Drill[] {
  const own = staticDrills();
  const synthetic: DrillInput[] = Array.from({ length: count - own.length }, (_, i) => {
    const category = DRILL_CATEGORIES[i % DRILL_CATEGORIES.length];
    const tags = ['bench'];
    if (category === 'plyometrics') tags.push(`foot-contacts:${10 + (i % 5) * 10}`);
    if (category === 'injury-prevention' && i % 2 === 0) tags.push('acl-prevention', 'neuromuscular');
    // Ankle to lower back: the regions football drills load, so an injury rules out a share of them.
    const regions: BodyRegion[] = [BODY_REGIONS[i % 9], BODY_REGIONS[(i + 4) % 9]];
    return {
      id: `bench-drill-${i}`,
      name: `Bench drill ${i}`,
      description: `Synthetic drill ${i} for the benchmark, with a description of ordinary length for a drill.`,
      category,
      minAge: 5 + (i % 20),
      maxAge: 25 + (i % 36),
      levels: i % 3 === 0 ? ['academy', 'elite'] : [...LEVELS],
      positions: i % 7 === 0 ? [POSITIONS[i % POSITIONS.length]] : [],
      durationMin: 5 + (i % 20),
      intensity: INTENSITIES[(i >> 1) % INTENSITIES.length],
      equipment: ['balls', 'cones'],
      coachingPoints: ['Head up before receiving', 'Open body shape', 'Pass firmly along the ground'],
      bodyRegions: regions[0] === regions[1] ? [regions[0]] : regions,
      tags,
    };
  });
  const result = validateDrillFile([...own, ...synthetic]);
  if (!result.ok) throw new Error(`synthetic library invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.drills;
}

// ---------------------------------------------------------------------------------------------
// Timing: each call timed on its own, cases interleaved in rounds.

interface Case {
  name: string;
  /** Runs one operation on the i-th prepared input. */
  run: (i: number) => unknown;
}

interface Timing {
  calls: number;
  totalMs: number;
  /** Process CPU time over the same calls: what one core spent, whatever else the machine ran. */
  cpuMs: number;
  samples: number[];
}

const blackhole: unknown[] = [];

function timeFor(c: Case, ms: number, timing: Timing, start: number): number {
  const cpu = process.cpuUsage();
  const end = performance.now() + ms;
  let i = start;
  let now = performance.now();
  while (now < end) {
    const before = now;
    // Keep the result reachable, so the work cannot be optimised away and its garbage is paid for.
    blackhole[i & 7] = c.run(i);
    now = performance.now();
    timing.samples.push(now - before);
    timing.totalMs += now - before;
    timing.calls += 1;
    i += 1;
  }
  const used = process.cpuUsage(cpu);
  timing.cpuMs += (used.user + used.system) / 1000;
  return i;
}

const timing = (): Timing => ({ calls: 0, totalMs: 0, cpuMs: 0, samples: [] });

function measure(cases: Case[], seconds: number): { timings: Map<string, Timing>; cores: number } {
  const timings = new Map(cases.map((c) => [c.name, timing()]));
  const warm = new Map(cases.map((c) => [c.name, timing()]));
  const next = new Map(cases.map((c) => [c.name, 0]));
  // Warm-up, so the JIT has settled on every path (the preparation already ran every input once).
  for (const c of cases) next.set(c.name, timeFor(c, 500, warm.get(c.name)!, 0));
  const wall = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) {
      next.set(c.name, timeFor(c, (seconds * 1000) / ROUNDS, timings.get(c.name)!, next.get(c.name)!));
    }
  }
  // CPU time over wall time: about 1 when the process had a core to itself (GC helper threads can add a
  // little); well below 1 when other work on the machine took turns on it.
  const cpuMs = [...timings.values()].reduce((s, t) => s + t.cpuMs, 0);
  return { timings, cores: cpuMs / (performance.now() - wall) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const fmtMs = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`).padStart(9);
const fmtRate = (n: number) => Math.round(n).toLocaleString('en-US').padStart(9);

interface Rates {
  /** Calls per second of wall time. */
  wall: number;
  /** Calls per second of CPU time: the rate of one core given to the work alone. */
  cpu: number;
}

function report(title: string, { timings, cores }: ReturnType<typeof measure>): Map<string, Rates> {
  console.log(`${title}\nCPU time / wall time: ${cores.toFixed(2)}${cores < 0.9 ? ' (the machine was busy)' : ''}`);
  const head = ['per s', 'per CPU s', 'mean', 'p50', 'p99'].map((h) => h.padStart(9)).join(' ');
  console.log(`${''.padEnd(38)} ${head}`);
  const rates = new Map<string, Rates>();
  for (const [name, t] of timings) {
    const sorted = [...t.samples].sort((a, b) => a - b);
    const r = { wall: (t.calls * 1000) / t.totalMs, cpu: (t.calls * 1000) / t.cpuMs };
    rates.set(name, r);
    const cells = [fmtRate(r.wall), fmtRate(r.cpu), fmtMs(t.totalMs / t.calls)];
    cells.push(fmtMs(percentile(sorted, 50)), fmtMs(percentile(sorted, 99)));
    console.log(`${name.padEnd(38)} ${cells.join(' ')}`);
  }
  return rates;
}

/** `full`: with the copying baselines and the generate + check case; else generation and check alone. */
function inProcess(label: string, drills: readonly Drill[], seeds: number, full: boolean): Map<string, Rates> {
  const prepared = inputs(drills, seeds);
  const programs = prepared.map(generateOk);
  const byId = new Map(drills.map((d) => [d.id, d]));
  const unsafe = programs.filter((p, i) => !checkProgramSafety(p, prepared[i].player, byId).passed).length;
  if (unsafe > 0) throw new Error(`${unsafe} generated programmes failed their safety check`);
  const sample = programs[prepared.findIndex((p) => p.player.ageYears === 16)];
  const n = prepared.length;
  const cases: Case[] = [
    { name: 'generateProgram', run: (i) => generateProgram(prepared[i % n]) },
    { name: 'checkProgramSafety', run: (i) => checkProgramSafety(programs[i % n], prepared[i % n].player, byId) },
  ];
  if (full) {
    cases.unshift(
      { name: 'baseline: JSON.stringify(programme)', run: () => JSON.stringify(sample) },
      { name: 'baseline: structuredClone(programme)', run: () => structuredClone(sample) },
    );
    cases.push({
      name: 'generate + check (the service)',
      run: (i) => {
        const input = prepared[i % n];
        const result = generateProgram(input);
        return result.ok && checkProgramSafety(result.program, input.player, byId);
      },
    });
  }
  const sessions = sample.weeks.reduce((s, w) => s + w.sessions.length, 0);
  const drillCount = sample.weeks.reduce(
    (s, w) => s + w.sessions.reduce((t, x) => t + x.blocks.reduce((u, b) => u + b.drills.length, 0), 0),
    0,
  );
  return report(
    `${label}: ${drills.length} drills; ${PROFILES.length} players x ${seeds} seed${seeds > 1 ? 's' : ''}; ` +
      `${WEEKS} weeks x ${SESSIONS_PER_WEEK} sessions (${sessions} sessions, ${drillCount} drills, ` +
      `${(JSON.stringify(sample).length / 1024).toFixed(0)} KB of JSON in the sample programme)`,
    measure(cases, SECONDS),
  );
}

// ---------------------------------------------------------------------------------------------
// HTTP: the real app, load from a separate process.

const httpLoad = (url: string, request: LoadOptions['request'], seconds = HTTP_SECONDS) =>
  load(url, { seconds, connections: CONNECTIONS, clients: CLIENTS, request });

/** The app as production runs it: request logging at info, written the way stdout is. */
async function startBenchApp(mongoUri: string, admin: { email: string; password: string }, redisUrl?: string) {
  const app = await createApp({
    env: {
      NODE_ENV: 'test',
      MONGODB_URI: mongoUri,
      // Instances of one deployment share the secret (the second one checks the first's tokens).
      JWT_SECRET: BENCH_JWT_SECRET,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      // Production-like: behind a trusted proxy, each client within its own limit.
      TRUST_PROXY: '127.0.0.1',
      THROTTLE_LIMIT: '100000',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      // Run by ts-node, without the @nestjs/swagger compiler plugin the OpenAPI document needs.
      SWAGGER_ENABLED: 'false',
    },
    logDestination: logDestination('/dev/null'),
  });
  await app.listen(0, '127.0.0.1');
  return { app, base: await app.getUrl() };
}

const BENCH_JWT_SECRET = randomBytes(32).toString('hex');

async function overHttp(generateCheckMs: number): Promise<void> {
  const mongo = await startTestMongo('the benchmark');
  const uri = new URL(mongo.uri);
  uri.pathname = `/bench_${randomBytes(4).toString('hex')}`;
  const admin = { email: 'bench-admin@example.com', password: 'bench-admin-password' };
  const { app, base } = await startBenchApp(uri.toString(), admin);
  // A second instance of the same deployment with REDIS_URL, where redis-server exists.
  const redis = redisServerAvailable() ? await startRedis() : undefined;
  const cached = redis ? await startBenchApp(uri.toString(), admin, redis.url) : undefined;
  try {
    // A coach the way a deployment gets one: self-registration, promotion by an admin, fresh login.
    const adminToken = (await call(base, 'POST', '/api/v1/auth/login', admin)).body.accessToken;
    const coach = { email: 'bench-coach@example.com', password: 'bench-coach-password' };
    const registered = await call(base, 'POST', '/api/v1/auth/register', {
      ...coach,
      displayName: 'Bench coach',
      role: 'player',
    });
    await call(base, 'PATCH', `/api/v1/admin/users/${registered.body.user.id}/role`, { role: 'coach' }, adminToken);
    const token = (await call(base, 'POST', '/api/v1/auth/login', coach)).body.accessToken;
    const player = await call(
      base,
      'POST',
      '/api/v1/players',
      {
        firstName: 'Lina',
        lastName: 'Bench',
        dateOfBirth: `${new Date().getUTCFullYear() - 16}-03-10`,
        sex: 'female',
        position: 'midfielder',
        level: 'academy',
        dominantFoot: 'right',
      },
      token,
    );
    const playerId = player.body.id as string;
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    await call(
      base,
      'POST',
      `/api/v1/players/${playerId}/assessments`,
      {
        date: day(-10),
        tests: { sprint10mS: 2.1 },
        ratings: { dribbling: 3, passing: 8, shooting: 4, tactical: 6 },
      },
      token,
    );

    // No seed: each request gets a random one, as clients that do not pin a programme do.
    const programRequest = {
      weeks: WEEKS,
      sessionsPerWeek: SESSIONS_PER_WEEK,
      availableDays: SIX_DAYS,
      startDate: day(3),
    };
    const programsPath = `/api/v1/players/${playerId}/programs`;
    const playerPath = `/api/v1/players/${playerId}`;
    const drillsPath = '/api/v1/drills?age=16&level=academy&limit=20';
    const first = await call(base, 'POST', programsPath, programRequest, token);
    const read = await call(base, 'GET', playerPath, undefined, token);
    const auth = { authorization: `Bearer ${token}` };
    const post = (encoding?: string) => ({
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', ...(encoding ? { 'accept-encoding': encoding } : {}) },
      body: JSON.stringify(programRequest),
    });

    console.log(
      `\nHTTP (MongoDB: ${mongo.kind}; ${CONNECTIONS} connections, ${CLIENTS} client addresses, ${HTTP_SECONDS} s each; ` +
        `request logging at ${process.env.BENCH_LOG_LEVEL ?? 'info'}; a ${programRequest.weeks}-week, ` +
        `${programRequest.sessionsPerWeek}-session programme is stored and answered as ` +
        `${(first.text.length / 1024).toFixed(0)} KB of JSON, the player ${(read.text.length / 1024).toFixed(1)} KB)`,
    );
    type Case = [name: string, url: string, request: LoadOptions['request']];
    const cachedCase: Case[] = cached
      ? [['GET /players/:id, REDIS_URL', `${cached.base}${playerPath}`, { headers: auth }]]
      : [];
    const cases: Case[] = [
      ['public: GET /drills (a page)', `${base}${drillsPath}`, {}],
      ['GET /players/:id', `${base}${playerPath}`, { headers: auth }],
      ...cachedCase,
      ['POST /programs, identity', `${base}${programsPath}`, post()],
      ['POST /programs, gzip', `${base}${programsPath}`, post('gzip')],
      ['POST /programs, br', `${base}${programsPath}`, post('br')],
    ];
    // Warm-up (JIT, caches, connection pools), then each case in turn.
    for (const [, url, request] of cases) await httpLoad(url, request, 1);
    const results = new Map<string, LoadResult>();
    for (const [name, url, request] of cases) results.set(name, await httpLoad(url, request));

    const row = (name: string, r: LoadResult) =>
      `${name.padEnd(30)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(3)} ms   ` +
      `p99 ${String(r.p99).padStart(4)} ms   app CPU ${r.cpuMs.toFixed(2).padStart(5)} ms/request   ` +
      `${(r.bytesPerResponse / 1024).toFixed(1).padStart(6)} KB/response   errors ${r.errors + r.non2xx}`;
    for (const [name, r] of results) console.log(row(name, r));

    const publicRead = results.get('public: GET /drills (a page)')!;
    const authRead = results.get('GET /players/:id')!;
    const cachedRead = results.get('GET /players/:id, REDIS_URL');
    console.log(
      `\nAuthenticated read: ${authRead.cpuMs.toFixed(2)} ms of app CPU per request with its session and account ` +
        `read from the database, against ${publicRead.cpuMs.toFixed(2)} ms for a public page` +
        (cachedRead
          ? `; ${cachedRead.cpuMs.toFixed(2)} ms with REDIS_URL (one Redis read of the account's revocation stamp ` +
            `instead), ${(authRead.cpuMs / cachedRead.cpuMs).toFixed(1)}x less.`
          : '; no redis-server here, so the REDIS_URL case was not run.'),
    );
    const identity = results.get('POST /programs, identity')!;
    const br = results.get('POST /programs, br')!;
    const gzip = results.get('POST /programs, gzip')!;
    console.log(
      `Compression of the programme: ${(identity.bytesPerResponse / 1024).toFixed(0)} KB on the wire as is, ` +
        `${(gzip.bytesPerResponse / 1024).toFixed(0)} KB with gzip (${(identity.bytesPerResponse / gzip.bytesPerResponse).toFixed(1)}x less), ` +
        `${(br.bytesPerResponse / 1024).toFixed(0)} KB with brotli (${(identity.bytesPerResponse / br.bytesPerResponse).toFixed(1)}x less); ` +
        `throughput ${((gzip.rps / identity.rps) * 100).toFixed(0)} % (gzip) and ${((br.rps / identity.rps) * 100).toFixed(0)} % (brotli) ` +
        `of the uncompressed requests/s on loopback, where bandwidth costs nothing.`,
    );
    console.log(
      `Of the POST's ${identity.cpuMs.toFixed(1)} ms of app CPU, generate + check take ${generateCheckMs.toFixed(1)} ms ` +
        `(${((generateCheckMs / identity.cpuMs) * 100).toFixed(0)} %); the rest is the request pipeline and moving ` +
        `the programme: the document written to the database and the response.`,
    );
  } finally {
    // Every POST stored a programme: leave no bench database behind.
    await app
      .get<Connection>(getConnectionToken())
      .dropDatabase()
      .catch(() => undefined);
    await cached?.app.close();
    await app.close();
    await redis?.stop();
    await mongo.stop();
  }
}

async function main(): Promise<void> {
  console.log(
    `In process, one thread (${ROUNDS} interleaved rounds, ${SECONDS} s per case after 0.5 s of warm-up; ` +
      `node ${process.version}). Latencies are wall time; a busy machine stretches them and the per-second ` +
      `rate, not the rate per CPU second.\n`,
  );
  const rates = inProcess('Static library', staticDrills(), 12, true);
  const generation = rates.get('generateProgram')!;
  const service = rates.get('generate + check (the service)')!;
  const copy = rates.get('baseline: JSON.stringify(programme)')!;
  console.log(
    `\nOne generation costs as much as ${(copy.cpu / generation.cpu).toFixed(1)} JSON.stringify calls of its result; ` +
      `the check adds ${((generation.cpu / service.cpu - 1) * 100).toFixed(0)} % to it.`,
  );
  const verdict = (r: Rates) =>
    `${fmtRate(r.cpu).trim()}/s per CPU second [${r.cpu >= TARGET_PER_S ? 'met' : 'MISSED'}] ` +
    `(${fmtRate(r.wall).trim()}/s of wall time)`;
  console.log(`Target >= ${TARGET_PER_S} programmes/s on one core: generation ${verdict(generation)}`);
  console.log(`${''.padStart(34)}with the safety check ${verdict(service)}\n`);

  const large = largeLibrary(SYNTHETIC_DRILLS);
  const largeRates = inProcess('Large library (static + synthetic)', large, 1, false);
  const largeGeneration = largeRates.get('generateProgram')!;
  console.log(
    `\n${large.length} drills instead of ${staticDrills().length}: generation ` +
      `${(generation.cpu / largeGeneration.cpu).toFixed(0)}x slower, ${verdict(largeGeneration)}`,
  );

  await overHttp(1000 / service.cpu);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
