/**
 * What the activities benchmark times in process, shared by bench/activities.bench.ts and its memory child
 * (bench/activities-memory.ts): the bare parse (readActivityFile and the format's parser alone) and the full
 * analysis (the same, then analyzeActivityFile), which is what an upload does with a file.
 */
import { type Athlete, analyzeActivityFile } from '../src/activities/domain/activity-analysis';
import { parseFit } from '../src/activities/parsing/fit';
import { parseGpx } from '../src/activities/parsing/gpx';
import type { ParsedActivity } from '../src/activities/parsing/parsed-activity';
import { readActivityFile } from '../src/activities/parsing/sniff';
import { parseTcx } from '../src/activities/parsing/tcx';
import { parseVestCsv } from '../src/activities/parsing/vest-csv';

/** Generous: the benchmark's largest file is about 12 MB; the limit only bounds a gunzip. */
export const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;

/** An adult outfield player with a known resting heart rate and top speed, so every metric is computed. */
export const BENCH_ATHLETE: Athlete = { sex: 'male', ageYears: 24, hrRest: 52, maxSpeedMps: 9.1 };

export type Mode = 'bare' | 'full';

/** readActivityFile, then the parser of the format it recognised. */
export async function bareParse(bytes: Buffer): Promise<ParsedActivity & { segmentStarts?: number[] }> {
  const read = readActivityFile(bytes, { maxUncompressedBytes: MAX_UNCOMPRESSED_BYTES });
  switch (read.format) {
    case 'gpx':
      return parseGpx(read.text ?? '');
    case 'tcx':
      return parseTcx(read.text ?? '');
    case 'fit':
      return parseFit(read.bytes);
    case 'vest-csv':
      return parseVestCsv(read.text ?? '');
  }
}

/** The bare parse, then analyzeActivityFile: what the upload computes from a file. */
export async function fullAnalysis(bytes: Buffer, athlete: Athlete = BENCH_ATHLETE) {
  const parsed = await bareParse(bytes);
  return { parsed, analysis: analyzeActivityFile(parsed, athlete) };
}

export const runMode = (mode: Mode, bytes: Buffer): Promise<unknown> =>
  mode === 'bare' ? bareParse(bytes) : fullAnalysis(bytes);
