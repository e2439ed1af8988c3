import { staticDrills } from '../src/drills/static';
import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { drillInput, uploadDrills } from './harness/drills';
import { startTestApp, TestApp } from './harness/test-app';
import { expectProblem } from './harness/problems';
import { daysFromNow, yearsAgo } from './harness/dates';

const library = new Map(staticDrills().map((d) => [d.id, d]));

/* eslint-disable @typescript-eslint/no-explicit-any -- programme bodies are JSON; the tests assert their shape */
const sessionsOf = (program: any): any[] => program.weeks.flatMap((w: any) => w.sessions);
const drillsOf = (program: any): any[] =>
  sessionsOf(program).flatMap((s: any) => s.blocks.flatMap((b: any) => b.drills));

describe('training programmes', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;
  let otherCoach: TestAccount;
  let parent: TestAccount;
  let otherParent: TestAccount;
  let playerAccount: TestAccount;
  let playerId: string;

  const auth = (a: TestAccount) => ({ token: a.accessToken });
  const programsUrl = (id = playerId) => `/api/v1/players/${id}/programs`;
  const request = {
    weeks: 8,
    sessionsPerWeek: 3,
    availableDays: ['mon', 'wed', 'thu', 'sat'],
    startDate: daysFromNow(3),
    seed: 1234,
  };

  async function createPlayer(overrides: Record<string, unknown> = {}, assessed = true): Promise<string> {
    const res = await t.http.post(
      '/api/v1/players',
      {
        firstName: 'Lina',
        lastName: 'Test',
        dateOfBirth: yearsAgo(14),
        sex: 'female',
        position: 'midfielder',
        level: 'academy',
        dominantFoot: 'right',
        ...overrides,
      },
      auth(coach),
    );
    if (res.status !== 201) throw new Error(res.text);
    if (assessed) {
      const assessment = await t.http.post(
        `/api/v1/players/${res.body.id}/assessments`,
        {
          date: daysFromNow(-10),
          tests: { sprint10mS: 2.1 },
          ratings: { dribbling: 3, passing: 8, shooting: 4, tactical: 6 },
        },
        auth(coach),
      );
      if (assessment.status !== 201) throw new Error(assessment.text);
    }
    return res.body.id;
  }

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
    playerId = await createPlayer();
    await t.http.post(`/api/v1/players/${playerId}/guardians`, { email: parent.email }, auth(coach));
    await t.http.put(`/api/v1/players/${playerId}/account`, { email: playerAccount.email }, auth(coach));
  });
  afterAll(() => t.close());

  describe('generation', () => {
    let program: any;

    it('builds, checks and stores a programme aimed at the weakest areas', async () => {
      const res = await t.http.post(programsUrl(), request, auth(coach));
      expect(res.status).toBe(201);
      program = res.body;
      expect(program).toMatchObject({
        id: expect.any(String),
        playerId,
        kind: 'standard',
        startDate: request.startDate,
        weekCount: 8,
        sessionsPerWeek: 3,
        seed: 1234,
        ageYears: expect.any(Number),
        drillSource: 'static',
        safety: { passed: true },
        createdBy: coach.id,
      });
      expect(program.safety.checks.map((c: any) => c.rule)).toEqual(
        expect.arrayContaining([
          'age-eligibility',
          'weekly-volume',
          'recovery',
          'progression',
          'injury',
          'youth-strength',
          'structure',
          'drill-source',
        ]),
      );
      expect(program.safety.checks.every((c: any) => c.passed && c.reference.length > 10)).toBe(true);
      expect(program.weeks).toHaveLength(8);
      expect(program.weeks[3]).toMatchObject({ index: 4, deload: true });
      const session = program.weeks[0].sessions[0];
      expect(session).toMatchObject({
        id: 'w1-s1',
        type: expect.any(String),
        intensity: expect.stringMatching(/^(low|moderate|high|max)$/),
        plannedLoad: session.plannedDurationMin * session.targetRpe,
      });
      expect(session.blocks[0].kind).toBe('warm-up');
      expect(session.blocks.at(-1).kind).toBe('cool-down');
      expect(session.blocks[0].drills[0]).toEqual({
        drillId: expect.any(String),
        name: expect.any(String),
        category: expect.any(String),
        intensity: expect.any(String),
        minutes: expect.any(Number),
        reason: expect.any(String),
      });
      // The weakest rating (dribbling 3/10) drives the main parts.
      expect(drillsOf(program).some((d) => /dribbling, one of the weakest areas/.test(d.reason))).toBe(true);
      // A 14-year-old girl gets ACL-prevention work every week.
      for (const week of program.weeks) {
        const ids = week.sessions.flatMap((s: any) =>
          s.blocks.flatMap((b: any) => b.drills.map((d: any) => d.drillId)),
        );
        expect(ids.some((id: string) => library.get(id)?.tags.includes('acl-prevention'))).toBe(true);
      }
    });

    it('is deterministic: the same request and seed give the same programme', async () => {
      const again = await t.http.post(programsUrl(), request, auth(admin));
      expect(again.status).toBe(201);
      expect(again.body.weeks).toEqual(program.weeks);
      const other = await t.http.post(programsUrl(), { ...request, seed: 99 }, auth(coach));
      expect(drillsOf(other.body).map((d) => d.drillId)).not.toEqual(drillsOf(program).map((d) => d.drillId));
      const unseeded = await t.http.post(programsUrl(), { ...request, seed: undefined }, auth(coach));
      expect(unseeded.body.seed).toEqual(expect.any(Number));
    });

    it('uses the requested focus instead of the assessment', async () => {
      const res = await t.http.post(programsUrl(), { ...request, focus: ['shooting'] }, auth(coach));
      expect(res.status).toBe(201);
      expect(res.body.focus).toEqual(['shooting']);
      expect(drillsOf(res.body).some((d) => d.reason === 'Requested focus: shooting')).toBe(true);
    });

    it('answers 422 with a clear message when the player has no assessment', async () => {
      const unassessed = await createPlayer({ firstName: 'New' }, false);
      const res = await t.http.post(programsUrl(unassessed), request, auth(coach));
      expectProblem(res, 422);
      expect(res.body.type).toBe('/problems/assessment-required');
      expect(res.body.detail).toMatch(/no assessment yet/);
    });

    it('keeps an injured player off the injured region, at moderate intensity at most', async () => {
      const injured = await createPlayer({ firstName: 'Injured', sex: 'male' });
      const injury = await t.http.put(
        `/api/v1/players/${injured}/injury`,
        { status: 'injured', bodyRegions: ['hamstring', 'groin'] },
        auth(coach),
      );
      expect(injury.status).toBe(200);
      const res = await t.http.post(programsUrl(injured), request, auth(coach));
      expect(res.status).toBe(201);
      for (const drill of drillsOf(res.body)) {
        expect(library.get(drill.drillId)!.bodyRegions).not.toEqual(expect.arrayContaining(['hamstring']));
        expect(library.get(drill.drillId)!.bodyRegions).not.toEqual(expect.arrayContaining(['groin']));
        expect(['low', 'moderate']).toContain(drill.intensity);
      }
      expect(sessionsOf(res.body).every((s) => s.intensity === 'moderate')).toBe(true);
    });

    it('answers 422 saying what is missing and what to change when nothing safe remains for an injury', async () => {
      const everywhere = await createPlayer({ firstName: 'Everywhere', sex: 'male' });
      const all = ['ankle', 'foot', 'calf', 'knee', 'hamstring', 'quadriceps', 'groin', 'hip', 'lower-back'];
      await t.http.put(
        `/api/v1/players/${everywhere}/injury`,
        { status: 'injured', bodyRegions: [...all, 'shoulder', 'wrist-hand', 'head-neck'] },
        auth(coach),
      );
      const res = await t.http.post(programsUrl(everywhere), request, auth(coach));
      expectProblem(res, 422);
      expect(res.body.detail).toMatch(
        /Nothing safe remains.*no warm-up.*injured regions.*An admin can add such a drill/,
      );
      expect(res.body.detail).toMatch(/PUT \/players\/:id\/injury/);
    });

    it('plans around a lower-body injury with seated and lying work', async () => {
      const legs = await createPlayer({ firstName: 'Legs', sex: 'male' });
      const regions = ['ankle', 'foot', 'knee', 'hip', 'calf', 'hamstring', 'lower-back'];
      await t.http.put(`/api/v1/players/${legs}/injury`, { status: 'injured', bodyRegions: regions }, auth(coach));
      const res = await t.http.post(programsUrl(legs), request, auth(coach));
      expect(res.status).toBe(201);
      for (const drill of drillsOf(res.body)) {
        expect(library.get(drill.drillId)!.bodyRegions.filter((r) => regions.includes(r))).toEqual([]);
      }
    });

    describe('injury protection before ACL prevention', () => {
      const aclDrills = (program: any) =>
        drillsOf(program).filter((d) => library.get(d.drillId)!.tags.includes('acl-prevention'));
      let girl: string;

      beforeAll(async () => {
        girl = await createPlayer({ firstName: 'Maya', sex: 'female', dateOfBirth: yearsAgo(13), level: 'grassroots' });
      });

      it('a 13-year-old girl injured at the knee and hamstring gets a programme without ACL work loading them, and a note', async () => {
        const injury = await t.http.put(
          `/api/v1/players/${girl}/injury`,
          { status: 'injured', bodyRegions: ['knee', 'hamstring'] },
          auth(coach),
        );
        expect(injury.status).toBe(200);
        const res = await t.http.post(programsUrl(girl), request, auth(coach));
        expect(res.status).toBe(201);
        expect(res.body.ageYears).toBe(13);
        for (const drill of drillsOf(res.body)) {
          expect(library.get(drill.drillId)!.bodyRegions).not.toContain('knee');
          expect(library.get(drill.drillId)!.bodyRegions).not.toContain('hamstring');
        }
        expect(aclDrills(res.body)).toEqual([]);
        expect(res.body.adjustments).toEqual([
          {
            code: 'acl-prevention-paused',
            message: expect.stringMatching(/ACL-prevention work is left out while the player is injured/),
            bodyRegions: ['knee', 'hamstring'],
          },
        ]);
        expect(res.body.safety).toMatchObject({ passed: true });
        // The note is stored with the programme and shown in the player's list.
        const stored = await t.http.get(`/api/v1/programs/${res.body.id}`, auth(coach));
        expect(stored.body.adjustments).toEqual(res.body.adjustments);
        const list = await t.http.get(programsUrl(girl), auth(coach));
        expect(list.body.items[0].adjustments).toEqual(res.body.adjustments);
      });

      it('once the injury is cleared, her next programme has ACL-prevention work every week again', async () => {
        const cleared = await t.http.put(
          `/api/v1/players/${girl}/injury`,
          { status: 'fit', bodyRegions: [] },
          auth(coach),
        );
        expect(cleared.status).toBe(200);
        const res = await t.http.post(programsUrl(girl), request, auth(coach));
        expect(res.status).toBe(201);
        expect(res.body.adjustments).toEqual([]);
        for (const week of res.body.weeks) {
          expect(aclDrills({ weeks: [week] }).length).toBeGreaterThan(0);
        }
      });
    });

    it('grades a returning player: no high intensity in the first two weeks', async () => {
      const returning = await createPlayer({ firstName: 'Back', sex: 'male', dateOfBirth: yearsAgo(20) });
      await t.http.put(
        `/api/v1/players/${returning}/injury`,
        { status: 'returning', bodyRegions: ['knee'] },
        auth(coach),
      );
      const res = await t.http.post(programsUrl(returning), request, auth(coach));
      expect(res.status).toBe(201);
      const intensities = res.body.weeks.map((w: any) => w.sessions.map((s: any) => s.intensity));
      expect(intensities[0]).not.toContain('high');
      expect(intensities[1]).not.toContain('high');
      expect(intensities.flat()).toContain('high');
    });

    it('refuses players under 6 or over 60 with 422', async () => {
      const young = await createPlayer({ firstName: 'Tiny', dateOfBirth: yearsAgo(5) });
      const res = await t.http.post(programsUrl(young), request, auth(coach));
      expectProblem(res, 422);
      expect(res.body.detail).toMatch(/aged 6 to 60; this player is 5/);
      const veteran = await createPlayer({ firstName: 'Vet', dateOfBirth: yearsAgo(62) });
      expectProblem(await t.http.post(programsUrl(veteran), request, auth(coach)), 422);
    });

    it('refuses more sessions than an under-12 may have (two rest days) with 422', async () => {
      const child = await createPlayer({ firstName: 'Kid', dateOfBirth: yearsAgo(10) });
      const res = await t.http.post(
        programsUrl(child),
        { ...request, sessionsPerWeek: 6, availableDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
        auth(coach),
      );
      expectProblem(res, 422);
      expect(res.body.detail).toMatch(/2 full rest days a week/);
    });

    it('answers 400 naming the field for bad requests, 422 for a rule across fields', async () => {
      const bad = async (body: unknown, path: string, status = 400) =>
        expectProblem(await t.http.post(programsUrl(), body, auth(coach)), status, path);
      await bad({ ...request, weeks: 0 }, 'weeks');
      await bad({ ...request, weeks: 17 }, 'weeks');
      await bad({ ...request, weeks: 2.5 }, 'weeks');
      await bad({ ...request, sessionsPerWeek: 7 }, 'sessionsPerWeek');
      await bad({ ...request, sessionsPerWeek: 4, availableDays: ['mon', 'tue'] }, 'sessionsPerWeek', 422);
      await bad({ ...request, availableDays: [] }, 'availableDays');
      await bad({ ...request, availableDays: ['monday'] }, 'availableDays');
      await bad({ ...request, availableDays: ['mon', 'mon', 'tue'] }, 'availableDays');
      await bad({ ...request, startDate: '2026-02-30' }, 'startDate');
      await bad({ ...request, focus: ['juggling'] }, 'focus');
      await bad({ ...request, seed: -1 }, 'seed');
      await bad({ ...request, seed: { $gt: 0 } }, 'seed');
      await bad({ ...request, extra: true }, 'extra');
      const { weeks: _omitted, ...missing } = request;
      await bad(missing, 'weeks');
    });

    it('answers 403 to the parent and the player, 404 to outsiders and unknown players, 401 anonymously', async () => {
      expectProblem(await t.http.post(programsUrl(), request, auth(parent)), 403);
      expectProblem(await t.http.post(programsUrl(), request, auth(playerAccount)), 403);
      expectProblem(await t.http.post(programsUrl(), request, auth(otherCoach)), 404);
      expectProblem(await t.http.post(programsUrl(), request, auth(otherParent)), 404);
      expectProblem(await t.http.post(programsUrl('65a1b2c3d4e5f60718293a4b'), request, auth(admin)), 404);
      expectProblem(await t.http.post(programsUrl('not-an-id'), request, auth(admin)), 400);
      expectProblem(await t.http.post(programsUrl(), request), 401);
    });
  });

  describe('retrieval and deletion', () => {
    let programId: string;

    beforeAll(async () => {
      programId = (await t.http.post(programsUrl(), request, auth(coach))).body.id;
    });

    it('lists a player’s programmes newest first, without their weeks, for everyone who sees the player', async () => {
      for (const who of [coach, admin, parent, playerAccount]) {
        const res = await t.http.get(`${programsUrl()}?limit=2`, auth(who));
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ page: 1, limit: 2, total: expect.any(Number) });
        expect(res.body.total).toBeGreaterThanOrEqual(5);
        expect(res.body.items).toHaveLength(2);
        expect(res.body.items[0]).toMatchObject({ id: programId, weekCount: 8, safety: { passed: true } });
        expect(res.body.items[0].weeks).toBeUndefined();
      }
      expectProblem(await t.http.get(programsUrl(), auth(otherCoach)), 404);
      expectProblem(await t.http.get(programsUrl(), auth(otherParent)), 404);
      expectProblem(await t.http.get(programsUrl()), 401);
      expectProblem(await t.http.get(`${programsUrl()}?limit=101`, auth(coach)), 400, 'limit');
    });

    it('shows one programme to the coach, admin, guardian and player; 404 to anyone else', async () => {
      for (const who of [coach, admin, parent, playerAccount]) {
        const res = await t.http.get(`/api/v1/programs/${programId}`, auth(who));
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: programId, playerId, weeks: expect.any(Array) });
      }
      expectProblem(await t.http.get(`/api/v1/programs/${programId}`, auth(otherCoach)), 404);
      expectProblem(await t.http.get(`/api/v1/programs/${programId}`, auth(otherParent)), 404);
      expectProblem(await t.http.get('/api/v1/programs/65a1b2c3d4e5f60718293a4b', auth(admin)), 404);
      expectProblem(await t.http.get('/api/v1/programs/nope', auth(admin)), 400);
      expectProblem(await t.http.get(`/api/v1/programs/${programId}`), 401);
    });

    it('lets only the coach or an admin delete it', async () => {
      expectProblem(await t.http.delete(`/api/v1/programs/${programId}`, auth(parent)), 403);
      expectProblem(await t.http.delete(`/api/v1/programs/${programId}`, auth(playerAccount)), 403);
      expectProblem(await t.http.delete(`/api/v1/programs/${programId}`, auth(otherCoach)), 404);
      expectProblem(await t.http.delete(`/api/v1/programs/${programId}`), 401);
      expect((await t.http.delete(`/api/v1/programs/${programId}`, auth(coach))).status).toBe(204);
      expectProblem(await t.http.get(`/api/v1/programs/${programId}`, auth(coach)), 404);
      expectProblem(await t.http.delete(`/api/v1/programs/${programId}`, auth(admin)), 404);
    });

    it('lets an admin delete any player’s programme', async () => {
      const other = (await t.http.post(programsUrl(), request, auth(coach))).body.id;
      expect((await t.http.delete(`/api/v1/programs/${other}`, auth(admin))).status).toBe(204);
      expectProblem(await t.http.get(`/api/v1/programs/${other}`, auth(admin)), 404);
    });
  });

  describe('drill source', () => {
    it('builds from an uploaded drill set as soon as it is active (DrillProvider, database first)', async () => {
      const uploaded = [
        drillInput(1, {
          id: 'up-warm-up',
          category: 'warm-up',
          durationMin: 15,
          minAge: 6,
          maxAge: 60,
          tags: ['acl-prevention'],
        }),
        drillInput(2, {
          id: 'up-acl',
          category: 'injury-prevention',
          durationMin: 10,
          minAge: 6,
          maxAge: 60,
          tags: ['acl-prevention'],
        }),
        drillInput(3, { id: 'up-passing', category: 'passing', durationMin: 20, minAge: 6, maxAge: 60 }),
        drillInput(4, {
          id: 'up-game',
          category: 'tactical',
          durationMin: 25,
          minAge: 6,
          maxAge: 60,
          intensity: 'high',
        }),
        drillInput(5, {
          id: 'up-cool-down',
          category: 'cool-down',
          durationMin: 10,
          minAge: 6,
          maxAge: 60,
          intensity: 'low',
        }),
      ];
      const upload = await uploadDrills(t.http, admin.accessToken, uploaded);
      expect(upload.status).toBe(201);
      const res = await t.http.post(programsUrl(), request, auth(coach));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ drillSource: 'database', drillVersion: upload.body.version });
      const ids = new Set(drillsOf(res.body).map((d) => d.drillId));
      expect([...ids].every((id) => id.startsWith('up-'))).toBe(true);
      expect(ids).toContain('up-passing');
    });
  });

  it('removes a player’s programmes with the player', async () => {
    const doomed = await createPlayer({ firstName: 'Gone' });
    const created = await t.http.post(programsUrl(doomed), request, auth(coach));
    expect(created.status).toBe(201);
    expect((await t.http.delete(`/api/v1/players/${doomed}`, auth(coach))).status).toBe(204);
    expectProblem(await t.http.get(`/api/v1/programs/${created.body.id}`, auth(admin)), 404);
  });
});
