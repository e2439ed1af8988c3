/**
 * Workouts benchmark: logging a set in the gym and reading a long history, against
 * GET /api/v1/players/:id (the same player, token and pipeline) measured in the same run.
 *
 *   npm run bench:workouts   (uses MONGODB_URI, else mongodb-memory-server, else the offline server)
 *
 * Targets: POST /api/v1/workouts/:id/exercises/:entryId/sets at >= 0.5x the baseline's requests/s;
 * GET /api/v1/players/:id/workout-stats?groupBy=week over three seasons with p50 <= 5x the baseline's
 * p50. Figures are printed, never asserted.
 *
 * The history: one adult player, three seasons (July to June, 50 weeks each, Monday, Wednesday and
 * Friday), 450 finished workouts rotating three sessions of 4-6 entries (reps-weight, reps and time
 * exercises) with 3-6 sets each, about 10,000 sets (the exact counts are printed). It is seeded over
 * HTTP, as a client would log it: each workout POSTed whole with its entries and sets, then finished.
 *
 * Adding a set: the stored entry has no cap (MAX_SETS only bounds input), so hammering one entry would
 * grow it without end and slow every request. Instead, before each load run, W in-progress workouts of
 * today (copies of one the API created, with fresh ids, written straight to the collection) of 5
 * reps-weight entries with 2 sets each are laid out, and the requests go round-robin over the workouts
 * (consecutive requests never hit the same workout, as separate phones would not), then over their
 * entries, each entry listed for ADDED (6) more sets: no entry passes 2 + 6 = 8 sets unless the list
 * runs out and starts over. W is sized from the warm-up's requests/s with a 2x margin; the largest
 * entry after each run is printed, and the workouts are deleted afterwards so that the statistics read
 * only the history.
 *
 * Throughput (baseline and add-set) is measured with autocannon from another process (bench/load.js),
 * BENCH_CONNECTIONS (10) connections for BENCH_SECONDS (10) s; latency of the statistics, the history
 * and the baseline one request at a time, BENCH_REQUESTS (40) each, so each latency is the request's own
 * and not a queue's. BENCH_ROUNDS (3) rounds alternate the order of the cases; medians are reported.
 * Request logging at info (BENCH_LOG_LEVEL), written to /dev/null as production writes stdout.
 */
import { Types } from 'mongoose';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchApp } from './bench-app';
import { call, Latencies, load, LoadResult, median, timeSequential } from './http';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Distinct client addresses (X-Forwarded-For through a trusted proxy), as in the other benchmarks. */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';

const SEASONS = 3;
const WEEKS_PER_SEASON = 50;
/** Monday, Wednesday, Friday. */
const TRAINING_DAYS = [0, 2, 4];
const SEED_CONCURRENCY = 4;

/** The in-progress workouts sets are added to: entries each, sets they start with, sets added to each. */
const LIVE_ENTRIES = ['back-squat', 'romanian-deadlift', 'bench-press', 'dumbbell-row', 'barbell-hip-thrust'];
const LIVE_START_SETS = 2;
const ADDED = 6;
const TARGET_ADD_SET = 0.5;
const TARGET_STATS = 5;

type Measure = 'reps-weight' | 'reps' | 'time';
interface Planned {
  exerciseId: string;
  measure: Measure;
  /** Working weight (kg) at the start, or reps, or seconds. */
  start: number;
}

