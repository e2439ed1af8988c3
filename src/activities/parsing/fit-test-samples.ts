/**
 * Test helper (not production code): the shared real-world activity samples and their MANIFEST facts,
 * read from /work/shared/activity-samples (never written to).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { haversineDistanceM } from '../domain/geo';
import { hasPosition, type TrackPoint } from '../domain/track';

export const SAMPLES_DIR = resolve(__dirname, '../../../../shared/activity-samples');

export interface SampleFacts {
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

export function manifestEntries(format: string): SampleEntry[] {
  const manifest = JSON.parse(readFileSync(join(SAMPLES_DIR, 'MANIFEST.json'), 'utf8')) as { files: SampleEntry[] };
  return manifest.files.filter((f) => f.format === format);
}

export const readSample = (name: string): Buffer => readFileSync(join(SAMPLES_DIR, name));

/** Sum of haversine distances between consecutive positioned points, in order (the MANIFEST's method). */
export function haversineOverPositions(points: TrackPoint[]): number {
  const positioned = points.filter(hasPosition);
  let sum = 0;
  for (let i = 1; i < positioned.length; i++) sum += haversineDistanceM(positioned[i - 1], positioned[i]);
  return sum;
}
