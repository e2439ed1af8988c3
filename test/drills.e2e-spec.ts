import { DrillLibraryRepository } from '../src/drills/drill-library.repository';
import { staticDrills } from '../src/drills/static';
import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { drillInput, uploadDrills } from './harness/drills';
import { HttpResponse } from './harness/http-client';
import { TcpProxy } from './harness/tcp-proxy';
import { startTestApp, TestApp } from './harness/test-app';

const STATIC_COUNT = staticDrills().length;
const library = (n: number) => Array.from({ length: n }, (_, i) => drillInput(i + 1));

const expectProblem = (res: HttpResponse, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
};

describe('drill library', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;

  // Version checks on every request, so a second instance sees changes at once.
  const env = { DRILLS_VERSION_CHECK_MS: '0', DRILLS_UPLOAD_MAX_BYTES: '65536' };

  beforeAll(async () => {
    t = await startTestApp(env);
    admin = await loginAdmin(t.http);
    coach = await createAccount(t.http, 'coach', admin);
  });
  afterAll(() => t.close());

  const versions = async () => (await t.http.get('/api/v1/admin/drills/versions', { token: admin.accessToken })).body;
  const served = async () => (await t.http.get('/api/v1/drills?limit=100')).body;

  describe('before any upload', () => {
    it('serves the static library to anyone, paginated', async () => {
      const res = await t.http.get('/api/v1/drills?limit=5');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ source: 'static', total: STATIC_COUNT, page: 1, limit: 5, language: 'en' });
      expect(res.body.items).toHaveLength(5);
      expect(res.body).not.toHaveProperty('version');
    });

    it('serves the JSON Schema of the upload format', async () => {
      const res = await t.http.get('/api/v1/drills/schema');
      expect(res.status).toBe(200);
      expect(res.body.$defs.drill.properties).toHaveProperty('bodyRegions');
    });
  });

  describe('upload and read', () => {
    it('refuses non-admins (403) and anonymous callers (401), storing nothing', async () => {
      expectProblem(await uploadDrills(t.http, coach.accessToken, library(3)), 403);
      const player = await createAccount(t.http, 'player', admin);
      expectProblem(await uploadDrills(t.http, player.accessToken, library(3)), 403);
      expectProblem(await uploadDrills(t.http, undefined, library(3)), 401);
      expect((await versions()).total).toBe(0);
      expect((await served()).source).toBe('static');
    });

    it('a dry run validates and reports without storing', async () => {
      const res = await uploadDrills(t.http, admin.accessToken, library(3), { dryRun: true });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        stored: false,
        mode: 'replace',
        drillCount: 3,
        added: 3,
        updated: 0,
        unchanged: 0,
        removed: STATIC_COUNT,
        warnings: expect.any(Array),
        warningsOmitted: 0,
      });
      expect((await versions()).total).toBe(0);
      expect((await served()).source).toBe('static');
    });

    it('a valid upload becomes the served set at once', async () => {
      const res = await uploadDrills(t.http, admin.accessToken, { drills: library(3) });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        stored: true,
        mode: 'replace',
        version: 1,
        drillCount: 3,
        added: 3,
        updated: 0,
        unchanged: 0,
        removed: STATIC_COUNT,
        warnings: expect.any(Array),
        warningsOmitted: 0,
      });
      const list = await served();
      expect(list).toMatchObject({ source: 'database', version: 1, total: 3 });
      expect(list.items.map((d: { id: string }) => d.id)).toEqual(['test-drill-1', 'test-drill-2', 'test-drill-3']);
      expect(list.items[0]).toMatchObject({ sex: 'any', targetRpe: 5, positions: [] });
    });

    it('merge upserts by id over the active set', async () => {
      const res = await uploadDrills(t.http, admin.accessToken, [drillInput(2, { name: 'Changed' }), drillInput(9)], {
        mode: 'merge',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ version: 2, mode: 'merge', drillCount: 4, added: 1, updated: 1, removed: 0 });
      const list = await served();
      expect(list.items.map((d: { id: string; name: string }) => `${d.id}:${d.name}`)).toEqual([
        'test-drill-1:Test drill 1',
        'test-drill-2:Changed',
        'test-drill-3:Test drill 3',
        'test-drill-9:Test drill 9',
      ]);
    });

    it('replace swaps in exactly the uploaded drills', async () => {
      const res = await uploadDrills(t.http, admin.accessToken, [drillInput(5), drillInput(6)], { mode: 'replace' });
      expect(res.body).toMatchObject({ version: 3, drillCount: 2, added: 2, removed: 4 });
      expect((await served()).items.map((d: { id: string }) => d.id)).toEqual(['test-drill-5', 'test-drill-6']);
    });

    it('lists versions newest first with uploader, time, counts and the active one', async () => {
      const body = await versions();
      expect(body).toMatchObject({ total: 3, activeVersion: 3 });
      expect(body.items.map((v: { version: number; active: boolean }) => [v.version, v.active])).toEqual([
        [3, true],
        [2, false],
        [1, false],
      ]);
      expect(body.items[1]).toMatchObject({
        mode: 'merge',
        uploadedBy: admin.id,
        uploadedByEmail: admin.email,
        drillCount: 4,
        added: 1,
        updated: 1,
      });
      expect(Date.now() - Date.parse(body.items[0].createdAt)).toBeLessThan(60_000);
    });

    it('rolls back to a kept version and forward again', async () => {
      const back = await t.http.post('/api/v1/admin/drills/versions/2/activate', undefined, {
        token: admin.accessToken,
      });
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ version: 2, active: true, drillCount: 4 });
      expect(await served()).toMatchObject({ source: 'database', version: 2, total: 4 });
      expect((await versions()).activeVersion).toBe(2);
      await t.http.post('/api/v1/admin/drills/versions/3/activate', undefined, { token: admin.accessToken });
      expect((await served()).version).toBe(3);
    });

    it('answers 404 for an unknown version and 400 for a malformed one; coaches get 403', async () => {
      expectProblem(
        await t.http.post('/api/v1/admin/drills/versions/99/activate', undefined, { token: admin.accessToken }),
        404,
      );
      for (const version of ['abc', '0', '-1', '1.5', '99999999999999999999']) {
        const malformed = await t.http.post(`/api/v1/admin/drills/versions/${version}/activate`, undefined, {
          token: admin.accessToken,
        });
        expectProblem(malformed, 400);
        expect(malformed.body.errors).toEqual([{ path: 'version', message: expect.any(String) }]);
      }
      expectProblem(
        await t.http.post('/api/v1/admin/drills/versions/2/activate', undefined, { token: coach.accessToken }),
        403,
      );
      expectProblem(await t.http.get('/api/v1/admin/drills/versions', { token: coach.accessToken }), 403);
      expect((await served()).version).toBe(3);
    });

    it('exports the active set in the upload format, and re-uploading it round-trips', async () => {
      await uploadDrills(t.http, admin.accessToken, [
        drillInput(1, {
          translations: { ar: { name: 'تمرير', description: 'وصف التمرين' } },
          space: { lengthM: 20, widthM: 15 },
        }),
        drillInput(2, { tags: ['rondo'], targetRpe: 6 }),
      ]);
      const exported = await t.http.get('/api/v1/admin/drills/export', { token: admin.accessToken });
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="drills-v4\.json"/);
      expect(exported.body).toHaveLength(2);
      expect(exported.body[0].translations.ar.name).toBe('تمرير');

      const again = await uploadDrills(t.http, admin.accessToken, exported.text);
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ version: 5, added: 0, updated: 0, unchanged: 2, removed: 0 });
      const reexported = await t.http.get('/api/v1/admin/drills/export', { token: admin.accessToken });
      expect(reexported.body).toEqual(exported.body);
      expectProblem(await t.http.get('/api/v1/admin/drills/export', { token: coach.accessToken }), 403);
    });

    describe('warnings: the kinds of player the new set cannot build a programme for', () => {
      // Everything a programme needs from 5 to 60, except a cool-down for 6- and 7-year-olds.
      const lacking = [
        drillInput(1, {
          id: 'w-warm-up',
          category: 'warm-up',
          minAge: 5,
          maxAge: 60,
          intensity: 'low',
          bodyRegions: ['ankle'],
        }),
        drillInput(2, {
          id: 'w-acl',
          category: 'injury-prevention',
          minAge: 5,
          maxAge: 60,
          tags: ['acl-prevention'],
          bodyRegions: ['knee'],
        }),
        drillInput(3, { id: 'w-passing', category: 'passing', minAge: 5, maxAge: 60, bodyRegions: ['foot'] }),
        drillInput(4, {
          id: 'w-cool-down',
          category: 'cool-down',
          minAge: 8,
          maxAge: 60,
          intensity: 'low',
          bodyRegions: ['calf'],
        }),
      ];
      const noCoolDown = {
        code: 'no-cool-down',
        message: 'No cool-down drill for players aged 6–7: they cannot get a programme.',
        players: {
          minAge: 6,
          maxAge: 7,
          sexes: ['female', 'male'],
          levels: ['grassroots', 'academy', 'elite'],
          positions: ['goalkeeper', 'defender', 'midfielder', 'forward'],
          injuredRegions: [],
        },
      };

      it('a dry run lists them beside the result, before anything is activated', async () => {
        const before = (await versions()).total;
        const res = await uploadDrills(t.http, admin.accessToken, lacking, { dryRun: true });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ stored: false, drillCount: 4, warningsOmitted: 0 });
        expect(res.body.warnings[0]).toEqual(noCoolDown);
        // Injured players: each region the only drill of a kind loads, named once (not with every second region).
        expect(res.body.warnings).toContainEqual({
          code: 'no-cool-down',
          message:
            'No cool-down drill that spares the calf for players aged 8–60: they cannot get a programme while injured there.',
          players: expect.objectContaining({ minAge: 8, maxAge: 60, injuredRegions: ['calf'] }),
        });
        expect(res.body.warnings).toContainEqual(
          expect.objectContaining({
            code: 'acl-prevention-paused',
            players: expect.objectContaining({ sexes: ['female'], injuredRegions: ['knee'] }),
          }),
        );
        expect(
          res.body.warnings.filter(
            (w: { players: { injuredRegions: string[] } }) =>
              w.players.injuredRegions.includes('calf') && w.players.injuredRegions.length === 2,
          ),
        ).toEqual([]);
        expect((await versions()).total).toBe(before);
      });

      it('an upload lists them too, and the set is active as uploaded', async () => {
        const res = await uploadDrills(t.http, admin.accessToken, lacking);
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ stored: true, drillCount: 4 });
        expect(res.body.warnings[0]).toEqual(noCoolDown);
        expect((await served()).total).toBe(4);
      });

      it('a set that serves every player has none', async () => {
        const complete = [...lacking.slice(0, 3), { ...lacking[3], minAge: 5 }];
        const full = [
          ...complete,
          // What the injured need: every role once more on regions disjoint from the first.
          drillInput(5, {
            id: 'w-warm-up-2',
            category: 'warm-up',
            minAge: 5,
            maxAge: 60,
            intensity: 'low',
            bodyRegions: [],
          }),
          drillInput(6, {
            id: 'w-acl-2',
            category: 'injury-prevention',
            minAge: 5,
            maxAge: 60,
            tags: ['acl-prevention'],
            bodyRegions: [],
          }),
          drillInput(7, {
            id: 'w-tactics',
            category: 'tactical',
            minAge: 5,
            maxAge: 60,
            intensity: 'low',
            bodyRegions: [],
          }),
          drillInput(8, {
            id: 'w-breathing',
            category: 'cool-down',
            minAge: 5,
            maxAge: 60,
            intensity: 'low',
            bodyRegions: [],
          }),
        ];
        const res = await uploadDrills(t.http, admin.accessToken, full, { dryRun: true });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ warnings: [], warningsOmitted: 0 });
      });
    });
  });

  describe('reading', () => {
    beforeAll(async () => {
      const res = await uploadDrills(t.http, admin.accessToken, [
        drillInput(1, { category: 'passing', minAge: 6, maxAge: 12, equipment: ['balls'], bodyRegions: ['foot'] }),
        drillInput(2, {
          category: 'speed',
          sex: 'female',
          levels: ['elite'],
          intensity: 'high',
          durationMin: 30,
          bodyRegions: ['hamstring'],
          equipment: ['cones', 'balls'],
        }),
        drillInput(3, {
          category: 'goalkeeping',
          positions: ['goalkeeper'],
          name: 'Diving saves',
          coachingPoints: ['Lead with the hands'],
          translations: { ar: { name: 'التصدي بالارتماء', description: 'ارتماء منخفض على الجانبين' } },
        }),
      ]);
      expect(res.status).toBe(201);
    });

    const ids = async (query: string) => {
      const res = await t.http.get(`/api/v1/drills?${query}`);
      expect(res.status).toBe(200);
      return res.body.items.map((d: { id: string }) => d.id.replace('test-drill-', '')).join(',');
    };

    it.each([
      ['category=speed', '2'],
      ['age=6', '1'],
      ['sex=male', '1,3'],
      ['level=grassroots', '1,3'],
      ['position=forward', '1,2'],
      ['intensity=high', '2'],
      ['equipment=balls', '1,3'],
      ['equipment=cones,balls', '1,2,3'],
      ['avoidBodyRegions=hamstring', '1,3'],
      ['avoidBodyRegions=hamstring,foot', ''],
      ['maxDurationMin=20', '1,3'],
      ['q=diving', '3'],
      [`q=${encodeURIComponent('بالارتماء')}`, '3'],
      ['age=13&sex=female&level=elite', '2,3'],
    ])('filters by %s', async (query, expected) => expect(await ids(query)).toBe(expected));

    it.each([
      'category=golf',
      'age=4',
      'age=abc',
      'sex=x',
      'avoidBodyRegions=elbow',
      'avoidBodyRegions=',
      'avoidBodyRegions=knee,,ankle',
      'equipment=',
      'equipment=balls,',
      'maxDurationMin=0',
      'limit=101',
      'page=0',
      'colour=red',
      'q=',
    ])('refuses %s with 400', async (query) => expectProblem(await t.http.get(`/api/v1/drills?${query}`), 400));

    it('gets one drill, 404 for an unknown id, 400 for a malformed one', async () => {
      const res = await t.http.get('/api/v1/drills/test-drill-3');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: 'test-drill-3', name: 'Diving saves', source: 'database', language: 'en' });
      expectProblem(await t.http.get('/api/v1/drills/no-such-drill'), 404);
      expectProblem(await t.http.get('/api/v1/drills/Not%20A%20Slug'), 400);
    });

    it('follows Accept-Language, falling back to English field by field', async () => {
      const res = await t.http.get('/api/v1/drills/test-drill-3', {
        headers: { 'accept-language': 'ar-SA,ar;q=0.9,en;q=0.5' },
      });
      expect(res.headers.get('content-language')).toBe('ar');
      expect(res.body).toMatchObject({
        name: 'التصدي بالارتماء',
        description: 'ارتماء منخفض على الجانبين',
        coachingPoints: ['Lead with the hands'],
        language: 'ar',
      });
      const list = await t.http.get('/api/v1/drills', { headers: { 'accept-language': 'ar' } });
      expect(list.body.language).toBe('ar');
      expect(list.body.items[0].name).toBe('Test drill 1');
      expect(
        (await t.http.get('/api/v1/drills/test-drill-3', { headers: { 'accept-language': 'fr' } })).body.name,
      ).toBe('Diving saves');
    });
  });

  describe('bad files: a clear 4xx and nothing changes', () => {
    let before: { total: number; activeVersion: number };
    beforeAll(async () => {
      before = await versions();
    });
    afterEach(async () => {
      const after = await versions();
      expect({ total: after.total, activeVersion: after.activeVersion }).toEqual({
        total: before.total,
        activeVersion: before.activeVersion,
      });
    });

    const upload = (content: Parameters<typeof uploadDrills>[2], options?: Parameters<typeof uploadDrills>[3]) =>
      uploadDrills(t.http, admin.accessToken, content, options);

    it('not JSON', async () => {
      const res = await upload('[{"id": "a",');
      expectProblem(res, 400);
      expect(res.body.detail).toMatch(/not valid JSON/);
    });

    it.each([
      ['a JSON string', '"drills"'],
      ['an object without drills', '{"items": []}'],
      ['drills beside other keys', JSON.stringify({ drills: [drillInput(1)], $where: '1' })],
    ])('wrong top-level shape: %s', async (_what, content) => {
      const res = await upload(content);
      expectProblem(res, 400);
      expect(res.body.errors[0]).toMatchObject({ index: -1 });
    });

    it('an empty array', async () => expectProblem(await upload('[]'), 400));

    it('duplicate ids', async () => {
      const res = await upload([drillInput(1), drillInput(1)]);
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([
        { index: 1, id: 'test-drill-1', path: 'id', message: 'duplicate id (also at index 0)' },
      ]);
    });

    it('one bad drill among good ones rejects the file, listing every problem', async () => {
      const res = await upload([
        drillInput(1),
        drillInput(2, { durationMin: 500, colour: 'red' } as never),
        drillInput(3),
        drillInput(4, { minAge: 'ten' as never }),
      ]);
      expectProblem(res, 400);
      expect(res.body).toMatchObject({ type: '/problems/invalid-drill-file', title: 'Invalid Drill File' });
      expect(res.body.errors).toEqual([
        expect.objectContaining({ index: 1, id: 'test-drill-2', path: 'durationMin' }),
        { index: 1, id: 'test-drill-2', path: '', message: 'unknown field(s): colour' },
        expect.objectContaining({ index: 3, id: 'test-drill-4', path: 'minAge' }),
      ]);
    });

    it('__proto__ and $where keys', async () => {
      const drill = JSON.stringify(drillInput(1));
      const res = await upload(
        `[${drill.slice(0, -1)},"__proto__":{"isAdmin":true}},${drill.slice(0, -1).replace('test-drill-1', 'test-drill-2')},"$where":"sleep(100)"}]`,
      );
      expectProblem(res, 400);
      expect(res.body.errors.map((e: { message: string }) => e.message)).toEqual([
        'unknown field(s): __proto__',
        'unknown field(s): $where',
      ]);
    });

    it('a file over the size limit', async () => {
      const big = library(200); // ~40 KB... and over the 64 KiB limit with padding:
      big.forEach((d) => (d.description = 'x'.repeat(400)));
      expectProblem(await upload(big), 413);
    });

    it('a request that is not multipart', async () => {
      expectProblem(
        await t.http.post('/api/v1/admin/drills/upload', [drillInput(1)], { token: admin.accessToken }),
        415,
      );
    });

    it('a file part that is not JSON', async () => {
      expectProblem(await upload([drillInput(1)], { type: 'text/plain', filename: 'drills.txt' }), 415);
    });

    it('the file in another field, or no file', async () => {
      expectProblem(await upload([drillInput(1)], { field: 'upload' }), 400);
      const empty = new FormData();
      expectProblem(
        await t.http.post('/api/v1/admin/drills/upload', undefined, { token: admin.accessToken, form: empty }),
        400,
      );
    });

    it('bad query parameters', async () => {
      expectProblem(await upload([drillInput(1)], { mode: 'append' as never }), 400);
      const res = await t.http.post('/api/v1/admin/drills/upload?dryRun=maybe', undefined, {
        token: admin.accessToken,
        form: new FormData(),
      });
      expectProblem(res, 400);
    });
  });
});

