import {
  LOAD_FIXTURE_ENTRIES,
  LOAD_FIXTURE_EXPECTED,
  LOAD_FIXTURE_QUERY,
} from '../src/training/domain/test-load-history';
import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { startTestApp, TestApp } from './harness/test-app';
import { expectProblem } from './harness/problems';
import { daysFromNow, yearsAgo } from './harness/dates';

describe('training load', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;
  let otherCoach: TestAccount;
  let parent: TestAccount;
  let playerAccount: TestAccount;
  let playerId: string;

  const auth = (a: TestAccount) => ({ token: a.accessToken });

  async function createPlayer(firstName: string): Promise<string> {
    const res = await t.http.post(
      '/api/v1/players',
      {
        firstName,
        lastName: 'Load',
        dateOfBirth: yearsAgo(19),
        sex: 'male',
        position: 'forward',
        level: 'academy',
        dominantFoot: 'left',
      },
      auth(coach),
    );
    if (res.status !== 201) throw new Error(res.text);
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
    playerId = await createPlayer('Seeded');
    await t.http.post(`/api/v1/players/${playerId}/guardians`, { email: parent.email }, auth(coach));
    await t.http.put(`/api/v1/players/${playerId}/account`, { email: playerAccount.email }, auth(coach));
  });
  afterAll(() => t.close());

  describe('planned sessions', () => {
    let programId: string;
    let sessions: { id: string; date: string; plannedDurationMin: number }[];

    beforeAll(async () => {
      await t.http.post(
        `/api/v1/players/${playerId}/assessments`,
        { date: daysFromNow(-60), ratings: { passing: 5, shooting: 4 } },
        auth(coach),
      );
      // Started five weeks ago, so its first sessions have taken place.
      const program = await t.http.post(
        `/api/v1/players/${playerId}/programs`,
        { weeks: 8, sessionsPerWeek: 3, availableDays: ['mon', 'wed', 'fri'], startDate: daysFromNow(-35), seed: 5 },
        auth(coach),
      );
      expect(program.status).toBe(201);
      programId = program.body.id;
      sessions = program.body.weeks.flatMap((w: { sessions: unknown[] }) => w.sessions);
    });

    const logUrl = (sessionId: string, id = programId) => `/api/v1/programs/${id}/sessions/${sessionId}/log`;

    it('logs a done session with its session-RPE load (minutes x RPE)', async () => {
      const [first] = sessions;
      const res = await t.http.post(
        logUrl(first.id),
        { status: 'done', durationMin: 70, rpe: 6.5, notes: 'felt good' },
        auth(coach),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        playerId,
        programId,
        sessionId: first.id,
        date: first.date,
        kind: 'training',
        status: 'done',
        durationMin: 70,
        rpe: 6.5,
        load: 455,
        notes: 'felt good',
        loggedBy: coach.id,
      });
    });

    it('answers 409 for a second log of the same session, and lets it be deleted and logged again', async () => {
      const [first] = sessions;
      const again = await t.http.post(logUrl(first.id), { status: 'done', durationMin: 60, rpe: 5 }, auth(coach));
      expectProblem(again, 409);
      const list = await t.http.get(`/api/v1/players/${playerId}/training-logs`, auth(coach));
      const logId = list.body.items.find((l: { sessionId?: string }) => l.sessionId === first.id).id;
      expectProblem(await t.http.delete(`/api/v1/training-logs/${logId}`, auth(parent)), 403);
      expectProblem(await t.http.delete(`/api/v1/training-logs/${logId}`, auth(otherCoach)), 404);
      expect((await t.http.delete(`/api/v1/training-logs/${logId}`, auth(coach))).status).toBe(204);
      expectProblem(await t.http.delete(`/api/v1/training-logs/${logId}`, auth(coach)), 404);
      const relog = await t.http.post(logUrl(first.id), { status: 'done', durationMin: 60, rpe: 5 }, auth(coach));
      expect(relog.body).toMatchObject({ load: 300 });
    });

    it('lets the player log their own session, a skipped one with no load and another date', async () => {
      const res = await t.http.post(logUrl(sessions[1].id), { status: 'skipped' }, auth(playerAccount));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'skipped',
        durationMin: 0,
        rpe: 0,
        load: 0,
        loggedBy: playerAccount.id,
      });
      const moved = await t.http.post(
        logUrl(sessions[2].id),
        { status: 'done', durationMin: 45, rpe: 4, date: daysFromNow(-20) },
        auth(playerAccount),
      );
      expect(moved.body).toMatchObject({ date: daysFromNow(-20), load: 180 });
    });

    it('answers 400 naming the field for impossible logs, 422 for inconsistent ones', async () => {
      const id = sessions[3].id;
      expectProblem(await t.http.post(logUrl(id), { status: 'done', durationMin: 60 }, auth(coach)), 422, 'rpe');
      expectProblem(await t.http.post(logUrl(id), { status: 'done', rpe: 5 }, auth(coach)), 422, 'durationMin');
      expectProblem(
        await t.http.post(logUrl(id), { status: 'skipped', durationMin: 30 }, auth(coach)),
        422,
        'durationMin',
      );
      expectProblem(
        await t.http.post(logUrl(id), { status: 'done', durationMin: 60, rpe: 11 }, auth(coach)),
        400,
        'rpe',
      );
      expectProblem(
        await t.http.post(logUrl(id), { status: 'done', durationMin: 60, rpe: 5.25 }, auth(coach)),
        400,
        'rpe',
      );
      expectProblem(
        await t.http.post(logUrl(id), { status: 'done', durationMin: 0, rpe: 5 }, auth(coach)),
        400,
        'durationMin',
      );
      expectProblem(
        await t.http.post(logUrl(id), { status: 'done', durationMin: 301, rpe: 5 }, auth(coach)),
        400,
        'durationMin',
      );
      expectProblem(await t.http.post(logUrl(id), { status: 'finished' }, auth(coach)), 400, 'status');
      expectProblem(
        await t.http.post(logUrl(id), { status: 'skipped', date: daysFromNow(2) }, auth(coach)),
        422,
        'date',
      );
      expectProblem(await t.http.post(logUrl(id), { status: 'skipped', extra: 1 }, auth(coach)), 400, 'extra');
      const future = sessions[sessions.length - 1];
      const early = await t.http.post(logUrl(future.id), { status: 'done', durationMin: 60, rpe: 5 }, auth(coach));
      expectProblem(early, 422, 'date');
      expectProblem(await t.http.post(logUrl('Not A Slug'), { status: 'skipped' }, auth(coach)), 400, 'sessionId');
    });

    it('answers 404 for an unknown session or programme, 403 to the parent, 404 to outsiders, 401 anonymously', async () => {
      const body = { status: 'done', durationMin: 60, rpe: 5 };
      expectProblem(await t.http.post(logUrl('w99-s1'), body, auth(coach)), 404);
      expectProblem(await t.http.post(logUrl('w1-s1', '65a1b2c3d4e5f60718293a4b'), body, auth(coach)), 404);
      expectProblem(await t.http.post(logUrl(sessions[4].id), body, auth(parent)), 403);
      expectProblem(await t.http.post(logUrl(sessions[4].id), body, auth(otherCoach)), 404);
      expectProblem(await t.http.post(logUrl(sessions[4].id), body), 401);
    });
  });

  describe('unplanned sessions, matches and the load report', () => {
    let seededId: string;
    const logsUrl = (id: string) => `/api/v1/players/${id}/training-logs`;
    const loadUrl = (id: string, query: Record<string, string> = {}) =>
      `/api/v1/players/${id}/load?${new URLSearchParams(query).toString()}`;

    beforeAll(async () => {
      seededId = await createPlayer('History');
      // Skipped sessions carry no load and none opens the history, so the done ones give the same figures.
      for (const entry of LOAD_FIXTURE_ENTRIES.filter((e) => e.status === 'done')) {
        const res = await t.http.post(
          logsUrl(seededId),
          { date: entry.date, kind: entry.kind, durationMin: entry.durationMin, rpe: entry.rpe },
          auth(coach),
        );
        if (res.status !== 201) throw new Error(res.text);
      }
    });

    it('reports the seeded history with the known ACWR, monotony and warnings', async () => {
      const res = await t.http.get(loadUrl(seededId, { ...LOAD_FIXTURE_QUERY }), auth(coach));
      expect(res.status).toBe(200);
      expect(res.body.current).toMatchObject(LOAD_FIXTURE_EXPECTED.current);
      expect(res.body.warnings).toEqual(
        LOAD_FIXTURE_EXPECTED.warnings.map((w) => expect.objectContaining({ ...w, message: expect.any(String) })),
      );
      expect(res.body.weekly.map((w: { load: number }) => w.load)).toEqual(LOAD_FIXTURE_EXPECTED.weeklyLoads);
      expect(res.body.daily).toHaveLength(41);
      expect(res.body.daily[0]).toMatchObject({ date: '2025-01-27', load: 375, sessions: 1, acwr: null });
      expect(res.body.thresholds).toMatchObject({
        acwrHigh: 1.5,
        acwrLow: 0.8,
        monotonyHigh: 2,
        weeklyIncreasePct: 15,
      });
      expect(res.body.references.join(' ')).toMatch(/Williams.*2017/);
    });

    it('has no external load without activities, and marks the logged matches as match days', async () => {
      const res = await t.http.get(loadUrl(seededId, { ...LOAD_FIXTURE_QUERY }), auth(coach));
      expect(res.status).toBe(200);
      const { external } = res.body;
      expect(external.hasData).toBe(false);
      expect(external.daily).toHaveLength(41);
      const nothing = { total: 0, acute: 0, chronic: 0, acwr: null };
      for (const day of external.daily) {
        expect(day).toMatchObject({
          activities: 0,
          baselineEstablished: false,
          distanceM: nothing,
          accelerations: nothing,
        });
      }
      expect(external.weekly.map((w: { weekStart: string }) => w.weekStart)).toEqual(
        res.body.weekly.map((w: { weekStart: string }) => w.weekStart),
      );
      expect(external.weekly.every((w: { complete: boolean }) => !w.complete)).toBe(true);
      expect(external.current).toMatchObject({
        date: '2025-03-08',
        historyStart: null,
        historyDays: 0,
        baselineDate: null,
        highSpeedRunningM: { ...nothing, last7Days: 0, previous7Days: null, changePct: null },
      });
      expect(external.warnings).toEqual([]);
      const matches = LOAD_FIXTURE_ENTRIES.filter((e) => e.kind === 'match').map((e) => e.date);
      expect(matches).toHaveLength(5);
      expect(res.body.matchDays).toEqual(matches);
      // The session-RPE figures are the ones the seeded history always had.
      expect(res.body.current).toMatchObject(LOAD_FIXTURE_EXPECTED.current);
    });

    it('marks the day of a match logged with its session RPE, and only within the window', async () => {
      const fresh = await createPlayer('Matchday');
      for (const body of [
        { date: daysFromNow(-10), kind: 'match', durationMin: 90, rpe: 8 },
        { date: daysFromNow(-3), kind: 'training', durationMin: 60, rpe: 5 },
        { date: daysFromNow(-2), kind: 'match', durationMin: 75, rpe: 7 },
      ]) {
        expect((await t.http.post(logsUrl(fresh), body, auth(coach))).status).toBe(201);
      }
      const report = await t.http.get(loadUrl(fresh), auth(coach));
      expect(report.status).toBe(200);
      expect(report.body.matchDays).toEqual([daysFromNow(-10), daysFromNow(-2)]);
      expect(report.body.external.hasData).toBe(false);
      const lastWeek = await t.http.get(loadUrl(fresh, { from: daysFromNow(-6) }), auth(coach));
      expect(lastWeek.body.matchDays).toEqual([daysFromNow(-2)]);
    });

    it('documents the external block and match days in the OpenAPI document', async () => {
      const { components } = (await t.http.get('/docs-json')).body;
      const report = components.schemas.LoadReportDto;
      expect(report.required).toEqual(expect.arrayContaining(['external', 'matchDays']));
      expect(report.properties.matchDays).toMatchObject({ type: 'array', items: { type: 'string', format: 'date' } });
      const external = components.schemas.ExternalLoadDto;
      expect(Object.keys(external.properties).sort()).toEqual(['current', 'daily', 'hasData', 'warnings', 'weekly']);
      const warning = components.schemas.ExternalLoadWarningDto.properties;
      expect(warning.metric.enum).toEqual(['distanceM', 'highSpeedRunningM', 'sprintDistanceM', 'accelerations']);
      expect(warning.code.enum).toEqual(['acwr-high', 'acwr-low', 'load-spike']);
      expect(components.schemas.ExternalMetricDayDto.properties.acwr).toMatchObject({ nullable: true });
    });

    it('warns of a low ratio after the light week, and not at all before the baseline exists', async () => {
      const light = await t.http.get(loadUrl(seededId, { to: '2025-03-02' }), auth(coach));
      expect(light.body.current.acwr).toBe(0.38);
      expect(light.body.warnings.map((w: { code: string }) => w.code)).toContain('acwr-low');
      const early = await t.http.get(loadUrl(seededId, { to: '2025-02-10' }), auth(coach));
      expect(early.body.current).toMatchObject({ baselineEstablished: false, acwr: null, baselineDate: '2025-02-23' });
      expect(early.body.warnings.map((w: { code: string }) => w.code)).not.toContain('acwr-high');
      expect(early.body.from).toBe('2025-01-14');
    });

    it('lists the logs newest first within a date range', async () => {
      const res = await t.http.get(`${logsUrl(seededId)}?from=2025-03-01&to=2025-03-08&limit=3`, auth(coach));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 8, page: 1, limit: 3 });
      expect(res.body.items[0]).toMatchObject({ date: '2025-03-08', kind: 'match', load: 810 });
    });

    it('shows the report and logs to everyone who sees the player; 404 to outsiders; 401 anonymously', async () => {
      for (const who of [coach, admin, parent, playerAccount]) {
        expect((await t.http.get(loadUrl(playerId), auth(who))).status).toBe(200);
        expect((await t.http.get(logsUrl(playerId), auth(who))).status).toBe(200);
      }
      expectProblem(await t.http.get(loadUrl(playerId), auth(otherCoach)), 404);
      expectProblem(await t.http.get(logsUrl(playerId), auth(otherCoach)), 404);
      expectProblem(await t.http.get(loadUrl(playerId)), 401);
      expectProblem(await t.http.get(loadUrl('65a1b2c3d4e5f60718293a4b'), auth(admin)), 404);
    });

    it('answers 400 for malformed dates and unknown parameters, 422 for impossible ranges', async () => {
      expectProblem(
        await t.http.get(loadUrl(seededId, { from: '2025-03-08', to: '2025-03-01' }), auth(coach)),
        422,
        'from',
      );
      expectProblem(
        await t.http.get(loadUrl(seededId, { from: '2023-01-01', to: '2025-03-01' }), auth(coach)),
        422,
        'from',
      );
      expectProblem(await t.http.get(loadUrl(seededId, { to: '2025-02-30' }), auth(coach)), 400, 'to');
      expectProblem(await t.http.get(loadUrl(seededId, { window: '7' }), auth(coach)), 400, 'window');
      expectProblem(await t.http.get(`${logsUrl(seededId)}?from=2025-03-08&to=2025-03-01`, auth(coach)), 422, 'from');
    });

    it('accepts logs from an admin and from the player’s coach', async () => {
      const body = { date: daysFromNow(-2), kind: 'training', durationMin: 40, rpe: 4 };
      for (const who of [admin, coach]) {
        const res = await t.http.post(logsUrl(playerId), body, auth(who));
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ load: 160, loggedBy: who.id });
      }
    });

    it('accepts logs from the player, not from the parent; answers 400 or 422 naming bad fields', async () => {
      const body = { date: daysFromNow(-1), kind: 'match', durationMin: 60, rpe: 7 };
      expect((await t.http.post(logsUrl(playerId), body, auth(playerAccount))).body).toMatchObject({
        load: 420,
        kind: 'match',
      });
      expectProblem(await t.http.post(logsUrl(playerId), body, auth(parent)), 403);
      expectProblem(await t.http.post(logsUrl(playerId), body, auth(otherCoach)), 404);
      expectProblem(await t.http.post(logsUrl(playerId), { ...body, kind: 'friendly' }, auth(coach)), 400, 'kind');
      expectProblem(await t.http.post(logsUrl(playerId), { ...body, date: daysFromNow(1) }, auth(coach)), 422, 'date');
      expectProblem(await t.http.post(logsUrl(playerId), { ...body, rpe: -1 }, auth(coach)), 400, 'rpe');
      expectProblem(await t.http.post(logsUrl(playerId), { ...body, rpe: '7' }, auth(coach)), 400, 'rpe');
      const { durationMin: _omitted, ...missing } = body;
      expectProblem(await t.http.post(logsUrl(playerId), missing, auth(coach)), 400, 'durationMin');
    });
  });

  it('removes a player’s logs with the player', async () => {
    const doomed = await createPlayer('Gone');
    const log = await t.http.post(
      `/api/v1/players/${doomed}/training-logs`,
      { date: daysFromNow(-1), kind: 'training', durationMin: 30, rpe: 3 },
      auth(coach),
    );
    expect((await t.http.delete(`/api/v1/players/${doomed}`, auth(coach))).status).toBe(204);
    expectProblem(await t.http.delete(`/api/v1/training-logs/${log.body.id}`, auth(admin)), 404);
  });
});
