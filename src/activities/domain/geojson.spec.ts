import { parseGpx } from '../parsing/gpx';
import { loadManifest, sampleBytes } from '../parsing/test-samples';
import { haversineDistanceM } from './geo';
import { type GeoJsonPosition, toGeoJson, type TrackFeature } from './geojson';
import type { TrackPoint } from './track';

const T0 = Date.UTC(2024, 4, 1, 18, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

function onlyFeature(points: readonly TrackPoint[], meta = {}): TrackFeature {
  const fc = toGeoJson(points, meta);
  expect(fc.type).toBe('FeatureCollection');
  expect(fc.features).toHaveLength(1);
  return fc.features[0];
}

/** Haversine length of a line given as GeoJSON positions ([lon, lat, …]). */
function lineLengthM(line: readonly GeoJsonPosition[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) {
    total += haversineDistanceM({ lon: line[i - 1][0], lat: line[i - 1][1] }, { lon: line[i][0], lat: line[i][1] });
  }
  return total;
}

describe('toGeoJson on constructed points', () => {
  const points: TrackPoint[] = [
    { timeMs: T0, lat: 51.5, lon: -0.12, altitudeM: 12.5, heartRate: 140 },
    { timeMs: T0 + 1000, heartRate: 141 }, // no position
    { timeMs: T0 + 2000, lat: 51.5001, lon: -0.1201 },
    { timeMs: T0 + 3000, lat: 51.5002, lon: -0.1202, altitudeM: 13, heartRate: 142 },
  ];

  it('writes one LineString Feature with positions in RFC 7946 order, [lon, lat] or [lon, lat, ele]', () => {
    const feature = onlyFeature(points);
    expect(feature.type).toBe('Feature');
    expect(feature.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [-0.12, 51.5, 12.5],
        [-0.1201, 51.5001],
        [-0.1202, 51.5002, 13],
      ],
    });
  });

  it('aligns coordTimes and heartRates with the coordinates, null where there is no reading', () => {
    const { properties } = onlyFeature(points);
    expect(properties.coordTimes).toEqual([iso(T0), iso(T0 + 2000), iso(T0 + 3000)]);
    expect(properties.heartRates).toEqual([140, null, 142]);
  });

  it('has no heartRates without any reading, and a start time and name from the meta', () => {
    const noHr = points.map(({ heartRate: _hr, ...p }) => p);
    const startedAt = new Date(T0 - 5000);
    const { properties } = onlyFeature(noHr, { name: 'Derby <day>', startedAt });
    expect(properties).not.toHaveProperty('heartRates');
    expect(properties.name).toBe('Derby <day>');
    expect(properties.startTime).toBe(startedAt.toISOString());
    // Without startedAt, the first point's time, even when that point has no position.
    expect(onlyFeature([{ timeMs: T0 - 1000 }, ...points.slice(2)]).properties.startTime).toBe(iso(T0 - 1000));
  });

  it('writes a MultiLineString at segment breaks, with coordTimes and heartRates nested the same way', () => {
    const feature = onlyFeature(points.concat([{ timeMs: T0 + 9000, lat: 51.6, lon: -0.2 }]), {
      segmentStarts: [3],
    });
    expect(feature.geometry).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [-0.12, 51.5, 12.5],
          [-0.1201, 51.5001],
        ],
        [
          [-0.1202, 51.5002, 13],
          [-0.2, 51.6],
        ],
      ],
    });
    expect(feature.properties.coordTimes).toEqual([
      [iso(T0), iso(T0 + 2000)],
      [iso(T0 + 3000), iso(T0 + 9000)],
    ]);
    expect(feature.properties.heartRates).toEqual([
      [140, null],
      [142, null],
    ]);
  });

  it('leaves out a segment with fewer than two positions (a LineString needs two)', () => {
    // Segments: [0, 1] (one position), [2, 3] (two positions).
    const feature = onlyFeature(points, { segmentStarts: [2] });
    expect(feature.geometry.type).toBe('LineString');
    expect(feature.geometry.coordinates).toHaveLength(2);
    expect(feature.properties.coordTimes).toEqual([iso(T0 + 2000), iso(T0 + 3000)]);
  });

  it('gives a FeatureCollection with no features for an empty track or one that cannot be drawn', () => {
    expect(toGeoJson([], {})).toEqual({ type: 'FeatureCollection', features: [] });
    expect(toGeoJson([{ timeMs: T0, heartRate: 120 }], {}).features).toEqual([]);
    expect(toGeoJson([points[0]], {}).features).toEqual([]);
    expect(toGeoJson(points, { segmentStarts: [1, 2, 3] }).features).toEqual([]);
  });

  it('treats a non-finite coordinate as no position and a non-finite altitude as none', () => {
    const feature = onlyFeature([
      { timeMs: T0, lat: Number.NaN, lon: 1 },
      { timeMs: T0 + 1, lat: 1, lon: 1, altitudeM: Number.POSITIVE_INFINITY },
      { timeMs: T0 + 2, lat: 1, lon: 2 },
    ]);
    expect(feature.geometry.coordinates).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('is plain JSON: stringify and parse give the same object', () => {
    const fc = toGeoJson(points, { name: 'x', segmentStarts: [3] });
    expect(JSON.parse(JSON.stringify(fc))).toEqual(fc);
  });

  it('refuses a positioned point whose time is not a number', () => {
    expect(() =>
      toGeoJson(
        [
          { timeMs: T0, lat: 1, lon: 1 },
          { timeMs: Number.NaN, lat: 1, lon: 2 },
        ],
        {},
      ),
    ).toThrow(RangeError);
  });
});

