import { hasPosition } from '../domain/track';
import { haversineOverPositions, manifestEntries, sampleBytes } from './test-samples';
import { ActivityFileError, type ActivityFileErrorCode } from './parsed-activity';
import { excelSerialToEpochMs, parseVestCsv } from './vest-csv';

function refusal(text: string): ActivityFileError {
  try {
    parseVestCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ActivityFileError);
    return error as ActivityFileError;
  }
  throw new Error('parseVestCsv accepted the file');
}
const code = (text: string): ActivityFileErrorCode => refusal(text).code;

const CSV_SAMPLES = manifestEntries('csv');
const byName = (name: string) => {
  const entry = CSV_SAMPLES.find((s) => s.name === name);
  if (!entry) throw new Error(`${name} missing from MANIFEST`);
  return entry;
};

describe('parseVestCsv on the MANIFEST samples', () => {
  it('covers every CSV sample', () => {
    expect(CSV_SAMPLES.map((s) => s.name).sort()).toEqual(['Dataset_B_Pitch.csv', 'U18_ID1.csv']);
  });

  describe('U18_ID1.csv (Catapult vest, 10 Hz, "Timestamp, Longitude, Latitude")', () => {
    const { facts } = byName('U18_ID1.csv');
    const parsed = parseVestCsv(sampleBytes('U18_ID1.csv').toString('utf8'));

    it('gives one positioned point per row, none skipped', () => {
      expect(parsed.format).toBe('vest-csv');
      expect(facts.header).toEqual(['Timestamp', 'Longitude', 'Latitude']);
      expect(parsed.points).toHaveLength(facts.rows as number);
      expect(parsed.points.every(hasPosition)).toBe(true);
      expect(parsed.skippedRows).toBe(0);
      expect(parsed.laps).toEqual([]);
      expect(parsed.statedDistanceM).toBeUndefined();
      expect(facts.summary_distance_m).toBeNull();
    });

    it('reads Excel serial days as UTC: first/last time and duration', () => {
      const first = parsed.points[0].timeMs;
      const last = parsed.points[parsed.points.length - 1].timeMs;
      // The MANIFEST truncates to the millisecond (serial 44519.71565509259 = 17:10:32.59999… → .599); parseVestCsv
      // rounds (→ .600), which keeps 10 Hz samples on whole tenths. Hence within 1 ms.
      expect(Math.abs(first - Date.parse(facts.start_time_if_utc as string))).toBeLessThanOrEqual(1);
      expect(Math.abs(last - Date.parse(facts.end_time_if_utc as string))).toBeLessThanOrEqual(1);
      expect(new Date(first).toISOString()).toBe('2021-11-19T17:10:32.600Z');
      expect(Math.round((last - first) / 100) / 10).toBe(facts.duration_s);
    });

    it('reads longitude and latitude from their own columns (longitude first in this file)', () => {
      const lats = parsed.points.map((p) => p.lat as number);
      const lons = parsed.points.map((p) => p.lon as number);
      expect([Math.min(...lats), Math.max(...lats)]).toEqual(facts.lat_range);
      expect([Math.min(...lons), Math.max(...lons)]).toEqual(facts.lon_range);
    });

    it('has no heart rate or speed channel', () => {
      expect(parsed.points.some((p) => p.heartRate !== undefined || p.speedMps !== undefined)).toBe(false);
    });

    it('matches haversine_m over all rows within 0.1 m', () => {
      expect(Math.abs(haversineOverPositions(parsed.points) - (facts.haversine_m as number))).toBeLessThanOrEqual(0.1);
    });
  });

  it('refuses Dataset_B_Pitch.csv (pitch corners, no time column) as no-timestamps', () => {
    const { facts } = byName('Dataset_B_Pitch.csv');
    expect(facts.header).toEqual(['longitude', 'latitude']);
    const error = refusal(sampleBytes('Dataset_B_Pitch.csv').toString('utf8'));
    expect(error.code).toBe('no-timestamps');
    expect(error.message).toMatch(/no time\/timestamp column/);
  });
});

describe('parseVestCsv on constructed files', () => {
  const t = 45_000.5; // 2023-03-15T12:00:00Z
  const tenth = 0.1 / 86_400;

  it('converts Excel serial days from 1899-12-30', () => {
    expect(new Date(excelSerialToEpochMs(t)).toISOString()).toBe('2023-03-15T12:00:00.000Z');
    expect(excelSerialToEpochMs(25_569)).toBe(0);
  });

  it('refuses a header-only file and an empty file as bad-csv', () => {
    expect(code('Timestamp,Latitude,Longitude\n')).toBe('bad-csv');
    expect(refusal('Timestamp,Latitude,Longitude\n').message).toMatch(/no data rows/);
    expect(code('')).toBe('bad-csv');
  });

  it('skips and counts a bad row among good ones', () => {
    const text = [
      'Timestamp,Latitude,Longitude',
      `${t},41.7260,-9.1236`,
      `${t + tenth},n/a,-9.1236`,
      `${t + 2 * tenth},41.7261`,
      '',
      `${t + 3 * tenth},41.7262,-9.1237`,
    ].join('\n');
    const parsed = parseVestCsv(text);
    expect(parsed.points).toHaveLength(2);
    expect(parsed.skippedRows).toBe(2);
    expect(parsed.points[1]).toEqual({ timeMs: excelSerialToEpochMs(t + 3 * tenth), lat: 41.7262, lon: -9.1237 });
  });

  it('refuses a file whose rows are all unusable as bad-csv', () => {
    expect(code('time,lat,lon\nfoo,bar,baz\n,,\n')).toBe('bad-csv');
  });

  it('recognises header names case-insensitively, with spaces, a BOM and CRLF', () => {
    const parsed = parseVestCsv(`\uFEFF TIME , LONG , LAT \r\n${t},-9.5,41.5\r\n`);
    expect(parsed.points).toEqual([{ timeMs: excelSerialToEpochMs(t), lat: 41.5, lon: -9.5 }]);
  });

  it('refuses a file without latitude/longitude columns as bad-csv', () => {
    expect(code(`Timestamp,X,Y\n${t},1,2\n`)).toBe('bad-csv');
  });

  it('reads speed in the unit its header states, and ignores a speed column of unstated unit', () => {
    const kmh = parseVestCsv(`Timestamp,Latitude,Longitude,Speed (km/h)\n${t},41.5,-9.5,18\n`);
    expect(kmh.points[0].speedMps).toBeCloseTo(5, 10);
    const mps = parseVestCsv(`Timestamp,Latitude,Longitude,Velocity m/s\n${t},41.5,-9.5,4.2\n`);
    expect(mps.points[0].speedMps).toBe(4.2);
    const unknown = parseVestCsv(`Timestamp,Latitude,Longitude,Speed\n${t},41.5,-9.5,4.2\n`);
    expect(unknown.points[0].speedMps).toBeUndefined();
  });

  it('refuses a position off the globe as outside-globe', () => {
    expect(code(`Timestamp,Latitude,Longitude\n${t},95,-9.5\n`)).toBe('outside-globe');
  });

  it('refuses text that is not CSV (unclosed quote) as bad-csv', () => {
    expect(code('Timestamp,Latitude,Longitude\n"45000,41.5,-9.5\n')).toBe('bad-csv');
  });
});
