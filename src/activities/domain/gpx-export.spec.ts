import { parseFit } from '../parsing/fit';
import { parseGpx } from '../parsing/gpx';
import { ActivityFileError, type ParsedActivity } from '../parsing/parsed-activity';
import { readActivityFile } from '../parsing/sniff';
import { parseTcx } from '../parsing/tcx';
import { haversineWithinSegmentsM, loadManifest, SAMPLE_READ_LIMIT, sampleBytes } from '../parsing/test-samples';
import { parseVestCsv } from '../parsing/vest-csv';
import { asArray, asNode, readXml, stringOf } from '../parsing/xml';
import { decimalText, DEFAULT_GPX_CREATOR, GPX_NAMESPACES, toGpx, xmlSafeText } from './gpx-export';
import { hasPosition, type TrackPoint } from './track';

type Parsed = ParsedActivity & { segmentStarts?: number[] };

async function parseSample(name: string): Promise<Parsed> {
  const read = readActivityFile(sampleBytes(name), SAMPLE_READ_LIMIT);
  switch (read.format) {
    case 'gpx':
      return parseGpx(read.text as string);
    case 'tcx':
      return parseTcx(read.text as string);
    case 'fit':
      return parseFit(read.bytes);
    case 'vest-csv':
      return parseVestCsv(read.text as string);
  }
}

/** The gpx element of a document, read by the project's own XML reader (prefixes removed). */
function gpxNode(text: string): Record<string, unknown> {
  const gpx = asNode(readXml(text).gpx);
  if (!gpx) throw new Error('no <gpx> root');
  return gpx;
}

const T0 = Date.UTC(2024, 4, 1, 18, 0, 0);

