import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { daysAgo, yearsAgo } from './harness/dates';
import { expectProblem } from './harness/problems';
import { startTestApp, TestApp } from './harness/test-app';

const shippedFile = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../src/assessments/domain/norm-data', name), 'utf8')) as Record<
    string,
    unknown
  >;

/** An academy's own table for its girls: a test fixture, not a published norm. */
const academySprint = (rows: unknown[] = [{ sex: 'female', age: '12-13', n: 40, mean: 3.9, sd: 0.2 }]) => ({
  name: 'academy-girls-sprint',
  source: {
    citation: 'Example Academy testing records 2025-2026, girls U13-U14',
    doi: null,
    population: 'Example Academy girls, squads U13 and U14',
    n: 40,
  },
  test: 'sprint20mS',
  unit: 's',
  format: 'mean_sd',
  notes: ['Electronic gates, standing start 0.5 m behind the first gate.'],
  rows,
});

const academyJump = (p50 = 150) => ({
  name: 'academy-girls-jump',
  source: { citation: 'Example Academy testing records 2025-2026', doi: null, population: 'Example Academy girls' },
  test: 'standingLongJumpCm',
  unit: 'cm',
  format: 'percentiles',
  rows: [{ sex: 'female', age: '11-13', p10: 120, p25: 135, p50, p75: 165, p90: 180 }],
});