/** Three sessions in turn; the first 4-6 entries of each are done. Back squat is in two of them. */
const SESSIONS: { name: string; entries: Planned[] }[] = [
  {
    name: 'Lower body A',
    entries: [
      { exerciseId: 'back-squat', measure: 'reps-weight', start: 70 },
      { exerciseId: 'romanian-deadlift', measure: 'reps-weight', start: 60 },
      { exerciseId: 'nordic-hamstring-curl', measure: 'reps', start: 5 },
      { exerciseId: 'plank', measure: 'time', start: 45 },
      { exerciseId: 'copenhagen-adduction-short-lever', measure: 'reps', start: 8 },
      { exerciseId: 'standing-calf-raise', measure: 'reps-weight', start: 40 },
    ],
  },
  {
    name: 'Upper body',
    entries: [
      { exerciseId: 'bench-press', measure: 'reps-weight', start: 55 },
      { exerciseId: 'dumbbell-row', measure: 'reps-weight', start: 22 },
      { exerciseId: 'pull-up', measure: 'reps', start: 6 },
      { exerciseId: 'overhead-press', measure: 'reps-weight', start: 35 },
      { exerciseId: 'side-plank', measure: 'time', start: 30 },
      { exerciseId: 'face-pull', measure: 'reps-weight', start: 15 },
    ],
  },
  {
    name: 'Lower body B',
    entries: [
      { exerciseId: 'back-squat', measure: 'reps-weight', start: 70 },
      { exerciseId: 'barbell-hip-thrust', measure: 'reps-weight', start: 80 },
      { exerciseId: 'bulgarian-split-squat', measure: 'reps-weight', start: 16 },
      { exerciseId: 'nordic-hamstring-curl', measure: 'reps', start: 5 },
      { exerciseId: 'hollow-body-hold', measure: 'time', start: 25 },
      { exerciseId: 'pallof-press', measure: 'reps-weight', start: 10 },
    ],
  },
];

/** A small deterministic generator, so every run seeds the same history. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The Monday in the first week of July `year`. */
function julyMonday(year: number): string {
  const first = new Date(Date.UTC(year, 6, 1));
  return addDays(first.toISOString().slice(0, 10), (8 - first.getUTCDay()) % 7);
}

interface SeedWorkout {
  date: string;
  name: string;
  exercises: { exerciseId: string; sets: Record<string, number | string>[] }[];
}

/** Three seasons ending before the last July, in order of date. */
function history(lastSeasonYear: number): SeedWorkout[] {
  const next = random(20230703);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const workouts: SeedWorkout[] = [];
  for (let season = 0; season < SEASONS; season++) {
    const monday = julyMonday(lastSeasonYear - SEASONS + 1 + season);
    for (let week = 0; week < WEEKS_PER_SEASON; week++) {
      // Stronger through each season and from one season to the next, lighter in the last weeks.
      const progress = 1 + season * 0.08 + Math.min(week, 40) * 0.004 - (week >= 46 ? 0.1 : 0);
      for (const day of TRAINING_DAYS) {
        const session = SESSIONS[workouts.length % SESSIONS.length];
        const entries = session.entries.slice(0, int(4, 6));
        workouts.push({
          date: addDays(monday, week * 7 + day),
          name: session.name,
          exercises: entries.map((planned, i) => {
            const count = int(3, 6);
            const sets: Record<string, number | string>[] = [];
            for (let k = 0; k < count; k++) {
              const warmUp = i === 0 && k === 0;
              const rpe = Math.min(10, 6 + k * 0.5 + int(0, 2) * 0.5);
              if (planned.measure === 'reps-weight') {
                const weight = Math.round(planned.start * progress * (warmUp ? 0.5 : 1) * 2) / 2;
                sets.push(
                  warmUp
                    ? { type: 'warm-up', reps: 10, weightKg: weight }
                    : { reps: int(3, 10), weightKg: weight + int(0, 2) * 2.5, rpe, restS: 120 },
                );
              } else if (planned.measure === 'reps') {
                sets.push({ reps: Math.round(planned.start * progress) + int(-1, 2), rpe });
              } else {
                sets.push({ durationS: Math.round(planned.start * progress) + int(0, 3) * 5, restS: 60 });
              }
            }
            return { exerciseId: planned.exerciseId, sets };
          }),
        });
      }
    }
  }
  return workouts;
}