describe('toGpx on constructed points', () => {
  const points: TrackPoint[] = [
    { timeMs: T0, lat: 51.5, lon: -0.12, altitudeM: 12.5, heartRate: 140 },
    { timeMs: T0 + 1000, heartRate: 141 }, // no position: skipped
    { timeMs: T0 + 2000, lat: 51.5001, lon: -0.1201, heartRate: 142.6 },
    { timeMs: T0 + 3000, lat: 51.5002, lon: -0.1202, altitudeM: 13 },
  ];

  it('writes a GPX 1.1 document with the TopoGrafix and TrackPointExtension v1 namespaces', () => {
    const text = toGpx(points, {});
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const gpx = gpxNode(text);
    expect(gpx['@_version']).toBe('1.1');
    expect(gpx['@_creator']).toBe(DEFAULT_GPX_CREATOR);
    expect(text).toContain(`xmlns="${GPX_NAMESPACES.gpx}"`);
    expect(text).toContain(`xmlns:gpxtpx="${GPX_NAMESPACES.gpxtpx}"`);
    expect(text).toContain('<gpxtpx:TrackPointExtension>');
    expect(text).toContain('<gpxtpx:hr>140</gpxtpx:hr>');
  });

  it('skips points without a position and keeps time, elevation and heart rate of the others', () => {
    const parsed = parseGpx(toGpx(points, {}));
    expect(parsed.points).toEqual([
      { timeMs: T0, lat: 51.5, lon: -0.12, altitudeM: 12.5, heartRate: 140 },
      { timeMs: T0 + 2000, lat: 51.5001, lon: -0.1201, heartRate: 143 }, // unsignedByte: rounded
      { timeMs: T0 + 3000, lat: 51.5002, lon: -0.1202, altitudeM: 13 },
    ]);
  });

  it('keeps the schema order of a trkpt: ele, time, extensions', () => {
    const text = toGpx([points[0]], {});
    const ele = text.indexOf('<ele>');
    const time = text.indexOf('<time>', text.indexOf('<trkpt'));
    const ext = text.indexOf('<extensions>');
    expect(ele).toBeGreaterThan(0);
    expect(ele).toBeLessThan(time);
    expect(time).toBeLessThan(ext);
  });

  it('starts a new trkseg at each segment start and writes no empty trkseg', () => {
    // Segment 2 (index 1 only) has no positioned point.
    const text = toGpx(points, { segmentStarts: [1, 2, 3] });
    expect(text.match(/<trkseg>/g)).toHaveLength(3);
    const parsed = parseGpx(text);
    expect(parsed.segmentStarts).toEqual([1, 2]);
    expect(parsed.points.map((p) => p.timeMs)).toEqual([T0, T0 + 2000, T0 + 3000]);
  });

  it('tolerates segment starts that split nothing (0, out of range, repeated, unsorted)', () => {
    const parsed = parseGpx(toGpx(points, { segmentStarts: [3, 0, 3, 99, -1] }));
    expect(parsed.segmentStarts).toEqual([2]);
  });

  it('round-trips a name with the XML special characters <&>"\' through escaping', () => {
    const name = `Tom & Jerry's <"derby"> run`;
    const text = toGpx(points, { name, creator: `Coach <&> "Sam's" app` });
    expect(text).not.toContain(name);
    const gpx = gpxNode(text);
    expect(stringOf(asNode(gpx.metadata)?.name)).toBe(name);
    expect(stringOf(asNode(asArray(gpx.trk)[0])?.name)).toBe(name);
    expect(stringOf(gpx['@_creator'])).toBe(`Coach <&> "Sam's" app`);
  });

  it('drops characters XML cannot contain instead of writing an ill-formed document', () => {
    const text = toGpx(points, { name: 'a\u0000b\u0007c\uFFFEd\uD800e\tf' });
    expect(stringOf(asNode(gpxNode(text).metadata)?.name)).toBe('abcde\tf');
    expect(xmlSafeText('ok \u{1F3C3} ok')).toBe('ok \u{1F3C3} ok'); // a surrogate pair is a valid character
  });

  it('writes the creator "true" as an attribute value, not a bare attribute name', () => {
    expect(toGpx(points, { creator: 'true' })).toContain('creator="true"');
    expect(gpxNode(toGpx(points, { creator: '  ' }))['@_creator']).toBe(DEFAULT_GPX_CREATOR);
  });

  it('writes the metadata time from startedAt, else from the first point', () => {
    const startedAt = new Date(T0 - 60_000);
    expect(stringOf(asNode(gpxNode(toGpx(points, { startedAt })).metadata)?.time)).toBe(startedAt.toISOString());
    expect(stringOf(asNode(gpxNode(toGpx(points, {})).metadata)?.time)).toBe(new Date(T0).toISOString());
  });

  it('writes numbers as xsd:decimal, without an exponent, and lon 180 as −180', () => {
    const text = toGpx([{ timeMs: T0, lat: 1e-7, lon: 180, altitudeM: -2.5e-7 }], {});
    expect(text).toContain('<trkpt lat="0.0000001" lon="-180">');
    expect(text).toContain('<ele>-0.00000025</ele>');
    expect(text).not.toMatch(/\de[+-]?\d/);
  });

  it('leaves out heart rates that are not an unsignedByte reading of 1 … 255', () => {
    const text = toGpx(
      [
        { timeMs: T0, lat: 1, lon: 1, heartRate: 0.4 },
        { timeMs: T0 + 1, lat: 1, lon: 1, heartRate: 255.6 },
        { timeMs: T0 + 2, lat: 1, lon: 1, heartRate: Number.NaN },
        { timeMs: T0 + 3, lat: 1, lon: 1, heartRate: 255 },
      ],
      {},
    );
    expect(text.match(/<gpxtpx:hr>/g)).toHaveLength(1);
    expect(text).toContain('<gpxtpx:hr>255</gpxtpx:hr>');
  });

  it('gives a valid document with an empty trk when no point has a position', () => {
    const text = toGpx([{ timeMs: T0, heartRate: 120 }], { name: 'treadmill' });
    const trk = asNode(asArray(gpxNode(text).trk)[0]);
    expect(trk?.trkseg).toBeUndefined();
    expect(stringOf(trk?.name)).toBe('treadmill');
    expect(() => parseGpx(text)).toThrow(ActivityFileError);
    expect(toGpx([], {})).toContain('<trk></trk>');
  });

  it('refuses a positioned point with a time that is not a number', () => {
    expect(() => toGpx([{ timeMs: Number.NaN, lat: 1, lon: 1 }], {})).toThrow(RangeError);
  });
});

