import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { daysAgo, daysFromNow, yearsAgo } from './harness/dates';
import { expectProblem } from './harness/problems';
import { createTeam as createSquad } from './harness/teams';
import { startTestApp, TestApp } from './harness/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON; the tests assert their shape */
describe('team sessions', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;
  let otherCoach: TestAccount;
  let parent: TestAccount;
  let fitAccount: TestAccount;
  let outsiderAccount: TestAccount;
  let teamId: string;
  let otherTeamId: string;
  /** 17, fit: every drill below suits him. */
  let fit: string;
  /** 13: too young for the loaded squat and the flying sprints. */
  let young: string;
  /** Injured at the knee. */
  let knee: string;
  let fourth: string;
  /** Not in the squad. */
  let outsider: string;

  const auth = (a: TestAccount) => ({ token: a.accessToken });
  const sessionsUrl = (id: string) => `/api/v1/teams/${id}/sessions`;
  const drills = [
    { drillId: 'tech-pass-recovery-passing-pairs', minutes: 15 },
    { drillId: 'str-back-squat-submax', minutes: 20 },
    { drillId: 'spd-flying-20', minutes: 10 },
  ];
  const sessionBody = (overrides: Record<string, unknown> = {}) => ({
    date: daysAgo(1),
    startTime: '17:30',
    durationMin: 90,
    intensity: 'high',
    targetRpe: 7,
    drills,
    notes: 'Pressing and finishing',
    ...overrides,
  });

  async function createPlayer(overrides: Record<string, unknown>): Promise<string> {
    const res = await t.http.post(
      '/api/v1/players',
      {
        firstName: 'Squad',
        lastName: 'Player',
        dateOfBirth: yearsAgo(17),
        sex: 'male',
        position: 'midfielder',
        level: 'academy',
        dominantFoot: 'right',
        ...overrides,
      },
      auth(coach),
    );
    if (res.status !== 201) throw new Error(res.text);
    return res.body.id;
  }

  const createTeam = (who: TestAccount, playerIds: string[]) =>
    createSquad(t.http, who, playerIds, { ageGroup: 'U17' });

  async function createSession(overrides: Record<string, unknown> = {}): Promise<any> {
    const res = await t.http.post(sessionsUrl(teamId), sessionBody(overrides), auth(coach));
    if (res.status !== 201) throw new Error(res.text);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    [coach, otherCoach, parent, fitAccount, outsiderAccount] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent', admin),
      createAccount(t.http, 'player', admin),
      createAccount(t.http, 'player', admin),
    ]);
    fit = await createPlayer({ firstName: 'Fit' });
    young = await createPlayer({ firstName: 'Young', dateOfBirth: yearsAgo(13) });
    knee = await createPlayer({ firstName: 'Knee' });
    fourth = await createPlayer({ firstName: 'Fourth' });
    outsider = await createPlayer({ firstName: 'Outsider' });
    const injury = await t.http.put(
      `/api/v1/players/${knee}/injury`,
      { status: 'injured', bodyRegions: ['knee'] },
      auth(coach),
    );
    if (injury.status !== 200) throw new Error(injury.text);
    await t.http.put(`/api/v1/players/${fit}/account`, { email: fitAccount.email }, auth(coach));
    await t.http.put(`/api/v1/players/${outsider}/account`, { email: outsiderAccount.email }, auth(coach));
    await t.http.post(`/api/v1/players/${young}/guardians`, { email: parent.email }, auth(coach));
    teamId = await createTeam(coach, [fit, young, knee, fourth]);
    otherTeamId = await createTeam(otherCoach, []);
  });
  afterAll(() => t.close());

  it('answers 401 on every route without a token', async () => {
    const session = `${sessionsUrl(teamId)}/0123456789abcdef01234567`;
    expectProblem(await t.http.post(sessionsUrl(teamId), sessionBody()), 401);
    expectProblem(await t.http.get(sessionsUrl(teamId)), 401);
    expectProblem(await t.http.get(session), 401);
    expectProblem(await t.http.delete(session), 401);
    expectProblem(await t.http.post(`${session}/log`, [{ playerId: fit, status: 'skipped' }]), 401);
    expectProblem(await t.http.post(`${session}/log/me`, { status: 'skipped' }), 401);
  });

  describe('planning a session', () => {
    it('creates the session and reports each unsafe drill for the player it is unsafe for', async () => {
      const res = await t.http.post(sessionsUrl(teamId), sessionBody({ notes: '  Pressing  ' }), auth(coach));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        teamId,
        date: daysAgo(1),
        startTime: '17:30',
        durationMin: 90,
        intensity: 'high',
        targetRpe: 7,
        drills,
        notes: 'Pressing',
        createdBy: coach.id,
      });
      const issues = res.body.drillSafety.map((i: any) => [i.playerId, i.drillId, i.rule]);
      expect(issues.filter(([p]: string[]) => p === fit || p === fourth)).toEqual([]);
      expect(issues).toEqual(
        expect.arrayContaining([
          [young, 'str-back-squat-submax', 'age-eligibility'],
          [young, 'str-back-squat-submax', 'youth-strength'],
          [young, 'spd-flying-20', 'age-eligibility'],
          [knee, 'str-back-squat-submax', 'injury'],
          [knee, 'spd-flying-20', 'injury'],
        ]),
      );
      expect(issues.every(([, drillId]: string[]) => drillId !== 'tech-pass-recovery-passing-pairs')).toBe(true);
      const kneeReasons = res.body.drillSafety.filter((i: any) => i.playerId === knee).map((i: any) => i.reason);
      expect(kneeReasons).toEqual(expect.arrayContaining([expect.stringMatching(/loads the injured knee/)]));
    });

    it('creates a session without drills, with nothing to report', async () => {
      const { drills: _none, ...body } = sessionBody();
      const res = await t.http.post(sessionsUrl(teamId), body, auth(coach));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ drills: [], drillSafety: [] });
    });

    it('answers 422 naming drills.N.drillId for a drill the library does not serve, and drills longer than the session', async () => {
      const unknown = await t.http.post(
        sessionsUrl(teamId),
        sessionBody({ drills: [drills[0], { drillId: 'no-such-drill', minutes: 10 }] }),
        auth(coach),
      );
      expectProblem(unknown, 422, 'drills.1.drillId');
      const long = await t.http.post(
        sessionsUrl(teamId),
        sessionBody({ durationMin: 30, drills: [{ drillId: drills[0].drillId, minutes: 31 }] }),
        auth(coach),
      );
      expectProblem(long, 422, 'drills');
    });

    it('answers 400 naming the field for malformed sessions', async () => {
      const bad = async (body: unknown, ...paths: string[]) =>
        expectProblem(await t.http.post(sessionsUrl(teamId), body, auth(coach)), 400, ...paths);
      await bad(sessionBody({ date: '2026-13-01' }), 'date');
      await bad(sessionBody({ startTime: '25:00' }), 'startTime');
      await bad(sessionBody({ startTime: 1730 }), 'startTime');
      await bad(sessionBody({ durationMin: 0 }), 'durationMin');
      await bad(sessionBody({ durationMin: 301 }), 'durationMin');
      await bad(sessionBody({ durationMin: 60.5 }), 'durationMin');
      await bad(sessionBody({ durationMin: '60' }), 'durationMin');
      await bad(sessionBody({ durationMin: 1e308 }), 'durationMin');
      await bad(sessionBody({ durationMin: null }), 'durationMin');
      await bad(sessionBody({ intensity: 'extreme' }), 'intensity');
      await bad(sessionBody({ targetRpe: 11 }), 'targetRpe');
      await bad(sessionBody({ targetRpe: -1 }), 'targetRpe');
      await bad(sessionBody({ targetRpe: 5.55 }), 'targetRpe');
      await bad(sessionBody({ drills: 'rondos' }), 'drills');
      await bad(sessionBody({ drills: null }), 'drills');
      await bad(sessionBody({ drills: [null] }), 'drills.0');
      await bad(sessionBody({ drills: [{ drillId: 'Rondo 4v1', minutes: 10 }] }), 'drills.0.drillId');
      await bad(sessionBody({ drills: [{ drillId: 'x'.repeat(81), minutes: 10 }] }), 'drills.0.drillId');
      await bad(sessionBody({ drills: [{ drillId: drills[0].drillId, minutes: 0 }] }), 'drills.0.minutes');
      await bad(sessionBody({ drills: [{ drillId: drills[0].drillId }] }), 'drills.0.minutes');
      await bad(sessionBody({ drills: [{ drillId: drills[0].drillId, minutes: 5, extra: 1 }] }), 'drills.0.extra');
      await bad(sessionBody({ drills: Array.from({ length: 31 }, () => ({ ...drills[0], minutes: 1 })) }), 'drills');
      await bad(sessionBody({ notes: '   ' }), 'notes');
      await bad(sessionBody({ teamId }), 'teamId');
      await bad({}, 'date', 'startTime', 'durationMin', 'intensity', 'targetRpe');
      expectProblem(await t.http.post(sessionsUrl(teamId), null, auth(coach)), 400);
      expectProblem(await t.http.post(sessionsUrl(teamId), [sessionBody()], auth(coach)), 400);
      expectProblem(await t.http.post(sessionsUrl('12345'), sessionBody(), auth(coach)), 400, 'teamId');
    });

    it("lets only the team's coaches and admins plan: 404 when the team is hidden, 403 for its player and parent", async () => {
      expectProblem(await t.http.post(sessionsUrl(teamId), sessionBody(), auth(otherCoach)), 404);
      expectProblem(await t.http.post(sessionsUrl('0123456789abcdef01234567'), sessionBody(), auth(coach)), 404);
      expectProblem(await t.http.post(sessionsUrl(teamId), sessionBody(), auth(parent)), 403);
      expectProblem(await t.http.post(sessionsUrl(teamId), sessionBody(), auth(fitAccount)), 403);
      expectProblem(await t.http.post(sessionsUrl(teamId), sessionBody(), auth(outsiderAccount)), 404);
      expect((await t.http.post(sessionsUrl(teamId), sessionBody({ drills: [] }), auth(admin))).status).toBe(201);
    });
  });

  describe('reading and removing sessions', () => {
    let ahead: any;

    beforeAll(async () => {
      ahead = await createSession({ date: daysFromNow(30), startTime: '09:00' });
      await createSession({ date: daysFromNow(30), startTime: '18:00', drills: [] });
    });

    it('lists the sessions in time order within from and to for everyone who sees the team', async () => {
      const res = await t.http.get(
        `${sessionsUrl(teamId)}?from=${daysFromNow(30)}&to=${daysFromNow(30)}`,
        auth(parent),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 2, page: 1, limit: 20 });
      expect(res.body.items.map((s: any) => s.startTime)).toEqual(['09:00', '18:00']);
      expect(res.body.items[0]).not.toHaveProperty('drillSafety');
      const all = await t.http.get(sessionsUrl(teamId), auth(fitAccount));
      expect(all.body.total).toBeGreaterThanOrEqual(4);
      expectProblem(await t.http.get(sessionsUrl(teamId), auth(otherCoach)), 404);
      expectProblem(await t.http.get(sessionsUrl(teamId), auth(outsiderAccount)), 404);
      expectProblem(
        await t.http.get(`${sessionsUrl(teamId)}?from=${daysFromNow(2)}&to=${daysFromNow(1)}`, auth(coach)),
        422,
        'from',
      );
      expectProblem(await t.http.get(`${sessionsUrl(teamId)}?to=soon`, auth(coach)), 400, 'to');
      expectProblem(await t.http.get(`${sessionsUrl(teamId)}?page=0`, auth(coach)), 400, 'page');
    });

    it("shows each squad player's log status and the drill safety for the current squad", async () => {
      const res = await t.http.get(`${sessionsUrl(teamId)}/${ahead.id}`, auth(coach));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: ahead.id, drills });
      expect(res.body.players.map((p: any) => [p.playerId, p.status, p.inSquad])).toEqual([
        [fit, 'not-logged', true],
        [young, 'not-logged', true],
        [knee, 'not-logged', true],
        [fourth, 'not-logged', true],
      ]);
      expect(res.body.players[0]).toMatchObject({ firstName: 'Fit', lastName: 'Player' });
      expect(res.body.drillSafety.map((i: any) => i.playerId)).toEqual(expect.arrayContaining([young, knee]));
    });

    it("shows a parent and a squad player their own players only, other players' health included", async () => {
      const byParent = await t.http.get(`${sessionsUrl(teamId)}/${ahead.id}`, auth(parent));
      expect(byParent.status).toBe(200);
      expect(byParent.body.players.map((p: any) => p.playerId)).toEqual([young]);
      expect(new Set(byParent.body.drillSafety.map((i: any) => i.playerId))).toEqual(new Set([young]));
      const byPlayer = await t.http.get(`${sessionsUrl(teamId)}/${ahead.id}`, auth(fitAccount));
      expect(byPlayer.body.players.map((p: any) => p.playerId)).toEqual([fit]);
      expect(byPlayer.body.drillSafety).toEqual([]);
    });

    it('answers 404 for a session of another team, one that does not exist or a hidden team; 400 for bad ids', async () => {
      const elsewhere = await t.http.post(sessionsUrl(otherTeamId), sessionBody({ drills: [] }), auth(otherCoach));
      expectProblem(await t.http.get(`${sessionsUrl(teamId)}/${elsewhere.body.id}`, auth(coach)), 404);
      expectProblem(await t.http.get(`${sessionsUrl(teamId)}/0123456789abcdef01234567`, auth(coach)), 404);
      expectProblem(await t.http.get(`${sessionsUrl(teamId)}/${ahead.id}`, auth(otherCoach)), 404);
      expectProblem(await t.http.get(`${sessionsUrl(teamId)}/not-an-id`, auth(coach)), 400, 'sessionId');
    });

    it('deletes a session nobody logged with 204; only the team coaches may', async () => {
      const session = await createSession({ date: daysFromNow(31), drills: [] });
      const url = `${sessionsUrl(teamId)}/${session.id}`;
      expectProblem(await t.http.delete(url, auth(parent)), 403);
      expectProblem(await t.http.delete(url, auth(fitAccount)), 403);
      expectProblem(await t.http.delete(url, auth(otherCoach)), 404);
      expect((await t.http.delete(url, auth(coach))).status).toBe(204);
      expectProblem(await t.http.delete(url, auth(coach)), 404);
      expectProblem(await t.http.get(url, auth(coach)), 404);
    });
  });

  describe('logging a session', () => {
    const logUrl = (sessionId: string) => `${sessionsUrl(teamId)}/${sessionId}/log`;

    it('stores the valid rows, answers every bad row together with its own status, and feeds the load ledger', async () => {
      const session = await createSession({ date: daysAgo(2) });
      const rows = [
        { playerId: fit, status: 'done', durationMin: 60, rpe: 6, notes: 'felt sharp' },
        { playerId: young, status: 'skipped' },
        { playerId: knee, status: 'injured' },
        { playerId: outsider, status: 'done', durationMin: 60, rpe: 6 },
        { playerId: fourth, status: 'done', durationMin: 60 },
        { playerId: 'nope', status: 'done', durationMin: 60, rpe: 6 },
        null,
        { playerId: fit, status: 'done', durationMin: 50, rpe: 5 },
        { playerId: fourth, status: 'skipped', rpe: 3 },
        { playerId: fourth, status: 'done', durationMin: 60, rpe: 6, coach: 'me' },
        { playerId: fourth, status: 'done', durationMin: 1e308, rpe: null },
        { playerId: fourth, status: 'maybe' },
        'fourth',
      ];
      const res = await t.http.post(logUrl(session.id), rows, auth(coach));
      expect(res.status).toBe(200);
      expect(res.body.stored).toEqual([
        { row: 0, playerId: fit, logId: expect.any(String) },
        { row: 1, playerId: young, logId: expect.any(String) },
        { row: 2, playerId: knee, logId: expect.any(String) },
      ]);
      const rejected = res.body.rejected.map((r: any) => [
        r.row,
        r.status,
        [...new Set(r.errors.map((e: any) => e.path))].sort(),
      ]);
      expect(rejected).toEqual([
        [3, 404, ['3.playerId']],
        [4, 422, ['4.rpe']],
        [5, 400, ['5.playerId']],
        [6, 400, ['6']],
        [7, 409, ['7.playerId']],
        [8, 422, ['8.rpe']],
        [9, 400, ['9.coach']],
        [10, 400, ['10.durationMin', '10.rpe']],
        [11, 400, ['11.status']],
        [12, 400, ['12']],
      ]);
      const byRow = new Map(res.body.rejected.map((r: any) => [r.row, r]));
      expect(byRow.get(3)).toMatchObject({ playerId: outsider, type: '/problems/not-found' });
      expect(byRow.get(4)).toMatchObject({ playerId: fourth, type: '/problems/rule-violation' });
      expect(byRow.get(5)).not.toHaveProperty('playerId');
      expect(byRow.get(5)).toMatchObject({ type: '/problems/validation-error' });
      expect(byRow.get(7)).toMatchObject({ playerId: fit, type: '/problems/already-logged' });

      const log = await t.http.get(`/api/v1/players/${fit}/training-logs`, auth(coach));
      expect(log.body.items[0]).toMatchObject({
        id: res.body.stored[0].logId,
        date: daysAgo(2),
        kind: 'training',
        status: 'done',
        durationMin: 60,
        rpe: 6,
        load: 360,
        teamSessionId: session.id,
        notes: 'felt sharp',
        loggedBy: coach.id,
      });
      const load = await t.http.get(`/api/v1/players/${fit}/load?from=${daysAgo(2)}&to=${daysAgo(2)}`, auth(coach));
      expect(load.status).toBe(200);
      expect(load.body.daily).toEqual([expect.objectContaining({ date: daysAgo(2), load: 360, sessions: 1 })]);
      const skipped = await t.http.get(
        `/api/v1/players/${young}/load?from=${daysAgo(2)}&to=${daysAgo(2)}`,
        auth(coach),
      );
      expect(skipped.body.daily).toEqual([expect.objectContaining({ date: daysAgo(2), load: 0 })]);

      // A second call: the player already logged is a 409, a corrected row is stored.
      const again = await t.http.post(
        logUrl(session.id),
        [
          { playerId: fit, status: 'done', durationMin: 60, rpe: 6 },
          { playerId: fourth, status: 'done', durationMin: 45, rpe: 4 },
        ],
        auth(coach),
      );
      expect(again.status).toBe(200);
      expect(again.body.stored).toEqual([{ row: 1, playerId: fourth, logId: expect.any(String) }]);
      expect(again.body.rejected).toEqual([
        {
          row: 0,
          playerId: fit,
          status: 409,
          type: '/problems/already-logged',
          errors: [{ path: '0.playerId', message: expect.stringMatching(/already logged/) }],
        },
      ]);

      const detail = await t.http.get(`${sessionsUrl(teamId)}/${session.id}`, auth(coach));
      expect(detail.body.players.map((p: any) => [p.playerId, p.status])).toEqual([
        [fit, 'done'],
        [young, 'skipped'],
        [knee, 'injured'],
        [fourth, 'done'],
      ]);
      expect(detail.body.players[0]).toMatchObject({ durationMin: 60, rpe: 6, load: 360 });
      expect(detail.body.players[1]).not.toHaveProperty('rpe');
      expectProblem(await t.http.delete(`${sessionsUrl(teamId)}/${session.id}`, auth(coach)), 409);
    });

    it('answers 400 for the whole request when the body is not an array of 1 to 100 rows', async () => {
      const session = await createSession({ drills: [] });
      const row = { playerId: fit, status: 'skipped' };
      const bad = async (body: unknown) =>
        expectProblem(await t.http.post(logUrl(session.id), body, auth(coach)), 400, 'body');
      await bad({ rows: [row] });
      await bad(row);
      await bad([]);
      await bad(Array.from({ length: 101 }, () => row));
      await bad('skipped');
      await bad(42);
      expectProblem(await t.http.post(logUrl(session.id), undefined, { ...auth(coach), raw: 'null' }), 400, 'body');
      expectProblem(await t.http.post(logUrl(session.id), undefined, { ...auth(coach), raw: '[{' }), 400);
      expectProblem(await t.http.post(logUrl('bad-id'), [row], auth(coach)), 400, 'sessionId');
      // Nothing was stored.
      const detail = await t.http.get(`${sessionsUrl(teamId)}/${session.id}`, auth(coach));
      expect(detail.body.players.every((p: any) => p.status === 'not-logged')).toBe(true);
    });

    it('takes 100 rows in one call', async () => {
      const session = await createSession({ drills: [] });
      const rows = Array.from({ length: 100 }, (_, i) => ({ playerId: fourth, status: 'skipped', notes: `row ${i}` }));
      const res = await t.http.post(logUrl(session.id), rows, auth(coach));
      expect(res.status).toBe(200);
      expect(res.body.stored).toHaveLength(1);
      expect(res.body.rejected).toHaveLength(99);
      expect(res.body.rejected.every((r: any) => r.status === 409)).toBe(true);
    });

    it('answers 422 for the whole request for a session after today', async () => {
      const session = await createSession({ date: daysFromNow(1), drills: [] });
      const res = await t.http.post(logUrl(session.id), [{ playerId: fit, status: 'skipped' }], auth(coach));
      expectProblem(res, 422);
      expect(res.body.detail).toMatch(/has not taken place/);
    });

    it("lets only the team's coaches and admins log the squad", async () => {
      const session = await createSession({ drills: [] });
      const rows = [{ playerId: young, status: 'skipped' }];
      expectProblem(await t.http.post(logUrl(session.id), rows, auth(parent)), 403);
      expectProblem(await t.http.post(logUrl(session.id), rows, auth(fitAccount)), 403);
      expectProblem(await t.http.post(logUrl(session.id), rows, auth(otherCoach)), 404);
      expectProblem(await t.http.post(logUrl(session.id), rows, auth(outsiderAccount)), 404);
      expectProblem(await t.http.post(logUrl('0123456789abcdef01234567'), rows, auth(coach)), 404);
      const elsewhere = await t.http.post(sessionsUrl(otherTeamId), sessionBody({ drills: [] }), auth(otherCoach));
      expectProblem(await t.http.post(logUrl(elsewhere.body.id), rows, auth(coach)), 404);
      const byAdmin = await t.http.post(logUrl(session.id), rows, auth(admin));
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body.stored).toHaveLength(1);
    });

    it('shows a player who logged and left the squad as no longer in it', async () => {
      const player = await createPlayer({ firstName: 'Leaver' });
      await t.http.post(`/api/v1/teams/${teamId}/players`, { playerId: player }, auth(coach));
      const session = await createSession({ drills: [] });
      await t.http.post(
        logUrl(session.id),
        [{ playerId: player, status: 'done', durationMin: 30, rpe: 4 }],
        auth(coach),
      );
      const removed = await t.http.request(
        'DELETE',
        `/api/v1/teams/${teamId}/players`,
        { playerId: player },
        auth(coach),
      );
      expect(removed.status).toBe(200);
      const detail = await t.http.get(`${sessionsUrl(teamId)}/${session.id}`, auth(coach));
      expect(detail.body.players.at(-1)).toMatchObject({ playerId: player, status: 'done', inSquad: false });
      expect(detail.body.players.filter((p: any) => p.inSquad)).toHaveLength(4);
    });
  });

  describe("a player's own log", () => {
    const meUrl = (sessionId: string) => `${sessionsUrl(teamId)}/${sessionId}/log/me`;

    it('stores the RPE a squad player logs from their account; a second log by them or the coach is a 409', async () => {
      const session = await createSession({ drills: [] });
      const res = await t.http.post(meUrl(session.id), { status: 'done', durationMin: 75, rpe: 8 }, auth(fitAccount));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        playerId: fit,
        date: daysAgo(1),
        kind: 'training',
        status: 'done',
        durationMin: 75,
        rpe: 8,
        load: 600,
        teamSessionId: session.id,
        loggedBy: fitAccount.id,
      });
      const again = await t.http.post(meUrl(session.id), { status: 'skipped' }, auth(fitAccount));
      expectProblem(again, 409);
      const byCoach = await t.http.post(
        `${sessionsUrl(teamId)}/${session.id}/log`,
        [{ playerId: fit, status: 'done', durationMin: 60, rpe: 5 }],
        auth(coach),
      );
      expect(byCoach.body.rejected).toEqual([expect.objectContaining({ row: 0, status: 409 })]);
    });

    it('is a 409 for a player the coach has already logged', async () => {
      const session = await createSession({ drills: [] });
      await t.http.post(
        `${sessionsUrl(teamId)}/${session.id}/log`,
        [{ playerId: fit, status: 'skipped' }],
        auth(coach),
      );
      expectProblem(await t.http.post(meUrl(session.id), { status: 'skipped' }, auth(fitAccount)), 409);
    });

    it('is for squad players only: 403 for a parent or a coach, 404 for a player outside the team', async () => {
      const session = await createSession({ drills: [] });
      const body = { status: 'skipped' };
      expectProblem(await t.http.post(meUrl(session.id), body, auth(parent)), 403);
      expectProblem(await t.http.post(meUrl(session.id), body, auth(coach)), 403);
      expectProblem(await t.http.post(meUrl(session.id), body, auth(admin)), 403);
      expectProblem(await t.http.post(meUrl(session.id), body, auth(outsiderAccount)), 404);
      expectProblem(await t.http.post(meUrl(session.id), body, auth(otherCoach)), 404);
      expectProblem(await t.http.post(meUrl('0123456789abcdef01234567'), body, auth(fitAccount)), 404);
    });

    it('answers 422 against the rule or for a session after today, 400 for malformed logs', async () => {
      const session = await createSession({ drills: [] });
      expectProblem(
        await t.http.post(meUrl(session.id), { status: 'done', rpe: 6 }, auth(fitAccount)),
        422,
        'durationMin',
      );
      expectProblem(
        await t.http.post(meUrl(session.id), { status: 'injured', durationMin: 10 }, auth(fitAccount)),
        422,
        'durationMin',
      );
      const ahead = await createSession({ date: daysFromNow(2), drills: [] });
      expectProblem(await t.http.post(meUrl(ahead.id), { status: 'skipped' }, auth(fitAccount)), 422);
      const bad = async (body: unknown, ...paths: string[]) =>
        expectProblem(await t.http.post(meUrl(session.id), body, auth(fitAccount)), 400, ...paths);
      await bad({ status: 'maybe' }, 'status');
      await bad({ status: 'done', durationMin: 60, rpe: 10.5 }, 'rpe');
      await bad({ status: 'done', durationMin: -1, rpe: 5 }, 'durationMin');
      await bad({ status: 'done', durationMin: 60, rpe: '5' }, 'rpe');
      await bad({ status: 'skipped', playerId: young }, 'playerId');
      await bad({ status: null }, 'status');
      await bad({}, 'status');
      expectProblem(await t.http.post(meUrl(session.id), null, auth(fitAccount)), 400);
      expectProblem(await t.http.post(meUrl(session.id), [{ status: 'skipped' }], auth(fitAccount)), 400);
      expectProblem(await t.http.post(`${sessionsUrl(teamId)}/x/log/me`, { status: 'skipped' }, auth(fitAccount)), 400);
      // Nothing stored by the refusals: the player can still log.
      expect((await t.http.post(meUrl(session.id), { status: 'skipped' }, auth(fitAccount))).status).toBe(201);
    });
  });
});
