import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { TrackPoint } from './domain/track';

/**
 * The cleaned track as stored: one Float64 column per field (NaN for a missing value), deflated.
 * Columns compress far better than objects and decode without parsing: a 10 Hz match (54,000 points)
 * takes about a megabyte and decodes in milliseconds. The first byte is the layout version.
 */
const VERSION = 1;
const COLUMNS = ['timeMs', 'lat', 'lon', 'altitudeM', 'heartRate', 'speedMps', 'distanceM'] as const;

export function encodeTrack(points: readonly TrackPoint[]): Buffer {
  const n = points.length;
  const data = new Float64Array(n * COLUMNS.length);
  COLUMNS.forEach((column, c) => {
    const offset = c * n;
    for (let i = 0; i < n; i++) {
      const value = points[i][column];
      data[offset + i] = value ?? NaN;
    }
  });
  const header = Buffer.alloc(5);
  header.writeUInt8(VERSION, 0);
  header.writeUInt32LE(n, 1);
  return Buffer.concat([header, deflateRawSync(Buffer.from(data.buffer))]);
}

export function decodeTrack(encoded: Buffer): TrackPoint[] {
  if (encoded.readUInt8(0) !== VERSION) throw new Error(`Unknown track layout ${encoded.readUInt8(0)}`);
  const n = encoded.readUInt32LE(1);
  const raw = inflateRawSync(encoded.subarray(5));
  const data = new Float64Array(raw.buffer, raw.byteOffset, raw.byteLength / 8);
  const points: TrackPoint[] = new Array<TrackPoint>(n);
  for (let i = 0; i < n; i++) {
    const point: TrackPoint = { timeMs: data[i] };
    for (let c = 1; c < COLUMNS.length; c++) {
      const value = data[c * n + i];
      if (!Number.isNaN(value)) point[COLUMNS[c] as Exclude<(typeof COLUMNS)[number], 'timeMs'>] = value;
    }
    points[i] = point;
  }
  return points;
}
