/**
 * FIT (Garmin/ANT binary activity file) → ParsedActivity, via fit-file-parser in strict mode: the header CRC
 * (when non-zero), the declared data size and the file CRC are all checked before any message is decoded.
 *
 * A record's `timestamp` is whole seconds; devices sampling faster (10 Hz) add the fraction in the record's
 * `time128` field (FIT profile: field 48, 1/128 s), which is added here. Without it, records sharing a second
 * share a time, and cleaning keeps the first of them.
 */
import FitParser from 'fit-file-parser';

import type { TrackPoint } from '../domain/track';
import {
  ActivityFileError,
  checkedPosition,
  type ActivityDevice,
  type ActivityLap,
  type ParsedActivity,
} from './parsed-activity';

type FitMessage = Record<string, unknown>;

/**
 * The library's refusals that mean "the bytes stop too early" (checked in this order by fit-file-parser 6.1.2
 * before decoding). Every other refusal (header or file CRC mismatch, a header that is not FIT, a message that
 * does not decode) means the bytes are there but wrong: 'corrupt-fit'.
 */
const TRUNCATION_MESSAGES = ['file to small to be a fit file', 'file data exceeds input length', 'file crc missing'];

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

const timeOf = (v: unknown): number | undefined => {
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.getTime() : undefined;
  return undefined;
};

const text = (v: unknown): string | undefined => {
  if (typeof v === 'string' && v.trim() !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
};

const list = (v: unknown): FitMessage[] =>
  Array.isArray(v) ? v.filter((m): m is FitMessage => typeof m === 'object' && m !== null) : [];

function refusal(error: unknown, size: number): ActivityFileError {
  const reason = error instanceof Error ? error.message : String(error);
  if (size === 0) return new ActivityFileError('truncated-fit', 'FIT file is empty (0 bytes)');
  if (TRUNCATION_MESSAGES.includes(reason.toLowerCase())) {
    return new ActivityFileError('truncated-fit', `FIT file is truncated or incomplete (${size} bytes): ${reason}`);
  }
  return new ActivityFileError('corrupt-fit', `FIT file is corrupt: ${reason}`);
}

/** The sub-second part of a record's time (ms) from `time128`, decoded as seconds; 0 without a valid one. */
function fractionMs(r: FitMessage): number {
  const seconds = num(r.time128);
  return seconds !== undefined && seconds >= 0 && seconds < 1 ? Math.round(seconds * 1000) : 0;
}

function toPoint(r: FitMessage): TrackPoint | undefined {
  const wholeMs = timeOf(r.timestamp);
  if (wholeMs === undefined) return undefined;
  const timeMs = wholeMs + fractionMs(r);
  const p: TrackPoint = { timeMs };
  const lat = num(r.position_lat);
  const lon = num(r.position_long);
  if (lat !== undefined && lon !== undefined) {
    Object.assign(p, checkedPosition(lat, lon, `FIT record at ${new Date(timeMs).toISOString()}`));
  }
  const altitudeM = num(r.enhanced_altitude) ?? num(r.altitude);
  if (altitudeM !== undefined) p.altitudeM = altitudeM;
  const hr = num(r.heart_rate);
  // 0 is "no reading" on several devices, 255 is the FIT invalid value.
  if (hr !== undefined && hr >= 1 && hr <= 254) p.heartRate = hr;
  const speedMps = num(r.enhanced_speed) ?? num(r.speed);
  if (speedMps !== undefined) p.speedMps = speedMps;
  const distanceM = num(r.distance);
  if (distanceM !== undefined) p.distanceM = distanceM;
  return p;
}

function toLap(l: FitMessage): ActivityLap | undefined {
  const startMs = timeOf(l.start_time);
  if (startMs === undefined) return undefined;
  const elapsedS = num(l.total_elapsed_time);
  const endMs = elapsedS !== undefined ? startMs + Math.round(elapsedS * 1000) : (timeOf(l.timestamp) ?? startMs);
  const lap: ActivityLap = { startMs, endMs };
  const distanceM = num(l.total_distance);
  if (distanceM !== undefined) lap.distanceM = distanceM;
  return lap;
}

/** The creator device: file_id first, then the device_info marked creator (or the first one). */
function toDevice(fileIds: FitMessage[], deviceInfos: FitMessage[]): ActivityDevice | undefined {
  const creatorInfo = deviceInfos.find((d) => d.device_index === 'creator' || d.device_index === 0) ?? deviceInfos[0];
  const sources = [...fileIds.slice(0, 1), ...(creatorInfo ? [creatorInfo] : [])];
  const pick = (...keys: string[]): string | undefined => {
    for (const s of sources) {
      for (const k of keys) {
        const v = text(s[k]);
        if (v !== undefined) return v;
      }
    }
    return undefined;
  };
  const device: ActivityDevice = {};
  const manufacturer = pick('manufacturer');
  const product = pick('garmin_product', 'product');
  const serialNumber = pick('serial_number');
  if (manufacturer !== undefined) device.manufacturer = manufacturer;
  if (product !== undefined) device.product = product;
  if (serialNumber !== undefined) device.serialNumber = serialNumber;
  return Object.keys(device).length > 0 ? device : undefined;
}

/**
 * Parses a FIT activity file. Refuses (ActivityFileError): 'truncated-fit' when the file is empty, shorter than
 * a header, or shorter than its header's data size plus CRC; 'corrupt-fit' for a CRC mismatch, a non-FIT header
 * or undecodable messages; 'no-points' when there is no record message; 'no-timestamps' when no record has a
 * timestamp; 'outside-globe' when a record's position is off the globe. Records without a timestamp are dropped.
 */
export async function parseFit(bytes: Buffer): Promise<ParsedActivity> {
  let fit: FitMessage;
  try {
    const parser = new FitParser({ force: false, speedUnit: 'm/s', lengthUnit: 'm', mode: 'list' });
    // Copy into an exact-size ArrayBuffer: a pooled Buffer's backing store is shared with other data.
    const exact = new Uint8Array(bytes.byteLength);
    exact.set(bytes);
    fit = (await parser.parseAsync(exact.buffer)) as unknown as FitMessage;
  } catch (error) {
    throw refusal(error, bytes.byteLength);
  }

  const records = list(fit.records);
  if (records.length === 0) throw new ActivityFileError('no-points', 'FIT file has no record messages');
  const points: TrackPoint[] = [];
  for (const r of records) {
    const p = toPoint(r);
    if (p) points.push(p);
  }
  if (points.length === 0) {
    throw new ActivityFileError('no-timestamps', `none of the FIT file's ${records.length} records has a timestamp`);
  }

  const laps = list(fit.laps)
    .map(toLap)
    .filter((l): l is ActivityLap => l !== undefined);
  const sessions = list(fit.sessions);
  const sessionDistances = sessions.map((s) => num(s.total_distance)).filter((d): d is number => d !== undefined);

  const activity: ParsedActivity = { format: 'fit', points, laps };
  const device = toDevice(list(fit.file_ids), list(fit.device_infos));
  if (device) activity.device = device;
  const sport = sessions.map((s) => text(s.sport)).find((s) => s !== undefined);
  if (sport !== undefined) activity.sport = sport;
  if (sessionDistances.length > 0) activity.statedDistanceM = sessionDistances.reduce((a, b) => a + b, 0);
  return activity;
}