describe('decimalText', () => {
  it.each([
    [0, '0'],
    [-0.5, '-0.5'],
    [51.123456789, '51.123456789'],
    [1e-7, '0.0000001'],
    [-1.2345e-9, '-0.0000000012345'],
    [1e21, '1000000000000000000000'],
    [1.5e22, '15000000000000000000000'],
  ])('%p → %s, which reads back as the same number', (n, text) => {
    expect(decimalText(n)).toBe(text);
    expect(Number(decimalText(n))).toBe(n);
  });

  it('refuses a non-finite number', () => {
    expect(() => decimalText(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('toGpx round trip of the MANIFEST samples with positions (export, then parseGpx)', () => {
  /** Each sample with positions: its parse, and the parse of its export. */
  const samples: { name: string; parsed: Parsed; again: ReturnType<typeof parseGpx> }[] = [];

  beforeAll(async () => {
    for (const f of loadManifest().files) {
      try {
        const parsed = await parseSample(f.name);
        if (!parsed.points.some(hasPosition)) continue;
        const again = parseGpx(toGpx(parsed.points, { name: f.name, segmentStarts: parsed.segmentStarts ?? [] }));
        samples.push({ name: f.name, parsed, again });
      } catch (e) {
        if (!(e instanceof ActivityFileError)) throw e;
      }
    }
  }, 60_000);

  it('covers the GPX, TCX, FIT and vest CSV samples that have positions', () => {
    const names = samples.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'run.gpx',
        'multitrackgpx.gpx',
        'cerknicko-jezero.gpx',
        'running_workout_1.tcx',
        'garmin_connect.tcx',
        '2019-02-17-062644-ELEMNT-297E-195-0.fit',
        '2013-02-06-12-11-14.fit',
        'U18_ID1.csv',
      ]),
    );
    expect(names).not.toContain('treadmill_1.tcx'); // no position at all
    expect(names).not.toContain('sample-activity-indoor-trainer.fit');
    expect(samples.length).toBeGreaterThanOrEqual(18);
  });

  it('keeps the positioned points: count, times, positions, elevation and heart rate', () => {
    for (const { name, parsed, again } of samples) {
      const positioned = parsed.points.filter(hasPosition);
      const where = `${name}: `;
      expect(where + again.points.length).toBe(where + positioned.length);
      expect(again.droppedUntimedPoints).toBe(0);
      expect(again.points.map((p) => p.timeMs)).toEqual(positioned.map((p) => p.timeMs));
      expect(again.points.map((p) => [p.lat, p.lon])).toEqual(positioned.map((p) => [p.lat, p.lon]));
      expect(again.points.map((p) => p.altitudeM)).toEqual(positioned.map((p) => p.altitudeM));
      // Every sample's readings are whole beats per minute, so nothing is rounded here.
      expect(again.points.map((p) => p.heartRate)).toEqual(positioned.map((p) => p.heartRate));
    }
  });

  it('keeps the haversine distance within segments (no distance across a trkseg break)', () => {
    for (const { name, parsed, again } of samples) {
      const before = haversineWithinSegmentsM(parsed.points, parsed.segmentStarts ?? []);
      const after = haversineWithinSegmentsM(again.points, again.segmentStarts);
      expect(`${name}: ${after.toFixed(6)}`).toBe(`${name}: ${before.toFixed(6)}`);
    }
  });

  it('keeps the trkseg breaks of a multi-segment GPX and heart rate where the file has it', () => {
    const multi = samples.find((s) => s.name === 'cerknicko-jezero.gpx');
    expect(multi?.parsed.segmentStarts).toEqual([173, 225, 227, 271, 273, 275]);
    expect(multi?.again.segmentStarts).toEqual(multi?.parsed.segmentStarts);
    const withHr = samples.find((s) => s.name === 'activity-small-fenix2-run.fit');
    expect(withHr?.again.points.filter((p) => p.heartRate !== undefined)).toHaveLength(2808);
    // The FIT file's 123 records without a position are not written.
    const gappy = samples.find((s) => s.name === '2019-02-17-062644-ELEMNT-297E-195-0.fit');
    expect(gappy?.again.points).toHaveLength(13348);
  });
});
