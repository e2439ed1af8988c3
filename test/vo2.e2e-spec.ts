import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { startTestApp, TestApp } from './harness/test-app';
import { expectProblem } from './harness/problems';

describe('VO2max', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;
  let otherCoach: TestAccount;
  let parent: TestAccount;
  let playerId: string;
  const auth = (a: TestAccount) => ({ token: a.accessToken });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    [coach, otherCoach, parent] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent', admin),
    ]);
    const born = `${new Date().getUTCFullYear() - 24}-01-15`;
    const p = await t.http.post(
      '/api/v1/players',
      {
        firstName: 'Ana',
        lastName: 'Runner',
        dateOfBirth: born,
        sex: 'female',
        position: 'midfielder',
        level: 'elite',
        dominantFoot: 'right',
      },
      auth(coach),
    );
    playerId = p.body.id;
    await t.http.post(`/api/v1/players/${playerId}/guardians`, { email: parent.email }, auth(coach));
  });
  afterAll(() => t.close());

  describe('POST /vo2/estimate', () => {
    const estimate = (body: object, who: TestAccount | null = parent) =>
      t.http.post('/api/v1/vo2/estimate', body, who ? auth(who) : {});

    it('estimates and classifies with the formula and its reference', async () => {
      const res = await estimate({ protocol: 'cooper-12min', distanceM: 2400, age: 25, sex: 'male' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        protocol: 'cooper-12min',
        vo2max: 42.4,
        formula: expect.any(String),
        reference: expect.stringMatching(/Cooper/),
      });
      expect(res.body.band).toEqual(expect.any(String));
      expect(res.body.percentile).toEqual(expect.any(Number));
      expect(res.body.percentileReference).toEqual({
        citation: expect.stringMatching(/Kaminsky/),
        method: 'percentile-table',
        sex: 'male',
        ages: '20-29',
        ageDefinition: expect.stringMatching(/completed years/),
      });
    });

    it.each([
      [{ protocol: 'yoyo-ir1', distanceM: 2000, age: 22, sex: 'male' }, 53.2],
      [{ protocol: 'yoyo-ir2', distanceM: 800, age: 22, sex: 'male' }, 56.2],
      [{ protocol: 'run-1.5mile', timeMin: 12, age: 30, sex: 'female' }, 43.8],
      [{ protocol: 'lab', vo2max: 61.3, age: 28, sex: 'male' }, 61.3],
    ])('%j → %s', async (body, vo2max) => {
      const res = await estimate(body);
      expect(res.status).toBe(200);
      expect(res.body.vo2max).toBe(vo2max);
    });

    it('is higher for a later shuttle-run level at the same age', async () => {
      const low = await estimate({ protocol: 'shuttle-20m', level: 5, shuttle: 2, age: 12, sex: 'female' });
      const high = await estimate({ protocol: 'shuttle-20m', level: 8, shuttle: 2, age: 12, sex: 'female' });
      expect(low.status).toBe(200);
      expect(high.body.vo2max).toBeGreaterThan(low.body.vo2max);
    });

    // What a protocol needs and takes depends on the protocol: a rule the schema cannot state.
    it.each([
      [
        'a Cooper distance outside the validated range',
        { protocol: 'cooper-12min', distanceM: 50, age: 25, sex: 'male' },
        'distanceM',
      ],
      ['a missing input', { protocol: 'cooper-12min', age: 25, sex: 'male' }, 'distanceM'],
      ['a time in seconds', { protocol: 'run-1.5mile', timeMin: 720, age: 25, sex: 'male' }, 'timeMin'],
    ])('refuses %s with a 422 naming the field', async (_what, body, path) =>
      expectProblem(await estimate(body), 422, path),
    );

    it.each([
      ['an unknown protocol', { protocol: 'beep', age: 25, sex: 'male' }, 'protocol'],
      ['a bad sex', { protocol: 'lab', vo2max: 50, age: 25, sex: 'x' }, 'sex'],
      ['a text number', { protocol: 'cooper-12min', distanceM: '2400', age: 25, sex: 'male' }, 'distanceM'],
      ['an unknown field', { protocol: 'lab', vo2max: 50, age: 25, sex: 'male', speedKmh: 12 }, 'speedKmh'],
    ])('refuses %s with a 400 naming the field', async (_what, body, path) =>
      expectProblem(await estimate(body), 400, path),
    );

    it('needs authentication', async () => {
      expectProblem(await estimate({ protocol: 'lab', vo2max: 50, age: 25, sex: 'male' }, null), 401);
    });
  });

  describe('stored tests', () => {
    it('freezes the estimate at write time, with the age at the test', async () => {
      const res = await t.http.post(
        `/api/v1/players/${playerId}/vo2-tests`,
        { date: '2025-06-01', protocol: 'yoyo-ir1', distanceM: 1600 },
        auth(coach),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        playerId,
        date: '2025-06-01',
        protocol: 'yoyo-ir1',
        inputs: { distanceM: 1600 },
        vo2max: 49.8,
        recordedBy: coach.id,
      });
      expect(res.body.ageYears).toBeGreaterThan(22);
      const list = await t.http.get(`/api/v1/players/${playerId}/vo2-tests`, auth(parent));
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ total: 1, items: [expect.objectContaining({ vo2max: 49.8 })] });
    });

    it('follows the access policy and validates inputs', async () => {
      const body = { date: '2025-06-02', protocol: 'cooper-12min', distanceM: 2500 };
      expectProblem(await t.http.post(`/api/v1/players/${playerId}/vo2-tests`, body, auth(parent)), 403);
      expectProblem(await t.http.post(`/api/v1/players/${playerId}/vo2-tests`, body, auth(otherCoach)), 404);
      expectProblem(await t.http.get(`/api/v1/players/${playerId}/vo2-tests`, auth(otherCoach)), 404);
      expectProblem(
        await t.http.post(`/api/v1/players/${playerId}/vo2-tests`, { ...body, distanceM: 25 }, auth(coach)),
        422,
        'distanceM',
      );
      expectProblem(
        await t.http.post(`/api/v1/players/${playerId}/vo2-tests`, { ...body, date: '2999-01-01' }, auth(coach)),
        422,
        'date',
      );
    });
  });

  describe('benchmarks', () => {
    const table = {
      sex: 'female',
      ageMin: 90,
      ageMax: 100,
      bands: [
        { name: 'poor', minVo2max: 0 },
        { name: 'fair', minVo2max: 14 },
        { name: 'good', minVo2max: 18 },
      ],
      percentiles: [
        { p: 10, vo2max: 12 },
        { p: 50, vo2max: 16 },
        { p: 90, vo2max: 21 },
      ],
      source: 'Test table for the e2e suite',
    };

    it('serves the seeded published tables to any signed-in user', async () => {
      const res = await t.http.get('/api/v1/vo2/benchmarks', auth(parent));
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThanOrEqual(10);
      expect(res.body[0]).toMatchObject({
        id: expect.any(String),
        sex: expect.any(String),
        bands: expect.any(Array),
        source: expect.any(String),
      });
      expectProblem(await t.http.get('/api/v1/vo2/benchmarks'), 401);
    });

    it('lets admins add, replace and delete a table', async () => {
      const created = await t.http.post('/api/v1/admin/vo2/benchmarks', table, auth(admin));
      expect(created.status).toBe(201);
      const id = created.body.id;
      const replaced = await t.http.put(
        `/api/v1/admin/vo2/benchmarks/${id}`,
        { ...table, source: 'Revised' },
        auth(admin),
      );
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({ id, source: 'Revised' });
      expect((await t.http.delete(`/api/v1/admin/vo2/benchmarks/${id}`, auth(admin))).status).toBe(204);
      expectProblem(await t.http.delete(`/api/v1/admin/vo2/benchmarks/${id}`, auth(admin)), 404);
      expectProblem(await t.http.put(`/api/v1/admin/vo2/benchmarks/${id}`, table, auth(admin)), 404);
    });

    it('refuses bands out of order, repeated names, bad percentiles and inverted ages (422)', async () => {
      const bad = [
        { ...table, bands: [table.bands[0], table.bands[2], table.bands[1]] },
        { ...table, bands: [table.bands[0], { name: 'poor', minVo2max: 20 }] },
        {
          ...table,
          percentiles: [
            { p: 50, vo2max: 16 },
            { p: 10, vo2max: 12 },
          ],
        },
        { ...table, ageMin: 99, ageMax: 91 },
      ];
      for (const body of bad) expectProblem(await t.http.post('/api/v1/admin/vo2/benchmarks', body, auth(admin)), 422);
      expectProblem(
        await t.http.post('/api/v1/admin/vo2/benchmarks', { ...table, bands: 'poor' }, auth(admin)),
        400,
        'bands',
      );
      expectProblem(
        await t.http.post('/api/v1/admin/vo2/benchmarks', { ...table, source: undefined }, auth(admin)),
        400,
        'source',
      );
    });

    it('refuses a table whose ages overlap another of the same sex (409), not of the other sex', async () => {
      const first = await t.http.post('/api/v1/admin/vo2/benchmarks', table, auth(admin));
      expect(first.status).toBe(201);
      expectProblem(
        await t.http.post('/api/v1/admin/vo2/benchmarks', { ...table, ageMin: 95, ageMax: 100 }, auth(admin)),
        409,
      );
      const male = await t.http.post('/api/v1/admin/vo2/benchmarks', { ...table, sex: 'male' }, auth(admin));
      expect(male.status).toBe(201);
      // Replacing a table with itself is not an overlap.
      expect((await t.http.put(`/api/v1/admin/vo2/benchmarks/${first.body.id}`, table, auth(admin))).status).toBe(200);
    });

    it('is admin-only', async () => {
      expectProblem(await t.http.post('/api/v1/admin/vo2/benchmarks', table, auth(coach)), 403);
      expectProblem(await t.http.post('/api/v1/admin/vo2/benchmarks', table), 401);
      expectProblem(await t.http.delete('/api/v1/admin/vo2/benchmarks/not-an-id', auth(admin)), 400);
    });
  });
});
