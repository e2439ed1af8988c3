import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { nextMonday, plusDays, yearsAgo } from './harness/dates';
import { expectProblem } from './harness/problems';
import { createTeam as createSquad } from './harness/teams';
import { startTestApp, TestApp } from './harness/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON; the tests assert their shape */
describe('team fixtures', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;
  let otherCoach: TestAccount;
  let parent: TestAccount;
  let playerAccount: TestAccount;
  let teamId: string;
  let otherTeamId: string;
  let playerId: string;
  const start = nextMonday();
  const auth = (a: TestAccount) => ({ token: a.accessToken });
  const fixturesUrl = (id: string) => `/api/v1/teams/${id}/fixtures`;
  const fixture = (overrides: Record<string, unknown> = {}) => ({
    date: plusDays(start, 5),
    kickOff: '15:00',
    opponent: 'Riverside FC',
    venue: 'home',
    importance: 'normal',
    ...overrides,
  });

  const createTeam = (who: TestAccount, playerIds: string[]) =>
    createSquad(t.http, who, playerIds, { ageGroup: 'senior' });

  async function createElitePlayer(who: TestAccount): Promise<string> {
    const res = await t.http.post(
      '/api/v1/players',
      {
        firstName: 'Elite',
        lastName: 'Player',
        dateOfBirth: yearsAgo(19),
        sex: 'male',
        position: 'forward',
        level: 'elite',
        dominantFoot: 'right',
      },
      auth(who),
    );
    if (res.status !== 201) throw new Error(res.text);
    const assessment = await t.http.post(
      `/api/v1/players/${res.body.id}/assessments`,
      { date: plusDays(start, -37), ratings: { shooting: 4, passing: 7 } },
      auth(who),
    );
    if (assessment.status !== 201) throw new Error(assessment.text);
    return res.body.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    [coach, otherCoach, parent, playerAccount] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent', admin),
      createAccount(t.http, 'player', admin),
    ]);
    playerId = await createElitePlayer(coach);
    await t.http.post(`/api/v1/players/${playerId}/guardians`, { email: parent.email }, auth(coach));
    await t.http.put(`/api/v1/players/${playerId}/account`, { email: playerAccount.email }, auth(coach));
    teamId = await createTeam(coach, [playerId]);
    otherTeamId = await createTeam(otherCoach, []);
  });
  afterAll(() => t.close());

  it('answers 401 on every route without a token', async () => {
    expectProblem(await t.http.post(fixturesUrl(teamId), fixture()), 401);
    expectProblem(await t.http.get(fixturesUrl(teamId)), 401);
    expectProblem(await t.http.delete(`${fixturesUrl(teamId)}/0123456789abcdef01234567`), 401);
  });

  describe('the fixture list', () => {
    it('adds a fixture for the team, trimmed, normal unless said otherwise', async () => {
      const res = await t.http.post(
        fixturesUrl(teamId),
        fixture({ date: plusDays(start, 40), opponent: '  Hill United  ', importance: undefined }),
        auth(coach),
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        teamId,
        date: plusDays(start, 40),
        kickOff: '15:00',
        opponent: 'Hill United',
        venue: 'home',
        importance: 'normal',
        createdAt: expect.any(String),
      });
    });

    it('refuses a second fixture on the same date for the team with 409, not for another team', async () => {
      const date = plusDays(start, 41);
      expect((await t.http.post(fixturesUrl(teamId), fixture({ date }), auth(coach))).status).toBe(201);
      const again = await t.http.post(fixturesUrl(teamId), fixture({ date, kickOff: '19:30' }), auth(coach));
      expectProblem(again, 409);
      expect(again.body.detail).toMatch(/already has a fixture on/);
      expect((await t.http.post(fixturesUrl(otherTeamId), fixture({ date }), auth(otherCoach))).status).toBe(201);
    });

    it('answers 400 naming the field for malformed fixtures', async () => {
      const bad = async (body: unknown, ...paths: string[]) =>
        expectProblem(await t.http.post(fixturesUrl(teamId), body, auth(coach)), 400, ...paths);
      await bad(fixture({ date: '2026-02-30' }), 'date');
      await bad(fixture({ date: 20261212 }), 'date');
      await bad(fixture({ kickOff: '24:00' }), 'kickOff');
      await bad(fixture({ kickOff: '7:30' }), 'kickOff');
      await bad(fixture({ kickOff: '15:00:00' }), 'kickOff');
      await bad(fixture({ kickOff: null }), 'kickOff');
      await bad(fixture({ opponent: '   ' }), 'opponent');
      await bad(fixture({ opponent: 'x'.repeat(81) }), 'opponent');
      await bad(fixture({ opponent: { $ne: null } }), 'opponent');
      await bad(fixture({ venue: 'neutral' }), 'venue');
      await bad(fixture({ importance: 'cup-final' }), 'importance');
      await bad(fixture({ importance: null }), 'importance');
      await bad(fixture({ teamId }), 'teamId');
      await bad({}, 'date', 'kickOff', 'opponent', 'venue');
      expectProblem(await t.http.post(fixturesUrl(teamId), null, auth(coach)), 400);
      expectProblem(await t.http.post(fixturesUrl(teamId), [fixture()], auth(coach)), 400);
      expectProblem(await t.http.post(fixturesUrl('not-an-id'), fixture(), auth(coach)), 400, 'teamId');
    });

    it('lets only the team coaches and admins add one: 404 when the team is hidden, 403 for its player and parent', async () => {
      const hidden = await t.http.post(fixturesUrl(teamId), fixture({ date: plusDays(start, 42) }), auth(otherCoach));
      expectProblem(hidden, 404);
      expectProblem(await t.http.post(fixturesUrl('0123456789abcdef01234567'), fixture(), auth(coach)), 404);
      expectProblem(await t.http.post(fixturesUrl(teamId), fixture(), auth(parent)), 403);
      expectProblem(await t.http.post(fixturesUrl(teamId), fixture(), auth(playerAccount)), 403);
      const byAdmin = await t.http.post(fixturesUrl(teamId), fixture({ date: plusDays(start, 43) }), auth(admin));
      expect(byAdmin.status).toBe(201);
    });

    it('lists the fixtures within from and to for everyone who sees the team', async () => {
      const dates = (body: any) => body.items.map((f: any) => f.date);
      const all = await t.http.get(fixturesUrl(teamId), auth(parent));
      expect(all.status).toBe(200);
      expect(dates(all.body)).toEqual([...dates(all.body)].sort());
      expect(dates(all.body)).toEqual(expect.arrayContaining([plusDays(start, 40), plusDays(start, 41)]));
      const window = await t.http.get(
        `${fixturesUrl(teamId)}?from=${plusDays(start, 41)}&to=${plusDays(start, 42)}`,
        auth(playerAccount),
      );
      expect(window.body).toMatchObject({ total: 1, page: 1, limit: 20 });
      expect(dates(window.body)).toEqual([plusDays(start, 41)]);
      const paged = await t.http.get(`${fixturesUrl(teamId)}?limit=1&page=2`, auth(coach));
      expect(paged.body.items).toHaveLength(1);
      expect(paged.body.total).toBe(all.body.total);
      expectProblem(await t.http.get(fixturesUrl(teamId), auth(otherCoach)), 404);
      expectProblem(
        await t.http.get(`${fixturesUrl(teamId)}?from=${plusDays(start, 5)}&to=${plusDays(start, 4)}`, auth(coach)),
        422,
        'from',
      );
      expectProblem(await t.http.get(`${fixturesUrl(teamId)}?from=tomorrow`, auth(coach)), 400, 'from');
      expectProblem(await t.http.get(`${fixturesUrl(teamId)}?limit=0`, auth(coach)), 400, 'limit');
      expectProblem(await t.http.get(`${fixturesUrl(teamId)}?venue=home`, auth(coach)), 400);
    });

    it('removes a fixture with 204; a fixture of another team or one already gone is a 404', async () => {
      const created = await t.http.post(fixturesUrl(teamId), fixture({ date: plusDays(start, 44) }), auth(coach));
      const other = await t.http.post(
        fixturesUrl(otherTeamId),
        fixture({ date: plusDays(start, 44) }),
        auth(otherCoach),
      );
      const url = `${fixturesUrl(teamId)}/${created.body.id}`;
      expectProblem(await t.http.delete(url, auth(parent)), 403);
      expectProblem(await t.http.delete(url, auth(otherCoach)), 404);
      expectProblem(await t.http.delete(`${fixturesUrl(teamId)}/${other.body.id}`, auth(coach)), 404);
      expectProblem(await t.http.delete(`${fixturesUrl(teamId)}/nope`, auth(coach)), 400, 'fixtureId');
      expect((await t.http.delete(url, auth(coach))).status).toBe(204);
      expectProblem(await t.http.delete(url, auth(coach)), 404);
      const left = await t.http.get(
        `${fixturesUrl(teamId)}?from=${plusDays(start, 44)}&to=${plusDays(start, 44)}`,
        auth(coach),
      );
      expect(left.body.items).toEqual([]);
    });
  });

  describe('elite programmes fed by team fixtures', () => {
    const request = {
      weeks: 4,
      sessionsPerWeek: 5,
      availableDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sun'],
      startDate: start,
      seed: 3,
    };
    const eliteUrl = (id: string) => `/api/v1/players/${id}/elite-programs`;

    it("builds the microcycles of a team player around the team's fixtures, one match a day across teams", async () => {
      const player = await createElitePlayer(coach);
      const first = await createTeam(coach, [player]);
      const second = await createTeam(coach, [player]);
      // Saturdays for the first team; the second plays on the third Saturday too (key) and once outside the weeks.
      for (const [i, d] of [5, 12, 19, 26].entries()) {
        const res = await t.http.post(
          fixturesUrl(first),
          fixture({ date: plusDays(start, d), opponent: `Club ${i}` }),
          auth(coach),
        );
        expect(res.status).toBe(201);
      }
      await t.http.post(fixturesUrl(second), fixture({ date: plusDays(start, 19), importance: 'key' }), auth(coach));
      await t.http.post(fixturesUrl(second), fixture({ date: plusDays(start, 28) }), auth(coach));

      const res = await t.http.post(eliteUrl(player), request, auth(coach));
      expect(res.status).toBe(201);
      const expected = [5, 12, 19, 26].map((d) => ({
        date: plusDays(start, d),
        importance: d === 19 ? 'key' : 'normal',
      }));
      expect(res.body).toMatchObject({ kind: 'elite', fixtures: expected, safety: { passed: true } });
      const sessions = res.body.weeks.flatMap((w: any) => w.sessions);
      const byDate = new Map(sessions.map((s: any) => [s.date, s.matchDay]));
      for (const { date } of expected) {
        expect(byDate.has(date)).toBe(false);
        expect(byDate.get(plusDays(date, -1))).toBe('MD-1');
      }
      expect(byDate.get(plusDays(start, 1))).toBe('MD-4');
      expect(byDate.get(plusDays(start, 6))).toBe('MD+1');
      const stored = await t.http.get(`/api/v1/programs/${res.body.id}`, auth(coach));
      expect(stored.body.fixtures).toEqual(expected);
    });

    it('follows the fixtures of the request when it has them, whatever the teams play', async () => {
      const teamMatch = await t.http.post(fixturesUrl(teamId), fixture({ date: plusDays(start, 12) }), auth(coach));
      expect(teamMatch.status).toBe(201);
      const fixtures = [{ date: plusDays(start, 3), importance: 'normal' }];
      const res = await t.http.post(eliteUrl(playerId), { ...request, fixtures }, auth(coach));
      expect(res.status).toBe(201);
      expect(res.body.fixtures).toEqual(fixtures);
    });

    it('answers 422 when neither the request nor the teams have fixtures within the weeks', async () => {
      const player = await createElitePlayer(coach);
      await createTeam(coach, [player]);
      const res = await t.http.post(eliteUrl(player), request, auth(coach));
      expectProblem(res, 422, 'fixtures');
      expect(res.body.errors[0].message).toMatch(/no team of the player has a fixture/);
    });

    it('answers 422 naming the team fixture when the teams put three matches on consecutive days', async () => {
      const player = await createElitePlayer(coach);
      const [a, b, c] = await Promise.all([
        createTeam(coach, [player]),
        createTeam(coach, [player]),
        createTeam(coach, [player]),
      ]);
      await t.http.post(fixturesUrl(a), fixture({ date: plusDays(start, 8) }), auth(coach));
      await t.http.post(fixturesUrl(b), fixture({ date: plusDays(start, 9) }), auth(coach));
      await t.http.post(fixturesUrl(c), fixture({ date: plusDays(start, 10) }), auth(coach));
      const res = await t.http.post(eliteUrl(player), request, auth(coach));
      expectProblem(res, 422, 'fixtures');
      expect(res.body.errors[0].message).toContain(`the team fixture on ${plusDays(start, 10)}`);
    });

    it('answers 404 for a hidden player whatever the teams hold', async () => {
      expectProblem(await t.http.post(eliteUrl(playerId), request, auth(otherCoach)), 404);
    });
  });
});
