/**
 * Activities benchmark: the analysis of an uploaded activity file against the bare parse of the same file by
 * the same parser in the same run, the upload request against GET /api/v1/players/:id, and memory.
 *
 *   npm run bench:activities   (uses MONGODB_URI, else mongodb-memory-server, else the offline server)
 *
 * Files (bench/activities-files.ts, bench/activities-fit.mjs), generated deterministically from fixed seeds:
 * a 90-minute football match at 10 Hz (54,000 points) as GPX 1.1 with Garmin heart-rate extensions and as
 * FIT (Garmin's FIT SDK encoder), and a 2-hour run at 1 Hz (7,200 points) as TCX with a lap per kilometre.
 *
 * Target: full analysis at most 2x the bare parse, per file. "Bare parse" is readActivityFile and the
 * format's parser alone; "full analysis" is that, then analyzeActivityFile (cleaning, metrics, laps, 1 km
 * and 5 min splits), which is what the upload does with a file (bench/activities-pipeline.ts). Measured in
 * process, one operation at a time, BENCH_ROUNDS (7) rounds after BENCH_WARMUP (2) of each: every round
 * runs every file, bare and full, in an order that alternates from one round to the next, with a full GC
 * before each operation so that no case pays for another's garbage. Medians are reported; the ratio is
 * the median of each round's own ratio. Figures are printed, never asserted.
 *
 * Memory: a fresh child process per file and mode (bench/activities-memory.ts explains the method): the
 * high-water RSS during one bare parse or one full analysis above the RSS before it, and the heap the
 * result keeps. BENCH_MEMORY_RUNS (1) children per case; the median is shown.
 *
 * Uploads: the app boots as in the other benchmarks (the database as above, request logging at info to
 * /dev/null, BENCH_LOG_LEVEL), an admin creates a player, and through the upload route
 * POST /api/v1/players/:playerId/activities (multipart field `file`, 201) each file is uploaded
 * BENCH_UPLOADS (4) times in each of BENCH_UPLOAD_ROUNDS (3) rounds, one request at a time, alternating with BENCH_REQUESTS (20) requests
 * of the baseline GET /api/v1/players/:id. The service refuses a file it already holds (409), so every
 * upload sends a file of its own: the same recording moved by a whole number of days (a new start time,
 * hence different bytes; the seed, the movement and the analysis are the same). Memory per upload, in the
 * server's own process (warm: its heap already grown by earlier uploads): the highest RSS while the upload
 * ran above the RSS just before it, sampled by a worker thread (see rssSampler), and the RSS and V8 heap
 * left after a full GC (heap kept near 0 means nothing leaks; RSS kept is memory the allocator keeps for
 * later). The cold, one-operation figures are those of the memory part above. Without the route, the upload
 * part is skipped and says why.
 *
 * BENCH_PARTS (parse,memory,uploads) picks the parts to run.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { type BenchActivity, footballMatch, longRun, toGpx, toTcx } from './activities-files';
import { bareParse, fullAnalysis, type Mode } from './activities-pipeline';
import { call, median, timeSequential, type Latencies } from './http';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const MEMORY_RUNS = Number(process.env.BENCH_MEMORY_RUNS ?? 1);
const UPLOAD_ROUNDS = Number(process.env.BENCH_UPLOAD_ROUNDS ?? 3);
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 4);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
/** Which parts run: any of parse, memory, uploads (comma-separated). */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'parse,memory,uploads').split(',').map((p) => p.trim()));
const TARGET_RATIO = 2;

const MATCH_SEED = 20261128;
const RUN_SEED = 20261129;
const MATCH_START = Date.UTC(2026, 10, 28, 15, 0, 0);
const RUN_START = Date.UTC(2026, 10, 29, 8, 0, 0);
const DAY_MS = 86_400_000;
const FIT_SERIAL = 3412345678;

/** A full GC between measurements; the flag can be set at run time, the function is then in a new context. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * A real import() for the FIT SDK, an ES module: ts-node compiles this file to CommonJS and would turn an
 * import() written here into require().
 */
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

