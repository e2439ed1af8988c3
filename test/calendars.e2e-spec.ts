import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { meridianRunGpx, uploadActivity } from './harness/activities';
import { daysFromNow, yearsAgo } from './harness/dates';
import { logLines } from './harness/log-lines';
import { expectProblem } from './harness/problems';
import { startTestApp, TestApp } from './harness/test-app';
import { calendarDateIn } from '../src/settings/domain/zoned-time';

/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON; the tests assert their shape */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseICS } = require('node-ical').sync as { parseICS: (text: string) => Record<string, any> };

const day = daysFromNow;
const FEEDS = '/api/v1/auth/me/calendar-feeds';

describe('calendars and iCalendar feeds', () => {
  let t: TestApp;
  const { sink, lines } = logLines();
  let admin: TestAccount;
  let coach: TestAccount;
  let teamCoach: TestAccount;
  let otherCoach: TestAccount;
  let parent: TestAccount;
  let playerAccount: TestAccount;
  let playerId: string;
  let teamId: string;
  let programId: string;
  let plannedInWindow: any[];
  let loggedSessionId: string;
  let pastTeamSessionId: string;
  let comingTeamSessionId: string;
  let fixtureId: string;
  let unplannedLogId: string;
  let workoutId: string;
  let workoutStatus: string;
  let activityId: string;
  const runStart = new Date(`${day(-1)}T06:00:00.000Z`);

  const auth = (a: TestAccount) => ({ token: a.accessToken });
  const settings = (change: Record<string, unknown>) =>
    ok(t.http.patch('/api/v1/admin/settings', change, auth(admin)), 200);
  const playerCalendar = (query = `?from=${day(-7)}&to=${day(14)}`, who = coach, id = playerId) =>
    t.http.get(`/api/v1/players/${id}/calendar${query}`, auth(who));
  const teamCalendar = (query = `?from=${day(-7)}&to=${day(14)}`, who = coach, id = teamId) =>
    t.http.get(`/api/v1/teams/${id}/calendar${query}`, auth(who));

  async function ok(res: Promise<{ status: number; text: string; body: any }>, status = 201): Promise<any> {
    const r = await res;
    if (r.status !== status) throw new Error(`${r.status} ${r.text}`);
    return r.body;
  }

  const vevents = (ics: string) => Object.values(parseICS(ics)).filter((c: any) => c.type === 'VEVENT');

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logDestination: sink });
    admin = await loginAdmin(t.http);
    [coach, teamCoach, otherCoach, parent, playerAccount] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent', admin),
      createAccount(t.http, 'player', admin),
    ]);
    await settings({ timeZone: 'Europe/London' });
    const player = await ok(
      t.http.post(
        '/api/v1/players',
        {
          firstName: 'Lina',
          lastName: 'Calendar',
          dateOfBirth: yearsAgo(15),
          sex: 'female',
          position: 'midfielder',
          level: 'academy',
          dominantFoot: 'right',
        },
        auth(coach),
      ),
    );
    playerId = player.id;
    await ok(t.http.post(`/api/v1/players/${playerId}/guardians`, { email: parent.email }, auth(coach)), 200);
    await t.http.put(`/api/v1/players/${playerId}/account`, { email: playerAccount.email }, auth(coach));
    await ok(
      t.http.post(
        `/api/v1/players/${playerId}/assessments`,
        { date: day(-10), tests: { sprint10mS: 2.1 }, ratings: { dribbling: 3, passing: 8, shooting: 4, tactical: 6 } },
        auth(coach),
      ),
    );
    const program = await ok(
      t.http.post(
        `/api/v1/players/${playerId}/programs`,
        { weeks: 2, sessionsPerWeek: 3, availableDays: ['mon', 'wed', 'fri'], startDate: day(-6), seed: 7 },
        auth(coach),
      ),
    );
    programId = program.id;
    const sessions = program.weeks.flatMap((w: any) => w.sessions);
    plannedInWindow = sessions.filter((s: any) => s.date >= day(-7) && s.date <= day(14));
    const past = sessions.filter((s: any) => s.date <= day(-1));
    loggedSessionId = past[0].id;
    await ok(
      t.http.post(
        `/api/v1/programs/${programId}/sessions/${loggedSessionId}/log`,
        { status: 'done', durationMin: 50, rpe: 6 },
        auth(coach),
      ),
    );

    const team = await ok(
      t.http.post(
        '/api/v1/teams',
        { name: 'U15 Girls', season: '2026-27', ageGroup: 'U15', sex: 'female' },
        auth(coach),
      ),
    );
    teamId = team.id;
    await ok(t.http.post(`/api/v1/teams/${teamId}/players`, { playerId }, auth(coach)), 200);
    await ok(t.http.post(`/api/v1/teams/${teamId}/coaches`, { email: teamCoach.email }, auth(coach)), 200);
    const teamSession = (date: string, startTime: string) =>
      ok(
        t.http.post(
          `/api/v1/teams/${teamId}/sessions`,
          { date, startTime, durationMin: 90, intensity: 'moderate', targetRpe: 5, notes: 'Rondos' },
          auth(coach),
        ),
      );
    pastTeamSessionId = (await teamSession(day(-2), '17:30')).id;
    comingTeamSessionId = (await teamSession(day(2), '18:00')).id;
    fixtureId = (
      await ok(
        t.http.post(
          `/api/v1/teams/${teamId}/fixtures`,
          { date: day(5), kickOff: '11:00', opponent: 'Rovers', venue: 'away', importance: 'key' },
          auth(coach),
        ),
      )
    ).id;
    // The player logs the past team session from her account: it is shown once, on the session.
    await ok(
      t.http.post(
        `/api/v1/teams/${teamId}/sessions/${pastTeamSessionId}/log/me`,
        { status: 'done', durationMin: 80, rpe: 7 },
        auth(playerAccount),
      ),
    );
    unplannedLogId = (
      await ok(
        t.http.post(
          `/api/v1/players/${playerId}/training-logs`,
          { date: day(-3), kind: 'training', durationMin: 30, rpe: 4 },
          auth(coach),
        ),
      )
    ).id;
    const workout = await ok(
      t.http.post(`/api/v1/players/${playerId}/workouts`, { date: day(0), name: 'Gym A' }, auth(coach)),
    );
    workoutId = workout.id;
    workoutStatus = workout.status;
    activityId = (
      await ok(
        uploadActivity(
          t.http,
          coach.accessToken,
          playerId,
          meridianRunGpx({ start: runStart, speedMps: 4, seconds: 600 }),
          {
            filename: 'run.gpx',
            fields: { title: 'Morning run', kind: 'run' },
          },
        ),
      )
    ).id;
  });
  afterAll(() => t.close());

  describe("a player's calendar", () => {
    it('merges planned sessions, team sessions, fixtures, logs, workouts and activities in time order', async () => {
      const res = await playerCalendar();
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Lina Calendar', from: day(-7), to: day(14), timeZone: 'Europe/London' });
      const events: any[] = res.body.events;
      const key = (e: any) => `${e.date} ${e.allDay ? '' : e.start}`;
      expect(events.map(key)).toEqual([...events.map(key)].sort());
      // Within a day, the all-day events come first.
      for (let i = 1; i < events.length; i++) {
        if (events[i].date === events[i - 1].date && events[i - 1].allDay === false)
          expect(events[i].allDay).toBe(false);
      }
      const of = (kind: string) => events.filter((e) => e.kind === kind);
      expect(of('planned-session').map((e) => e.sessionId)).toEqual(plannedInWindow.map((p: any) => p.id));
      const logged = of('planned-session').find((e) => e.sessionId === loggedSessionId);
      expect(logged).toMatchObject({
        id: `${programId}:${loggedSessionId}`,
        programId,
        allDay: true,
        status: 'done',
        durationMin: 50,
        rpe: 6,
        trainingLogId: expect.any(String),
      });
      expect(
        of('planned-session')
          .filter((e) => e.sessionId !== loggedSessionId)
          .every((e) => e.status === 'planned'),
      ).toBe(true);
      expect(of('team-session')).toEqual([
        expect.objectContaining({
          id: pastTeamSessionId,
          teamId,
          title: 'U15 Girls training',
          date: day(-2),
          allDay: false,
          status: 'done',
          durationMin: 80,
          rpe: 7,
        }),
        expect.objectContaining({ id: comingTeamSessionId, date: day(2), status: 'planned', durationMin: 90 }),
      ]);
      expect(of('fixture')).toEqual([
        expect.objectContaining({
          id: fixtureId,
          title: 'Rovers vs U15 Girls',
          date: day(5),
          allDay: false,
          opponent: 'Rovers',
          venue: 'away',
          importance: 'key',
        }),
      ]);
      expect(of('fixture')[0].end).toBeUndefined();
      // Only the log of no session is an event of its own: the two others marked their sessions.
      expect(of('logged-session')).toEqual([
        expect.objectContaining({
          id: unplannedLogId,
          date: day(-3),
          allDay: true,
          status: 'done',
          durationMin: 30,
          rpe: 4,
        }),
      ]);
      expect(of('workout')).toEqual([
        expect.objectContaining({
          id: workoutId,
          workoutId,
          title: 'Gym A',
          date: day(0),
          allDay: true,
          status: workoutStatus,
        }),
      ]);
      expect(of('activity')).toEqual([
        expect.objectContaining({
          id: activityId,
          title: 'Morning run',
          date: day(-1),
          start: runStart.toISOString(),
          end: new Date(runStart.getTime() + 600_000).toISOString(),
          allDay: false,
          activityKind: 'run',
        }),
      ]);
    });

    it('places times of day in the academy zone, and follows a change of it at once', async () => {
      await settings({ timeZone: 'Asia/Riyadh' });
      const riyadh = (await playerCalendar()).body;
      expect(riyadh.timeZone).toBe('Asia/Riyadh');
      const session = riyadh.events.find((e: any) => e.id === comingTeamSessionId);
      // Riyadh keeps UTC+3 all year: 18:00 is 15:00Z.
      expect(session).toMatchObject({ start: `${day(2)}T15:00:00.000Z`, end: `${day(2)}T16:30:00.000Z` });
      expect(riyadh.events.find((e: any) => e.id === fixtureId).start).toBe(`${day(5)}T08:00:00.000Z`);
      // The run at 06:00Z is 09:00 in Riyadh, the same date.
      expect(riyadh.events.find((e: any) => e.id === activityId).date).toBe(day(-1));
    });

    it('defaults to the academy’s today-7 to today+28, and a missing bound to 35 days from the other', async () => {
      const today = calendarDateIn('Asia/Riyadh', new Date());
      const shift = (date: string, days: number) =>
        new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      const all = (await playerCalendar('')).body;
      expect([all.from, all.to]).toEqual([shift(today, -7), shift(today, 28)]);
      expect((await playerCalendar(`?from=${day(0)}`)).body).toMatchObject({ from: day(0), to: shift(day(0), 35) });
      expect((await playerCalendar(`?to=${day(0)}`)).body).toMatchObject({ from: shift(day(0), -35), to: day(0) });
      const one = (await playerCalendar(`?from=${day(2)}&to=${day(2)}`)).body;
      expect(one.events.map((e: any) => e.id)).toContain(comingTeamSessionId);
      expect(one.events.every((e: any) => e.date === day(2))).toBe(true);
    });

    it('is seen by whoever may see the player: coaches of her team, her guardian and herself', async () => {
      for (const who of [teamCoach, parent, playerAccount, admin])
        expect((await playerCalendar(undefined, who)).status).toBe(200);
    });

    it('answers 404 to a caller who may not see the player, or for no such player', async () => {
      expectProblem(await playerCalendar(undefined, otherCoach), 404);
      expectProblem(await playerCalendar(undefined, coach, '0123456789abcdef01234567'), 404);
    });

    it('refuses a bad id or query with a 400, and from after to or a window over 366 days with a 422', async () => {
      expectProblem(await playerCalendar(undefined, coach, 'nope'), 400);
      expectProblem(await playerCalendar('?from=2026-02-30'), 400, 'from');
      expectProblem(await playerCalendar('?to=tomorrow'), 400, 'to');
      expectProblem(await playerCalendar('?from=2026-01-01&kind=fixture'), 400, 'kind');
      expectProblem(await playerCalendar(`?from=${day(3)}&to=${day(2)}`), 422, 'from');
      expectProblem(await playerCalendar('?from=2026-01-01&to=2027-01-02'), 422, 'to');
      expect((await playerCalendar('?from=2026-01-01&to=2027-01-01')).status).toBe(200);
      expect((await playerCalendar('?from=2024-01-01&to=2024-12-31')).status).toBe(200);
      for (const query of ['?from=9999-12-31', '?to=0000-01-01', '?from=0000-01-01&to=0000-12-31']) {
        expect((await playerCalendar(query)).status).toBe(200);
      }
      expectProblem(await t.http.get(`/api/v1/players/${playerId}/calendar`), 401);
    });
  });

  describe("a team's calendar", () => {
    it('has the team sessions and fixtures, without any player’s logs', async () => {
      const res = await teamCalendar();
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'U15 Girls', timeZone: 'Asia/Riyadh' });
      expect(res.body.events.map((e: any) => [e.kind, e.id])).toEqual([
        ['team-session', pastTeamSessionId],
        ['team-session', comingTeamSessionId],
        ['fixture', fixtureId],
      ]);
      expect(res.body.events[0].status).toBeUndefined();
    });

    it('places sessions across a clock change as worked out by hand (London, spring 2027)', async () => {
      await settings({ timeZone: 'Europe/London' });
      const make = (date: string, startTime: string) =>
        ok(
          t.http.post(
            `/api/v1/teams/${teamId}/sessions`,
            { date, startTime, durationMin: 60, intensity: 'low', targetRpe: 3, notes: 'DST' },
            auth(coach),
          ),
        );
      await make('2027-03-27', '10:00');
      await make('2027-03-29', '18:00');
      await ok(
        t.http.post(
          `/api/v1/teams/${teamId}/fixtures`,
          { date: '2027-03-28', kickOff: '11:00', opponent: 'United', venue: 'home' },
          auth(coach),
        ),
      );
      const starts = async () =>
        (await teamCalendar('?from=2027-03-26&to=2027-03-30')).body.events.map((e: any) => [e.title, e.start, e.end]);
      // Clocks go forward at 01:00 GMT on Sunday 28 March 2027: GMT (UTC+0) before, BST (UTC+1) after.
      expect(await starts()).toEqual([
        ['U15 Girls training', '2027-03-27T10:00:00.000Z', '2027-03-27T11:00:00.000Z'],
        ['U15 Girls vs United', '2027-03-28T10:00:00.000Z', undefined],
        ['U15 Girls training', '2027-03-29T17:00:00.000Z', '2027-03-29T18:00:00.000Z'],
      ]);
      await settings({ timeZone: 'Asia/Riyadh' });
      expect((await starts()).map((row: any[]) => row[1])).toEqual([
        '2027-03-27T07:00:00.000Z',
        '2027-03-28T08:00:00.000Z',
        '2027-03-29T15:00:00.000Z',
      ]);
    });

    it('answers 404 to a caller who may not see the team, 400 for a bad id, 422 for from after to', async () => {
      expect((await teamCalendar(undefined, teamCoach)).status).toBe(200);
      expect((await teamCalendar(undefined, playerAccount)).status).toBe(200);
      expectProblem(await teamCalendar(undefined, otherCoach), 404);
      expectProblem(await teamCalendar(undefined, coach, '0123456789abcdef01234567'), 404);
      expectProblem(await teamCalendar(undefined, coach, 'x'), 400);
      expectProblem(await teamCalendar(`?from=${day(3)}&to=${day(2)}`), 422, 'from');
      expectProblem(await teamCalendar('?from=2025-13-01'), 400, 'from');
    });
  });

  describe('iCalendar feeds', () => {
    let playerFeed: any;
    let teamFeed: any;

    it('creates a secret URL for a player or a team the caller can see, shown once', async () => {
      const res = await t.http.post(FEEDS, { playerId }, auth(parent));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        playerId,
        url: expect.any(String),
        createdAt: expect.any(String),
      });
      expect(res.body.url).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      playerFeed = res.body;
      teamFeed = await ok(t.http.post(FEEDS, { teamId }, auth(teamCoach)));
      expect(teamFeed).toMatchObject({ teamId });
      expect(teamFeed.url).not.toBe(playerFeed.url);
      const list = await t.http.get(FEEDS, auth(parent));
      expect(list.body).toEqual({
        items: [{ id: playerFeed.id, playerId, createdAt: playerFeed.createdAt }],
        total: 1,
        page: 1,
        limit: expect.any(Number),
      });
      expect(list.text).not.toContain(playerFeed.url.slice(10, 53));
      expect((await t.http.get(FEEDS, auth(otherCoach))).body.items).toEqual([]);
    });

    it('serves text/calendar that a real parser reads, matching the JSON calendar in the academy zone', async () => {
      const res = await t.http.get(playerFeed.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(res.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(res.text).toContain('X-WR-TIMEZONE:Asia/Riyadh');
      const events = vevents(res.text);
      const json = (await playerCalendar('?from=' + day(-7) + '&to=' + day(14), parent)).body.events;
      for (const e of json) {
        const match = events.find((v: any) => v.uid === `${e.kind}-${e.id.replace(':', '-')}@football-coaching-api`);
        expect(match).toBeDefined();
        expect(match.summary).toBe(e.title);
        if (e.allDay) {
          expect(match.datetype).toBe('date');
        } else {
          expect(new Date(match.start).toISOString()).toBe(e.start);
          if (e.end) expect(new Date(match.end).toISOString()).toBe(e.end);
        }
      }
      const session = events.find((v: any) => v.uid === `team-session-${comingTeamSessionId}@football-coaching-api`);
      expect(new Date(session.start).toISOString()).toBe(`${day(2)}T15:00:00.000Z`);
      const planned = events.find((v: any) => v.uid.startsWith(`planned-session-${programId}-${loggedSessionId}`));
      expect(planned.description).toContain('Status: done');
      // The same UIDs on every fetch.
      const again = vevents((await t.http.get(playerFeed.url)).text).map((v: any) => v.uid);
      expect(again.sort()).toEqual(events.map((v: any) => v.uid).sort());
    });

    it('follows a change of the academy zone on the next fetch', async () => {
      await settings({ timeZone: 'Europe/London' });
      const team = vevents((await t.http.get(teamFeed.url)).text);
      const json = (await teamCalendar(`?from=${day(-7)}&to=${day(14)}`, teamCoach)).body.events;
      const session = json.find((e: any) => e.id === comingTeamSessionId);
      const fromFeed = team.find((v: any) => v.uid === `team-session-${comingTeamSessionId}@football-coaching-api`);
      expect(new Date(fromFeed.start).toISOString()).toBe(session.start);
      expect(session.start).not.toBe(`${day(2)}T15:00:00.000Z`);
      expect(fromFeed.summary).toBe('U15 Girls training');
      expect(team.some((v: any) => v.summary === 'Rovers vs U15 Girls')).toBe(true);
      await settings({ timeZone: 'Asia/Riyadh' });
    });

    it('refuses a body with neither or both ids (422), bad ids or fields (400), and what the caller cannot see (404)', async () => {
      expectProblem(await t.http.post(FEEDS, {}, auth(coach)), 422, 'playerId');
      expectProblem(await t.http.post(FEEDS, { playerId, teamId }, auth(coach)), 422, 'playerId');
      expectProblem(await t.http.post(FEEDS, { playerId: 'x' }, auth(coach)), 400, 'playerId');
      expectProblem(await t.http.post(FEEDS, { teamId: null }, auth(coach)), 400, 'teamId');
      expectProblem(await t.http.post(FEEDS, { playerId, token: 'mine' }, auth(coach)), 400, 'token');
      expectProblem(await t.http.post(FEEDS, undefined, auth(coach)), 400);
      expectProblem(await t.http.post(FEEDS, { playerId }, auth(otherCoach)), 404);
      expectProblem(await t.http.post(FEEDS, { teamId }, auth(otherCoach)), 404);
      expectProblem(await t.http.post(FEEDS, { teamId: '0123456789abcdef01234567' }, auth(coach)), 404);
      expectProblem(await t.http.post(FEEDS, { playerId }), 401);
      expectProblem(await t.http.get(FEEDS), 401);
      expectProblem(await t.http.get(`${FEEDS}?limit=0`, auth(coach)), 400, 'limit');
    });

    it('answers 404 for unknown, malformed and very long tokens, never a 5xx', async () => {
      const unknown = `/calendar/${'A'.repeat(43)}.ics`;
      for (const path of [
        unknown,
        '/calendar/x.ics',
        '/calendar/.ics',
        `/calendar/${'A'.repeat(44)}.ics`,
        `/calendar/${'A'.repeat(90)}.ics`,
        `/calendar/${playerFeed.url.slice(10, 53)}`,
        `/calendar/${encodeURIComponent('../../etc/passwd')}.ics`,
        `/calendar/${'A'.repeat(43)}.ics.ics`,
        '/calendar/',
        '/api/v1/calendar/' + 'A'.repeat(43) + '.ics',
      ]) {
        const res = await t.http.get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
      // Other methods on a feed URL are not allowed; HEAD answers like GET without the body.
      const post = await t.http.post(playerFeed.url, {});
      expectProblem(post, 405);
      expect(post.headers.get('allow')).toContain('GET');
      expect((await t.http.request('HEAD', playerFeed.url)).status).toBe(200);
      // NUL is hostile input everywhere in the API.
      expectProblem(await t.http.get(`/calendar/%00${'A'.repeat(42)}.ics`), 400);
      // A token longer than any path parameter the API takes is refused before routing.
      expectProblem(await t.http.get(`/calendar/${'A'.repeat(2000)}.ics`), 414);
      // A request line longer than the server reads at all.
      expectProblem(await t.http.get(`/calendar/${'A'.repeat(100_000)}.ics`), 431);
    });

    it('checks access again as the owner on every fetch: a coach taken off the team gets 404 at once', async () => {
      const feed = await ok(t.http.post(FEEDS, { playerId }, auth(teamCoach)));
      expect((await t.http.get(feed.url)).status).toBe(200);
      await ok(
        t.http.request('DELETE', `/api/v1/teams/${teamId}/coaches`, { email: teamCoach.email }, auth(coach)),
        200,
      );
      expect((await t.http.get(feed.url)).status).toBe(404);
      expect((await t.http.get(teamFeed.url)).status).toBe(404);
      await ok(t.http.post(`/api/v1/teams/${teamId}/coaches`, { email: teamCoach.email }, auth(coach)), 200);
      expect((await t.http.get(feed.url)).status).toBe(200);
    });

    it('answers 404 once the owner’s account is disabled', async () => {
      const feed = await ok(t.http.post(FEEDS, { playerId }, auth(playerAccount)));
      expect((await t.http.get(feed.url)).status).toBe(200);
      await ok(t.http.patch(`/api/v1/admin/users/${playerAccount.id}/status`, { disabled: true }, auth(admin)), 200);
      expect((await t.http.get(feed.url)).status).toBe(404);
      await ok(t.http.patch(`/api/v1/admin/users/${playerAccount.id}/status`, { disabled: false }, auth(admin)), 200);
      expect((await t.http.get(feed.url)).status).toBe(200);
    });

    it('goes with a deleted player: its URL answers 404 and it leaves the owner’s list', async () => {
      const other = await ok(
        t.http.post(
          '/api/v1/players',
          {
            firstName: 'Gone',
            lastName: 'Soon',
            dateOfBirth: yearsAgo(12),
            sex: 'male',
            position: 'forward',
            level: 'grassroots',
            dominantFoot: 'left',
          },
          auth(otherCoach),
        ),
      );
      const feed = await ok(t.http.post(FEEDS, { playerId: other.id }, auth(otherCoach)));
      expect((await t.http.get(feed.url)).status).toBe(200);
      expect((await t.http.delete(`/api/v1/players/${other.id}`, auth(otherCoach))).status).toBe(204);
      expectProblem(await t.http.get(feed.url), 404);
      expect((await t.http.get(FEEDS, auth(otherCoach))).body.items).toEqual([]);
    });

    it('revokes a feed of the caller: its URL answers 404 at once; someone else’s or an unknown feed is a 404', async () => {
      expectProblem(await t.http.delete(`${FEEDS}/${playerFeed.id}`, auth(coach)), 404);
      expect((await t.http.get(playerFeed.url)).status).toBe(200);
      expectProblem(await t.http.delete(`${FEEDS}/nope`, auth(parent)), 400);
      expectProblem(await t.http.delete(`${FEEDS}/${playerFeed.id}`), 401);
      expect((await t.http.delete(`${FEEDS}/${playerFeed.id}`, auth(parent))).status).toBe(204);
      expectProblem(await t.http.get(playerFeed.url), 404);
      expectProblem(await t.http.delete(`${FEEDS}/${playerFeed.id}`, auth(parent)), 404);
      expect((await t.http.get(FEEDS, auth(parent))).body.items).toEqual([]);
    });

    it('never writes a token to the logs: feed URLs are logged as /calendar/[redacted].ics', async () => {
      const feed = await ok(t.http.post(FEEDS, { teamId }, auth(coach)));
      const token = feed.url.slice('/calendar/'.length, -'.ics'.length);
      await t.http.get(feed.url);
      await t.http.get(`${feed.url}?x=1`);
      await t.http.get(`/CALENDAR/${token}.ics`);
      await t.http.get(`/%63alendar/${token}.ics`);
      await t.http.get(`/calendar/${token}`);
      const all = lines.join('\n');
      expect(all).not.toContain(token);
      const urls = lines.map((l) => JSON.parse(l)).filter((l) => l.req?.url?.toLowerCase().includes('calendar/'));
      expect(urls.length).toBeGreaterThanOrEqual(5);
      expect(
        urls.filter((l) => !l.req.url.startsWith('/api/')).every((l) => l.req.url === '/calendar/[redacted].ics'),
      ).toBe(true);
    });
  });
});
