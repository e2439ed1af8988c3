/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON; the tests assert their shape */
import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { meridianRunGpx } from './harness/activities';
import { daysAgo, daysFromNow, yearsAgo } from './harness/dates';
import { HttpResponse } from './harness/http-client';
import { addTeamCoach, createPlayer, createTeam, removeTeamCoach } from './harness/teams';
import { startTestApp, TestApp } from './harness/test-app';

/**
 * The access policy through team membership, for every module's routes on a player's data: a coach of the
 * player's team reads and manages exactly as a direct coach does, a coach of no team gets 404, and a coach
 * taken off the team gets 404 from the very next request. The route list is checked against the live
 * OpenAPI document, so a new route on a player's data cannot be left out of this suite.
 */

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path template the request exercises. */
  template: string;
  path: string;
  body?: unknown;
  /** Multipart upload (activities). */
  form?: () => FormData;
}

/** The records one player's data is made of, seeded by the player's own coach. */
interface Seeded {
  playerId: string;
  assessmentId: string;
  programId: string;
  sessionIds: string[];
  logId: string;
  activityId: string;
  otherActivityId: string;
  workoutId: string;
  entryId: string;
  setId: string;
}

/** Routes on a player's data that are deliberately left to their own suites, with the reason. */
const NOT_HERE: Record<string, string> = {
  'DELETE /api/v1/players/{id}': 'ends the player for everyone; team coaches deleting players is in teams.e2e-spec',
  'DELETE /api/v1/players/{id}/guardians/{userId}': 'needs a guardian; links are the players suite',
  'DELETE /api/v1/players/{id}/coaches/{userId}': 'needs a second direct coach; links are the players suite',
  'DELETE /api/v1/players/{id}/account': 'needs a linked account; links are the players suite',
  'POST /api/v1/players/{playerId}/activities/import': 'the same access check as the upload, covered there',
  'DELETE /api/v1/workouts/{id}/exercises/{entryId}/sets/{setId}': 'same check as the set PATCH beside it',
  'DELETE /api/v1/workouts/{id}/exercises/{entryId}': 'same check as the exercise PATCH beside it',
  'DELETE /api/v1/activities/{id}/sections/{sectionId}': 'needs a section id; same check as adding one',
};

