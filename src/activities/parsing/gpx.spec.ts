import { gzipSync } from 'node:zlib';
import { parseGpx } from './gpx';
import { readActivityFile } from './sniff';
import { codeOf, haversineWithinSegmentsM, manifestEntries, SAMPLE_READ_LIMIT, sampleBytes } from './test-samples';

const gpxSamples = manifestEntries('gpx');

function parseSample(bytes: Buffer) {
  const read = readActivityFile(bytes, SAMPLE_READ_LIMIT);
  expect(read.format).toBe('gpx');
  return parseGpx(read.text as string);
}

const gpx = (body: string) =>
  `<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>${body}</trkseg></trk></gpx>`;

describe('parseGpx on the MANIFEST samples', () => {
  it('covers every GPX sample', () => {
    expect(gpxSamples.map((f) => f.name).sort()).toEqual(
      expect.arrayContaining(['run.gpx', 'route.gpx', 'unicode.gpx', 'cerknicko-jezero.gpx', 'missing_hr.gpx']),
    );
  });

  const timed = gpxSamples.filter((f) => (f.facts.trackpoints as number) > 0);
  describe.each(timed.map((f) => [f.name, f] as const))('%s', (name, entry) => {
    const facts = entry.facts as Record<string, number | string | boolean | null>;
    const parsed = parseSample(sampleBytes(name));

    it('has the MANIFEST points, times, duration and laps', () => {
      expect(parsed.format).toBe('gpx');
      expect(parsed.points).toHaveLength(facts.trackpoints as number);
      expect(parsed.droppedUntimedPoints).toBe(0);
      const first = parsed.points[0].timeMs;
      const last = parsed.points[parsed.points.length - 1].timeMs;
      expect(new Date(first).toISOString()).toBe(facts.start_time);
      expect(new Date(last).toISOString()).toBe(facts.end_time);
      expect((last - first) / 1000).toBe(facts.duration_s);
      expect(parsed.laps).toEqual([]);
      expect(parsed.statedDistanceM).toBeUndefined();
      expect(parsed.device?.product).toBe(facts.creator);
    });

    it('has the MANIFEST heart rate and elevation', () => {
      const hrs = parsed.points.map((p) => p.heartRate).filter((h): h is number => h !== undefined);
      expect(hrs.length > 0).toBe(facts.heart_rate);
      expect(hrs).toHaveLength(facts.trackpoints_with_hr as number);
      if (facts.hr_max !== undefined) {
        expect(Math.max(...hrs)).toBe(facts.hr_max);
        expect(Math.min(...hrs)).toBe(facts.hr_min);
      }
      expect(parsed.points.filter((p) => p.altitudeM !== undefined)).toHaveLength(facts.trackpoints_with_ele as number);
    });

    it('has the MANIFEST distance within segments (and joined, where given)', () => {
      expect(parsed.segmentStarts).toHaveLength((facts.segments as number) - (facts.empty_segments as number) - 1);
      expect(
        Math.abs(haversineWithinSegmentsM(parsed.points, parsed.segmentStarts) - (facts.haversine_m as number)),
      ).toBeLessThanOrEqual(0.1);
      if (typeof facts.haversine_joined_across_segments_m === 'number') {
        expect(
          Math.abs(haversineWithinSegmentsM(parsed.points, []) - facts.haversine_joined_across_segments_m),
        ).toBeLessThanOrEqual(0.1);
      }
    });

    it('parses the same when gzipped', () => {
      expect(parseSample(gzipSync(sampleBytes(name)))).toEqual(parsed);
    });
  });

  it('apple_watch_route.gpx: un-namespaced <speed> extension → speedMps (MANIFEST max 1.946)', () => {
    const parsed = parseSample(sampleBytes('apple_watch_route.gpx'));
    const speeds = parsed.points.map((p) => p.speedMps).filter((s): s is number => s !== undefined);
    expect(speeds).toHaveLength(44);
    expect(Math.max(...speeds)).toBeCloseTo(1.946, 3);
  });

  it('route.gpx (one rte, 55 rtept, no times) → no-timestamps; routes are read only when there is no trk', () => {
    expect(codeOf(() => parseSample(sampleBytes('route.gpx')))).toBe('no-timestamps');
    expect(codeOf(() => parseSample(gzipSync(sampleBytes('route.gpx'))))).toBe('no-timestamps');
  });

  it('unicode.gpx (waypoints only, non-ASCII names) → no-points, and its UTF-8 is read as such', () => {
    const read = readActivityFile(sampleBytes('unicode.gpx'), SAMPLE_READ_LIMIT);
    expect(read.text).toContain('šđčćž');
    expect(codeOf(() => parseGpx(read.text as string))).toBe('no-points');
  });
});

describe('parseGpx on constructed files', () => {
  const pt = (lat: number, lon: number, time?: string, extra = '') =>
    `<trkpt lat="${lat}" lon="${lon}">${time ? `<time>${time}</time>` : ''}${extra}</trkpt>`;

  it('refuses a GPX without any time stamp', () => {
    expect(codeOf(() => parseGpx(gpx(pt(1, 2) + pt(1.001, 2))))).toBe('no-timestamps');
  });

  it('drops untimed points among timed ones and counts them', () => {
    const parsed = parseGpx(
      gpx(pt(1, 2, '2024-01-01T10:00:00Z') + pt(1.001, 2) + pt(1.002, 2, '2024-01-01T10:00:02Z')),
    );
    expect(parsed.points.map((p) => p.lat)).toEqual([1, 1.002]);
    expect(parsed.droppedUntimedPoints).toBe(1);
  });

  it('refuses lat 91 naming the point index', () => {
    const text = gpx(pt(1, 2, '2024-01-01T10:00:00Z') + pt(91, 2, '2024-01-01T10:00:01Z'));
    expect(codeOf(() => parseGpx(text))).toBe('outside-globe');
    expect(() => parseGpx(text)).toThrow(/#1\b/);
  });

  it('reads a time without zone as UTC, hr/heartrate extensions, speed, and segment starts', () => {
    const text =
      '<gpx version="1.0" creator="x"><trk><type>running</type><trkseg>' +
      pt(
        1,
        2,
        '2024-01-01T10:00:00',
        '<ele>12.5</ele><speed>3.5</speed><extensions><ns3:TrackPointExtension xmlns:ns3="x"><ns3:hr>120</ns3:hr></ns3:TrackPointExtension></extensions>',
      ) +
      '</trkseg><trkseg></trkseg><trkseg>' +
      pt(1, 2.001, '2024-01-01T10:00:05Z', '<extensions><heartrate>130</heartrate></extensions>') +
      '</trkseg></trk></gpx>';
    const parsed = parseGpx(text);
    expect(parsed.points).toEqual([
      { timeMs: Date.UTC(2024, 0, 1, 10), lat: 1, lon: 2, altitudeM: 12.5, heartRate: 120, speedMps: 3.5 },
      { timeMs: Date.UTC(2024, 0, 1, 10, 0, 5), lat: 1, lon: 2.001, heartRate: 130 },
    ]);
    expect(parsed.segmentStarts).toEqual([1]);
    expect(parsed.sport).toBe('running');
  });

  it('refuses a document that is not GPX', () => {
    expect(codeOf(() => parseGpx('<kml></kml>'))).toBe('unknown-format');
  });
});
