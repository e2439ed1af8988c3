/**
 * Memory child of the activities benchmark: one bare parse or one full analysis of one file in a fresh
 * process, printing what it cost in memory as one JSON line. Started by bench/activities.bench.ts as
 *
 *   node --expose-gc -r ts-node/register/transpile-only bench/activities-memory.ts FILE bare|full
 *
 * Method. A fresh process per measurement, so nothing an earlier case allocated (or the V8 heap it grew) is
 * counted. The modules are loaded and the file read first, then a full GC, then the baseline: RSS and heap.
 * The operation runs once. Its peak is the process's high-water RSS (`process.resourceUsage().maxRSS`, which
 * the kernel keeps and which catches the top of a synchronous parse that no timer could sample); the peak
 * growth is that high-water mark minus the baseline RSS. When the high-water mark was already reached
 * before the operation (loading ts-node and TypeScript), the operation did not pass it and only a bound is
 * known: `peakBeforeOp` says so. Retained heap is the heap after a full GC with the result still referenced
 * minus the baseline heap: what holding the parsed file (and its analysis) costs.
 */
import { readFileSync } from 'node:fs';
import { type Mode, runMode } from './activities-pipeline';

async function main(): Promise<void> {
  const [file, mode] = process.argv.slice(2) as [string, Mode];
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  if (mode !== 'bare' && mode !== 'full') throw new Error(`mode: bare or full, got ${mode}`);
  const bytes = readFileSync(file);
  gc();
  gc();
  const before = process.memoryUsage();
  const highWaterBefore = process.resourceUsage().maxRSS * 1024;
  const started = performance.now();
  const result = await runMode(mode, bytes);
  const ms = performance.now() - started;
  const highWaterAfter = process.resourceUsage().maxRSS * 1024;
  gc();
  gc();
  const after = process.memoryUsage();
  // `result` is read here so that it is still reachable during the GC above.
  const kept = result !== undefined;
  process.stdout.write(
    `${JSON.stringify({
      mode,
      ms,
      rssBefore: before.rss,
      highWaterBefore,
      highWaterAfter,
      peakGrowth: highWaterAfter - before.rss,
      peakBeforeOp: highWaterAfter <= highWaterBefore,
      retainedHeap: after.heapUsed - before.heapUsed,
      kept,
    })}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
