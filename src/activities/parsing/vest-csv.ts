/**
 * Team GPS vest CSV export (e.g. Catapult OptimEye, 10 Hz) → ParsedActivity.
 *
 * Columns are found by header name, case-insensitively and ignoring surrounding spaces:
 * time (`time`, `timestamp`), latitude (`lat`, `latitude`), longitude (`lon`, `long`, `lng`, `longitude`) and an
 * optional speed column whose header names its unit (`speed (km/h)`, `speed_kmh`, `speed m/s`, `velocity (m/s)`).
 * A speed column without a stated unit is ignored rather than guessed at (vendors export both km/h and m/s).
 * Times are Excel serial day numbers (1900 date system, day 0 = 1899-12-30), taken as UTC since exports do not
 * state a zone. Comma-separated only: a semicolon export with decimal commas cannot be told apart safely.
 */
import { parse } from 'csv-parse/sync';

import type { TrackPoint } from '../domain/track';
import { ActivityFileError, checkedPosition, type ParsedActivity } from './parsed-activity';

/** A vest CSV parse: a ParsedActivity plus how many data rows were skipped as unusable. */
export interface ParsedVestCsv extends ParsedActivity {
  /** Data rows dropped because a time or coordinate was missing or not a number. */
  skippedRows: number;
}

const MS_PER_DAY = 86_400_000;
/** Excel serial day of the Unix epoch 1970-01-01 (day 0 = 1899-12-30). */
const EXCEL_UNIX_EPOCH_DAY = 25_569;

const TIME_HEADERS = ['time', 'timestamp'];
const LAT_HEADERS = ['lat', 'latitude'];
const LON_HEADERS = ['lon', 'long', 'lng', 'longitude'];

/** Epoch ms (UTC) of an Excel serial day number, rounded to the millisecond. */
export function excelSerialToEpochMs(serialDays: number): number {
  return Math.round((serialDays - EXCEL_UNIX_EPOCH_DAY) * MS_PER_DAY);
}

/** Finite number from a cell, or undefined; an empty cell is not 0. */
function cellNumber(cell: string | undefined): number | undefined {
  if (cell === undefined) return undefined;
  const t = cell.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function speedFactor(header: string): number | undefined {
  if (!/^(speed|velocity)\b/.test(header)) return undefined;
  const unit = header.replace(/\s+/g, '');
  if (/km\/?h|kph/.test(unit)) return 1 / 3.6;
  if (/m\/s|mps/.test(unit)) return 1;
  return undefined;
}

/**
 * Parses a vest CSV export. Bad data rows (a missing or non-numeric time, latitude or longitude) are skipped and
 * counted in `skippedRows`. Refuses (ActivityFileError): 'no-timestamps' when there is no time column (a
 * positions-only file such as pitch corners is not a track); 'bad-csv' when the text is not CSV, lacks a
 * latitude or longitude column, or has no usable data row; 'outside-globe' when a row's position is off the globe.
 */
export function parseVestCsv(text: string): ParsedVestCsv {
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: ',',
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (error) {
    throw new ActivityFileError('bad-csv', `not a readable CSV file: ${(error as Error).message}`);
  }
  if (rows.length === 0) throw new ActivityFileError('bad-csv', 'CSV file is empty');

  const header = rows[0].map((h) => h.trim().toLowerCase());
  const find = (names: string[]): number => header.findIndex((h) => names.includes(h));
  const timeCol = find(TIME_HEADERS);
  const latCol = find(LAT_HEADERS);
  const lonCol = find(LON_HEADERS);
  if (latCol < 0 || lonCol < 0) {
    throw new ActivityFileError(
      'bad-csv',
      `CSV header (${rows[0].join(', ')}) has no latitude and longitude columns (lat/latitude, lon/long/longitude)`,
    );
  }
  if (timeCol < 0) {
    throw new ActivityFileError(
      'no-timestamps',
      `CSV header (${rows[0].join(', ')}) has no time/timestamp column: a list of positions (such as pitch corners) is not a track`,
    );
  }
  let speedCol = -1;
  let speedToMps = 1;
  header.forEach((h, i) => {
    const f = speedFactor(h);
    if (speedCol < 0 && f !== undefined) {
      speedCol = i;
      speedToMps = f;
    }
  });

  const points: TrackPoint[] = [];
  let skippedRows = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const serial = cellNumber(row[timeCol]);
    const lat = cellNumber(row[latCol]);
    const lon = cellNumber(row[lonCol]);
    if (serial === undefined || lat === undefined || lon === undefined) {
      skippedRows++;
      continue;
    }
    const p: TrackPoint = { timeMs: excelSerialToEpochMs(serial), ...checkedPosition(lat, lon, `CSV line ${r + 1}`) };
    const speed = speedCol >= 0 ? cellNumber(row[speedCol]) : undefined;
    if (speed !== undefined) p.speedMps = speed * speedToMps;
    points.push(p);
  }
  if (points.length === 0) {
    throw new ActivityFileError(
      'bad-csv',
      rows.length === 1
        ? 'CSV file has a header but no data rows'
        : `none of the CSV file's ${rows.length - 1} data rows has a numeric time, latitude and longitude`,
    );
  }
  return { format: 'vest-csv', points, laps: [], skippedRows };
}
