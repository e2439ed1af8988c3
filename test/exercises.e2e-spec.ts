import { randomBytes } from 'node:crypto';
import { normalizeSearchText } from '../src/exercises/domain/search-text';
import { staticExercises } from '../src/exercises/static';
import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { HttpResponse } from './harness/http-client';
import { expectProblem } from './harness/problems';
import { startTestApp, TestApp } from './harness/test-app';

/**
 * Exercises: the shipped library as synced at boot, search and filters, localisation,
 * counts, custom exercises and who may change what, archiving, and bad input.
 */

const EXERCISES = '/api/v1/exercises';
const NORDIC = 'nordic-hamstring-curl';

/** A valid custom exercise; override any field. */
function exerciseBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Single-leg RDL ${randomBytes(3).toString('hex')}`,
    description: 'Hinge on one leg with a dumbbell in the opposite hand.',
    bodyParts: ['hamstrings', 'glutes'],
    modality: 'dumbbell',
    equipment: ['dumbbells'],
    mechanics: 'compound',
    unilateral: true,
    measure: 'reps-weight',
    externalLoad: true,
    minAge: 14,
    tags: ['hamstring'],
    translations: { ar: { name: `رفعة رومانية على رجل واحدة ${randomBytes(3).toString('hex')}`, description: 'وصف' } },
    ...overrides,
  };
}

const ids = (res: HttpResponse): string[] => res.body.items.map((e: { id: string }) => e.id);

describe('exercises (e2e)', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coachA: TestAccount;
  let coachB: TestAccount;
  let parent: TestAccount;
  let player: TestAccount;
  const auth = (who: TestAccount, headers?: Record<string, string>) => ({ token: who.accessToken, headers });
  const library = staticExercises();

  /** Every page of a list query, as `who`. */
  async function listAll(who: TestAccount, query = ''): Promise<{ id: string; [k: string]: unknown }[]> {
    const all = [];
    for (let page = 1; ; page++) {
      const res = await t.http.get(`${EXERCISES}?limit=100&page=${page}${query ? `&${query}` : ''}`, auth(who));
      expect(res.status).toBe(200);
      all.push(...res.body.items);
      if (all.length >= res.body.total || res.body.items.length === 0) return all;
    }
  }

  async function create(who: TestAccount, overrides: Record<string, unknown> = {}) {
    const res = await t.http.post(EXERCISES, exerciseBody(overrides), auth(who));
    if (res.status !== 201) throw new Error(`create exercise failed: ${res.status} ${res.text}`);
    return res.body as { id: string; name: string; owner: string; [k: string]: unknown };
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    [coachA, coachB, parent, player] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent'),
      createAccount(t.http, 'player'),
    ]);
  });
  afterAll(() => t?.close());

  describe('the shipped library', () => {
    it('is there after boot, for every role, sorted by name, with Arabic', async () => {
      const all = await listAll(player, 'owner=system');
      expect(all.map((e) => e.id).sort()).toEqual(library.map((e) => e.id).sort());
      expect(all.length).toBeGreaterThanOrEqual(80);
      const keys = all.map((e) => normalizeSearchText(e.name as string));
      expect(keys).toEqual([...keys].sort());
      expect(all.every((e) => e.owner === 'system' && e.archived === false)).toBe(true);
      expect(all.every((e) => (e.translations as { ar?: { name: string } }).ar?.name)).toBe(true);
      const res = await t.http.get(`${EXERCISES}?limit=1`, auth(parent));
      expect(res.body).toEqual({
        items: [expect.any(Object)],
        total: expect.any(Number),
        page: 1,
        limit: 1,
        language: 'en',
      });
    });

    it('serves one exercise by id with every field', async () => {
      const shipped = library.find((e) => e.id === NORDIC)!;
      const res = await t.http.get(`${EXERCISES}/${NORDIC}`, auth(player));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...shipped, owner: 'system', archived: false });
    });

    it('needs a signed-in caller', async () => {
      expectProblem(await t.http.get(EXERCISES), 401);
      expectProblem(await t.http.get(`${EXERCISES}/${NORDIC}`), 401);
    });

    it('syncs at boot: missing and unedited exercises get the shipped text, admin-edited ones are kept', async () => {
      const model = t.connection.collection('exercises');
      const [tampered, edited, removed] = library.slice(0, 3).map((e) => e.id);
      const patch = await t.http.patch(`${EXERCISES}/${edited}`, { description: 'Academy wording.' }, auth(admin));
      expect(patch.status).toBe(200);
      await model.updateOne({ _id: tampered } as never, { $set: { description: 'Stale text' } });
      await model.deleteOne({ _id: removed } as never);

      const second = await startTestApp({}, { databaseName: t.databaseName });
      try {
        const read = async (id: string) => (await t.http.get(`${EXERCISES}/${id}`, auth(player))).body;
        expect((await read(tampered)).description).toBe(library[0].description);
        expect((await read(edited)).description).toBe('Academy wording.');
        expect((await read(removed)).description).toBe(library[2].description);
      } finally {
        await second.close();
      }
      // Leave the library as shipped for the other tests.
      await t.http.patch(`${EXERCISES}/${edited}`, { description: library[1].description }, auth(admin));
    });
  });

  describe('filters and pagination', () => {
    it('filters by body part and modality', async () => {
      const hamstrings = await listAll(coachA, 'bodyPart=hamstrings&owner=system');
      expect(hamstrings.length).toBe(library.filter((e) => e.bodyParts.includes('hamstrings')).length);
      expect(hamstrings.every((e) => (e.bodyParts as string[]).includes('hamstrings'))).toBe(true);
      const barbell = await listAll(coachA, 'modality=barbell&owner=system');
      expect(barbell.map((e) => e.id).sort()).toEqual(
        library
          .filter((e) => e.modality === 'barbell')
          .map((e) => e.id)
          .sort(),
      );
      const both = await listAll(coachA, 'modality=barbell&bodyPart=hamstrings&owner=system');
      expect(both.every((e) => e.modality === 'barbell' && (e.bodyParts as string[]).includes('hamstrings'))).toBe(
        true,
      );
    });

    it('keeps to the equipment at hand (exercises needing nothing always match)', async () => {
      const atHand = ['barbell', 'squat-rack', 'bench'];
      const found = await listAll(coachA, `equipment=${atHand.join(',')}&owner=system`);
      const expected = library.filter((e) => e.equipment.every((item) => atHand.includes(item)));
      expect(found.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
      expect(found.some((e) => (e.equipment as string[]).length === 0)).toBe(true);
      expect(found.some((e) => (e.equipment as string[]).includes('barbell'))).toBe(true);
      expect(found.every((e) => (e.equipment as string[]).every((item) => atHand.includes(item)))).toBe(true);
    });

    it('pages through the sorted list', async () => {
      const first = await t.http.get(`${EXERCISES}?owner=system&limit=10&page=1`, auth(coachA));
      const second = await t.http.get(`${EXERCISES}?owner=system&limit=5&page=2`, auth(coachA));
      expect(second.body).toMatchObject({ page: 2, limit: 5, total: library.length });
      expect(ids(second)).toEqual(ids(first).slice(5, 10));
      const beyond = await t.http.get(`${EXERCISES}?owner=system&limit=100&page=50`, auth(coachA));
      expect(beyond.body).toMatchObject({ items: [], total: library.length });
    });

    it.each([
      ['bodyPart=wings', 'bodyPart'],
      ['modality=trx', 'modality'],
      ['owner=everyone', 'owner'],
      ['archived=maybe', 'archived'],
      ['equipment=Big%20Bar', 'equipment'],
      ['limit=1000', 'limit'],
      ['q=', 'q'],
      ['colour=red', 'colour'],
    ])('refuses %s (400 naming the parameter)', async (query, path) => {
      expectProblem(await t.http.get(`${EXERCISES}?${query}`, auth(coachA)), 400, path);
    });
  });

  describe('search', () => {
    it.each(['NORDIC', 'nórdic', 'Nordic  Hamstring', 'hamstring cu'])('%p finds by the English name', async (q) => {
      const res = await t.http.get(`${EXERCISES}?q=${encodeURIComponent(q)}`, auth(player));
      expect(ids(res)).toContain(NORDIC);
      expect(
        res.body.items.every((e: { name: string }) => normalizeSearchText(e.name).includes(normalizeSearchText(q))),
      ).toBe(true);
    });

    it.each([
      ['without diacritics', 'النورديك'],
      ['with diacritics', 'النُّورْدِيك'],
      ['with a bare alef for the hamza', 'لاوتار الركبه'],
    ])('finds by the Arabic name %s', async (_case, q) => {
      const res = await t.http.get(`${EXERCISES}?q=${encodeURIComponent(q)}`, auth(player));
      expect(ids(res)).toContain(NORDIC);
    });

    it('treats regular-expression characters literally', async () => {
      const res = await t.http.get(`${EXERCISES}?q=${encodeURIComponent('.*')}`, auth(player));
      expect(res.body).toMatchObject({ items: [], total: 0 });
    });
  });

  describe('languages', () => {
    it('answers in Arabic with Accept-Language ar, keeping the translations', async () => {
      const shipped = library.find((e) => e.id === NORDIC)!;
      const one = await t.http.get(`${EXERCISES}/${NORDIC}`, auth(player, { 'accept-language': 'ar-SA,ar;q=0.9' }));
      expect(one.headers.get('content-language')).toBe('ar');
      expect(one.body).toMatchObject({
        name: shipped.translations.ar!.name,
        description: shipped.translations.ar!.description,
        translations: shipped.translations,
      });
      const list = await t.http.get(`${EXERCISES}?q=nordic%20hamstring`, auth(player, { 'accept-language': 'ar' }));
      expect(list.body.language).toBe('ar');
      expect(list.body.items[0].name).toBe(shipped.translations.ar!.name);
      const english = await t.http.get(`${EXERCISES}/${NORDIC}`, auth(player, { 'accept-language': 'fr, en;q=0.5' }));
      expect([english.headers.get('content-language'), english.body.name]).toEqual(['en', shipped.name]);
    });
  });

  describe('counts', () => {
    it('lists every body part and modality in vocabulary order, zeros included', async () => {
      const parts = await t.http.get(`${EXERCISES}/body-parts`, auth(player));
      const modalities = await t.http.get(`${EXERCISES}/modalities`, auth(player));
      expect(parts.status).toBe(200);
      const { BODY_PARTS, MODALITIES } = await import('../src/exercises/domain/exercise');
      expect(parts.body.map((p: { bodyPart: string }) => p.bodyPart)).toEqual([...BODY_PARTS]);
      expect(modalities.body.map((m: { modality: string }) => m.modality)).toEqual([...MODALITIES]);
      expect(modalities.body.find((m: { modality: string }) => m.modality === 'other')).toEqual({
        modality: 'other',
        count: library.filter((e) => e.modality === 'other').length,
      });
    });

    it('counts what the filtered list holds', async () => {
      const parts = await t.http.get(`${EXERCISES}/body-parts`, auth(player));
      const hamstrings = parts.body.find((p: { bodyPart: string }) => p.bodyPart === 'hamstrings').count;
      const list = await t.http.get(`${EXERCISES}?bodyPart=hamstrings&limit=1`, auth(player));
      expect(hamstrings).toBe(list.body.total);
      const modalities = await t.http.get(`${EXERCISES}/modalities`, auth(player));
      const bodyweight = modalities.body.find((m: { modality: string }) => m.modality === 'bodyweight').count;
      expect(bodyweight).toBe((await t.http.get(`${EXERCISES}?modality=bodyweight&limit=1`, auth(player))).body.total);
    });
  });

  describe('custom exercises', () => {
    it('a coach creates one, owned by them, readable by everyone', async () => {
      const body = exerciseBody({ name: '  Box step-up  ' + randomBytes(2).toString('hex') });
      const res = await t.http.post(EXERCISES, body, auth(coachA));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: (body.name as string).trim(),
        owner: coachA.id,
        archived: false,
        unilateral: true,
      });
      const mine = await listAll(coachA, 'owner=mine');
      expect(mine.map((e) => e.id)).toContain(res.body.id);
      expect((await listAll(coachA, 'owner=system')).map((e) => e.id)).not.toContain(res.body.id);
      expect((await listAll(coachB, 'owner=mine')).map((e) => e.id)).not.toContain(res.body.id);
      expect((await listAll(player)).map((e) => e.id)).toContain(res.body.id);
      expect((await t.http.get(`${EXERCISES}/${res.body.id}`, auth(parent))).body.name).toBe(res.body.name);
    });

    it('fills the optional fields', async () => {
      const res = await t.http.post(
        EXERCISES,
        {
          name: `Dead bug ${randomBytes(3).toString('hex')}`,
          description: 'Opposite arm and leg lower slowly.',
          bodyParts: ['core'],
          modality: 'bodyweight',
          mechanics: 'isolation',
          measure: 'reps',
          externalLoad: false,
          minAge: 8,
        },
        auth(admin),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ equipment: [], tags: [], unilateral: false, translations: {}, owner: admin.id });
    });

    it('refuses a name the owner already uses, whatever the case or accents (409)', async () => {
      const first = await create(coachA, { name: 'Copenhagen plank hold' });
      for (const name of ['Copenhagen plank hold', 'COPENHAGEN  PLANK HOLD', 'Cópenhagen plánk hold']) {
        const res = await t.http.post(EXERCISES, exerciseBody({ name }), auth(coachA));
        expectProblem(res, 409);
        expect(res.body.type).toBe('/problems/duplicate-exercise');
        expect(res.body.detail).toBe(`You already have an exercise called "Copenhagen plank hold" (${first.id}).`);
      }
      // Another coach may use the name.
      expect((await t.http.post(EXERCISES, exerciseBody({ name: 'Copenhagen plank hold' }), auth(coachB))).status).toBe(
        201,
      );
      // And so may a custom exercise beside a shipped one.
      const shippedName = library[0].name;
      expect((await t.http.post(EXERCISES, exerciseBody({ name: shippedName }), auth(coachA))).status).toBe(201);
    });

    it('players and parents cannot create (403)', async () => {
      expectProblem(await t.http.post(EXERCISES, exerciseBody(), auth(player)), 403);
      expectProblem(await t.http.post(EXERCISES, exerciseBody(), auth(parent)), 403);
    });

    it('the owner and admins change it; another coach, a player or a parent may not (403)', async () => {
      const mine = await create(coachA);
      const own = await t.http.patch(`${EXERCISES}/${mine.id}`, { minAge: 16, tags: [] }, auth(coachA));
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ id: mine.id, minAge: 16, tags: [], name: mine.name, owner: coachA.id });
      expectProblem(await t.http.patch(`${EXERCISES}/${mine.id}`, { minAge: 17 }, auth(coachB)), 403);
      expectProblem(await t.http.delete(`${EXERCISES}/${mine.id}`, auth(coachB)), 403);
      expectProblem(await t.http.patch(`${EXERCISES}/${mine.id}`, { minAge: 17 }, auth(player)), 403);
      expectProblem(await t.http.patch(`${EXERCISES}/${mine.id}`, { minAge: 17 }, auth(parent)), 403);
      const byAdmin = await t.http.patch(`${EXERCISES}/${mine.id}`, { description: 'Admin wording.' }, auth(admin));
      expect(byAdmin.body).toMatchObject({ description: 'Admin wording.', owner: coachA.id, minAge: 16 });
      expect((await t.http.get(`${EXERCISES}/${mine.id}`, auth(coachB))).body.minAge).toBe(16);
    });

    it('a rename onto a name the owner uses is a 409', async () => {
      const a = await create(coachA);
      const b = await create(coachA);
      const res = await t.http.patch(`${EXERCISES}/${b.id}`, { name: a.name.toUpperCase() }, auth(coachA));
      expectProblem(res, 409);
      expect(res.body.detail).toContain(`(${a.id})`);
    });

    it('only admins change system exercises', async () => {
      const id = library[5].id;
      const res = await t.http.patch(
        `${EXERCISES}/${id}`,
        { translations: { ar: { name: 'اسم معدل', description: 'وصف معدل' } } },
        auth(admin),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, owner: 'system', translations: { ar: { name: 'اسم معدل' } } });
      expect(ids(await t.http.get(`${EXERCISES}?q=${encodeURIComponent('اسم مُعدّل')}`, auth(player)))).toEqual([id]);
      expectProblem(await t.http.patch(`${EXERCISES}/${id}`, { minAge: 18 }, auth(coachA)), 403);
      expectProblem(await t.http.delete(`${EXERCISES}/${id}`, auth(coachA)), 403);
      await t.http.patch(`${EXERCISES}/${id}`, { translations: library[5].translations }, auth(admin));
    });
  });

  describe('archiving', () => {
    it('leaves lists, stays readable by id and with archived=true, and can be restored', async () => {
      const ex = await create(coachA, { name: `Archived lunge ${randomBytes(3).toString('hex')}` });
      const q = `q=${encodeURIComponent(ex.name)}`;
      expect((await t.http.delete(`${EXERCISES}/${ex.id}`, auth(coachA))).status).toBe(204);
      expect((await t.http.delete(`${EXERCISES}/${ex.id}`, auth(coachA))).status).toBe(204);
      expect((await t.http.get(`${EXERCISES}?${q}`, auth(coachA))).body).toMatchObject({ items: [], total: 0 });
      expect(ids(await t.http.get(`${EXERCISES}?${q}&archived=true`, auth(coachA)))).toEqual([ex.id]);
      const one = await t.http.get(`${EXERCISES}/${ex.id}`, auth(player));
      expect(one.body).toMatchObject({ id: ex.id, archived: true });
      const restored = await t.http.patch(`${EXERCISES}/${ex.id}`, { archived: false }, auth(coachA));
      expect(restored.body.archived).toBe(false);
      expect(ids(await t.http.get(`${EXERCISES}?${q}`, auth(coachA)))).toEqual([ex.id]);
    });

    it('takes archived exercises out of the counts', async () => {
      const count = async () =>
        (await t.http.get(`${EXERCISES}/modalities`, auth(coachA))).body.find(
          (m: { modality: string }) => m.modality === 'kettlebell',
        ).count as number;
      const before = await count();
      const ex = await create(coachA, { modality: 'kettlebell', equipment: ['kettlebell'] });
      expect(await count()).toBe(before + 1);
      await t.http.delete(`${EXERCISES}/${ex.id}`, auth(coachA));
      expect(await count()).toBe(before);
    });

    it('an admin archives a system exercise; a coach may not', async () => {
      const id = library[6].id;
      expectProblem(await t.http.delete(`${EXERCISES}/${id}`, auth(coachB)), 403);
      expect((await t.http.delete(`${EXERCISES}/${id}`, auth(admin))).status).toBe(204);
      expect((await listAll(player, 'owner=system')).map((e) => e.id)).not.toContain(id);
      expect((await t.http.get(`${EXERCISES}/${id}`, auth(player))).body.archived).toBe(true);
      expect((await t.http.patch(`${EXERCISES}/${id}`, { archived: false }, auth(admin))).status).toBe(200);
    });
  });

  describe('bad input', () => {
    it.each([
      ['an unknown field', { colour: 'red' }, 'colour'],
      [
        'an unknown translation field',
        { translations: { ar: { name: 'x', description: 'y', notes: 'z' } } },
        'translations.ar.notes',
      ],
      ['an owner', { owner: 'system' }, 'owner'],
      ['an id', { id: 'my-exercise' }, 'id'],
      ['a bad modality', { modality: 'trx' }, 'modality'],
      ['a bad body part', { bodyParts: ['wings'] }, 'bodyParts'],
      ['no body part', { bodyParts: [] }, 'bodyParts'],
      ['a bad measure', { measure: 'reps-kg' }, 'measure'],
      ['an absurd minAge', { minAge: 500 }, 'minAge'],
      ['a fractional minAge', { minAge: 14.5 }, 'minAge'],
      ['a blank name', { name: '   ' }, 'name'],
      ['a long name', { name: 'x'.repeat(121) }, 'name'],
      ['a string for a boolean', { externalLoad: 'yes' }, 'externalLoad'],
      ['equipment that is not a slug', { equipment: ['Big Bar'] }, 'equipment'],
      ['a null', { tags: null }, 'tags'],
      ['an operator', { name: { $ne: null } }, 'name'],
    ])('POST with %s is a 400 naming the field', async (_case, overrides, path) => {
      expectProblem(await t.http.post(EXERCISES, exerciseBody(overrides), auth(coachA)), 400, path);
    });

    it.each([
      ['external load under 14', { minAge: 10 }, 'minAge'],
      ['reps-weight without external load', { externalLoad: false, tags: [] }, 'externalLoad'],
      ['body weight with external load', { modality: 'bodyweight' }, 'externalLoad'],
      ['max-strength without external load', { tags: ['max-strength'], measure: 'reps', externalLoad: false }, 'tags'],
    ])('POST with %s is a 422 naming the field', async (_case, overrides, path) => {
      const res = await t.http.post(EXERCISES, exerciseBody(overrides), auth(coachA));
      expectProblem(res, 422, path);
      expect(res.body.type).toBe('/problems/rule-violation');
    });

    it('a change that breaks a rule is a 422 and changes nothing', async () => {
      const ex = await create(coachA);
      expectProblem(await t.http.patch(`${EXERCISES}/${ex.id}`, { minAge: 12 }, auth(coachA)), 422, 'minAge');
      expectProblem(
        await t.http.patch(`${EXERCISES}/${ex.id}`, { modality: 'bodyweight' }, auth(coachA)),
        422,
        'externalLoad',
      );
      expect((await t.http.get(`${EXERCISES}/${ex.id}`, auth(coachA))).body).toMatchObject({
        minAge: 14,
        modality: 'dumbbell',
      });
      expectProblem(await t.http.patch(`${EXERCISES}/${ex.id}`, { owner: coachB.id }, auth(coachA)), 400, 'owner');
      expectProblem(await t.http.patch(`${EXERCISES}/${ex.id}`, { archived: 'no' }, auth(coachA)), 400, 'archived');
    });

    it('an unknown id is a 404, a malformed one a 400', async () => {
      const unknown = randomBytes(12).toString('hex');
      expectProblem(await t.http.get(`${EXERCISES}/${unknown}`, auth(coachA)), 404);
      expectProblem(await t.http.get(`${EXERCISES}/no-such-exercise`, auth(coachA)), 404);
      expectProblem(await t.http.patch(`${EXERCISES}/${unknown}`, { minAge: 15 }, auth(admin)), 404);
      expectProblem(await t.http.delete(`${EXERCISES}/${unknown}`, auth(admin)), 404);
      expectProblem(await t.http.get(`${EXERCISES}/Not_A_Slug`, auth(coachA)), 400, 'id');
    });
  });
});
