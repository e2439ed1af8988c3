import { gzipSync } from 'node:zlib';
import { ZipFile } from 'yazl';
import { loadManifest } from '../src/activities/parsing/test-samples';
import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { importActivityZip, meridianRunGpx, sampleFile, uploadActivity } from './harness/activities';
import { daysAgo, daysFromNow, yearsAgo } from './harness/dates';
import { expectProblem } from './harness/problems';
import { startTestApp, TestApp } from './harness/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */

/** Samples whose distance is the device's own (see analyze-samples.spec.ts for each reason). */
const DEVICE_DISTANCE = new Set([
  'garmin-fenix-5-run.fit',
  '2019-02-17-062644-ELEMNT-297E-195-0.fit',
  '0134902991.fit',
  'garmin_connect.tcx',
]);
/** Samples with steps faster than a human can run: cleaned, counted, left out of the distance. */
const JUMPS_DROPPED = new Set(['around-visnjan-with-car.gpx', 'bad.tcx']);
/** bad.tcx is tour_hr.tcx (same Fitbit, same start) with broken points: a second file of one recording. */
const SAME_RECORDING: Record<string, string> = { 'bad.tcx': 'tour_hr.tcx' };
/** Samples refused as a whole, with the problem type that says why. */
const REFUSED: Record<string, string> = {
  'Dataset_B_Pitch.csv': 'unknown-format',
  'activity-filecrc.fit': 'corrupt-fit',
  'activity-unexpected-eof.fit': 'truncated-fit',
  'route.gpx': 'no-timestamps',
  'unicode.gpx': 'no-points',
};

