import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { startTestApp, TestApp } from './harness/test-app';
import { expectProblem } from './harness/problems';
import { nextMonday, plusDays, yearsAgo } from './harness/dates';

/* eslint-disable @typescript-eslint/no-explicit-any -- programme bodies are JSON; the tests assert their shape */
describe('elite programmes', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;
  let otherCoach: TestAccount;
  let parent: TestAccount;
  let eliteId: string;
  const start = nextMonday();
  // Saturday matches, the third one a key match.
  const fixtures = [5, 12, 19, 26].map((d, i) => ({
    date: plusDays(start, d),
    importance: i === 2 ? 'key' : 'normal',
  }));
  const request = {
    weeks: 4,
    sessionsPerWeek: 5,
    availableDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sun'],
    startDate: start,
    seed: 3,
    fixtures,
  };
  const auth = (a: TestAccount) => ({ token: a.accessToken });
  const url = (id: string) => `/api/v1/players/${id}/elite-programs`;

  async function createPlayer(overrides: Record<string, unknown>): Promise<string> {
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
        ...overrides,
      },
      auth(coach),
    );
    const assessment = await t.http.post(
      `/api/v1/players/${res.body.id}/assessments`,
      { date: plusDays(start, -30 - 7), ratings: { shooting: 4, passing: 7 } },
      auth(coach),
    );
    if (assessment.status !== 201) throw new Error(assessment.text);
    return res.body.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    [coach, otherCoach, parent] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent', admin),
    ]);
    eliteId = await createPlayer({});
    await t.http.post(`/api/v1/players/${eliteId}/guardians`, { email: parent.email }, auth(coach));
  });
  afterAll(() => t.close());

  it('builds microcycles around the fixtures, checked and stored like every programme', async () => {
    const res = await t.http.post(url(eliteId), request, auth(coach));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'elite', fixtures, safety: { passed: true }, weekCount: 4 });
    const sessions = res.body.weeks.flatMap((w: any) => w.sessions);
    const week2 = res.body.weeks[1].sessions.map((s: any) => [s.matchDay, s.type, s.intensity]);
    expect(week2).toEqual([
      ['MD-4', 'strength-power', 'high'],
      ['MD-3', 'endurance', 'high'],
      ['MD-2', 'speed-agility', 'moderate'],
      ['MD-1', 'activation', 'low'],
      ['MD+1', 'recovery', 'low'],
    ]);
    for (const s of sessions) {
      expect(fixtures.map((f) => f.date)).not.toContain(s.date);
      if (s.matchDay === 'MD-1' || s.matchDay === 'MD+1') expect(['low', 'moderate']).toContain(s.intensity);
    }
    const reasons = sessions.flatMap((s: any) => s.blocks.flatMap((b: any) => b.drills.map((d: any) => d.reason)));
    expect(reasons).toContain('Position-specific conditioning for a forward');
    // The week before the key match is tapered: its MD-4 is shorter than the week before's.
    const md4 = (w: number) => res.body.weeks[w].sessions.find((s: any) => s.matchDay === 'MD-4');
    expect(md4(2).plannedDurationMin).toBeLessThan(md4(1).plannedDurationMin);
    expect(md4(2).intensity).toBe('high');
    const stored = await t.http.get(`/api/v1/programs/${res.body.id}`, auth(parent));
    expect(stored.body).toMatchObject({ id: res.body.id, kind: 'elite', fixtures });
  });

  it('refuses players below elite level or under 16 with 422', async () => {
    const academy = await createPlayer({ level: 'academy' });
    const res = await t.http.post(url(academy), request, auth(coach));
    expectProblem(res, 422);
    expect(res.body.detail).toMatch(/elite-level players aged 16 and over/);
    const young = await createPlayer({ dateOfBirth: yearsAgo(15) });
    expectProblem(await t.http.post(url(young), request, auth(coach)), 422);
  });

  it('answers 400 naming the field for bad fixture lists, 422 for fixtures that break the calendar', async () => {
    const bad = async (body: unknown, path: string, status = 400) =>
      expectProblem(await t.http.post(url(eliteId), body, auth(coach)), status, path);
    const outside = (days: number) => [{ date: plusDays(start, days), importance: 'normal' }];
    await bad({ ...request, fixtures: outside(40) }, 'fixtures.0.date', 422);
    await bad({ ...request, fixtures: outside(-1) }, 'fixtures.0.date', 422);
    await bad({ ...request, fixtures: [fixtures[0], { ...fixtures[0], importance: 'key' }] }, 'fixtures.1.date', 422);
    const threeDays = [1, 2, 3].map((d) => ({ date: plusDays(start, d), importance: 'normal' }));
    await bad({ ...request, fixtures: threeDays }, 'fixtures.2.date', 422);
    await bad(
      { ...request, fixtures: [{ date: plusDays(start, 5), importance: 'cup-final' }] },
      'fixtures.0.importance',
    );
    await bad({ ...request, fixtures: [{ date: '2026-02-31' }] }, 'fixtures.0.date');
    await bad({ ...request, fixtures: [{ date: plusDays(start, 5), extra: 1 }] }, 'fixtures.0.extra');
    await bad({ ...request, fixtures: 'saturdays' }, 'fixtures');
    await bad({ ...request, fixtures: null }, 'fixtures');
  });

  it('without fixtures in the request, a player in no team answers 422 saying neither has any', async () => {
    const { fixtures: _omitted, ...missing } = request;
    const res = await t.http.post(url(eliteId), missing, auth(coach));
    expectProblem(res, 422, 'fixtures');
    expect(res.body.errors[0].message).toMatch(/the request has no fixtures and no team of the player has a fixture/);
  });

  it('accepts a fixture without importance as a normal match', async () => {
    const res = await t.http.post(url(eliteId), { ...request, fixtures: [{ date: plusDays(start, 5) }] }, auth(coach));
    expect(res.status).toBe(201);
    expect(res.body.fixtures).toEqual([{ date: plusDays(start, 5), importance: 'normal' }]);
  });

  it('an elite woman injured at the knee and hamstring gets microcycles without ACL work loading them, and the note', async () => {
    const injured = await createPlayer({ firstName: 'Sara', sex: 'female', position: 'defender' });
    const injury = { status: 'injured', bodyRegions: ['knee', 'hamstring'] };
    expect((await t.http.put(`/api/v1/players/${injured}/injury`, injury, auth(coach))).status).toBe(200);
    const res = await t.http.post(url(injured), request, auth(coach));
    expect(res.status).toBe(201);
    expect(res.body.adjustments).toEqual([
      expect.objectContaining({ code: 'acl-prevention-paused', bodyRegions: ['knee', 'hamstring'] }),
    ]);
    expect(res.body.safety).toMatchObject({ passed: true });
    // Bad injury input is a 400 naming the field, never a 5xx, and changes nothing.
    const bad = await t.http.put(
      `/api/v1/players/${injured}/injury`,
      { status: 'injured', bodyRegions: ['knee', 'elbow'] },
      auth(coach),
    );
    expectProblem(bad, 400);
    expect((await t.http.post(url(injured), request, auth(coach))).body.adjustments).toHaveLength(1);

    const fit = { status: 'fit', bodyRegions: [] };
    expect((await t.http.put(`/api/v1/players/${injured}/injury`, fit, auth(coach))).status).toBe(200);
    const again = await t.http.post(url(injured), request, auth(coach));
    expect(again.status).toBe(201);
    expect(again.body.adjustments).toEqual([]);
  });

  it('answers 403 to the parent, 404 to other coaches, 401 anonymously', async () => {
    expectProblem(await t.http.post(url(eliteId), request, auth(parent)), 403);
    expectProblem(await t.http.post(url(eliteId), request, auth(otherCoach)), 404);
    expectProblem(await t.http.post(url(eliteId), request), 401);
  });
});