describe('drill sources', () => {
  it('DRILLS_DB_ENABLED=false serves the static library even with an active upload', async () => {
    const owner = await startTestApp({ DRILLS_VERSION_CHECK_MS: '0' });
    const admin = await loginAdmin(owner.http);
    await uploadDrills(owner.http, admin.accessToken, [drillInput(1)]);
    const flagOff = await startTestApp({ DRILLS_DB_ENABLED: 'false' }, { databaseName: owner.databaseName });
    try {
      expect((await owner.http.get('/api/v1/drills')).body).toMatchObject({ source: 'database', total: 1 });
      expect((await flagOff.http.get('/api/v1/drills')).body).toMatchObject({ source: 'static', total: STATIC_COUNT });
    } finally {
      await flagOff.close();
      await owner.close();
    }
  });

  it('an active version with no drills falls back to the static library', async () => {
    const t = await startTestApp({ DRILLS_VERSION_CHECK_MS: '0' });
    try {
      await t.connection.collection('drill_library_state').insertOne({ _id: 'active' as never, version: 42 });
      expect((await t.http.get('/api/v1/drills')).body).toMatchObject({ source: 'static', total: STATIC_COUNT });
    } finally {
      await t.close();
    }
  });

  it('another instance serves a new upload after its version check', async () => {
    const a = await startTestApp({ DRILLS_VERSION_CHECK_MS: '0' });
    const b = await startTestApp({ DRILLS_VERSION_CHECK_MS: '0' }, { databaseName: a.databaseName });
    try {
      expect((await b.http.get('/api/v1/drills')).body.source).toBe('static');
      const admin = await loginAdmin(a.http);
      expect((await uploadDrills(a.http, admin.accessToken, [drillInput(1), drillInput(2)])).status).toBe(201);
      expect((await b.http.get('/api/v1/drills')).body).toMatchObject({ source: 'database', version: 1, total: 2 });
      await a.http.post('/api/v1/admin/drills/versions/1/activate', undefined, { token: admin.accessToken });
      await uploadDrills(a.http, admin.accessToken, [drillInput(3)]);
      expect((await b.http.get('/api/v1/drills')).body).toMatchObject({ version: 2, total: 1 });
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('keeps only DRILLS_KEEP_VERSIONS versions, never deleting the active one', async () => {
    const t = await startTestApp({ DRILLS_KEEP_VERSIONS: '2', DRILLS_VERSION_CHECK_MS: '0' });
    try {
      const admin = await loginAdmin(t.http);
      for (let i = 1; i <= 4; i++)
        expect((await uploadDrills(t.http, admin.accessToken, [drillInput(i)])).status).toBe(201);
      const list = await t.http.get('/api/v1/admin/drills/versions', { token: admin.accessToken });
      expect(list.body.items.map((v: { version: number }) => v.version)).toEqual([4, 3]);
      expect(await t.connection.collection('drill_set_items').countDocuments({ version: { $in: [1, 2] } })).toBe(0);
    } finally {
      await t.close();
    }
  });
});

describe('activation pointer (what makes a concurrent merge a 409)', () => {
  it('switches only from the version the merge was computed over', async () => {
    const t = await startTestApp({ DRILLS_VERSION_CHECK_MS: '0' });
    try {
      const admin = await loginAdmin(t.http);
      const repository = t.app.get(DrillLibraryRepository);
      // No version active yet: only an activation expecting none may create the pointer, once.
      expect(await repository.activate(1, admin.id, null)).toBe(true);
      expect(await repository.activate(2, admin.id, null)).toBe(false);
      // A merge prepared over version 1 loses when another activation moved the pointer to 3.
      expect(await repository.activate(3, admin.id, 1)).toBe(true);
      expect(await repository.activate(4, admin.id, 1)).toBe(false);
      expect((await repository.activePointer())?.version).toBe(3);
    } finally {
      await t.close();
    }
  });
});

describe('drill store outage', () => {
  const base = new URL(process.env.TEST_MONGODB_URI ?? 'mongodb://127.0.0.1:27017');
  const direct = base.protocol === 'mongodb:' && !base.host.includes(',');

  (direct ? it : it.skip)(
    'serves the static library with 200 while the database is unreachable',
    async () => {
      const proxy = new TcpProxy(base.hostname, Number(base.port || 27017));
      const port = await proxy.start();
      const proxied = new URL(base.toString());
      proxied.host = `127.0.0.1:${port}`;
      proxied.searchParams.set('directConnection', 'true');
      const t = await startTestApp({ DRILLS_VERSION_CHECK_MS: '0' }, { mongoUri: proxied.toString() });
      try {
        const admin = await loginAdmin(t.http);
        await uploadDrills(t.http, admin.accessToken, [drillInput(1)]);
        expect((await t.http.get('/api/v1/drills')).body.source).toBe('database');

        await proxy.cut();
        const down = await t.http.get('/api/v1/drills');
        expect(down.status).toBe(200);
        expect(down.body).toMatchObject({ source: 'static', total: STATIC_COUNT });
        expect((await t.http.get(`/api/v1/drills/${staticDrills()[0].id}`)).status).toBe(200);

        await proxy.start();
        let source = 'static';
        for (let i = 0; i < 50 && source !== 'database'; i++) {
          source = (await t.http.get('/api/v1/drills')).body.source;
          if (source !== 'database') await new Promise((r) => setTimeout(r, 200));
        }
        expect(source).toBe('database');
      } finally {
        await proxy.start();
        await t.close();
        await proxy.cut();
      }
    },
    30_000,
  );
});
