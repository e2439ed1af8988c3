/** Test helper: the real activity samples kept in test/fixtures and their MANIFEST of verified facts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { haversineDistanceM } from '../domain/geo';
import { hasPosition, type TrackPoint } from '../domain/track';
import { ActivityFileError } from './parsed-activity';

export const SAMPLES_DIR = join(__dirname, '../../../test/fixtures/activity-samples');

export interface SampleFacts {
  [fact: string]: unknown;
  fit_file_parser_strict?: string;
  records?: number | null;
  records_with_position?: number | null;
  rows?: number;
  start_time?: string | null;
  end_time?: string | null;
  start_time_if_utc?: string;
  end_time_if_utc?: string;
  duration_s?: number | null;
  heart_rate?: boolean | null;
  hr_max?: number | null;
  hr_min?: number | null;
  laps?: number | null;
  summary_distance_m?: number | null;
  haversine_m?: number | null;
  header?: string[];
  sessions?: { sport?: string }[];
  file_id?: { manufacturer?: string; product?: number } | null;
  lat_range?: [number, number];
  lon_range?: [number, number];
}

export interface SampleEntry {
  name: string;
  format: string;
  notes: string;
  facts: SampleFacts;
}

export interface SampleManifest {
  methods: Record<string, string>;
  files: SampleEntry[];
}

export function loadManifest(): SampleManifest {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, 'MANIFEST.json'), 'utf8')) as SampleManifest;
}

export function manifestEntries(format: string): SampleEntry[] {
  return loadManifest().files.filter((f) => f.format === format);
}

export function sampleBytes(name: string): Buffer {
  return readFileSync(join(SAMPLES_DIR, name));
}

/** MANIFEST haversine_m: consecutive positioned points, summed within segments only (breaks at `segmentStarts`). */
export function haversineWithinSegmentsM(points: TrackPoint[], segmentStarts: number[]): number {
  const breaks = new Set(segmentStarts);
  let total = 0;
  let prev: { lat: number; lon: number } | undefined;
  points.forEach((p, i) => {
    if (breaks.has(i)) prev = undefined;
    if (!hasPosition(p)) return;
    if (prev) total += haversineDistanceM(prev, p);
    prev = p;
  });
  return total;
}

/** The MANIFEST's FIT and CSV method: consecutive positioned points over the whole file, in order. */
export function haversineOverPositions(points: TrackPoint[]): number {
  return haversineWithinSegmentsM(points, []);
}

/** The uncompressed size the parsing tests allow (the largest sample is about 2 MB). */
export const SAMPLE_READ_LIMIT = { maxUncompressedBytes: 50 * 1024 * 1024 };

/** The code of the ActivityFileError `fn` throws; undefined when it throws none (other errors are rethrown). */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ActivityFileError) return e.code;
    throw e;
  }
  return undefined;
}
