import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { meridianRunGpx, uploadActivity } from './harness/activities';
import { daysFromNow, yearsAgo } from './harness/dates';
import { expectProblem } from './harness/problems';
import { startTestApp, TestApp } from './harness/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */

/**
 * A squad of five, each built to show one thing, on the day D the test runs (today, UTC):
 * - Ivy Injured: injured, attended the team session as injured. Red (injured).
 * - Sam Spike: one session 27 days ago and a very heavy one on D. Red (ACWR above 1.5).
 * - Mo Missed: a programme of 6 sessions in the two weeks before D, one logged done, one skipped, four not
 *   logged, and no log of the team session. Amber (5 sessions without a log).
 * - Rita Returning: returning from injury, did the team session. Amber (returning).
 * - Eve Green: did the team session, a finished workout, two activities. Green.
 * One team session took place on D-3 and one is planned on D+2, a fixture on D+5.
 */
describe('dashboards', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;
  let otherCoach: TestAccount;
  let parent: TestAccount;
  let eveAccount: TestAccount;
  let teamId: string;
  const ids: Record<'ivy' | 'sam' | 'mo' | 'rita' | 'eve', string> = { ivy: '', sam: '', mo: '', rita: '', eve: '' };
  let moSessions: { id: string; date: string }[];
  let moProgramId: string;
  let pastTeamSessionId: string;
  let nextTeamSessionId: string;
  let fixtureId: string;

  const D = daysFromNow(0);
  const day = (n: number) => daysFromNow(n);
  const auth = (a: TestAccount) => ({ token: a.accessToken });
  const teamBoard = (query = `?date=${D}`, by = coach, headers: Record<string, string> = {}) =>
    t.http.get(`/api/v1/teams/${teamId}/dashboard${query}`, { ...auth(by), headers });
  const playerBoard = (playerId: string, query = `?date=${D}`, by = coach, headers: Record<string, string> = {}) =>
    t.http.get(`/api/v1/players/${playerId}/dashboard${query}`, { ...auth(by), headers });

  async function createPlayer(firstName: string, lastName: string): Promise<string> {
    const res = await t.http.post(
      '/api/v1/players',
      {
        firstName,
        lastName,
        dateOfBirth: yearsAgo(17),
        sex: 'female',
        position: 'midfielder',
        level: 'academy',
        dominantFoot: 'right',
      },
      auth(coach),
    );
    if (res.status !== 201) throw new Error(res.text);
    return res.body.id;
  }

  async function ok(res: Promise<{ status: number; text: string; body: any }>, status = 201): Promise<any> {
    const r = await res;
    if (r.status !== status) throw new Error(`${r.status} ${r.text}`);
    return r.body;
  }

  const logUnplanned = (playerId: string, date: string, durationMin: number, rpe: number) =>
    ok(
      t.http.post(
        `/api/v1/players/${playerId}/training-logs`,
        { date, kind: 'training', durationMin, rpe },
        auth(coach),
      ),
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    [coach, otherCoach, parent, eveAccount] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent', admin),
      createAccount(t.http, 'player', admin),
    ]);
    ids.ivy = await createPlayer('Ivy', 'Injured');
    ids.sam = await createPlayer('Sam', 'Spike');
    ids.mo = await createPlayer('Mo', 'Missed');
    ids.rita = await createPlayer('Rita', 'Returning');
    ids.eve = await createPlayer('Eve', 'Green');
    await ok(t.http.post(`/api/v1/players/${ids.eve}/guardians`, { email: parent.email }, auth(coach)), 200);
    await ok(t.http.put(`/api/v1/players/${ids.eve}/account`, { email: eveAccount.email }, auth(coach)), 200);

    const team = await ok(
      t.http.post(
        '/api/v1/teams',
        { name: 'U18 Girls', season: '2026/27', ageGroup: 'U18', sex: 'female' },
        auth(coach),
      ),
    );
    teamId = team.id;
    for (const id of Object.values(ids)) {
      await ok(t.http.post(`/api/v1/teams/${teamId}/players`, { playerId: id }, auth(coach)), 200);
    }

    const teamSession = async (date: string) =>
      (
        await ok(
          t.http.post(
            `/api/v1/teams/${teamId}/sessions`,
            {
              date,
              startTime: '18:00',
              durationMin: 60,
              intensity: 'moderate',
              targetRpe: 5,
              drills: [],
              notes: 'Squad',
            },
            auth(coach),
          ),
        )
      ).id as string;
    pastTeamSessionId = await teamSession(day(-3));
    nextTeamSessionId = await teamSession(day(2));
    fixtureId = (
      await ok(
        t.http.post(
          `/api/v1/teams/${teamId}/fixtures`,
          { date: day(5), kickOff: '15:00', opponent: 'City', venue: 'home', importance: 'normal' },
          auth(coach),
        ),
      )
    ).id;

    // Ivy: injured (at the team session as injured, below).
    await ok(
      t.http.put(`/api/v1/players/${ids.ivy}/injury`, { status: 'injured', bodyRegions: ['knee'] }, auth(coach)),
      200,
    );

    // Sam: 60 min at RPE 5 on D-27 (300 AU), 120 min at RPE 10 on D (1200 AU); skipped the team session.
    await logUnplanned(ids.sam, day(-27), 60, 5);
    await logUnplanned(ids.sam, D, 120, 10);

    // Mo: a programme from D-14 for two weeks on Mon, Wed and Fri: 6 sessions, all between D-14 and D-1
    // (two weeks hold each weekday twice). The first done (45 min at RPE 5), the second skipped, four not logged.
    await ok(
      t.http.post(
        `/api/v1/players/${ids.mo}/assessments`,
        { date: day(-30), ratings: { passing: 5, shooting: 4 } },
        auth(coach),
      ),
    );
    const program = await ok(
      t.http.post(
        `/api/v1/players/${ids.mo}/programs`,
        { weeks: 2, sessionsPerWeek: 3, availableDays: ['mon', 'wed', 'fri'], startDate: day(-14), seed: 3 },
        auth(coach),
      ),
    );
    moProgramId = program.id;
    moSessions = program.weeks.flatMap((w: any) => w.sessions);
    expect(moSessions).toHaveLength(6);
    expect(moSessions.every((s) => s.date >= day(-14) && s.date <= day(-1))).toBe(true);
    const logMo = (i: number, body: object) =>
      ok(t.http.post(`/api/v1/programs/${moProgramId}/sessions/${moSessions[i].id}/log`, body, auth(coach)));
    await logMo(0, { status: 'done', durationMin: 45, rpe: 5 });
    await logMo(1, { status: 'skipped' });

    // Rita: returning; did the team session (60 min at RPE 4).
    await ok(
      t.http.put(
        `/api/v1/players/${ids.rita}/injury`,
        { status: 'returning', bodyRegions: ['hamstring'] },
        auth(coach),
      ),
      200,
    );

    // Eve: an assessment on D-40 (four coach ratings), the team session (60 min at RPE 5 = 300 AU), a session
    // of her own on D-15 (45 min at RPE 4 = 180 AU), a workout on D-5 (2 x 5 back squats at 100 kg = 1000 kg,
    // 50 min at RPE 6 = 300 AU), runs on D-2 (600 s at 6 m/s = 3600 m) and D-20 (300 s at 6 m/s = 1800 m),
    // all of both at high speed (21.6 km/h is above 19.8), and a programme of 3 sessions starting on D+1.
    await ok(
      t.http.post(
        `/api/v1/players/${ids.eve}/assessments`,
        { date: day(-40), ratings: { passing: 9, firstTouch: 8, dribbling: 7, shooting: 3 } },
        auth(coach),
      ),
    );
    // The squad's attendance of the D-3 session in one call; Mo has none.
    const attendance = await ok(
      t.http.post(
        `/api/v1/teams/${teamId}/sessions/${pastTeamSessionId}/log`,
        [
          { playerId: ids.ivy, status: 'injured' },
          { playerId: ids.sam, status: 'skipped' },
          { playerId: ids.rita, status: 'done', durationMin: 60, rpe: 4 },
          { playerId: ids.eve, status: 'done', durationMin: 60, rpe: 5 },
        ],
        auth(coach),
      ),
      200,
    );
    expect(attendance.stored).toHaveLength(4);
    await logUnplanned(ids.eve, day(-15), 45, 4);
    const workout = await ok(
      t.http.post(
        `/api/v1/players/${ids.eve}/workouts`,
        {
          date: day(-5),
          name: 'Legs',
          status: 'in-progress',
          exercises: [
            {
              exerciseId: 'back-squat',
              sets: [
                { reps: 5, weightKg: 100 },
                { reps: 5, weightKg: 100 },
              ],
            },
          ],
        },
        auth(coach),
      ),
    );
    await ok(
      t.http.post(`/api/v1/workouts/${workout.id}/finish`, { durationMin: 50, sessionRpe: 6 }, auth(coach)),
      200,
    );
    for (const [n, seconds] of [
      [-2, 600],
      [-20, 300],
    ]) {
      const run = meridianRunGpx({ start: new Date(`${day(n)}T08:00:00Z`), speedMps: 6, seconds });
      await ok(uploadActivity(t.http, coach.accessToken, ids.eve, run, { filename: 'run.gpx' }));
    }
    await ok(
      t.http.post(
        `/api/v1/players/${ids.eve}/programs`,
        { weeks: 1, sessionsPerWeek: 3, availableDays: ['mon', 'wed', 'fri'], startDate: day(1), seed: 4 },
        auth(coach),
      ),
    );
  });
  afterAll(() => t.close());

  describe('the team dashboard', () => {
    let board: any;
    const row = (playerId: string) => board.players.find((p: any) => p.playerId === playerId);

    beforeAll(async () => {
      const res = await teamBoard();
      expect(res.status).toBe(200);
      board = res.body;
    });

    it('orders the squad red first, then amber, then green, by name within a status', () => {
      expect(board.date).toBe(D);
      expect(board.windowFrom).toBe(day(-27));
      expect(board.players.map((p: any) => [p.lastName, p.status])).toEqual([
        ['Injured', 'red'],
        ['Spike', 'red'],
        ['Missed', 'amber'],
        ['Returning', 'amber'],
        ['Green', 'green'],
      ]);
    });

    it("is red for an ACWR above 1.5, with the load report's own warning and figure", async () => {
      // History from D-27: the EWMAs start from the mean of the first 7 days, 300 / 7 = 42.857 AU.
      // D-27: acute = 0.25 x 300 + 0.75 x 42.857 = 107.143; chronic = (2/29) x 300 + (27/29) x 42.857 = 60.591.
      // 26 rest days multiply them by 0.75^26 and (27/29)^26; on D, 1200 AU:
      // acute = 0.25 x 1200 + 107.143 x 0.75^27 = 300 + 0.045 = 300.045
      // chronic = (2/29) x 1200 + 60.591 x (27/29)^27 = 82.759 + 8.801 = 91.559; ACWR = 3.28 (> 1.5: red).
      // Monotony of the last 7 days (one day of 1200, six of 0) is 0.41, and the 7 days before had no load
      // (no % rise): the ratio is the only reason.
      const sam = row(ids.sam);
      expect(sam.load).toEqual({ acwr: 3.28, monotony: 0.41, last7DaysLoad: 1200, changePct: null });
      expect(sam.reasons).toEqual([{ code: 'acwr-high', severity: 'red', message: expect.stringContaining('3.28') }]);
      const report = await t.http.get(`/api/v1/players/${ids.sam}/load?to=${D}`, auth(coach));
      expect(report.body.current.acwr).toBe(3.28);
      expect(sam.reasons[0].message).toBe(report.body.warnings[0].message);
      // Skipped the one team session: logged (nothing missing), not done.
      expect([sam.adherence, sam.plannedSessions, sam.plannedSessionsDone, sam.unloggedSessions]).toEqual([0, 1, 0, 0]);
    });

    it('is red for an injured player, amber for a returning one', () => {
      const ivy = row(ids.ivy);
      expect(ivy.injury).toBe('injured');
      expect(ivy.reasons).toEqual([{ code: 'injured', severity: 'red', message: expect.any(String) }]);
      // At the team session as injured: logged, not done. 0 / 1.
      expect([ivy.adherence, ivy.plannedSessions, ivy.plannedSessionsDone, ivy.unloggedSessions]).toEqual([0, 1, 0, 0]);
      const rita = row(ids.rita);
      expect(rita.reasons).toEqual([{ code: 'returning', severity: 'amber', message: expect.any(String) }]);
      // Did the team session: 1 / 1; 60 min at RPE 4 on D-3 is the week's 240 AU.
      expect([rita.adherence, rita.plannedSessions, rita.plannedSessionsDone]).toEqual([1, 1, 1]);
      expect(rita.load.last7DaysLoad).toBe(240);
    });

    it('is amber for planned sessions without a log, naming how many', () => {
      const mo = row(ids.mo);
      // 4 programme sessions not logged + the team session = 5.
      expect(mo.unloggedSessions).toBe(5);
      expect(mo.reasons).toEqual([
        { code: 'missing-rpe', severity: 'amber', message: expect.stringMatching(/^5 planned sessions/) },
      ]);
      // Planned: 6 programme sessions + 1 team session = 7; done: 1. 1 / 7 = 0.14.
      expect([mo.adherence, mo.plannedSessions, mo.plannedSessionsDone]).toEqual([0.14, 7, 1]);
      // Two coach ratings are both strengths; none is left as a weakness.
      expect(mo.lastAssessment).toEqual({ assessmentId: expect.any(String), date: day(-30), weakestAreas: [] });
    });

    it('is green without a reason, with the weakest areas of the last assessment and the external load', () => {
      const eve = row(ids.eve);
      expect(eve.reasons).toEqual([]);
      // The team session, the only session planned in the 28 days, done: 1 / 1.
      expect([eve.adherence, eve.plannedSessions, eve.plannedSessionsDone, eve.unloggedSessions]).toEqual([1, 1, 1, 0]);
      // Ratings on 0-100: (r - 1) / 9 x 100. Strengths passing 88.9, firstTouch 77.8, dribbling 66.7; shooting
      // (3 -> 22.2) is what is left as the weakest.
      expect(eve.lastAssessment).toEqual({
        assessmentId: expect.any(String),
        date: day(-40),
        weakestAreas: [{ area: 'shooting', score: 22.2, basis: 'rating' }],
      });
      // The last 7 days: the D-2 run only (D-20 is older).
      expect(eve.externalLoad.activities).toBe(1);
      expect(eve.externalLoad.distanceM).toBeCloseTo(3600, -1);
      expect(eve.externalLoad.highSpeedRunningM).toBeCloseTo(3600, -1);
      expect(eve.externalLoad.sprintDistanceM).toBe(0);
      // Session-RPE of the last 7 days: the workout (300) and the team session (300).
      expect(eve.load.last7DaysLoad).toBe(600);
      for (const id of [ids.ivy, ids.sam, ids.mo, ids.rita]) expect(row(id).externalLoad).toBeNull();
    });

    it("lists the week ahead: the team's session and fixture, and the player's programme sessions", () => {
      const teamEvents = [
        {
          kind: 'team-session',
          id: nextTeamSessionId,
          date: day(2),
          time: '18:00',
          teamId,
          durationMin: 60,
          intensity: 'moderate',
        },
        {
          kind: 'fixture',
          id: fixtureId,
          date: day(5),
          time: '15:00',
          teamId,
          opponent: 'City',
          venue: 'home',
          importance: 'normal',
        },
      ];
      expect(row(ids.mo).upcoming).toEqual(teamEvents);
      const eve = row(ids.eve).upcoming;
      expect(eve).toHaveLength(5);
      expect(eve.filter((e: any) => e.kind === 'programme-session')).toHaveLength(3);
      expect(eve.map((e: any) => e.date)).toEqual([...eve.map((e: any) => e.date)].sort());
      expect(eve).toEqual(expect.arrayContaining(teamEvents));
    });

    it('sums the squad up', () => {
      expect(board.squad).toEqual({
        players: 5,
        counts: { red: 2, amber: 2, green: 1 },
        // (0 + 0 + 0.14 + 1 + 1) / 5 = 0.428
        meanAdherence: 0.43,
        // Sam 1200 + Ivy 0 + Mo 0 (his done session is 12 days or more before D) + Rita 240 + Eve 600.
        weekSessionRpeLoad: 2040,
        playersMissingData: 1,
      });
    });
  });

  describe("a player's dashboard", () => {
    it("has Eve's week and month worked out from her logs, workout and runs", async () => {
      const res = await playerBoard(ids.eve);
      expect(res.status).toBe(200);
      const { weekly, monthly } = res.body;
      // D-6..D: the team session (60 min, 300 AU) and the workout (50 min, 300 AU); the D-2 run; 1000 kg.
      expect(weekly).toEqual({
        from: day(-6),
        to: D,
        plannedSessions: 1,
        plannedSessionsDone: 1,
        sessionsDone: 2,
        minutes: 110,
        sessionRpeLoad: 600,
        activities: 1,
        distanceM: expect.any(Number),
        highSpeedRunningM: expect.any(Number),
        workouts: 1,
        tonnageKg: 1000,
      });
      expect(weekly.distanceM).toBeCloseTo(3600, -1);
      expect(weekly.highSpeedRunningM).toBeCloseTo(3600, -1);
      // D-27..D: also her own session on D-15 (45 min, 180 AU) and the D-20 run (1800 m).
      expect(monthly).toEqual({
        ...weekly,
        from: day(-27),
        sessionsDone: 3,
        minutes: 155,
        sessionRpeLoad: 780,
        activities: 2,
        distanceM: expect.any(Number),
        highSpeedRunningM: expect.any(Number),
      });
      expect(monthly.distanceM).toBeCloseTo(5400, -1);
      expect(monthly.highSpeedRunningM).toBeCloseTo(5400, -1);
      // Her programme has not started: nothing due, 3 sessions within the 14 days.
      expect(res.body.programmes).toEqual([
        {
          programId: expect.any(String),
          kind: 'standard',
          plannedSessions: 0,
          doneSessions: 0,
          adherence: null,
          upcomingSessions: 3,
        },
      ]);
      expect(res.body.upcoming.map((e: any) => e.kind).sort()).toEqual([
        'fixture',
        'programme-session',
        'programme-session',
        'programme-session',
        'team-session',
      ]);
    });

    it("has Mo's programme adherence: 1 of its 6 sessions done", async () => {
      const res = await playerBoard(ids.mo);
      expect(res.body.programmes).toEqual([
        {
          programId: moProgramId,
          kind: 'standard',
          plannedSessions: 6,
          doneSessions: 1,
          adherence: 0.17,
          upcomingSessions: 0,
        },
      ]);
      // 6 programme sessions and the team session in the 28 days; one done, 45 min at RPE 5.
      expect(res.body.monthly).toMatchObject({
        plannedSessions: 7,
        plannedSessionsDone: 1,
        sessionsDone: 1,
        minutes: 45,
        sessionRpeLoad: 225,
      });
    });

    it('is shown to whoever can see the player, and hidden from everyone else', async () => {
      expect((await playerBoard(ids.eve, `?date=${D}`, parent)).status).toBe(200);
      expect((await playerBoard(ids.eve, `?date=${D}`, eveAccount)).status).toBe(200);
      expect((await playerBoard(ids.eve, `?date=${D}`, admin)).status).toBe(200);
      expectProblem(await playerBoard(ids.eve, `?date=${D}`, otherCoach), 404);
      expectProblem(await playerBoard(ids.mo, `?date=${D}`, parent), 404);
      expectProblem(await playerBoard('0123456789abcdef01234567'), 404);
    });
  });

  describe('conditional requests', () => {
    it('answers 304 while nothing changed and a new ETag once a log is added', async () => {
      const first = await teamBoard();
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^W\/".+"$/);
      expect(first.headers.get('cache-control')).toBe('private, no-cache');
      const again = await teamBoard();
      expect(again.headers.get('etag')).toBe(etag);
      const notModified = await teamBoard(`?date=${D}`, coach, { 'if-none-match': etag });
      expect(notModified.status).toBe(304);
      expect(notModified.text).toBe('');
      expect(notModified.headers.get('etag')).toBe(etag);

      const player = await playerBoard(ids.mo);
      const playerEtag = player.headers.get('etag')!;
      expect((await playerBoard(ids.mo, `?date=${D}`, coach, { 'if-none-match': playerEtag })).status).toBe(304);

      // Mo logs his third session: 4 sessions are now without a log, 2 of 7 done.
      await ok(
        t.http.post(
          `/api/v1/programs/${moProgramId}/sessions/${moSessions[2].id}/log`,
          { status: 'done', durationMin: 30, rpe: 4 },
          auth(coach),
        ),
      );
      const changed = await teamBoard(`?date=${D}`, coach, { 'if-none-match': etag });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      const mo = changed.body.players.find((p: any) => p.playerId === ids.mo);
      expect([mo.unloggedSessions, mo.plannedSessionsDone, mo.adherence]).toEqual([4, 2, 0.29]);
      const playerChanged = await playerBoard(ids.mo, `?date=${D}`, coach, { 'if-none-match': playerEtag });
      expect(playerChanged.status).toBe(200);
      expect(playerChanged.headers.get('etag')).not.toBe(playerEtag);
    });
  });

  describe('changes written through another instance of the API', () => {
    let other: TestApp;
    const rowOf = (board: any, playerId: string) => board.players.find((p: any) => p.playerId === playerId);

    beforeAll(async () => {
      other = await startTestApp({}, { databaseName: t.databaseName });
    });
    afterAll(() => other.close());

    it('shows every kind of record at once: a log, an activity, a finished workout, a programme', async () => {
      const before = await teamBoard();
      // Ivy logs 30 min at RPE 2 on D through the other instance: 60 AU this week.
      const log = await ok(
        other.http.post(
          `/api/v1/players/${ids.ivy}/training-logs`,
          { date: D, kind: 'training', durationMin: 30, rpe: 2 },
          auth(coach),
        ),
      );
      const afterLog = await teamBoard(`?date=${D}`, coach, { 'if-none-match': before.headers.get('etag')! });
      expect(afterLog.status).toBe(200);
      expect(rowOf(afterLog.body, ids.ivy).load.last7DaysLoad).toBe(60);

      // Rita's first activity: 300 s at 6 m/s on D-1.
      const run = meridianRunGpx({ start: new Date(`${day(-1)}T08:00:00Z`), speedMps: 6, seconds: 300 });
      const activity = await ok(uploadActivity(other.http, coach.accessToken, ids.rita, run, { filename: 'run.gpx' }));
      const afterActivity = (await teamBoard()).body;
      expect(rowOf(afterActivity, ids.rita).externalLoad.distanceM).toBeCloseTo(1800, -1);

      // Sam finishes a workout on D-1: 40 min at RPE 5 = 200 AU more this week (1200 + 200).
      const workout = await ok(
        other.http.post(
          `/api/v1/players/${ids.sam}/workouts`,
          {
            date: day(-1),
            name: 'Core',
            status: 'in-progress',
            exercises: [{ exerciseId: 'plank', sets: [{ durationS: 60 }] }],
          },
          auth(coach),
        ),
      );
      await ok(
        other.http.post(`/api/v1/workouts/${workout.id}/finish`, { durationMin: 40, sessionRpe: 5 }, auth(coach)),
        200,
      );
      expect(rowOf((await teamBoard()).body, ids.sam).load.last7DaysLoad).toBe(1400);

      // Eve's programme from D+1 removed: her week ahead is the team's two events only.
      const programmes = await ok(other.http.get(`/api/v1/players/${ids.eve}/programs`, auth(coach)), 200);
      const future = programmes.items.find((p: any) => p.startDate === day(1));
      const removed = await other.http.delete(`/api/v1/programs/${future.id}`, auth(coach));
      expect(removed.status).toBe(204);
      expect(rowOf((await teamBoard()).body, ids.eve).upcoming.map((e: any) => e.kind)).toEqual([
        'team-session',
        'fixture',
      ]);

      // Taking the log, the activity and the workout back leaves the board as it was but for Eve's programme.
      expect((await other.http.delete(`/api/v1/training-logs/${log.id}`, auth(coach))).status).toBe(204);
      expect((await other.http.delete(`/api/v1/activities/${activity.id}`, auth(coach))).status).toBe(204);
      expect((await other.http.delete(`/api/v1/workouts/${workout.id}`, auth(coach))).status).toBe(204);
      const after = (await teamBoard()).body;
      const withoutUpcoming = (board: any) => board.players.map(({ upcoming: _upcoming, ...rest }: any) => rest);
      expect(withoutUpcoming(after)).toEqual(withoutUpcoming(before.body));
    });
  });

  describe('refusals', () => {
    it("is for the team's coaches and admins: 403 for a squad player or parent, 404 for anyone else", async () => {
      expect((await teamBoard(`?date=${D}`, admin)).status).toBe(200);
      expectProblem(await teamBoard(`?date=${D}`, eveAccount), 403);
      expectProblem(await teamBoard(`?date=${D}`, parent), 403);
      expectProblem(await teamBoard(`?date=${D}`, otherCoach), 404);
      const unknown = await t.http.get(`/api/v1/teams/0123456789abcdef01234567/dashboard`, auth(coach));
      expectProblem(unknown, 404);
      expectProblem(await t.http.get(`/api/v1/teams/not-an-id/dashboard`, auth(coach)), 400);
      expectProblem(await t.http.get(`/api/v1/teams/${teamId}/dashboard`), 401);
    });

    it('refuses a date that is not a calendar date and a query field it does not know', async () => {
      for (const query of ['?date=2026-02-30', '?date=tomorrow', '?date=', '?date=2026-1-5']) {
        expectProblem(await teamBoard(query), 400, 'date');
        expectProblem(await playerBoard(ids.eve, query), 400, 'date');
      }
      expectProblem(await teamBoard('?from=2026-01-01'), 400, 'from');
      expectProblem(await playerBoard(ids.eve, '?days=7'), 400, 'days');
    });
  });

  it("defaults to the academy's calendar date, in its time zone", async () => {
    // UTC+14: already tomorrow there for most of the UTC day, never yesterday.
    await ok(t.http.patch('/api/v1/admin/settings', { timeZone: 'Pacific/Kiritimati' }, auth(admin)), 200);
    const there = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date());
    const board = await teamBoard('');
    expect(board.status).toBe(200);
    expect(board.body.date).toBe(there);
    expect((await playerBoard(ids.eve, '')).body.date).toBe(there);
  });
});