async function main(): Promise<void> {
  const { base, connection, admin, databaseKind, close } = await startBenchApp(LOG_LEVEL);
  const workoutsCollection = connection.collection('workouts');
  const scratch = mkdtempSync(join(tmpdir(), 'bench-workouts-'));
  try {
    const token = (await call(base, 'POST', '/api/v1/auth/login', admin)).body.accessToken as string;
    const player = (
      await call(
        base,
        'POST',
        '/api/v1/players',
        {
          firstName: 'Seasoned',
          lastName: 'Bench',
          dateOfBirth: '2001-03-14',
          sex: 'male',
          position: 'midfielder',
          level: 'elite',
          dominantFoot: 'right',
        },
        token,
      )
    ).body as { id: string };

    // The history, over HTTP: each workout whole, then finished.
    const today = new Date().toISOString().slice(0, 10);
    const lastSeasonYear = Number(today.slice(0, 4)) - (today.slice(5) >= '07-01' ? 1 : 2);
    const seed = history(lastSeasonYear);
    const seedStarted = performance.now();
    let nextSeed = 0;
    await Promise.all(
      Array.from({ length: SEED_CONCURRENCY }, async () => {
        while (nextSeed < seed.length) {
          const w = seed[nextSeed++];
          const created = await call(base, 'POST', `/api/v1/players/${player.id}/workouts`, w, token);
          await call(
            base,
            'POST',
            `/api/v1/workouts/${created.body.id}/finish`,
            { durationMin: 50 + (w.exercises.length - 4) * 10, sessionRpe: 4 + w.exercises.length / 2 },
            token,
          );
        }
      }),
    );
    const seedMs = performance.now() - seedStarted;
    const sets = seed.flatMap((w) => w.exercises.flatMap((e) => e.sets));
    const entries = seed.reduce((n, w) => n + w.exercises.length, 0);
    const warmUps = sets.filter((s) => s.type === 'warm-up').length;
    const uses = new Map<string, number>();
    for (const w of seed) for (const e of w.exercises) uses.set(e.exerciseId, (uses.get(e.exerciseId) ?? 0) + 1);
    const [mostUsed] = [...uses.entries()].sort((a, b) => b[1] - a[1])[0];
    const mostUsedSets = seed.reduce(
      (n, w) => n + w.exercises.filter((e) => e.exerciseId === mostUsed).reduce((m, e) => m + e.sets.length, 0),
      0,
    );
    const from = seed[0].date;
    const to = seed[seed.length - 1].date;

    // The in-progress workout the copies are made from, as the API stores it.
    const liveBody = {
      date: today,
      name: 'Gym session',
      exercises: LIVE_ENTRIES.map((exerciseId) => ({
        exerciseId,
        sets: Array.from({ length: LIVE_START_SETS }, () => ({ reps: 5, weightKg: 60 })),
      })),
    };
    const liveCreated = (await call(base, 'POST', `/api/v1/players/${player.id}/workouts`, liveBody, token)).body;
    const liveTemplate = (await workoutsCollection.findOne({ _id: new Types.ObjectId(String(liveCreated.id)) }))!;
    await workoutsCollection.deleteOne({ _id: liveTemplate._id });

    /** W fresh in-progress workouts, and the add-set paths over them: round-robin over workouts, then entries. */
    const layOutLiveWorkouts = async (count: number) => {
      const docs = Array.from({ length: count }, () => ({
        ...liveTemplate,
        _id: new Types.ObjectId(),
        exercises: (liveTemplate.exercises as { sets: object[] }[]).map((entry) => ({
          ...entry,
          entryId: new Types.ObjectId().toHexString(),
          sets: entry.sets.map((set) => ({ ...set, setId: new Types.ObjectId().toHexString() })),
        })),
      }));
      await workoutsCollection.insertMany(docs);
      const paths: string[] = [];
      for (let k = 0; k < count * LIVE_ENTRIES.length * ADDED; k++) {
        const doc = docs[k % count];
        const entry = doc.exercises[Math.floor(k / count) % LIVE_ENTRIES.length] as { entryId: string };
        paths.push(`/api/v1/workouts/${doc._id.toHexString()}/exercises/${entry.entryId}/sets`);
      }
      return { ids: docs.map((d) => d._id), paths };
    };

    const baselineUrl = `${base}/api/v1/players/${player.id}`;
    const statsUrl = `${base}/api/v1/players/${player.id}/workout-stats?from=${from}&to=${to}&groupBy=week`;
    const historyUrl = `${base}/api/v1/players/${player.id}/exercises/${mostUsed}/history`;
    // A question not asked before (another `to` each time, a day earlier): computed, not answered from the cache.
    let asked = 0;
    const uncachedStatsUrl = () =>
      `${base}/api/v1/players/${player.id}/workout-stats?from=${from}&to=${addDays(to, -++asked)}&groupBy=week`;
    const auth = { authorization: `Bearer ${token}` };
    const loadBaseline = (seconds = SECONDS) =>
      load(baselineUrl, { seconds, connections: CONNECTIONS, clients: CLIENTS, request: { headers: auth } });
    let liveWorkouts = 0;
    let largestEntry = 0;
    const loadAddSet = async (count: number, seconds = SECONDS) => {
      const { ids, paths } = await layOutLiveWorkouts(count);
      // bench/load.js cycles through the paths of `pathsFile` (a list this long would not fit in argv);
      // the request type in http.ts names only method, headers and body.
      const pathsFile = join(scratch, 'add-set-paths.txt');
      writeFileSync(pathsFile, paths.join('\n'));
      const request = {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'normal', reps: 5, weightKg: 100, rpe: 8, restS: 120 }),
        pathsFile,
      };
      try {
        return await load(`${base}${paths[0]}`, { seconds, connections: CONNECTIONS, clients: CLIENTS, request });
      } finally {
        const after = await workoutsCollection.find({ _id: { $in: ids } }, { projection: { exercises: 1 } }).toArray();
        for (const doc of after) {
          for (const entry of doc.exercises as { sets: unknown[] }[]) {
            largestEntry = Math.max(largestEntry, entry.sets.length);
          }
        }
        await workoutsCollection.deleteMany({ _id: { $in: ids } });
      }
    };

    // The statistics agree with what was seeded (working sets; warm-ups counted apart).
    const statsBody = (await call(base, 'GET', statsUrl.slice(base.length), undefined, token)).body;
    console.log(
      `\nMongoDB: ${databaseKind}; log level ${LOG_LEVEL}; load: ${CONNECTIONS} connections, ${SECONDS} s; ` +
        `${REQUESTS} requests one at a time per latency case; ${ROUNDS} rounds.\n` +
        `History seeded over HTTP in ${(seedMs / 1000).toFixed(1)} s: ${seed.length} finished workouts ` +
        `${from} to ${to}, ${entries} entries, ${sets.length} sets (${warmUps} warm-up); ` +
        `the statistics count ${statsBody.totals.workouts} workouts, ${statsBody.totals.sets} working sets, ` +
        `${statsBody.totals.warmUpSets} warm-up, ${statsBody.periods.length} weeks.\n` +
        `Most used exercise: ${mostUsed}, in ${uses.get(mostUsed)} workouts with ${mostUsedSets} sets.`,
    );

    // Warm-up (JIT, caches), and the add-set run sized from its rate.
    await loadBaseline(2);
    const warmWorkouts = 200;
    const warm = await loadAddSet(warmWorkouts, 2);
    liveWorkouts = Math.max(
      warmWorkouts,
      Math.ceil((warm.rps * 2 * SECONDS) / (LIVE_ENTRIES.length * ADDED) / 50) * 50,
    );
    await timeSequential(baselineUrl, token, REQUESTS);
    await timeSequential(statsUrl, token, REQUESTS);
    await timeSequential(historyUrl, token, REQUESTS);
    largestEntry = 0;
    console.log(
      `Add-set runs: ${liveWorkouts} in-progress workouts of ${LIVE_ENTRIES.length} entries (${LIVE_START_SETS} sets each ` +
        `at the start, ${ADDED} more each before the list starts over; warm-up ${warm.rps.toFixed(0)} req/s).\n`,
    );

    interface Round {
      baseline: LoadResult;
      addSet: LoadResult;
      baselineSeq: Latencies;
      stats: Latencies;
      uncachedStats: Latencies;
      history: Latencies;
    }
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const r: Partial<Round> = {};
      const steps: (() => Promise<void>)[] = [
        async () => void (r.baseline = await loadBaseline()),
        async () => void (r.addSet = await loadAddSet(liveWorkouts)),
        async () => void (r.baselineSeq = await timeSequential(baselineUrl, token, REQUESTS)),
        async () => void (r.stats = await timeSequential(statsUrl, token, REQUESTS)),
        async () => void (r.uncachedStats = await timeSequential(uncachedStatsUrl, token, REQUESTS)),
        async () => void (r.history = await timeSequential(historyUrl, token, REQUESTS)),
      ];
      // Alternate the order, so no case always runs on a warmer or a busier machine.
      for (const step of round % 2 === 0 ? steps : [...steps].reverse()) await step();
      rounds.push(r as Round);
    }

    const ms = (v: number) => `${v.toFixed(1).padStart(7)} ms`;
    const loadRow = (name: string, r: LoadResult) =>
      `${name.padEnd(44)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${ms(r.p50)}   p99 ${ms(r.p99)}` +
      `   CPU ${(r.cpuMs * 1000).toFixed(0).padStart(5)} µs/req   errors ${r.errors + r.non2xx}`;
    const seqRow = (name: string, r: Latencies) =>
      `${name.padEnd(44)} ${''.padStart(13)}   p50 ${ms(r.p50)}   p99 ${ms(r.p99)}   ${(r.bytes / 1024).toFixed(1)} KB`;
    rounds.forEach((r, i) => {
      console.log(`round ${i + 1}${i % 2 === 0 ? '' : ' (reverse order)'}`);
      console.log(loadRow('  baseline GET /players/:id (load)', r.baseline));
      console.log(
        `${loadRow('  add a set (load)', r.addSet)}   ${(r.addSet.rps / r.baseline.rps).toFixed(2)}x baseline`,
      );
      console.log(seqRow('  baseline GET /players/:id (one at a time)', r.baselineSeq));
      console.log(
        `${seqRow('  workout-stats, week, three seasons', r.stats)}   ${(r.stats.p50 / r.baselineSeq.p50).toFixed(1)}x`,
      );
      console.log(
        `${seqRow('  workout-stats, week, not asked before', r.uncachedStats)}   ${(r.uncachedStats.p50 / r.baselineSeq.p50).toFixed(1)}x`,
      );
      console.log(
        `${seqRow(`  history of ${mostUsed}`, r.history)}   ${(r.history.p50 / r.baselineSeq.p50).toFixed(1)}x`,
      );
    });

    const med = (pick: (r: Round) => number) => median(rounds.map(pick));
    const addRatio = med((r) => r.addSet.rps / r.baseline.rps);
    const statsRatio = med((r) => r.stats.p50 / r.baselineSeq.p50);
    const uncachedRatio = med((r) => r.uncachedStats.p50 / r.baselineSeq.p50);
    const historyRatio = med((r) => r.history.p50 / r.baselineSeq.p50);
    const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
    console.log(`\nMedians of ${ROUNDS} rounds (ratios are the medians of each round's own ratio)`);
    console.log(
      `| case | req/s | p50 | p99 | vs baseline | target |\n|---|---:|---:|---:|---:|---|\n` +
        `| baseline GET /players/:id, load | ${med((r) => r.baseline.rps).toFixed(0)} | ${med((r) => r.baseline.p50)} ms | ${med((r) => r.baseline.p99)} ms | | |\n` +
        `| add a set, load | ${med((r) => r.addSet.rps).toFixed(0)} | ${med((r) => r.addSet.p50)} ms | ${med((r) => r.addSet.p99)} ms | ${addRatio.toFixed(2)}x req/s | >= ${TARGET_ADD_SET}x: ${verdict(addRatio >= TARGET_ADD_SET)} |\n` +
        `| baseline GET /players/:id, one at a time | | ${med((r) => r.baselineSeq.p50).toFixed(1)} ms | ${med((r) => r.baselineSeq.p99).toFixed(1)} ms | | |\n` +
        `| workout-stats week, ${seed.length} workouts | | ${med((r) => r.stats.p50).toFixed(1)} ms | ${med((r) => r.stats.p99).toFixed(1)} ms | ${statsRatio.toFixed(1)}x p50 | <= ${TARGET_STATS}x: ${verdict(statsRatio <= TARGET_STATS)} |\n` +
        `| workout-stats week, not asked before (computed) | | ${med((r) => r.uncachedStats.p50).toFixed(1)} ms | ${med((r) => r.uncachedStats.p99).toFixed(1)} ms | ${uncachedRatio.toFixed(1)}x p50 | |\n` +
        `| history of ${mostUsed}, ${mostUsedSets} sets | | ${med((r) => r.history.p50).toFixed(1)} ms | ${med((r) => r.history.p99).toFixed(1)} ms | ${historyRatio.toFixed(1)}x p50 | |`,
    );
    console.log(
      `\nLargest entry after an add-set run: ${largestEntry} sets ` +
        `(${largestEntry <= LIVE_START_SETS + ADDED ? 'the request list never started over' : 'the request list started over: raise the workouts'}).`,
    );
  } finally {
    // The run's own database: a shared server (MONGODB_URI) keeps no bench data behind.
    rmSync(scratch, { recursive: true, force: true });
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