const gpx = (points: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">` +
  `<trk><trkseg>${points}</trkseg></trk></gpx>`;
const trkpt = (lat: number, lon: number, time: string) =>
  `<trkpt lat="${lat}" lon="${lon}"><time>${time}</time></trkpt>`;

function zipOf(files: [name: string, bytes: Buffer][]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, bytes] of files) zip.addBuffer(bytes, name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

describe('activities', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;
  let otherCoach: TestAccount;
  let parent: TestAccount;
  let playerAccount: TestAccount;
  let playerId: string;
  let secondPlayerId: string;

  const auth = (a: TestAccount) => ({ token: a.accessToken });

  async function createPlayer(firstName: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await t.http.post(
      '/api/v1/players',
      {
        firstName,
        lastName: 'Runner',
        dateOfBirth: yearsAgo(20),
        sex: 'male',
        position: 'midfielder',
        level: 'academy',
        dominantFoot: 'right',
        ...extra,
      },
      auth(coach),
    );
    if (res.status !== 201) throw new Error(res.text);
    return res.body.id;
  }

  async function uploaded(forPlayer: string, name: string, fields?: Record<string, string>): Promise<any> {
    const res = await uploadActivity(t.http, coach.accessToken, forPlayer, sampleFile(name), {
      filename: name,
      fields,
    });
    if (res.status !== 201) throw new Error(`${name}: ${res.status} ${res.text}`);
    return res.body;
  }

  const storedFiles = () => t.connection.collection('activity_files.files').countDocuments();

  beforeAll(async () => {
    t = await startTestApp({ ACTIVITY_UPLOAD_MAX_BYTES: String(2 * 1024 * 1024) });
    admin = await loginAdmin(t.http);
    [coach, otherCoach, parent, playerAccount] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent', admin),
      createAccount(t.http, 'player', admin),
    ]);
    playerId = await createPlayer('Samples');
    secondPlayerId = await createPlayer('Second');
    await t.http.post(`/api/v1/players/${playerId}/guardians`, { email: parent.email }, auth(coach));
    await t.http.put(`/api/v1/players/${playerId}/account`, { email: playerAccount.email }, auth(coach));
  });
  afterAll(() => t.close());

  describe('every sample of the MANIFEST', () => {
    const files = loadManifest().files;
    const answers = new Map<string, any>();
    const duplicates = new Map<string, any>();

    beforeAll(async () => {
      const samplesPlayer = await createPlayer('Manifest');
      const upload = (forPlayer: string, name: string) => {
        // The largest samples exceed this app's 2 MiB limit: they go gzipped, as a phone would send them.
        const raw = sampleFile(name);
        const bytes = raw.length > 2 * 1024 * 1024 ? gzipSync(raw) : raw;
        return uploadActivity(t.http, coach.accessToken, forPlayer, bytes, { filename: name });
      };
      for (const f of files) {
        if (!SAME_RECORDING[f.name]) answers.set(f.name, await upload(samplesPlayer, f.name));
      }
      for (const name of Object.keys(SAME_RECORDING)) {
        duplicates.set(name, await upload(samplesPlayer, name));
        answers.set(name, await upload(await createPlayer('Recording'), name));
      }
    }, 120_000);

    it('a second file of a recording already stored is a 409 naming it', () => {
      for (const [name, original] of Object.entries(SAME_RECORDING)) {
        const res = duplicates.get(name);
        expectProblem(res, 409, 'file');
        expect(res.body.errors[0].id).toBe(answers.get(original).body.id);
        expect(res.body.errors[0].message).toMatch(/same device starting at the same time/);
      }
    });

    it.each(files.map((f) => [f.name, f] as const))(
      '%s: stored with the MANIFEST facts, or refused saying why',
      (name, entry) => {
        const res = answers.get(name);
        if (REFUSED[name]) {
          expectProblem(res, 400, 'file');
          expect(res.body.type).toBe(`/problems/${REFUSED[name]}`);
          return;
        }
        expect([res.status, res.status === 201 ? '' : res.text]).toEqual([201, '']);
        const a = res.body;
        const facts = entry.facts;
        const distance = a.metrics.summary.distanceM;
        const haversine = facts.haversine_m;
        if (typeof haversine === 'number') {
          if (DEVICE_DISTANCE.has(name)) {
            const stated = facts.summary_distance_m as number;
            expect(Math.abs(distance - stated) / stated).toBeLessThan(0.02);
          } else if (JUMPS_DROPPED.has(name)) {
            expect(a.quality.gpsJumps).toBeGreaterThan(0);
            expect(distance).toBeLessThan(haversine);
          } else {
            expect(Math.abs(distance - haversine) / haversine).toBeLessThan(0.02);
          }
        }
        if (typeof facts.duration_s === 'number' && !JUMPS_DROPPED.has(name)) {
          expect(Math.abs(a.metrics.summary.elapsedS - facts.duration_s)).toBeLessThanOrEqual(
            Math.max(2, 0.01 * facts.duration_s),
          );
        }
        if (typeof facts.records === 'number') expect(a.quality.inputPoints).toBe(facts.records);
        if (typeof facts.rows === 'number') expect(a.quality.inputPoints).toBeLessThanOrEqual(facts.rows);
        if (typeof facts.heart_rate === 'boolean') {
          expect(a.hasHeartRate).toBe(facts.heart_rate);
          expect(a.metrics.heartRate !== null).toBe(facts.heart_rate);
        }
        if (typeof facts.laps === 'number') expect(a.sections.laps).toHaveLength(facts.laps);
      },
    );
  });

  describe('bad files are refused with a 400 that says why, and nothing is stored', () => {
    const cases: [string, () => Buffer | string, string][] = [
      ['not XML', () => '<?xml version="1.0"?>\n<gpx version="1.1">\n<trk><trkseg><trkpt lat="1" lon="2">', 'not-xml'],
      [
        'an XML entity bomb',
        () =>
          '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
          '<gpx version="1.1" creator="x"><trk><name>&b;</name></trk></gpx>',
        'xml-entities',
      ],
      ['a truncated FIT', () => sampleFile('activity-unexpected-eof.fit'), 'truncated-fit'],
      ['a FIT with a bad CRC', () => sampleFile('activity-filecrc.fit'), 'corrupt-fit'],
      ['a FIT cut short by hand', () => sampleFile('garmin-fenix-5-run.fit').subarray(0, 400), 'truncated-fit'],
      ['a GPX without time stamps', () => sampleFile('route.gpx'), 'no-timestamps'],
      [
        'a point outside the globe',
        () => gpx(trkpt(51.5, -0.1, '2024-05-01T10:00:00Z') + trkpt(95, -0.1, '2024-05-01T10:00:01Z')),
        'outside-globe',
      ],
      ['a text file', () => 'hello, this is not an activity', 'unknown-format'],
      [
        'gzip that does not inflate',
        () => Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]),
        'unknown-format',
      ],
    ];

    it.each(cases)('%s', async (_, bytes, code) => {
      const before = await storedFiles();
      const res = await uploadActivity(t.http, coach.accessToken, playerId, bytes());
      expectProblem(res, 400, 'file');
      expect(res.body.type).toBe(`/problems/${code}`);
      expect(res.body.detail).toMatch(/^The activity file was refused: /);
      expect(await storedFiles()).toBe(before);
    });

    it('a file over ACTIVITY_UPLOAD_MAX_BYTES is a 413', async () => {
      const before = await storedFiles();
      const res = await uploadActivity(t.http, coach.accessToken, playerId, Buffer.alloc(2 * 1024 * 1024 + 1, 0x20));
      expectProblem(res, 413);
      expect(await storedFiles()).toBe(before);
    });

    it('upload fields that break their schema are 400s naming them; an unknown field too', async () => {
      const file = sampleFile('run_gpxtpx.gpx');
      expectProblem(
        await uploadActivity(t.http, coach.accessToken, playerId, file, { fields: { kind: 'swim' } }),
        400,
        'kind',
      );
      expectProblem(
        await uploadActivity(t.http, coach.accessToken, playerId, file, { fields: { title: '' } }),
        400,
        'title',
      );
      expectProblem(
        await uploadActivity(t.http, coach.accessToken, playerId, file, { fields: { trainingLogId: 'nope' } }),
        400,
        'trainingLogId',
      );
      expectProblem(
        await uploadActivity(t.http, coach.accessToken, playerId, file, { fields: { colour: 'red' } }),
        400,
        'colour',
      );
    });

    it('a request without a file, or not multipart, is refused', async () => {
      const form = new FormData();
      form.append('title', 'no file');
      expectProblem(
        await t.http.post(`/api/v1/players/${playerId}/activities`, undefined, { ...auth(coach), form }),
        400,
        'file',
      );
      expectProblem(await t.http.post(`/api/v1/players/${playerId}/activities`, { file: 'x' }, auth(coach)), 415);
    });

    it("a session that is not the player's is a 422", async () => {
      const log = await t.http.post(
        `/api/v1/players/${secondPlayerId}/training-logs`,
        { date: '2024-05-01', kind: 'training', durationMin: 60, rpe: 5 },
        auth(coach),
      );
      expect(log.status).toBe(201);
      const res = await uploadActivity(t.http, coach.accessToken, playerId, sampleFile('run_gpxtpx.gpx'), {
        fields: { trainingLogId: log.body.id },
      });
      expectProblem(res, 422, 'trainingLogId');
      expectProblem(
        await uploadActivity(t.http, coach.accessToken, playerId, sampleFile('run_gpxtpx.gpx'), {
          fields: { programId: log.body.id },
        }),
        422,
        'sessionId',
      );
    });
  });

  describe('one activity', () => {
    let run: any;

    beforeAll(async () => {
      run = await uploaded(playerId, 'run.gpx', { kind: 'run', title: 'Tempo run' });
    });

    it('answers 201 with the summary, football running metrics, heart rate, quality and sections', () => {
      expect(run).toMatchObject({
        playerId,
        kind: 'run',
        title: 'Tempo run',
        format: 'gpx',
        source: { type: 'upload' },
      });
      expect(run.metrics.summary).toMatchObject({ startTime: expect.any(String), samplingHz: expect.any(Number) });
      expect(Object.keys(run.metrics.running.zonesM).sort()).toEqual(
        ['highSpeedRunning', 'jogging', 'running', 'sprinting', 'standingWalking'].sort(),
      );
      const zones = Object.values(run.metrics.running.zonesM as Record<string, number>).reduce((s, v) => s + v, 0);
      expect(zones).toBeCloseTo(run.metrics.summary.distanceM, 0);
      // 1 Hz GPS: accelerations are counted but marked unreliable.
      expect(run.metrics.running.accelerations.reliable).toBe(false);
      expect(run.metrics.heartRate).toMatchObject({ hrMaxSource: 'tanaka2001', banisterTrimp: null });
      expect(run.metrics.heartRate.hrMax).toBeCloseTo(208 - 0.7 * run.athlete.ageYears, 5);
      const splitKm = run.sections.distanceSplits;
      expect(splitKm.length).toBe(Math.ceil(run.metrics.summary.distanceM / 1000));
      const splitSum = splitKm.reduce((s: number, x: any) => s + (x.metrics?.summary.distanceM ?? 0), 0);
      expect(splitSum).toBeCloseTo(run.metrics.summary.distanceM, 0);
      expect(run.sections.timeSplits.length).toBe(Math.ceil(run.metrics.summary.elapsedS / 300));
    });

    it('the same file again, or gzipped, is a 409 naming the activity; nothing more is stored', async () => {
      const before = await storedFiles();
      for (const bytes of [sampleFile('run.gpx'), gzipSync(sampleFile('run.gpx'))]) {
        const res = await uploadActivity(t.http, coach.accessToken, playerId, bytes);
        expectProblem(res, 409, 'file');
        expect(res.body.type).toBe('/problems/duplicate-activity');
        expect(res.body.errors[0].id).toBe(run.id);
        expect(res.body.detail).toContain(run.id);
      }
      expect(await storedFiles()).toBe(before);
    });

    it('its GPX export is a recording of the same device and start: a 409 for the player, the same distance for another', async () => {
      const exported = await t.http.get(`/api/v1/activities/${run.id}/gpx`, auth(coach));
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toMatch(/^application\/gpx\+xml/);
      const again = await uploadActivity(t.http, coach.accessToken, playerId, exported.text);
      expectProblem(again, 409, 'file');
      expect(again.body.errors[0].message).toMatch(/same device/);
      const elsewhere = await uploadActivity(t.http, coach.accessToken, secondPlayerId, exported.text);
      expect(elsewhere.status).toBe(201);
      expect(elsewhere.body.metrics.summary.distanceM).toBeCloseTo(run.metrics.summary.distanceM, 0);
      expect(elsewhere.body.metrics.summary.elapsedS).toBe(run.metrics.summary.elapsedS);
      expect(elsewhere.body.metrics.heartRate.timeInZonesS).toEqual(run.metrics.heartRate.timeInZonesS);
    });

    it('the original file downloads byte for byte', async () => {
      const res = await fetch(`${t.baseUrl}/api/v1/activities/${run.id}/file`, {
        headers: { authorization: `Bearer ${coach.accessToken}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('run.gpx');
      expect(Buffer.from(await res.arrayBuffer()).equals(sampleFile('run.gpx'))).toBe(true);
    });

    it('GeoJSON gives the track for maps, [lon, lat] per point', async () => {
      const res = await t.http.get(`/api/v1/activities/${run.id}/geojson`, auth(parent));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
      const geo = JSON.parse(res.text);
      expect(geo.type).toBe('FeatureCollection');
      const line = geo.features[0].geometry;
      expect(line.type).toBe('LineString');
      expect(line.coordinates.length).toBe(
        run.quality.inputPoints -
          run.quality.duplicateTimestamps -
          run.quality.backwardsTimestamps -
          run.quality.gpsJumps,
      );
      const [lon, lat] = line.coordinates[0];
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    });

    it('streams are aligned and downsampled to the resolution; unknown types are a 400', async () => {
      const res = await t.http.get(
        `/api/v1/activities/${run.id}/streams?types=time,speed,heartrate,latlng&resolution=low`,
        auth(coach),
      );
      expect(res.status).toBe(200);
      expect(res.body.points).toBeLessThanOrEqual(100);
      expect(res.body.originalPoints).toBeGreaterThan(100);
      for (const type of ['time', 'speed', 'heartrate', 'latlng'])
        expect(res.body.streams[type]).toHaveLength(res.body.points);
      expect(res.body.streams.distance).toBeUndefined();
      expect(res.body.streams.time[0]).toBe(0);
      const all = await t.http.get(`/api/v1/activities/${run.id}/streams`, auth(coach));
      expect(all.body.resolution).toBe('medium');
      expect(all.body.streams.distance.at(-1)).toBeCloseTo(run.metrics.summary.distanceM, 0);
      expectProblem(await t.http.get(`/api/v1/activities/${run.id}/streams?types=power`, auth(coach)), 400, 'types');
      expectProblem(
        await t.http.get(`/api/v1/activities/${run.id}/streams?resolution=ultra`, auth(coach)),
        400,
        'resolution',
      );
    });

    it('a coach defines a section by time range with the same metrics as the whole; bad ranges are refused', async () => {
      const res = await t.http.post(
        `/api/v1/activities/${run.id}/sections`,
        { name: 'Middle', startS: 120, endS: 600 },
        auth(coach),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'custom', name: 'Middle', startS: 120, endS: 600 });
      // The section holds the points within 120-600 s: 1 Hz with pauses, so a few seconds short of 480.
      expect(res.body.metrics.summary.elapsedS).toBeLessThanOrEqual(480);
      expect(res.body.metrics.summary.elapsedS).toBeGreaterThan(450);
      expect(res.body.metrics.summary.distanceM).toBeLessThan(run.metrics.summary.distanceM);
      expect(Object.keys(res.body.metrics)).toEqual(Object.keys(run.metrics));
      const got = await t.http.get(`/api/v1/activities/${run.id}`, auth(parent));
      expect(got.body.sections.custom).toHaveLength(1);
      expectProblem(
        await t.http.post(`/api/v1/activities/${run.id}/sections`, { name: 'x', startS: 600, endS: 120 }, auth(coach)),
        422,
        'endS',
      );
      expectProblem(
        await t.http.post(
          `/api/v1/activities/${run.id}/sections`,
          { name: 'x', startS: 99999, endS: 99999.5 },
          auth(coach),
        ),
        400,
        'startS',
      );
      expectProblem(
        await t.http.post(
          `/api/v1/activities/${run.id}/sections`,
          { name: 'x', startS: 5000, endS: 6000 },
          auth(coach),
        ),
        422,
        'startS',
      );
      expectProblem(
        await t.http.post(`/api/v1/activities/${run.id}/sections`, { startS: 1, endS: 2 }, auth(coach)),
        400,
        'name',
      );
      expectProblem(
        await t.http.post(`/api/v1/activities/${run.id}/sections`, { name: 'x', startS: 1, endS: 2 }, auth(parent)),
        403,
      );
      expectProblem(
        await t.http.post(`/api/v1/activities/${run.id}/sections`, { name: 'x', startS: 1, endS: 2 }, auth(otherCoach)),
        404,
      );
      const removed = await t.http.delete(`/api/v1/activities/${run.id}/sections/${res.body.id}`, auth(coach));
      expect(removed.status).toBe(204);
      expectProblem(await t.http.delete(`/api/v1/activities/${run.id}/sections/${res.body.id}`, auth(coach)), 404);
    });

    it('compare puts two activities side by side with differences', async () => {
      const other = await uploaded(playerId, 'missing_hr.gpx');
      const res = await t.http.get(`/api/v1/activities/${run.id}/compare/${other.id}`, auth(coach));
      expect(res.status).toBe(200);
      const distance = res.body.metrics.find((m: any) => m.metric === 'summary.distanceM');
      expect(distance.value).toBe(run.metrics.summary.distanceM);
      expect(distance.other).toBe(other.metrics.summary.distanceM);
      expect(distance.difference).toBeCloseTo(other.metrics.summary.distanceM - run.metrics.summary.distanceM, 2);
      expectProblem(await t.http.get(`/api/v1/activities/${run.id}/compare/${'0'.repeat(24)}`, auth(coach)), 404);
    });

    it('PATCH changes the title and kind; DELETE removes the activity and its files', async () => {
      const patched = await t.http.patch(
        `/api/v1/activities/${run.id}`,
        { title: 'Long run', kind: 'training' },
        auth(playerAccount),
      );
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ title: 'Long run', kind: 'training' });
      expectProblem(await t.http.patch(`/api/v1/activities/${run.id}`, { kind: 'swim' }, auth(coach)), 400, 'kind');
      expectProblem(await t.http.patch(`/api/v1/activities/${run.id}`, { title: 'x' }, auth(parent)), 403);
      const extra = await uploaded(playerId, 'apple_watch_route.gpx');
      const before = await storedFiles();
      expect((await t.http.delete(`/api/v1/activities/${extra.id}`, auth(coach))).status).toBe(204);
      expect(await storedFiles()).toBe(before - 1);
      expectProblem(await t.http.get(`/api/v1/activities/${extra.id}`, auth(coach)), 404);
    });
  });

  describe('access for every role', () => {
    let activityId: string;

    beforeAll(async () => {
      const res = await uploadActivity(t.http, playerAccount.accessToken, playerId, sampleFile('run_gpxtpx.gpx'));
      expect(res.status).toBe(201);
      activityId = res.body.id;
    });

    it('the player uploads their own; a parent reads but may not upload; another coach sees nothing', async () => {
      expectProblem(await uploadActivity(t.http, parent.accessToken, playerId, sampleFile('missing_hr.gpx')), 403);
      expectProblem(await uploadActivity(t.http, otherCoach.accessToken, playerId, sampleFile('missing_hr.gpx')), 404);
      expectProblem(await uploadActivity(t.http, undefined, playerId, sampleFile('missing_hr.gpx')), 401);
      for (const who of [coach, parent, playerAccount, admin]) {
        expect((await t.http.get(`/api/v1/activities/${activityId}`, auth(who))).status).toBe(200);
        const list = await t.http.get(`/api/v1/players/${playerId}/activities`, auth(who));
        expect(list.body.items.map((a: any) => a.id)).toContain(activityId);
      }
      for (const path of ['', '/gpx', '/geojson', '/streams', '/file']) {
        expectProblem(await t.http.get(`/api/v1/activities/${activityId}${path}`, auth(otherCoach)), 404);
      }
      expectProblem(await t.http.get(`/api/v1/players/${playerId}/activities`, auth(otherCoach)), 404);
      expectProblem(await t.http.delete(`/api/v1/activities/${activityId}`, auth(parent)), 403);
    });
  });

  describe('the list', () => {
    it('filters by kind, dates, distance and heart rate; contradictory ranges are 422s', async () => {
      const listPlayer = await createPlayer('List');
      const a = await uploaded(listPlayer, 'run.gpx', { kind: 'match' });
      const b = await uploaded(listPlayer, 'cerknicko-jezero.gpx');
      const c = await uploaded(listPlayer, 'garmin-edge-820-bike.fit');
      const list = (q: string) => t.http.get(`/api/v1/players/${listPlayer}/activities${q}`, auth(coach));
      const ids = async (q: string) => (await list(q)).body.items.map((x: any) => x.id).sort();
      expect((await list('')).body.total).toBe(3);
      expect((await list('')).body.items[0].sections).toBeUndefined();
      expect(await ids('?kind=match')).toEqual([a.id]);
      expect(await ids('?kind=ride')).toEqual([c.id]);
      expect(await ids('?hasHeartRate=false')).toEqual([b.id]);
      expect(await ids('?minDistanceM=3000')).toEqual([a.id, b.id].sort());
      expect(await ids('?maxDistanceM=1000')).toEqual([c.id]);
      expect(await ids(`?from=${a.date}&to=${a.date}`)).toEqual([a.id]);
      expectProblem(await list('?from=2024-02-01&to=2024-01-01'), 422, 'from');
      expectProblem(await list('?minDistanceM=10&maxDistanceM=5'), 422, 'minDistanceM');
      expectProblem(await list('?hasHeartRate=maybe'), 400, 'hasHeartRate');
      expectProblem(await list('?minDistanceM=-1'), 400, 'minDistanceM');
    });
  });

  describe('profile heart rate and speed', () => {
    it("the player's measured HRmax and resting HR give measured zones and Banister's TRIMP", async () => {
      const hrPlayer = await createPlayer('Heart', { hrMaxBpm: 195, hrRestBpm: 50, maxSpeedMps: 6 });
      const a = await uploaded(hrPlayer, 'run.gpx');
      expect(a.athlete).toMatchObject({ hrMax: 195, hrRest: 50, maxSpeedMps: 6 });
      expect(a.metrics.heartRate).toMatchObject({ hrMax: 195, hrMaxSource: 'measured' });
      expect(a.metrics.heartRate.banisterTrimp).toBeGreaterThan(0);
      expect(a.metrics.running.effortsAbove90).toMatchObject({ count: expect.any(Number) });
      expectProblem(
        await t.http.patch(`/api/v1/players/${hrPlayer}`, { hrRestBpm: 200 }, auth(coach)),
        422,
        'hrRestBpm',
      );
      expectProblem(await t.http.patch(`/api/v1/players/${hrPlayer}`, { hrMaxBpm: 300 }, auth(coach)), 400, 'hrMaxBpm');
      expectProblem(
        await t.http.patch(`/api/v1/players/${hrPlayer}`, { maxSpeedMps: 20 }, auth(coach)),
        400,
        'maxSpeedMps',
      );
    });
    it('without a measured maximum, the fastest earlier activity and then a timed sprint set it', async () => {
      const speedPlayer = await createPlayer('Speed');
      const run = (day: number, speedMps: number) =>
        uploadActivity(
          t.http,
          coach.accessToken,
          speedPlayer,
          meridianRunGpx({ start: new Date(`${daysAgo(day)}T08:00:00Z`), speedMps, seconds: 120 }),
        );
      const first = await run(5, 6);
      expect(first.status).toBe(201);
      expect(first.body.athlete.maxSpeedMps).toBeUndefined();
      expect(first.body.metrics.running.effortsAbove90).toBeNull();
      const second = await run(4, 5);
      expect(second.body.athlete.maxSpeedMps).toBeCloseTo(6, 2);
      // 5 m/s is under 90 % of 6 m/s (5.4): no effort.
      expect(second.body.metrics.running.effortsAbove90).toEqual({ count: 0, distanceM: 0 });
      const sprint = await t.http.post(
        `/api/v1/players/${speedPlayer}/assessments`,
        { date: daysAgo(3), tests: { sprint10mS: 1.9, sprint20mS: 3.2, sprint30mS: 4.4 } },
        auth(coach),
      );
      expect(sprint.status).toBe(201);
      // The flying 20-30 m split: 10 m in 1.2 s.
      const third = await run(2, 7.8);
      expect(third.body.athlete.maxSpeedMps).toBeCloseTo(10 / 1.2, 6);
      expect(third.body.metrics.running.effortsAbove90.count).toBe(1);
    });
  });

  describe('a ZIP of many files', () => {
    it('imports each file on its own: imported, duplicate, refused with the reason', async () => {
      const zipPlayer = await createPlayer('Zip');
      const zip = await zipOf([
        ['export/run.gpx', sampleFile('run.gpx')],
        ['export/fenix.fit', sampleFile('garmin-fenix-5-run.fit')],
        ['export/route.gpx', sampleFile('route.gpx')],
        ['export/again/run.gpx', sampleFile('run.gpx')],
        ['export/tour.tcx.gz', gzipSync(sampleFile('tour_hr.tcx'))],
      ]);
      const res = await importActivityZip(t.http, coach.accessToken, zipPlayer, zip);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ imported: 3, duplicates: 1, refused: 1 });
      const byName = Object.fromEntries(res.body.files.map((f: any) => [f.name, f]));
      expect(byName['export/route.gpx']).toMatchObject({ status: 'refused', code: 'no-timestamps' });
      expect(byName['export/again/run.gpx']).toMatchObject({
        status: 'duplicate',
        activityId: byName['export/run.gpx'].activityId,
      });
      const list = await t.http.get(`/api/v1/players/${zipPlayer}/activities`, auth(coach));
      expect(list.body.total).toBe(3);
      expect(list.body.items.find((a: any) => a.format === 'fit').source).toEqual({
        type: 'zip',
        entry: 'export/fenix.fit',
      });
    });

    it('a file that is not a ZIP is a 400; a parent may not import', async () => {
      expectProblem(await importActivityZip(t.http, coach.accessToken, playerId, sampleFile('run.gpx')), 400, 'file');
      expectProblem(
        await importActivityZip(t.http, parent.accessToken, playerId, await zipOf([['a.gpx', sampleFile('run.gpx')]])),
        403,
      );
    });
  });

  describe('a constant 6 m/s run, and the load report', () => {
    let loadPlayer: string;
    let match: any;
    let training: any;
    let logId: string;
    const at = (date: string) => new Date(`${date}T18:00:00Z`);

    beforeAll(async () => {
      loadPlayer = await createPlayer('Load');
      const m = await uploadActivity(
        t.http,
        coach.accessToken,
        loadPlayer,
        meridianRunGpx({ start: at(daysAgo(3)), speedMps: 6, seconds: 1800, heartRate: 150 }),
        { fields: { kind: 'match' } },
      );
      expect(m.status).toBe(201);
      match = m.body;
      const log = await t.http.post(
        `/api/v1/players/${loadPlayer}/training-logs`,
        { date: daysAgo(1), kind: 'training', durationMin: 30, rpe: 6 },
        auth(coach),
      );
      expect(log.status).toBe(201);
      logId = log.body.id;
      const tr = await uploadActivity(
        t.http,
        coach.accessToken,
        loadPlayer,
        meridianRunGpx({ start: at(daysAgo(1)), speedMps: 6, seconds: 900 }),
        { fields: { trainingLogId: logId } },
      );
      expect(tr.status).toBe(201);
      training = tr.body;
    });

    it('has the known answers: 10.8 km, all of it high-speed running, no sprint, 1 Hz', () => {
      const { summary, running } = match.metrics;
      expect(summary.distanceM).toBeCloseTo(10_800, -1);
      expect(summary.elapsedS).toBe(1800);
      expect(summary.samplingHz).toBe(1);
      expect(summary.maxSpeedMps).toBeCloseTo(6, 2);
      expect(running.zonesM.highSpeedRunning).toBeCloseTo(10_800, -1);
      expect(running.highSpeedRunningM).toBeCloseTo(10_800, -1);
      expect(running.sprints).toEqual({ count: 0, distanceM: 0 });
      expect(running.metresPerMinute).toBeCloseTo(360, 0);
      expect(running.accelerations).toEqual({ count: 0, reliable: false });
      expect(match.metrics.heartRate.timeInZonesS.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1800, -1);
      expect(training.attachment).toEqual({ trainingLogId: logId });
    });

    it('adds external load per day and week, marks the match day, and never a second session RPE', async () => {
      const res = await t.http.get(
        `/api/v1/players/${loadPlayer}/load?from=${daysAgo(6)}&to=${daysFromNow(0)}`,
        auth(coach),
      );
      expect(res.status).toBe(200);
      const { external, matchDays, daily } = res.body;
      expect(external.hasData).toBe(true);
      const day = (date: string) => external.daily.find((d: any) => d.date === date);
      expect(day(daysAgo(3))).toMatchObject({ activities: 1 });
      expect(day(daysAgo(3)).distanceM.total).toBeCloseTo(10_800, -1);
      expect(day(daysAgo(3)).highSpeedRunningM.total).toBeCloseTo(10_800, -1);
      expect(day(daysAgo(1)).distanceM.total).toBeCloseTo(5_400, -1);
      expect(day(daysAgo(2)).distanceM.total).toBe(0);
      expect(external.current.distanceM.last7Days).toBeCloseTo(16_200, -1);
      expect(external.current.sprintDistanceM.last7Days).toBe(0);
      const weekTotal = external.weekly.reduce((sum: number, w: any) => sum + w.distanceM.total, 0);
      expect(weekTotal).toBeCloseTo(16_200, -1);
      expect(matchDays).toEqual([daysAgo(3)]);
      // The attached training log is the day's one session: its RPE load, once.
      const sessionDay = daily.find((d: any) => d.date === daysAgo(1));
      expect(sessionDay).toMatchObject({ sessions: 1, load: 180 });
      expect(daily.find((d: any) => d.date === daysAgo(3))).toMatchObject({ sessions: 0, load: 0 });
    });

    it('a PATCH detaches the session; an attachment that breaks its schema is a 400, one of another player a 422', async () => {
      expectProblem(
        await t.http.patch(`/api/v1/activities/${training.id}`, { attachment: { trainingLogId: 'x' } }, auth(coach)),
        400,
        'attachment.trainingLogId',
      );
      const foreign = await t.http.post(
        `/api/v1/players/${secondPlayerId}/training-logs`,
        { date: daysAgo(1), kind: 'training', durationMin: 30, rpe: 6 },
        auth(coach),
      );
      expectProblem(
        await t.http.patch(
          `/api/v1/activities/${training.id}`,
          { attachment: { trainingLogId: foreign.body.id } },
          auth(coach),
        ),
        422,
        'attachment.trainingLogId',
      );
      const detached = await t.http.patch(`/api/v1/activities/${training.id}`, { attachment: null }, auth(coach));
      expect(detached.status).toBe(200);
      expect(detached.body.attachment).toBeUndefined();
    });
  });

  describe('an activity of a programme session', () => {
    it('has one section per planned block, planned against actual minutes and load', async () => {
      const programPlayer = await createPlayer('Programme');
      const assessment = await t.http.post(
        `/api/v1/players/${programPlayer}/assessments`,
        { date: daysAgo(60), ratings: { passing: 5, shooting: 4 } },
        auth(coach),
      );
      expect(assessment.status).toBe(201);
      const program = await t.http.post(
        `/api/v1/players/${programPlayer}/programs`,
        { weeks: 4, sessionsPerWeek: 3, availableDays: ['mon', 'wed', 'fri'], startDate: daysAgo(21), seed: 7 },
        auth(coach),
      );
      expect(program.status).toBe(201);
      const session = program.body.weeks[0].sessions[0];
      const logged = await t.http.post(
        `/api/v1/programs/${program.body.id}/sessions/${session.id}/log`,
        { status: 'done', durationMin: 40, rpe: 5 },
        auth(coach),
      );
      expect(logged.status).toBe(201);
      const seconds = 40 * 60;
      const res = await uploadActivity(
        t.http,
        coach.accessToken,
        programPlayer,
        meridianRunGpx({ start: new Date(`${session.date}T17:00:00Z`), speedMps: 3, seconds }),
        { fields: { programId: program.body.id, sessionId: session.id } },
      );
      expect(res.status).toBe(201);
      const got = await t.http.get(`/api/v1/activities/${res.body.id}`, auth(coach));
      const blocks = got.body.sections.plannedBlocks;
      expect(blocks.map((b: any) => b.block)).toEqual(session.blocks.map((b: any) => b.kind));
      let startS = 0;
      blocks.forEach((b: any, i: number) => {
        const minutes = session.blocks[i].drills.reduce((sum: number, d: any) => sum + d.minutes, 0);
        expect(b.planned).toEqual({ minutes, load: minutes * session.targetRpe });
        expect(b.startS).toBe(Math.min(startS, seconds));
        startS += minutes * 60;
        const last = i === blocks.length - 1;
        expect(b.endS).toBe(last ? seconds : Math.min(startS, seconds));
        expect(b.actual.minutes).toBeCloseTo((b.endS - b.startS) / 60, 1);
        expect(b.actual.load).toBe(Math.round(b.actual.minutes * 5));
      });
      const covered = blocks.reduce((sum: number, b: any) => sum + (b.metrics?.summary.distanceM ?? 0), 0);
      expect(covered).toBeCloseTo(got.body.metrics.summary.distanceM, 0);
    });
  });
});
