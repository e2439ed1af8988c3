import { Types } from 'mongoose';
import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { startTestApp, TestApp } from './harness/test-app';
import { expectProblem } from './harness/problems';
import { daysAgo, yearsAgo } from './harness/dates';

describe('assessments', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;
  let otherCoach: TestAccount;
  let parent: TestAccount;
  let otherParent: TestAccount;
  let playerAccount: TestAccount;
  let playerId: string;
  let adultId: string;

  const auth = (a: TestAccount) => ({ token: a.accessToken });
  const url = (id = playerId) => `/api/v1/players/${id}/assessments`;
  const playerBase = { sex: 'male', position: 'midfielder', level: 'academy', dominantFoot: 'right' };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    [coach, otherCoach, parent, otherParent, playerAccount] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent', admin),
      createAccount(t.http, 'parent', admin),
      createAccount(t.http, 'player', admin),
    ]);
    const youth = await t.http.post(
      '/api/v1/players',
      { ...playerBase, firstName: 'Omar', lastName: 'Youth', dateOfBirth: yearsAgo(13) },
      auth(coach),
    );
    playerId = youth.body.id;
    await t.http.post(`/api/v1/players/${playerId}/guardians`, { email: parent.email }, auth(coach));
    await t.http.put(`/api/v1/players/${playerId}/account`, { email: playerAccount.email }, auth(coach));
    const adult = await t.http.post(
      '/api/v1/players',
      { ...playerBase, firstName: 'Sam', lastName: 'Senior', dateOfBirth: yearsAgo(25) },
      auth(coach),
    );
    adultId = adult.body.id;
  });
  afterAll(() => t.close());

  describe('create', () => {
    const body = {
      date: daysAgo(30),
      heightCm: 158,
      weightKg: 47.5,
      sittingHeightCm: 80,
      tests: { sprint10mS: 2.05, cmjCm: 31 },
      ratings: { passing: 7 },
    };

    it('lets the player’s coach and admins record an assessment', async () => {
      const res = await t.http.post(url(), body, auth(coach));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        playerId,
        date: body.date,
        assessedBy: coach.id,
        tests: body.tests,
        ratings: body.ratings,
        heightCm: 158,
      });
      expect((await t.http.post(url(), { date: daysAgo(29), tests: { pushUps: 20 } }, auth(admin))).status).toBe(201);
    });

    it('takes null for a value as no value', async () => {
      const player = await t.http.post(
        '/api/v1/players',
        { ...playerBase, firstName: 'Nour', lastName: 'Nulls', dateOfBirth: yearsAgo(12) },
        auth(coach),
      );
      const nulls = { heightCm: null, weightKg: null, sittingHeightCm: null, notes: null, tests: {}, ratings: {} };
      const res = await t.http.post(url(player.body.id), { date: daysAgo(28), ...nulls }, auth(coach));
      expect(res.status).toBe(201);
      for (const field of ['heightCm', 'weightKg', 'sittingHeightCm', 'notes']) {
        expect(res.body).not.toHaveProperty(field);
      }
      const body = { date: daysAgo(27), heightCm: 157, sittingHeightCm: null };
      const partly = await t.http.post(url(player.body.id), body, auth(coach));
      expect(partly.status).toBe(201);
      expect(partly.body.heightCm).toBe(157);
      expect(partly.body).not.toHaveProperty('sittingHeightCm');
    });

    it('answers 403 to the linked parent and the player, 404 to outsiders, 401 anonymously', async () => {
      expectProblem(await t.http.post(url(), body, auth(parent)), 403);
      expectProblem(await t.http.post(url(), body, auth(playerAccount)), 403);
      expectProblem(await t.http.post(url(), body, auth(otherCoach)), 404);
      expectProblem(await t.http.post(url(), body, auth(otherParent)), 404);
      expectProblem(await t.http.post(url(), body), 401);
      expectProblem(await t.http.post(url('65a1b2c3d4e5f60718293a4b'), body, auth(admin)), 404);
      expectProblem(await t.http.post(url('nope'), body, auth(admin)), 400);
    });

    it.each([
      ['a 10 m sprint in milliseconds', { tests: { sprint10mS: 1850 } }, 'tests.sprint10mS'],
      ['a jump in metres', { tests: { cmjCm: 0.42 } }, 'tests.cmjCm'],
      ['a height in metres', { heightCm: 1.58 }, 'heightCm'],
      ['a weight in grams', { weightKg: 47500 }, 'weightKg'],
      ['a Yo-Yo distance in km', { tests: { yoyoIr1M: 1.2 } }, 'tests.yoyoIr1M'],
      ['a Yo-Yo distance between shuttles', { tests: { yoyoIr1M: 1450 } }, 'tests.yoyoIr1M'],
      ['a rating of 11', { ratings: { passing: 11 } }, 'ratings.passing'],
      ['a rating of 0', { ratings: { heading: 0 } }, 'ratings.heading'],
      ['fractional push-ups', { tests: { pushUps: 12.5 } }, 'tests.pushUps'],
      ['a number as text', { tests: { sprint20mS: '3.4' } }, 'tests.sprint20mS'],
      ['an unknown test', { tests: { sprint40mS: 5.1 } }, 'tests.sprint40mS'],
      ['an unknown field', { bodyFatPct: 12 }, 'bodyFatPct'],
      ['an operator', { tests: { cmjCm: { $gt: 0 } } }, 'tests.cmjCm'],
      ['no date', { date: undefined }, 'date'],
      ['sitting height above height', { heightCm: 150, sittingHeightCm: 151 }, 'sittingHeightCm'],
    ])('refuses %s with a 400 naming the field', async (_what, override, path) => {
      const res = await t.http.post(url(), { date: daysAgo(10), ...override }, auth(coach));
      expectProblem(res, 400, path);
    });

    // Rules against today, the player's birth or other fields: the schema cannot state them.
    it.each<[string, Record<string, unknown>, string]>([
      ['a future date', { date: '2999-01-01' }, 'date'],
      ['a date before birth', { date: yearsAgo(14) }, 'date'],
      ['a shuttle without its level', { tests: { shuttle20mShuttle: 4 } }, 'tests.shuttle20mShuttle'],
    ])('refuses %s with a 422 naming the field', async (_what, override, path) => {
      const res = await t.http.post(url(), { date: daysAgo(10), ...override }, auth(coach));
      expectProblem(res, 422, path);
    });
  });

  describe('read, update, delete', () => {
    let id: string;
    beforeAll(async () => {
      const res = await t.http.post(
        url(),
        { date: daysAgo(5), tests: { sprint10mS: 2.0, cmjCm: 33 }, ratings: { dribbling: 6 }, notes: 'wet pitch' },
        auth(coach),
      );
      id = res.body.id;
    });

    it('lists newest first, paginated, for everyone who may see the player', async () => {
      for (const who of [coach, admin, parent, playerAccount]) {
        const res = await t.http.get(`${url()}?limit=2`, auth(who));
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ page: 1, limit: 2, total: 3 });
        expect(res.body.items[0].id).toBe(id);
        expect(res.body.items[0].date > res.body.items[1].date).toBe(true);
      }
      expectProblem(await t.http.get(url(), auth(otherCoach)), 404);
      expectProblem(await t.http.get(url(), auth(otherParent)), 404);
    });

    it('gets one assessment for the same callers, 404 for others', async () => {
      for (const who of [coach, admin, parent, playerAccount])
        expect((await t.http.get(`/api/v1/assessments/${id}`, auth(who))).status).toBe(200);
      expectProblem(await t.http.get(`/api/v1/assessments/${id}`, auth(otherCoach)), 404);
      expectProblem(await t.http.get('/api/v1/assessments/65a1b2c3d4e5f60718293a4b', auth(admin)), 404);
      expectProblem(await t.http.get('/api/v1/assessments/123', auth(admin)), 400);
    });

    it('merges tests on PATCH and removes values set to null', async () => {
      const res = await t.http.patch(
        `/api/v1/assessments/${id}`,
        { tests: { cmjCm: null, sprint20mS: 3.5 }, notes: null },
        auth(coach),
      );
      expect(res.status).toBe(200);
      expect(res.body.tests).toEqual({ sprint10mS: 2.0, sprint20mS: 3.5 });
      expect(res.body).not.toHaveProperty('notes');
      expect(res.body.ratings).toEqual({ dribbling: 6 });
      expectProblem(
        await t.http.patch(`/api/v1/assessments/${id}`, { tests: { sprint20mS: 35 } }, auth(coach)),
        400,
        'tests.sprint20mS',
      );
      expectProblem(await t.http.patch(`/api/v1/assessments/${id}`, { date: null }, auth(coach)), 400, 'date');
    });

    it('lets only coaches of the player and admins change or delete', async () => {
      expectProblem(await t.http.patch(`/api/v1/assessments/${id}`, { notes: 'x' }, auth(parent)), 403);
      expectProblem(await t.http.patch(`/api/v1/assessments/${id}`, { notes: 'x' }, auth(playerAccount)), 403);
      expectProblem(await t.http.patch(`/api/v1/assessments/${id}`, { notes: 'x' }, auth(otherCoach)), 404);
      expectProblem(await t.http.delete(`/api/v1/assessments/${id}`, auth(parent)), 403);
      expectProblem(await t.http.delete(`/api/v1/assessments/${id}`, auth(otherCoach)), 404);
      expect((await t.http.delete(`/api/v1/assessments/${id}`, auth(coach))).status).toBe(204);
      expectProblem(await t.http.get(`/api/v1/assessments/${id}`, auth(coach)), 404);
      expectProblem(await t.http.delete(`/api/v1/assessments/${id}`, auth(coach)), 404);
    });
  });

  describe('summary', () => {
    it('turns a youth assessment into age, BMI, maturity, VO2max, norms, strengths and weaknesses', async () => {
      const created = await t.http.post(
        url(),
        {
          date: daysAgo(1),
          heightCm: 160,
          weightKg: 50,
          sittingHeightCm: 82,
          tests: { sprint10mS: 1.95, sprint20mS: 3.4, cmjCm: 34, yoyoIr1M: 1440, standingLongJumpCm: 200 },
          ratings: {
            passing: 8,
            firstTouch: 7,
            dribbling: 4,
            shooting: 6,
            heading: 3,
            weakFoot: 5,
            tactical: 9,
            psychological: 6,
          },
        },
        auth(coach),
      );
      const res = await t.http.get(`/api/v1/assessments/${created.body.id}/summary`, auth(parent));
      expect(res.status).toBe(200);
      const s = res.body;
      expect(s.ageYears).toBeGreaterThan(12.5);
      expect(s.ageYears).toBeLessThan(13.8);
      expect(s.bmi).toBe(19.5); // 50 / 1.6²
      expect(s.maturity.maturityOffsetYears).toEqual(expect.any(Number));
      expect(s.maturity.predictedAgeAtPhvYears).toBeCloseTo(s.ageYears - s.maturity.maturityOffsetYears, 0);
      expect(s.vo2max).toEqual([
        expect.objectContaining({ test: 'yoyoIr1M', ok: true, protocol: 'yoyo-ir1', vo2max: 48.5 }), // 1440 × 0.0084 + 36.4
      ]);
      // The band comes from a table, which the summary names (FITNESSGRAM for ages 10-17: cut-offs only).
      expect(s.vo2max[0].percentileReference).toMatchObject({ citation: expect.stringMatching(/FITNESSGRAM/) });
      expect(Object.keys(s.norms).sort()).toEqual([
        'cmjCm',
        'sprint10mS',
        'sprint20mS',
        'standingLongJumpCm',
        'yoyoIr1M',
      ]);
      expect(s.strengths).toHaveLength(3);
      expect(s.weaknesses).toHaveLength(3);
      expect(s.strengths[0].score).toBeGreaterThanOrEqual(s.strengths[2].score);
      expect(s.weaknesses.map((a: { area: string }) => a.area)).toContain('heading');
      expect(s.strengths.map((a: { area: string }) => a.area)).toContain('tactical');
    });

    it('gives no maturity offset for an adult, with the reason', async () => {
      const created = await t.http.post(
        url(adultId),
        { date: daysAgo(1), heightCm: 180, weightKg: 75, sittingHeightCm: 93 },
        auth(coach),
      );
      const res = await t.http.get(`/api/v1/assessments/${created.body.id}/summary`, auth(coach));
      expect(res.status).toBe(200);
      expect(res.body.maturity).toMatchObject({
        maturityOffsetYears: null,
        predictedAgeAtPhvYears: null,
        reason: expect.any(String),
      });
      expect(res.body.vo2max).toEqual([]);
      expectProblem(await t.http.get(`/api/v1/assessments/${created.body.id}/summary`, auth(otherCoach)), 404);
    });
  });

  describe('progress', () => {
    let pid: string;
    beforeAll(async () => {
      const p = await t.http.post(
        '/api/v1/players',
        {
          firstName: 'Lea',
          lastName: 'Progress',
          dateOfBirth: yearsAgo(15),
          sex: 'female',
          position: 'forward',
          level: 'academy',
          dominantFoot: 'left',
        },
        auth(coach),
      );
      pid = p.body.id;
      const series = [
        [120, 2.2, 1000],
        [90, 2.15, 1200],
        [60, 2.1, 1400],
        [30, 2.05, 1600],
      ];
      for (const [days, sprint, yoyo] of series) {
        const res = await t.http.post(
          url(pid),
          { date: daysAgo(days), tests: { sprint10mS: sprint, yoyoIr1M: yoyo }, ratings: { passing: 6 } },
          auth(coach),
        );
        expect(res.status).toBe(201);
      }
      const vo2 = await t.http.post(
        `/api/v1/players/${pid}/vo2-tests`,
        { date: daysAgo(10), protocol: 'cooper-12min', distanceM: 2600 },
        auth(coach),
      );
      expect(vo2.status).toBe(201);
    });

    it('returns the series oldest first with changes, trend and percentile path', async () => {
      const res = await t.http.get(`/api/v1/players/${pid}/progress?metric=sprint10mS`, auth(coach));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ metric: 'sprint10mS', unit: 's', count: 4 });
      expect(res.body.points.map((p: { value: number }) => p.value)).toEqual([2.2, 2.15, 2.1, 2.05]);
      expect(res.body.changeSinceFirst).toBeCloseTo(-0.15, 5);
      expect(res.body.changeSinceLast).toBeCloseTo(-0.05, 5);
      // 0.05 s faster every 30 days: about -0.0507 s per month of 30.44 days.
      expect(res.body.trendPerMonth).toBeCloseTo(-0.0507, 3);
      expect(res.body.points[0]).toHaveProperty('percentile');
    });

    it('limits the series to a date range', async () => {
      const res = await t.http.get(
        `/api/v1/players/${pid}/progress?metric=sprint10mS&from=${daysAgo(95)}&to=${daysAgo(45)}`,
        auth(coach),
      );
      expect(res.body.points.map((p: { value: number }) => p.value)).toEqual([2.15, 2.1]);
    });

    it('tracks VO2max from stored tests and from field tests in assessments', async () => {
      const res = await t.http.get(`/api/v1/players/${pid}/progress?metric=vo2max`, auth(coach));
      expect(res.status).toBe(200);
      expect(res.body.count).toBe(5);
      expect(res.body.points.map((p: { source: string }) => p.source)).toEqual([
        'assessment',
        'assessment',
        'assessment',
        'assessment',
        'vo2-test',
      ]);
      // Every VO2max point names the table its percentile was read from.
      for (const point of res.body.points as { percentile: number | null; percentileReference: unknown }[]) {
        if (point.percentile !== null)
          expect(point.percentileReference).toMatchObject({ citation: expect.any(String) });
      }
      expect(res.body.points[0].value).toBe(44.8); // 1000 × 0.0084 + 36.4
      expect(res.body.points[4].value).toBe(46.8); // (2600 − 504.9) / 44.73
      expect(res.body.trendPerMonth).toBeGreaterThan(0);
    });

    it('summarises every metric at once', async () => {
      const res = await t.http.get(`/api/v1/players/${pid}/progress/overview`, auth(coach));
      expect(res.status).toBe(200);
      const metrics = Object.fromEntries(res.body.metrics.map((m: { metric: string }) => [m.metric, m]));
      expect(Object.keys(metrics).sort()).toEqual(['passing', 'sprint10mS', 'vo2max', 'yoyoIr1M']);
      expect(metrics.passing).toMatchObject({ count: 4, changeSinceFirst: 0, trendPerMonth: 0 });
      expect(metrics.yoyoIr1M.points).toEqual([expect.objectContaining({ value: 1600 })]);
    });

    it('validates the query and the access policy', async () => {
      expectProblem(await t.http.get(`/api/v1/players/${pid}/progress?metric=speed`, auth(coach)), 400, 'metric');
      expectProblem(await t.http.get(`/api/v1/players/${pid}/progress`, auth(coach)), 400, 'metric');
      expectProblem(
        await t.http.get(`/api/v1/players/${pid}/progress?metric=cmjCm&from=2026-13-01`, auth(coach)),
        400,
        'from',
      );
      expectProblem(
        await t.http.get(
          `/api/v1/players/${pid}/progress?metric=cmjCm&from=${daysAgo(1)}&to=${daysAgo(5)}`,
          auth(coach),
        ),
        422,
        'to',
      );
      expectProblem(await t.http.get(`/api/v1/players/${pid}/progress?metric=cmjCm`, auth(otherCoach)), 404);
      expectProblem(await t.http.get(`/api/v1/players/${pid}/progress/overview`, auth(otherParent)), 404);
      const empty = await t.http.get(`/api/v1/players/${pid}/progress?metric=cmjCm`, auth(coach));
      expect(empty.body).toMatchObject({ count: 0, points: [], changeSinceFirst: null, trendPerMonth: null });
    });
  });

  describe('deleting a player', () => {
    it('removes their assessments and VO2max tests', async () => {
      const p = await t.http.post(
        '/api/v1/players',
        {
          firstName: 'Del',
          lastName: 'Eted',
          dateOfBirth: yearsAgo(20),
          sex: 'male',
          position: 'defender',
          level: 'grassroots',
          dominantFoot: 'right',
        },
        auth(coach),
      );
      const id = p.body.id;
      const a = await t.http.post(url(id), { date: daysAgo(3), tests: { cmjCm: 40 } }, auth(coach));
      await t.http.post(
        `/api/v1/players/${id}/vo2-tests`,
        { date: daysAgo(3), protocol: 'cooper-12min', distanceM: 2500 },
        auth(coach),
      );
      const count = async () =>
        (await t.connection.collection('assessments').countDocuments({ _id: new Types.ObjectId(a.body.id) })) +
        (await t.connection.collection('vo2_tests').countDocuments({ playerId: new Types.ObjectId(id) }));
      expect(await count()).toBe(2);
      expect((await t.http.delete(`/api/v1/players/${id}`, auth(coach))).status).toBe(204);
      expect(await count()).toBe(0);
    });
  });
});
