/** Test helper: the shared activity samples and their MANIFEST (read-only, outside the repo). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { haversineDistanceM } from '../domain/geo';
import { hasPosition, type TrackPoint } from '../domain/track';

export const SAMPLES_DIR = join(__dirname, '../../../../shared/activity-samples');

export interface SampleEntry {
  name: string;
  format: string;
  notes: string;
  facts: Record<string, unknown>;
}

export interface SampleManifest {
  methods: Record<string, string>;
  files: SampleEntry[];
}

export function loadManifest(): SampleManifest {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, 'MANIFEST.json'), 'utf8')) as SampleManifest;
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
