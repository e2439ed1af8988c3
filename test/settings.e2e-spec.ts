import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { expectProblem } from './harness/problems';
import { startTestApp, TestApp } from './harness/test-app';

const SETTINGS = '/api/v1/admin/settings';

describe('academy settings: GET/PATCH /admin/settings', () => {
  let t: TestApp;
  let admin: TestAccount;
  let others: TestAccount[];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    others = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'player', admin),
      createAccount(t.http, 'parent', admin),
    ]);
  });
  afterAll(() => t.close());

  it('answers the defaults until an admin first changes them', async () => {
    const res = await t.http.get(SETTINGS, { token: admin.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: 'Academy', timeZone: 'UTC', language: 'en', digits: 'latn', updatedAt: null });
  });

  it('answers 401 without a token and 403 to every other role, changing nothing', async () => {
    expectProblem(await t.http.get(SETTINGS), 401);
    expectProblem(await t.http.patch(SETTINGS, { name: 'Mine' }), 401);
    for (const caller of others) {
      expectProblem(await t.http.get(SETTINGS, { token: caller.accessToken }), 403);
      expectProblem(await t.http.patch(SETTINGS, { name: 'Mine' }, { token: caller.accessToken }), 403);
    }
    expect((await t.http.get(SETTINGS, { token: admin.accessToken })).body.name).toBe('Academy');
  });

  it('refuses a malformed time zone, language, digits, name or an unknown field with a 400, an unknown zone with a 422', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ timeZone: '' }, 'timeZone'],
      [{ timeZone: 'Europe/London\u0000' }, 'timeZone'],
      [{ timeZone: 'x'.repeat(5000) }, 'timeZone'],
      [{ timeZone: 3 }, 'timeZone'],
      [{ timeZone: null }, 'timeZone'],
      [{ language: 'fr' }, 'language'],
      [{ digits: 'roman' }, 'digits'],
      [{ name: '   ' }, 'name'],
      [{ name: 'n'.repeat(121) }, 'name'],
      [{ name: null }, 'name'],
      [{ colour: 'blue' }, 'colour'],
    ];
    for (const [body, path] of bad) {
      expectProblem(await t.http.patch(SETTINGS, body, { token: admin.accessToken }), 400, path);
    }
    // Text the schema admits that names no zone in the time zone database: a 422.
    for (const timeZone of ['Mars/Olympus_Mons', '+03:00', 'Europe/Londn']) {
      expectProblem(await t.http.patch(SETTINGS, { timeZone }, { token: admin.accessToken }), 422, 'timeZone');
    }
    expectProblem(await t.http.patch(SETTINGS, undefined, { token: admin.accessToken }), 400);
    expectProblem(await t.http.patch(SETTINGS, [], { token: admin.accessToken }), 400);
    expect((await t.http.get(SETTINGS, { token: admin.accessToken })).body.updatedAt).toBeNull();
  });

  it('stores a partial change, keeps the other fields, and spells the time zone canonically', async () => {
    const first = await t.http.patch(
      SETTINGS,
      { name: '  Riverside Academy ', timeZone: 'asia/riyadh' },
      { token: admin.accessToken },
    );
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      name: 'Riverside Academy',
      timeZone: 'Asia/Riyadh',
      language: 'en',
      digits: 'latn',
      updatedAt: expect.any(String),
    });
    const second = await t.http.patch(SETTINGS, { language: 'ar', digits: 'arab' }, { token: admin.accessToken });
    expect(second.body).toMatchObject({
      name: 'Riverside Academy',
      timeZone: 'Asia/Riyadh',
      language: 'ar',
      digits: 'arab',
    });
    expect(Date.parse(second.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.body.updatedAt));
    const unchanged = await t.http.patch(SETTINGS, {}, { token: admin.accessToken });
    expect(unchanged.body).toMatchObject({ name: 'Riverside Academy', language: 'ar' });
    expect((await t.http.get(SETTINGS, { token: admin.accessToken })).body).toEqual(unchanged.body);
  });

  it('is one document for every instance of the deployment: a change through one is read by another at once', async () => {
    const other = await startTestApp({}, { databaseName: t.databaseName });
    try {
      const otherAdmin = await loginAdmin(other.http);
      expect((await other.http.get(SETTINGS, { token: otherAdmin.accessToken })).body.timeZone).toBe('Asia/Riyadh');
      await t.http.patch(SETTINGS, { timeZone: 'Europe/London' }, { token: admin.accessToken });
      expect((await other.http.get(SETTINGS, { token: otherAdmin.accessToken })).body.timeZone).toBe('Europe/London');
    } finally {
      await other.close();
    }
  });
});
