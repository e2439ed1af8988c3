import { gzipSync } from 'node:zlib';
import { readActivityFile } from './sniff';
import { parseTcx } from './tcx';
import { codeOf, haversineWithinSegmentsM, manifestEntries, SAMPLE_READ_LIMIT, sampleBytes } from './test-samples';

const tcxSamples = manifestEntries('tcx');

function parseSample(bytes: Buffer) {
  const read = readActivityFile(bytes, SAMPLE_READ_LIMIT);
  expect(read.format).toBe('tcx');
  return parseTcx(read.text as string);
}

describe('parseTcx on the MANIFEST samples', () => {
  it('covers the TCX samples, bad.tcx included', () => {
    expect(tcxSamples.map((f) => f.name)).toEqual(
      expect.arrayContaining(['bad.tcx', 'treadmill_1.tcx', 'tour_hr.tcx']),
    );
  });

  describe.each(tcxSamples.map((f) => [f.name, f] as const))('%s', (name, entry) => {
    const facts = entry.facts as Record<string, number | string | boolean | null | string[]>;
    const parsed = parseSample(sampleBytes(name));

    it('has the MANIFEST points, times, duration, laps, sport, device and stated distance', () => {
      expect(parsed.format).toBe('tcx');
      expect(parsed.points).toHaveLength(facts.trackpoints as number);
      expect(parsed.droppedUntimedPoints).toBe(0);
      const first = parsed.points[0].timeMs;
      const last = parsed.points[parsed.points.length - 1].timeMs;
      expect(new Date(first).toISOString()).toBe(facts.start_time);
      expect(new Date(last).toISOString()).toBe(facts.end_time);
      expect((last - first) / 1000).toBe(facts.duration_s);
      expect(parsed.laps).toHaveLength(facts.laps as number);
      expect(new Date(parsed.laps[0].startMs).toISOString()).toBe(facts.first_lap_start_time);
      const lapTotalS = parsed.laps.reduce((s, l) => s + (l.endMs - l.startMs) / 1000, 0);
      expect(lapTotalS).toBeCloseTo(facts.lap_total_time_s as number, 3);
      expect(parsed.statedDistanceM).toBeCloseTo(facts.summary_distance_m as number, 1);
      expect(parsed.sport).toBe((facts.sports as string[])[0]);
      expect(parsed.device?.product).toBe(facts.creator);
      const dists = parsed.points.map((p) => p.distanceM).filter((d): d is number => d !== undefined);
      expect(dists[dists.length - 1]).toBeCloseTo(facts.last_trackpoint_distance_m as number, 1);
    });

    it('has the MANIFEST heart rate and positions', () => {
      const hrs = parsed.points.map((p) => p.heartRate).filter((h): h is number => h !== undefined);
      expect(hrs.length > 0).toBe(facts.heart_rate);
      expect(hrs).toHaveLength(facts.trackpoints_with_hr as number);
      if (facts.hr_max !== undefined) {
        expect(Math.max(...hrs)).toBe(facts.hr_max);
        expect(Math.min(...hrs)).toBe(facts.hr_min);
      }
      const positioned = parsed.points.filter((p) => p.lat !== undefined && p.lon !== undefined);
      expect(positioned).toHaveLength(facts.trackpoints_with_position as number);
      expect(positioned.filter((p) => p.lat === 0 && p.lon === 0)).toHaveLength(facts.zero_zero_positions as number);
      const speeds = parsed.points.map((p) => p.speedMps).filter((s): s is number => s !== undefined);
      if (typeof facts.max_speed_extension_mps === 'number') {
        expect(Math.max(...speeds)).toBeCloseTo(facts.max_speed_extension_mps, 3);
      } else expect(speeds).toEqual([]);
    });

    it('has the MANIFEST distance within each Track (and joined, where given)', () => {
      expect(parsed.segmentStarts).toHaveLength((facts.tracks as number) - 1);
      const within = haversineWithinSegmentsM(parsed.points, parsed.segmentStarts);
      if (facts.haversine_m === null) expect(within).toBe(0);
      else expect(Math.abs(within - (facts.haversine_m as number))).toBeLessThanOrEqual(0.1);
      if (typeof facts.haversine_joined_across_tracks_m === 'number') {
        expect(
          Math.abs(haversineWithinSegmentsM(parsed.points, []) - facts.haversine_joined_across_tracks_m),
        ).toBeLessThanOrEqual(0.1);
      }
    });

    it('parses the same when gzipped', () => {
      expect(parseSample(gzipSync(sampleBytes(name)))).toEqual(parsed);
    });
  });

  it('bad.tcx: the 0,0 point is kept (on the globe; cleaning judges it), non-numeric positions become no position', () => {
    const parsed = parseSample(sampleBytes('bad.tcx'));
    expect(parsed.points.map((p) => [p.lat, p.lon])).toEqual([
      [0, 0],
      [0, 10],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(parsed.device).toEqual({ product: 'Fitbit Versa' });
  });

  it('tour_hr.tcx: +01:00 offsets become UTC', () => {
    const parsed = parseSample(sampleBytes('tour_hr.tcx'));
    expect(new Date(parsed.laps[0].startMs).toISOString()).toBe('2020-12-27T14:43:49.000Z');
  });
});

describe('parseTcx on constructed files', () => {
  const tcx = (activities: string, extra = '') =>
    `<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>${activities}</Activities>${extra}</TrainingCenterDatabase>`;
  const tp = (time: string | undefined, lat: number, lon: number) =>
    `<Trackpoint>${time ? `<Time>${time}</Time>` : ''}<Position><LatitudeDegrees>${lat}</LatitudeDegrees><LongitudeDegrees>${lon}</LongitudeDegrees></Position></Trackpoint>`;
  const activity = (points: string) =>
    `<Activity Sport="Running"><Id>x</Id><Lap StartTime="2024-01-01T10:00:00Z"><TotalTimeSeconds>60</TotalTimeSeconds><DistanceMeters>100</DistanceMeters><Track>${points}</Track></Lap><Creator><Name>Forerunner 945</Name><UnitId>123</UnitId><ProductID>3113</ProductID></Creator></Activity>`;

  it('reads laps and device', () => {
    const parsed = parseTcx(tcx(activity(tp('2024-01-01T10:00:00Z', 1, 2))));
    expect(parsed.laps).toEqual([
      { startMs: Date.UTC(2024, 0, 1, 10), endMs: Date.UTC(2024, 0, 1, 10, 1), distanceM: 100 },
    ]);
    expect(parsed.device).toEqual({ product: 'Forerunner 945', serialNumber: '123' });
    expect(parsed.statedDistanceM).toBe(100);
  });

  it('refuses a TCX with no time stamps, and lat 91', () => {
    expect(codeOf(() => parseTcx(tcx(activity(tp(undefined, 1, 2)))))).toBe('no-timestamps');
    expect(codeOf(() => parseTcx(tcx(activity(tp('2024-01-01T10:00:00Z', 91, 2)))))).toBe('outside-globe');
  });

  it('drops untimed trackpoints among timed ones', () => {
    const parsed = parseTcx(tcx(activity(tp('2024-01-01T10:00:00Z', 1, 2) + tp(undefined, 1, 2.1))));
    expect(parsed.points).toHaveLength(1);
    expect(parsed.droppedUntimedPoints).toBe(1);
  });

  it('refuses a courses-only file (a planned route, not an activity) and an empty one', () => {
    const courses =
      '<Courses><Course><Name>c</Name><Track>' + tp('2024-01-01T10:00:00Z', 1, 2) + '</Track></Course></Courses>';
    expect(codeOf(() => parseTcx(tcx('', courses)))).toBe('no-points');
    expect(codeOf(() => parseTcx(tcx('')))).toBe('no-points');
  });
});