describe('admin-managed norm tables', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;
  let parent: TestAccount;
  let player: TestAccount;
  let girlId: string;
  let assessmentId: string;
  const auth = (a: TestAccount) => ({ token: a.accessToken });
  const summary = async () => (await t.http.get(`/api/v1/assessments/${assessmentId}/summary`, auth(coach))).body;
  const upload = (body: unknown) => t.http.post('/api/v1/admin/norms', body, auth(admin));

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    [coach, parent, player] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent', admin),
      createAccount(t.http, 'player', admin),
    ]);
    const girl = await t.http.post(
      '/api/v1/players',
      {
        firstName: 'Noor',
        lastName: 'Upload',
        dateOfBirth: yearsAgo(12),
        sex: 'female',
        position: 'forward',
        level: 'academy',
        dominantFoot: 'left',
      },
      auth(coach),
    );
    girlId = girl.body.id;
    const created = await t.http.post(
      `/api/v1/players/${girlId}/assessments`,
      { date: daysAgo(1), tests: { sprint20mS: 3.9, standingLongJumpCm: 150 } },
      auth(coach),
    );
    assessmentId = created.body.id;
  });
  afterAll(() => t.close());

  it('stores a good upload as version 1, and the girl’s sprint now has a percentile from it', async () => {
    expect((await summary()).norms.sprint20mS).toBeNull();
    const res = await upload(academySprint());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: 'uploaded-academy-girls-sprint-v1',
      name: 'academy-girls-sprint',
      version: 1,
      test: 'sprint20mS',
      format: 'mean_sd',
      rows: 1,
      status: 'active',
      withdrawnAt: null,
      coverage: [{ sex: 'female', minAge: 12, maxAge: 14, exactAge: false }],
    });
    const norm = (await summary()).norms.sprint20mS;
    expect(norm).toMatchObject({
      percentile: 50,
      method: 'normal-approximation',
      reference: {
        id: 'uploaded-academy-girls-sprint-v1',
        origin: 'uploaded',
        citation: 'Example Academy testing records 2025-2026, girls U13-U14',
        caveat: 'Electronic gates, standing start 0.5 m behind the first gate.',
        ageDefinition: expect.stringContaining('last birthday'),
      },
      matched: { sex: 'female', ages: '12-13', ageYears: 12 },
    });
  });

  it('accepts a shipped reference file as it is (the MoMo growth curves, 456 rows)', async () => {
    const res = await upload({ ...shippedFile('niessner-2020-momo-standing-long-jump.json'), name: 'momo-copy' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rows: 456, format: 'LMS', status: 'active' });
    expect(res.body.coverage).toEqual([
      { sex: 'female', minAge: 4.137, maxAge: 22.987, exactAge: true },
      { sex: 'male', minAge: 4.148, maxAge: 22.982, exactAge: true },
    ]);
    expect((await summary()).norms.standingLongJumpCm.reference).toMatchObject({
      id: 'uploaded-momo-copy-v1',
      origin: 'uploaded',
    });
    expect((await t.http.delete('/api/v1/admin/norms/momo-copy', auth(admin))).status).toBe(200);
  });

  it('puts an uploaded reference before the shipped one, says which was used, and falls back once it is withdrawn', async () => {
    expect((await summary()).norms.standingLongJumpCm.reference.id).toBe('niessner-2020-momo-standing-long-jump');
    expect((await upload(academyJump())).status).toBe(201);
    expect((await summary()).norms.standingLongJumpCm).toMatchObject({
      percentile: 50,
      method: 'percentile-table',
      reference: { id: 'uploaded-academy-girls-jump-v1', origin: 'uploaded' },
    });
    const progress = await t.http.get(`/api/v1/players/${girlId}/progress?metric=standingLongJumpCm`, auth(coach));
    expect(progress.body.points[0].norm.reference.id).toBe('uploaded-academy-girls-jump-v1');

    const list = await t.http.get('/api/v1/norms?limit=100', auth(coach));
    expect(list.status).toBe(200);
    const ids = list.body.items.map((i: { id: string }) => i.id);
    expect(ids.indexOf('uploaded-academy-girls-jump-v1')).toBeLessThan(
      ids.indexOf('niessner-2020-momo-standing-long-jump'),
    );
    expect(ids).not.toContain('uploaded-momo-copy-v1'); // withdrawn: no longer in use
    expect(list.body.items.find((i: { id: string }) => i.id === 'uploaded-academy-girls-jump-v1')).toMatchObject({
      origin: 'uploaded',
      test: 'standingLongJumpCm',
      method: 'percentile-table',
      name: 'academy-girls-jump',
      version: 1,
      coverage: [{ sex: 'female', minAge: 11, maxAge: 14, exactAge: false }],
    });

    const withdrawn = await t.http.delete('/api/v1/admin/norms/academy-girls-jump', auth(admin));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
    expect((await summary()).norms.standingLongJumpCm.reference).toMatchObject({
      id: 'niessner-2020-momo-standing-long-jump',
      origin: 'shipped',
    });
    expectProblem(await t.http.delete('/api/v1/admin/norms/academy-girls-jump', auth(admin)), 404);
  });

  it('versions uploads under one name: the new version replaces the old one', async () => {
    const v2 = await upload(academySprint([{ sex: 'female', age: '12-13', n: 44, mean: 4.1, sd: 0.2 }]));
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ id: 'uploaded-academy-girls-sprint-v2', version: 2 });
    const norm = (await summary()).norms.sprint20mS;
    expect(norm.reference.id).toBe('uploaded-academy-girls-sprint-v2');
    expect(norm.percentile).toBe(84.1); // 3.9 s is one SD faster than 4.1 s
    const versions = await t.http.get('/api/v1/admin/norms?limit=100', auth(admin));
    expect(versions.status).toBe(200);
    const status = (id: string) => versions.body.items.find((v: { id: string }) => v.id === id)?.status;
    expect(status('uploaded-academy-girls-sprint-v1')).toBe('superseded');
    expect(status('uploaded-academy-girls-sprint-v2')).toBe('active');
    expect(status('uploaded-academy-girls-jump-v1')).toBe('withdrawn');
  });

  it('names an upload without a name after its test, in lower case, so it can be withdrawn by that name', async () => {
    const res = await upload({
      source: { citation: 'Example Academy plank records 2026', doi: null, population: 'Example Academy boys' },
      test: 'plankS',
      unit: 's',
      format: 'mean_sd',
      rows: [{ sex: 'male', age: '16-17', mean: 95, sd: 30 }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'planks', id: 'uploaded-planks-v1' });
    const withdrawn = await t.http.delete('/api/v1/admin/norms/planks', auth(admin));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  describe('a 400 lists every schema problem', () => {
    it.each([
      ['no source', { ...academySprint(), source: undefined }, ['source']],
      ['an unknown field', { ...academySprint(), colour: 'red' }, ['colour']],
      ['a test the API does not record', { ...academySprint(), test: 'plankSeconds' }, ['test']],
      ['a format that cannot place anyone', { ...academySprint(), format: 'category_bands' }, ['format']],
      ['no rows', academySprint([]), ['rows']],
      [
        'bad rows',
        academySprint([{ sex: 'girls', age: 'twelve', mean: '3.9', sd: 0.2 }, 7]),
        ['rows.0.sex', 'rows.0.age', 'rows.0.mean', 'rows.1'],
      ],
      ['a name that is not a slug', { ...academySprint(), name: 'Academy Sprint!' }, ['name']],
      [
        'a blank citation',
        { ...academySprint(), source: { citation: '   ', population: 'x players' } },
        ['source.citation'],
      ],
    ])('%s', async (_case, body, paths) => {
      const res = await upload(body);
      expectProblem(res, 400, ...paths);
    });
  });

  describe('a 422 lists every rule problem', () => {
    it('centiles that do not ascend, values implausible for the unit and overlapping rows, all at once', async () => {
      const res = await upload({
        ...academyJump(),
        name: 'bad-jump',
        rows: [
          { sex: 'female', age: '6-8', p10: 1.2, p50: 1.5, p90: 1.8 }, // metres, not cm
          { sex: 'male', age: '6-8', p10: 120, p25: 110, p50: 130 }, // p25 below p10
          { sex: 'all', age: 7, p10: 100, p90: 150 }, // pooled row overlapping both
          { sex: 'female', age: '9-8', p10: 100, p90: 150 },
        ],
      });
      expectProblem(res, 422, 'rows.0.p10', 'rows.0.p50', 'rows.0.p90', 'rows.1.p25', 'rows.2.age', 'rows.3.age');
      expect(res.body.errors.find((e: { path: string }) => e.path === 'rows.1.p25').message).toMatch(/ascend/);
      expect(res.body.errors.find((e: { path: string }) => e.path === 'rows.0.p10').message).toMatch(/plausible/);
    });

    it('LMS rows without S, at a whole-year group, or with a median that is not positive', async () => {
      const res = await upload({
        name: 'bad-lms',
        source: { citation: 'A growth curve with mistakes', doi: null, population: 'nobody' },
        test: 'pushUps40s',
        unit: 'reps in 40 s',
        format: 'LMS',
        rows: [
          { sex: 'female', age: 9, L: 1, M: 12 },
          { sex: 'female', age: '10-11', L: 1, M: 12, S: 0.2 },
          { sex: 'male', age: 9, L: 1, M: -3, S: 0 },
          { sex: 'female', age: 9, L: 1, M: 12, S: 0.2 },
        ],
      });
      expectProblem(res, 422, 'rows.0.S', 'rows.1.age', 'rows.2.M', 'rows.2.S', 'rows.3.age');
    });

    it('mean/SD rows without a positive SD', async () => {
      const res = await upload(
        academySprint([
          { sex: 'female', age: 12, mean: 3.9, sd: 0 },
          { sex: 'male', age: 12, sd: 0.2 },
        ]),
      );
      expectProblem(res, 422, 'rows.0.sd', 'rows.1.mean');
    });

    it('ages another uploaded reference already covers for the same test', async () => {
      const res = await upload({ ...academySprint(), name: 'other-sprint' });
      expectProblem(res, 422, 'rows');
      expect(res.body.errors[0].message).toMatch(/academy-girls-sprint/);
      // The same name is a new version, not a clash; nothing was stored for the refused one.
      const versions = await t.http.get('/api/v1/admin/norms?limit=100', auth(admin));
      expect(versions.body.items.map((v: { name: string }) => v.name)).not.toContain('other-sprint');
    });
  });

  it('answers a name that is not a slug with a 400 and one never uploaded with a 404', async () => {
    expectProblem(await t.http.delete('/api/v1/admin/norms/Not_A_Slug', auth(admin)), 400, 'name');
    expectProblem(await t.http.delete('/api/v1/admin/norms/never-uploaded', auth(admin)), 404);
  });

  it('lets only admins manage norm tables, and every signed-in role read the references in use', async () => {
    for (const caller of [coach, parent, player]) {
      expectProblem(await t.http.post('/api/v1/admin/norms', academySprint(), auth(caller)), 403);
      expectProblem(await t.http.get('/api/v1/admin/norms', auth(caller)), 403);
      expectProblem(await t.http.delete('/api/v1/admin/norms/academy-girls-sprint', auth(caller)), 403);
    }
    expectProblem(await t.http.post('/api/v1/admin/norms', academySprint()), 401);
    expectProblem(await t.http.get('/api/v1/norms'), 401);
    for (const caller of [admin, coach, parent, player]) {
      const res = await t.http.get('/api/v1/norms?limit=100', auth(caller));
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThanOrEqual(9);
      expect(res.body.items[0]).toMatchObject({ precedence: 1, origin: 'uploaded' });
    }
    expectProblem(await t.http.get('/api/v1/norms?limit=0', auth(coach)), 400, 'limit');
  });
});