describe('toGeoJson on real samples', () => {
  const facts = (name: string) => loadManifest().files.find((f) => f.name === name)?.facts ?? {};

  it('run.gpx: one LineString of 206 positions with elevation, times and heart rates', () => {
    const parsed = parseGpx(sampleBytes('run.gpx').toString('utf8'));
    const { geometry, properties } = onlyFeature(parsed.points, { segmentStarts: parsed.segmentStarts });
    expect(geometry.type).toBe('LineString');
    const coords = geometry.coordinates as GeoJsonPosition[];
    expect(coords).toHaveLength(206);
    expect(coords.every((c) => c.length === 3)).toBe(true);
    expect(coords[0]).toEqual([parsed.points[0].lon, parsed.points[0].lat, parsed.points[0].altitudeM]);
    expect(properties.startTime).toBe(facts('run.gpx').start_time);
    expect((properties.coordTimes as string[])[205]).toBe(facts('run.gpx').end_time);
    const hr = properties.heartRates as number[];
    expect(Math.min(...hr)).toBe(facts('run.gpx').hr_min);
    expect(Math.max(...hr)).toBe(facts('run.gpx').hr_max);
    expect(lineLengthM(coords)).toBeCloseTo(facts('run.gpx').haversine_m as number, 0);
  });

  it('cerknicko-jezero.gpx: a MultiLineString whose lines measure the MANIFEST distance within segments', () => {
    const parsed = parseGpx(sampleBytes('cerknicko-jezero.gpx').toString('utf8'));
    const { geometry, properties } = onlyFeature(parsed.points, { segmentStarts: parsed.segmentStarts });
    expect(geometry.type).toBe('MultiLineString');
    const lines = geometry.coordinates as GeoJsonPosition[][];
    expect(lines.map((l) => l.length)).toEqual([173, 52, 2, 44, 2, 2, 21]);
    expect((properties.coordTimes as string[][]).map((t) => t.length)).toEqual(lines.map((l) => l.length));
    const total = lines.reduce((t, l) => t + lineLengthM(l), 0);
    // 4575 m within segments; 13665 m if the breaks were joined.
    expect(Math.abs(total - (facts('cerknicko-jezero.gpx').haversine_m as number))).toBeLessThan(1);
  });
});