interface FitModule {
  encodeFit: (activity: BenchActivity, options: { sport: string; serialNumber: number }) => Uint8Array;
}
interface FitSdk {
  Decoder: new (stream: unknown) => { checkIntegrity: () => boolean };
  Stream: { fromByteArray: (bytes: Uint8Array) => unknown };
}

interface BenchFile {
  name: string;
  format: string;
  /** The upload form's `kind`. */
  kind: string;
  /** Builds the file with its recording moved by `days` days (0: the benchmark's own file). */
  build: (days: number) => Buffer;
  bytes: Buffer;
}

async function benchFiles(): Promise<BenchFile[]> {
  const { encodeFit } = (await importEsm(pathToFileURL(join(__dirname, 'activities-fit.mjs')).href)) as FitModule;
  const match = (days: number) => footballMatch(MATCH_SEED, MATCH_START + days * DAY_MS);
  const run = (days: number) => longRun(RUN_SEED, RUN_START + days * DAY_MS);
  const builders: Omit<BenchFile, 'bytes'>[] = [
    { name: 'match 90 min 10 Hz', format: 'GPX', kind: 'match', build: (d) => Buffer.from(toGpx(match(d))) },
    {
      name: 'match 90 min 10 Hz',
      format: 'FIT',
      kind: 'match',
      build: (d) => Buffer.from(encodeFit(match(d), { sport: 'soccer', serialNumber: FIT_SERIAL })),
    },
    { name: 'run 2 h 1 Hz', format: 'TCX', kind: 'run', build: (d) => Buffer.from(toTcx(run(d))) },
  ];
  return builders.map((b) => ({ ...b, bytes: b.build(0) }));
}

const label = (f: BenchFile) => `${f.name} ${f.format}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (v: number) => `${v.toFixed(0)} ms`;

/** Wall and CPU time (ms) of one operation, after a full GC. */
async function timeOnce(mode: Mode, bytes: Buffer): Promise<{ wall: number; cpu: number }> {
  gc();
  const cpu = process.cpuUsage();
  const started = performance.now();
  if (mode === 'bare') await bareParse(bytes);
  else await fullAnalysis(bytes);
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

interface Timing {
  bare: number[];
  full: number[];
  ratio: number[];
  /** The same ratio in CPU time of the process, which another job on the machine disturbs less. */
  cpuRatio: number[];
}

async function timeInProcess(files: BenchFile[]): Promise<Timing[]> {
  for (let i = 0; i < WARMUP; i++) {
    for (const f of files) {
      await timeOnce('bare', f.bytes);
      await timeOnce('full', f.bytes);
    }
  }
  const timings: Timing[] = files.map(() => ({ bare: [], full: [], ratio: [], cpuRatio: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which mode goes first, and rotate the files, so no case always runs on a warmer heap.
    const modes: Mode[] = round % 2 === 0 ? ['bare', 'full'] : ['full', 'bare'];
    for (let k = 0; k < files.length; k++) {
      const i = (k + round) % files.length;
      const t = {} as Record<Mode, { wall: number; cpu: number }>;
      for (const mode of modes) t[mode] = await timeOnce(mode, files[i].bytes);
      timings[i].bare.push(t.bare.wall);
      timings[i].full.push(t.full.wall);
      timings[i].ratio.push(t.full.wall / t.bare.wall);
      timings[i].cpuRatio.push(t.full.cpu / t.bare.cpu);
    }
  }
  return timings;
}

interface MemoryFigures {
  ms: number;
  rssBefore: number;
  highWaterBefore: number;
  peakGrowth: number;
  peakBeforeOp: boolean;
  retainedHeap: number;
}

/** One child per measurement (see bench/activities-memory.ts for the method). */
async function measureMemory(file: string, mode: Mode): Promise<MemoryFigures> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '-r', 'ts-node/register/transpile-only', join(__dirname, 'activities-memory.ts'), file, mode],
    { cwd: join(__dirname, '..'), maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string) as MemoryFigures;
}

function medianMemory(runs: MemoryFigures[]): MemoryFigures {
  const m = (pick: (r: MemoryFigures) => number) => median(runs.map(pick));
  return {
    ms: m((r) => r.ms),
    rssBefore: m((r) => r.rssBefore),
    highWaterBefore: m((r) => r.highWaterBefore),
    peakGrowth: m((r) => r.peakGrowth),
    peakBeforeOp: runs.some((r) => r.peakBeforeOp),
    retainedHeap: m((r) => r.retainedHeap),
  };
}

interface UploadFigures {
  ms: number;
  status: number;
  /** Highest process RSS while the upload ran, above the RSS (after a full GC) just before it. */
  peakGrowth: number;
  /** RSS and V8 heap after a full GC, after the upload minus before it: what the upload left behind. */
  rssKept: number;
  heapKept: number;
}

/**
 * The process's RSS sampled every RSS_SAMPLE_MS by a worker thread, which runs beside the event loop and so
 * also sees the top of the synchronous parse and analysis inside a request (a timer on the main thread
 * would not fire there). `reset()` starts a new maximum, `peak()` reads it (bytes).
 */
const RSS_SAMPLE_MS = 2;
function rssSampler(): { reset: () => void; peak: () => number; stop: () => Promise<number> } {
  const shared = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peakKb = new Int32Array(workerData);
     setInterval(() => {
       const kb = Math.round(process.memoryUsage.rss() / 1024);
       if (kb > Atomics.load(peakKb, 0)) Atomics.store(peakKb, 0, kb);
     }, ${RSS_SAMPLE_MS});`,
    { eval: true, workerData: shared.buffer },
  );
  return {
    reset: () => Atomics.store(shared, 0, Math.round(process.memoryUsage.rss() / 1024)),
    peak: () => Atomics.load(shared, 0) * 1024,
    stop: () => worker.terminate(),
  };
}