const RECORD_PREFIXES =
  /^\/api\/v1\/(players\/\{|workouts\/\{|activities\/\{|assessments\/\{|programs\/\{|training-logs\/\{)/;

function runGpx(daysBack: number, speedMps: number): string {
  const start = new Date(`${daysAgo(daysBack)}T07:00:00Z`);
  return meridianRunGpx({ start, speedMps, seconds: 600 });
}

function gpxForm(gpx: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([gpx], { type: 'application/gpx+xml' }), 'run.gpx');
  return form;
}

describe('team access across modules (e2e)', () => {
  let t: TestApp;
  let owner: TestAccount;
  let teamCoach: TestAccount;
  let stranger: TestAccount;
  let parent: TestAccount;
  let playerAccount: TestAccount;
  let teamId: string;
  let documented: string[];
  let garminCounter = 0;

  const auth = (who: TestAccount) => ({ token: who.accessToken });

  function send(who: TestAccount, route: Route): Promise<HttpResponse> {
    if (route.form) return t.http.post(route.path, undefined, { token: who.accessToken, form: route.form() });
    return t.http.request(route.method, route.path, route.body, auth(who));
  }

  async function expectCreated(res: HttpResponse, what: string) {
    if (res.status !== 201 && res.status !== 200) throw new Error(`${what}: ${res.status} ${res.text}`);
    return res.body;
  }

  /** One elite player, 17, with something in every module, all made by the owner coach. */
  async function seed(): Promise<Seeded> {
    const playerId = await createPlayer(t.http, owner, {
      level: 'elite',
      dateOfBirth: yearsAgo(17),
      position: 'forward',
    });
    const base = `/api/v1/players/${playerId}`;
    const assessment = await expectCreated(
      await t.http.post(
        `${base}/assessments`,
        {
          date: daysAgo(30),
          heightCm: 175,
          weightKg: 66,
          tests: { sprint10mS: 1.8, cmjCm: 38 },
          ratings: { passing: 6 },
        },
        auth(owner),
      ),
      'assessment',
    );
    const program = await expectCreated(
      await t.http.post(
        `${base}/programs`,
        { weeks: 2, sessionsPerWeek: 2, availableDays: ['tue', 'thu'], startDate: daysAgo(7), seed: 7 },
        auth(owner),
      ),
      'programme',
    );
    const log = await expectCreated(
      await t.http.post(
        `${base}/training-logs`,
        { date: daysAgo(2), kind: 'match', durationMin: 60, rpe: 7 },
        auth(owner),
      ),
      'log',
    );
    const activity = await expectCreated(
      await t.http.post(base + '/activities', undefined, { token: owner.accessToken, form: gpxForm(runGpx(3, 4)) }),
      'activity',
    );
    const other = await expectCreated(
      await t.http.post(base + '/activities', undefined, { token: owner.accessToken, form: gpxForm(runGpx(4, 3)) }),
      'second activity',
    );
    const workout = await expectCreated(
      await t.http.post(
        `${base}/workouts`,
        {
          date: daysAgo(0),
          name: 'Strength',
          status: 'in-progress',
          exercises: [{ exerciseId: 'back-squat', sets: [{ reps: 5, weightKg: 60 }] }],
        },
        auth(owner),
      ),
      'workout',
    );
    await expectCreated(
      await t.http.put(
        `${base}/devices/garmin`,
        { garminUserId: `team-access-${++garminCounter}-${playerId}` },
        auth(owner),
      ),
      'garmin link',
    );
    return {
      playerId,
      assessmentId: assessment.id,
      programId: program.id,
      sessionIds: program.weeks.flatMap((w: any) => w.sessions.map((s: any) => s.id)),
      logId: log.id,
      activityId: activity.id,
      otherActivityId: other.id,
      workoutId: workout.id,
      entryId: workout.exercises[0].entryId,
      setId: workout.exercises[0].sets[0].setId,
    };
  }

  /** Every read of the player's data. */
  function reads(s: Seeded): Route[] {
    const p = `/api/v1/players/${s.playerId}`;
    const get = (template: string, path: string): Route => ({ method: 'GET', template, path });
    return [
      get('/api/v1/players/{id}', p),
      get('/api/v1/players/{playerId}/workouts', `${p}/workouts`),
      get('/api/v1/players/{playerId}/workout-stats', `${p}/workout-stats`),
      get('/api/v1/players/{playerId}/exercises/{exerciseId}/history', `${p}/exercises/back-squat/history`),
      get('/api/v1/players/{playerId}/activities', `${p}/activities`),
      get('/api/v1/players/{playerId}/vo2-tests', `${p}/vo2-tests`),
      get('/api/v1/players/{playerId}/assessments', `${p}/assessments`),
      get('/api/v1/players/{playerId}/progress', `${p}/progress?metric=sprint10mS`),
      get('/api/v1/players/{playerId}/progress/overview', `${p}/progress/overview`),
      get('/api/v1/players/{playerId}/programs', `${p}/programs`),
      get('/api/v1/players/{playerId}/training-logs', `${p}/training-logs`),
      get('/api/v1/players/{playerId}/load', `${p}/load`),
      get('/api/v1/players/{playerId}/devices/garmin', `${p}/devices/garmin`),
      get('/api/v1/players/{playerId}/dashboard', `${p}/dashboard`),
      get('/api/v1/players/{playerId}/calendar', `${p}/calendar`),
      get('/api/v1/assessments/{id}', `/api/v1/assessments/${s.assessmentId}`),
      get('/api/v1/assessments/{id}/summary', `/api/v1/assessments/${s.assessmentId}/summary`),
      get('/api/v1/programs/{id}', `/api/v1/programs/${s.programId}`),
      get('/api/v1/workouts/{id}', `/api/v1/workouts/${s.workoutId}`),
      get('/api/v1/activities/{id}', `/api/v1/activities/${s.activityId}`),
      get('/api/v1/activities/{id}/file', `/api/v1/activities/${s.activityId}/file`),
      get('/api/v1/activities/{id}/gpx', `/api/v1/activities/${s.activityId}/gpx`),
      get('/api/v1/activities/{id}/geojson', `/api/v1/activities/${s.activityId}/geojson`),
      get('/api/v1/activities/{id}/streams', `/api/v1/activities/${s.activityId}/streams`),
      get(
        '/api/v1/activities/{id}/compare/{otherId}',
        `/api/v1/activities/${s.activityId}/compare/${s.otherActivityId}`,
      ),
    ];
  }

  /** Every change to the player's data, in an order that leaves each one valid (deletions last). */
  function writes(s: Seeded): Route[] {
    const p = `/api/v1/players/${s.playerId}`;
    const w = `/api/v1/workouts/${s.workoutId}`;
    const a = `/api/v1/activities/${s.activityId}`;
    return [
      { method: 'PATCH', template: '/api/v1/players/{id}', path: p, body: { heightCm: 176 } },
      {
        method: 'PUT',
        template: '/api/v1/players/{id}/injury',
        path: `${p}/injury`,
        body: { status: 'fit', bodyRegions: [] },
      },
      {
        method: 'POST',
        template: '/api/v1/players/{id}/guardians',
        path: `${p}/guardians`,
        body: { email: parent.email },
      },
      { method: 'POST', template: '/api/v1/players/{id}/coaches', path: `${p}/coaches`, body: { email: owner.email } },
      {
        method: 'PUT',
        template: '/api/v1/players/{id}/account',
        path: `${p}/account`,
        body: { email: playerAccount.email },
      },
      {
        method: 'POST',
        template: '/api/v1/players/{playerId}/assessments',
        path: `${p}/assessments`,
        body: { date: daysAgo(10), ratings: { passing: 7 } },
      },
      {
        method: 'PATCH',
        template: '/api/v1/assessments/{id}',
        path: `/api/v1/assessments/${s.assessmentId}`,
        body: { notes: 'ok' },
      },
      {
        method: 'POST',
        template: '/api/v1/players/{playerId}/vo2-tests',
        path: `${p}/vo2-tests`,
        body: { protocol: 'cooper-12min', date: daysAgo(5), distanceM: 2900 },
      },
      {
        method: 'POST',
        template: '/api/v1/players/{playerId}/programs',
        path: `${p}/programs`,
        body: { weeks: 1, sessionsPerWeek: 2, availableDays: ['mon', 'wed'], startDate: daysFromNow(7), seed: 1 },
      },
      {
        method: 'POST',
        template: '/api/v1/players/{playerId}/elite-programs',
        path: `${p}/elite-programs`,
        body: {
          weeks: 1,
          sessionsPerWeek: 4,
          availableDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
          startDate: daysFromNow(14),
          seed: 2,
          fixtures: [{ date: daysFromNow(19), importance: 'normal' }],
        },
      },
      {
        method: 'POST',
        template: '/api/v1/programs/{id}/sessions/{sessionId}/log',
        path: `/api/v1/programs/${s.programId}/sessions/${s.sessionIds[0]}/log`,
        body: { status: 'skipped' },
      },
      {
        method: 'POST',
        template: '/api/v1/players/{playerId}/training-logs',
        path: `${p}/training-logs`,
        body: { date: daysAgo(1), kind: 'training', durationMin: 45, rpe: 5 },
      },
      {
        method: 'POST',
        template: '/api/v1/players/{playerId}/workouts',
        path: `${p}/workouts`,
        body: { date: daysAgo(0), name: 'Extra' },
      },
      { method: 'PATCH', template: '/api/v1/workouts/{id}', path: w, body: { notes: 'team coach' } },
      {
        method: 'PUT',
        template: '/api/v1/workouts/{id}/exercises/order',
        path: `${w}/exercises/order`,
        body: { entryIds: [s.entryId] },
      },
      {
        method: 'POST',
        template: '/api/v1/workouts/{id}/exercises',
        path: `${w}/exercises`,
        body: { exerciseId: 'plank' },
      },
      {
        method: 'PATCH',
        template: '/api/v1/workouts/{id}/exercises/{entryId}',
        path: `${w}/exercises/${s.entryId}`,
        body: { notes: 'depth' },
      },
      {
        method: 'POST',
        template: '/api/v1/workouts/{id}/exercises/{entryId}/sets',
        path: `${w}/exercises/${s.entryId}/sets`,
        body: { reps: 5, weightKg: 65 },
      },
      {
        method: 'PATCH',
        template: '/api/v1/workouts/{id}/exercises/{entryId}/sets/{setId}',
        path: `${w}/exercises/${s.entryId}/sets/${s.setId}`,
        body: { done: true },
      },
      {
        method: 'POST',
        template: '/api/v1/workouts/{id}/finish',
        path: `${w}/finish`,
        body: { durationMin: 50, sessionRpe: 6 },
      },
      { method: 'POST', template: '/api/v1/workouts/{id}/reopen', path: `${w}/reopen` },
      {
        method: 'POST',
        template: '/api/v1/workouts/{id}/template',
        path: `${w}/template`,
        body: { name: 'Squad strength' },
      },
      {
        method: 'PUT',
        template: '/api/v1/workouts/{id}',
        path: w,
        body: { date: daysAgo(0), name: 'Strength', status: 'in-progress' },
      },
      {
        method: 'POST',
        template: '/api/v1/players/{playerId}/activities',
        path: `${p}/activities`,
        form: () => gpxForm(runGpx(6, 3.5)),
      },
      { method: 'PATCH', template: '/api/v1/activities/{id}', path: a, body: { title: 'Tempo' } },
      {
        method: 'POST',
        template: '/api/v1/activities/{id}/sections',
        path: `${a}/sections`,
        body: { name: 'Middle', startS: 120, endS: 300 },
      },
      {
        method: 'PUT',
        template: '/api/v1/players/{playerId}/devices/garmin',
        path: `${p}/devices/garmin`,
        body: { garminUserId: `team-access-relink-${s.playerId}` },
      },
      { method: 'DELETE', template: '/api/v1/players/{playerId}/devices/garmin', path: `${p}/devices/garmin` },
      { method: 'DELETE', template: '/api/v1/training-logs/{id}', path: `/api/v1/training-logs/${s.logId}` },
      { method: 'DELETE', template: '/api/v1/activities/{id}', path: `/api/v1/activities/${s.otherActivityId}` },
      { method: 'DELETE', template: '/api/v1/workouts/{id}', path: w },
      { method: 'DELETE', template: '/api/v1/programs/{id}', path: `/api/v1/programs/${s.programId}` },
      { method: 'DELETE', template: '/api/v1/assessments/{id}', path: `/api/v1/assessments/${s.assessmentId}` },
    ];
  }

  let first: Seeded;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await loginAdmin(t.http);
    [owner, teamCoach, stranger, parent, playerAccount] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent'),
      createAccount(t.http, 'player'),
    ]);
    first = await seed();
    teamId = await createTeam(t.http, owner, [first.playerId]);
    await addTeamCoach(t.http, owner, teamId, teamCoach.email);
    const doc = await t.http.get('/docs-json');
    documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => t?.close());

  it("covers every documented route on a player's data", () => {
    const covered = new Set([...reads(first), ...writes(first)].map((r) => `${r.method} ${r.template}`));
    const onPlayerData = documented.filter((route) => RECORD_PREFIXES.test(route.split(' ')[1]));
    const missing = onPlayerData.filter((route) => !covered.has(route) && !(route in NOT_HERE));
    expect(missing).toEqual([]);
    // And every route listed here is a real one.
    expect([...covered].filter((route) => !documented.includes(route))).toEqual([]);
  });

  it('a coach of no team gets 404 from every read and every change', async () => {
    for (const route of [...reads(first), ...writes(first)]) {
      const res = await send(stranger, route);
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 404,
      });
    }
  });

  it("the team's coach reads every module's data of the squad player", async () => {
    for (const route of reads(first)) {
      const res = await send(teamCoach, route);
      expect({ route: route.template, status: res.status }).toEqual({ route: route.template, status: 200 });
    }
  });

  it('and makes every change a direct coach may make', async () => {
    for (const route of writes(first)) {
      const res = await send(teamCoach, route);
      // A 2xx: past the access check and done; anything else shows the answer.
      expect({ route: `${route.method} ${route.template}`, answer: res.status < 300 ? 'done' : res.text }).toEqual({
        route: `${route.method} ${route.template}`,
        answer: 'done',
      });
    }
    // The changes are there for the player's own coach to see.
    const player = await t.http.get(`/api/v1/players/${first.playerId}`, auth(owner));
    expect(player.body.heightCm).toBe(176);
    const programs = await t.http.get(`/api/v1/players/${first.playerId}/programs`, auth(owner));
    expect(programs.body.items.map((p: any) => p.kind).sort()).toEqual(['elite', 'standard']);
  });

  it('taken off the team, the coach gets 404 from the next request on, on every route', async () => {
    const fresh = await seed();
    const team = await t.http.post(`/api/v1/teams/${teamId}/players`, { playerId: fresh.playerId }, auth(owner));
    expect(team.status).toBe(200);
    expect((await send(teamCoach, reads(fresh)[0])).status).toBe(200);
    // A calendar feed the team coach subscribed to: its URL works until the coach leaves the team.
    const feed = await t.http.post('/api/v1/auth/me/calendar-feeds', { playerId: fresh.playerId }, auth(teamCoach));
    expect(feed.status).toBe(201);
    expect((await t.http.get(feed.body.url)).status).toBe(200);
    await removeTeamCoach(t.http, owner, teamId, teamCoach.email);
    expect((await t.http.get(feed.body.url)).status).toBe(404);
    for (const route of [...reads(fresh), ...writes(fresh)]) {
      const res = await send(teamCoach, route);
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 404,
      });
    }
    // Nothing changed: the refused PATCH left the profile as the owner made it.
    expect((await t.http.get(`/api/v1/players/${fresh.playerId}`, auth(owner))).body.heightCm).toBeUndefined();
  });
});