async function upload(url: string, token: string, bytes: Buffer, filename: string, kind: string) {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', new Blob([bytes]), filename);
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  return { ms: performance.now() - started, status: res.status, text };
}

async function main(): Promise<void> {
  // 1. The files.
  const genStarted = performance.now();
  const files = await benchFiles();
  const genMs = performance.now() - genStarted;
  const scratch = mkdtempSync(join(tmpdir(), 'bench-activities-'));
  const paths = files.map((f, i) => {
    const path = join(scratch, `file-${i}.${f.format.toLowerCase()}`);
    writeFileSync(path, f.bytes);
    return path;
  });
  const sdk = (await importEsm('@garmin/fitsdk')) as FitSdk;
  const fit = files.find((f) => f.format === 'FIT') as BenchFile;
  const fitIntact = new sdk.Decoder(sdk.Stream.fromByteArray(new Uint8Array(fit.bytes))).checkIntegrity();

  console.log(`\nFiles, generated in ${(genMs / 1000).toFixed(1)} s (seeds ${MATCH_SEED}, ${RUN_SEED}):`);
  const shapes: { parsed: number; cleaned: number }[] = [];
  for (const f of files) {
    const { parsed, analysis } = await fullAnalysis(f.bytes);
    const q = analysis.quality;
    const s = analysis.metrics.summary;
    const r = analysis.metrics.running;
    shapes.push({
      parsed: parsed.points.length,
      cleaned: q.inputPoints - q.duplicateTimestamps - q.backwardsTimestamps - q.gpsJumps,
    });
    console.log(
      `  ${label(f).padEnd(24)} ${mb(f.bytes.length).padStart(8)}  ${parsed.points.length} points parsed, ` +
        `${q.duplicateTimestamps} duplicate time stamps dropped, ${parsed.laps.length} laps; ` +
        `${(s.distanceM / 1000).toFixed(2)} km, sampling ${s.samplingHz} Hz, HR avg ${s.heartRate?.avg.toFixed(0)} ` +
        `max ${s.heartRate?.max}, HSR ${r.highSpeedRunningM.toFixed(0)} m, ${r.sprints.count} sprints, ` +
        `${r.accelerations.count} accelerations, ${r.decelerations.count} decelerations; ` +
        `sections: ${analysis.laps.length} laps, ${analysis.splits.distance.length} of 1 km, ` +
        `${analysis.splits.time.length} of 5 min`,
    );
  }
  const fitShape = shapes[files.indexOf(fit)];
  console.log(
    `  FIT: parseFit (fit-file-parser, strict: header and file CRC checked) read ${fitShape.parsed} records; ` +
      `FIT SDK Decoder.checkIntegrity: ${fitIntact}. Record time stamps are whole seconds and each 10 Hz record ` +
      `carries its fraction in time128 (${fitShape.cleaned} points analysed).`,
  );

  try {
    // 2. Bare parse against full analysis, in process.
    if (PARTS.has('parse')) await reportInProcess(files, shapes);
    // 3. Memory, a child process per case.
    if (PARTS.has('memory')) await reportMemory(files, paths);
    // 4. Uploads over HTTP.
    if (PARTS.has('uploads')) await benchUploads(files);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function reportInProcess(files: BenchFile[], shapes: { parsed: number; cleaned: number }[]): Promise<void> {
  console.log(`\nIn process: ${WARMUP} warm-up and ${ROUNDS} timed rounds, a full GC before each operation.`);
  const timings = await timeInProcess(files);
  console.log(
    `\n| file | size | points parsed / analysed | bare parse p50 | full analysis p50 | analysis alone | ` +
      `full / bare (median of rounds, range) | in CPU time | target <= ${TARGET_RATIO}x |\n` +
      `|---|---:|---:|---:|---:|---:|---:|---:|---|`,
  );
  files.forEach((f, i) => {
    const t = timings[i];
    const ratio = median(t.ratio);
    console.log(
      `| ${label(f)} | ${mb(f.bytes.length)} | ${shapes[i].parsed} / ${shapes[i].cleaned} | ${ms(median(t.bare))} | ` +
        `${ms(median(t.full))} | ${ms(median(t.full) - median(t.bare))} | ${ratio.toFixed(2)}x ` +
        `(${Math.min(...t.ratio).toFixed(2)}-${Math.max(...t.ratio).toFixed(2)}) | ${median(t.cpuRatio).toFixed(2)}x | ` +
        `${ratio <= TARGET_RATIO ? 'met' : 'MISSED'} |`,
    );
  });
}

async function reportMemory(files: BenchFile[], paths: string[]): Promise<void> {
  console.log(
    `\nMemory: a fresh process per case (${MEMORY_RUNS} each), one operation, high-water RSS above the RSS before it.`,
  );
  console.log(
    `\n| file | mode | time | RSS before | peak RSS growth | heap kept by the result |\n|---|---|---:|---:|---:|---:|`,
  );
  for (let i = 0; i < files.length; i++) {
    for (const mode of ['bare', 'full'] as Mode[]) {
      const runs: MemoryFigures[] = [];
      for (let k = 0; k < MEMORY_RUNS; k++) runs.push(await measureMemory(paths[i], mode));
      const m = medianMemory(runs);
      const peak = m.peakBeforeOp
        ? `under ${mb(m.highWaterBefore - m.rssBefore)} (start-up peak not passed)`
        : `+${mb(m.peakGrowth)}`;
      console.log(
        `| ${label(files[i])} | ${mode === 'bare' ? 'bare parse' : 'full analysis'} | ${ms(m.ms)} | ` +
          `${mb(m.rssBefore)} | ${peak} | ${mb(m.retainedHeap)} |`,
      );
    }
  }
}

async function benchUploads(files: BenchFile[]): Promise<void> {
  // Loaded here, not at the top: the in-process figures do not need the app, nor wait for all of it to compile.
  const { startBenchApp } = await import('./bench-app');
  const { base, admin, databaseKind, close } = await startBenchApp(LOG_LEVEL);
  const sampler = rssSampler();
  try {
    const token = (await call(base, 'POST', '/api/v1/auth/login', admin)).body.accessToken as string;
    const player = (
      await call(
        base,
        'POST',
        '/api/v1/players',
        {
          firstName: 'Match',
          lastName: 'Bench',
          dateOfBirth: '2002-05-09',
          sex: 'male',
          position: 'midfielder',
          level: 'elite',
          dominantFoot: 'right',
        },
        token,
      )
    ).body as { id: string };
    const baselineUrl = `${base}/api/v1/players/${player.id}`;
    const uploadUrl = `${base}/api/v1/players/${player.id}/activities`;

    // Every upload a file of its own: day 1 is the probe and warm-up, then one day further per upload.
    let day = 0;
    const nextFile = (f: BenchFile) => ({ bytes: f.build(++day), name: `bench-day-${day}.${f.format.toLowerCase()}` });

    for (const f of files) {
      const probe = nextFile(f);
      const res = await upload(uploadUrl, token, probe.bytes, probe.name, f.kind);
      if (res.status !== 201) {
        console.log(
          `\nUploads: skipped, POST /api/v1/players/:playerId/activities answered ${res.status} to the ` +
            `${label(f)} file (expected 201): ${res.text.slice(0, 300)}`,
        );
        return;
      }
    }
    await timeSequential(baselineUrl, token, REQUESTS);

    // The files of every timed upload, built before any timing (building the FIT file takes a second or two).
    const planned = files.map((f) =>
      Array.from({ length: UPLOAD_ROUNDS }, () => Array.from({ length: UPLOADS }, () => nextFile(f))),
    );
    const baselines: Latencies[] = [];
    const figures: UploadFigures[][] = files.map(() => []);
    for (let round = 0; round < UPLOAD_ROUNDS; round++) {
      const steps: (() => Promise<void>)[] = [
        async () => void baselines.push(await timeSequential(baselineUrl, token, REQUESTS)),
        ...files.map((f, i) => async () => {
          for (const file of planned[i][round]) {
            gc();
            const before = process.memoryUsage();
            sampler.reset();
            const res = await upload(uploadUrl, token, file.bytes, file.name, f.kind);
            const peak = sampler.peak();
            gc();
            const after = process.memoryUsage();
            figures[i].push({
              ms: res.ms,
              status: res.status,
              peakGrowth: peak - before.rss,
              rssKept: after.rss - before.rss,
              heapKept: after.heapUsed - before.heapUsed,
            });
          }
        }),
      ];
      // Alternate the order, so no case always runs on a warmer or a busier machine.
      for (const step of round % 2 === 0 ? steps : [...steps].reverse()) await step();
    }

    const baselineP50 = median(baselines.map((b) => b.p50));
    console.log(
      `\nUploads over HTTP (MongoDB: ${databaseKind}; log level ${LOG_LEVEL}): ${UPLOAD_ROUNDS} rounds of ` +
        `${UPLOADS} uploads per file and ${REQUESTS} baseline requests, one request at a time, alternating order.`,
    );
    console.log(
      `\n| case | p50 | max | vs baseline p50 | peak RSS growth, median (max) | kept after GC: RSS, heap | answers |\n` +
        `|---|---:|---:|---:|---:|---:|---|\n` +
        `| GET /players/:id (baseline) | ${baselineP50.toFixed(1)} ms | ` +
        `${Math.max(...baselines.map((b) => b.max)).toFixed(1)} ms | | | | 200 |`,
    );
    files.forEach((f, i) => {
      const all = figures[i];
      const p50 = median(all.map((u) => u.ms));
      const signed = (bytes: number) => `${bytes >= 0 ? '+' : ''}${mb(bytes)}`;
      const statuses = [...new Set(all.map((u) => u.status))];
      console.log(
        `| upload ${label(f)} (${mb(f.bytes.length)}) | ${ms(p50)} | ${ms(Math.max(...all.map((u) => u.ms)))} | ` +
          `${(p50 / baselineP50).toFixed(0)}x | ${signed(median(all.map((u) => u.peakGrowth)))} ` +
          `(${signed(Math.max(...all.map((u) => u.peakGrowth)))}) | ${signed(median(all.map((u) => u.rssKept)))}, ` +
          `${signed(median(all.map((u) => u.heapKept)))} | ${statuses.join(', ')} |`,
      );
    });
    const memory = process.memoryUsage();
    console.log(
      `\nProcess at the end: RSS ${mb(memory.rss)}, heap ${mb(memory.heapUsed)}, high-water RSS ` +
        `${mb(process.resourceUsage().maxRSS * 1024)}; it also holds the ${files.length * (UPLOAD_ROUNDS * UPLOADS + 1)} ` +
        `generated upload files. Peak RSS sampled every ${RSS_SAMPLE_MS} ms by a worker thread.`,
    );
  } finally {
    await sampler.stop();
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
