import { randomBytes } from 'node:crypto';
import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { expectProblem } from './harness/problems';
import { addTeamCoach, addTeamPlayer, createPlayer, createTeam, removeTeamCoach, teamBody } from './harness/teams';
import { startTestApp, TestApp } from './harness/test-app';

/**
 * Teams: creating and changing them, who sees which team, squad players and coaches, and the access a
 * team's coaches get to its players (the players list includes them; removal ends it at once).
 */

const TEAMS = '/api/v1/teams';
const unknownId = () => randomBytes(12).toString('hex');

describe('teams (e2e)', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coachA: TestAccount;
  let coachB: TestAccount;
  let coachC: TestAccount;
  let parent: TestAccount;
  let playerAccount: TestAccount;
  let outsider: TestAccount;

  const auth = (who: TestAccount) => ({ token: who.accessToken });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    [coachA, coachB, coachC, parent, playerAccount, outsider] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent'),
      createAccount(t.http, 'player'),
      createAccount(t.http, 'parent'),
    ]);
  });
  afterAll(() => t?.close());

  describe('creating a team', () => {
    it('as a coach: 201, the coach coaches it and the squad is empty', async () => {
      const body = teamBody({ ageGroup: 'U12', sex: 'mixed' });
      const res = await t.http.post(TEAMS, body, auth(coachA));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: body.name,
        season: '2026-27',
        ageGroup: 'U12',
        sex: 'mixed',
        players: [],
        coaches: [{ id: coachA.id, displayName: 'Test coach' }],
        createdBy: coachA.id,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it('as an admin: 201 with no coach', async () => {
      const res = await t.http.post(TEAMS, teamBody({ ageGroup: 'senior', sex: 'female' }), auth(admin));
      expect(res.status).toBe(201);
      expect(res.body.coaches).toEqual([]);
    });

    it('parents and players may not create teams: 403', async () => {
      expectProblem(await t.http.post(TEAMS, teamBody(), auth(parent)), 403);
      expectProblem(await t.http.post(TEAMS, teamBody(), auth(playerAccount)), 403);
      expectProblem(await t.http.post(TEAMS, teamBody()), 401);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['no name', { name: undefined }, 'name'],
      ['a blank name', { name: '   ' }, 'name'],
      ['a name over 80 characters', { name: 'x'.repeat(81) }, 'name'],
      ['a season that is not a year', { season: 'next year' }, 'season'],
      ['a season with a bad pair', { season: '2026-7' }, 'season'],
      ['an unknown age group', { ageGroup: 'U6' }, 'ageGroup'],
      ['U24 (the groups stop at U23)', { ageGroup: 'U24' }, 'ageGroup'],
      ['an unknown sex', { sex: 'boys' }, 'sex'],
      ['an unknown field', { colour: 'red' }, 'colour'],
    ])('%s → 400 naming the field, nothing stored', async (_case, overrides, path) => {
      const body = teamBody(overrides);
      const res = await t.http.post(TEAMS, body, auth(coachA));
      expectProblem(res, 400, path);
      const list = await t.http.get(TEAMS, auth(admin));
      expect(list.body.items.map((team: { name: string }) => team.name)).not.toContain(body.name);
    });

    it('accepts every season form the contract names, and every age group from U7 to U23 and senior', async () => {
      for (const season of ['2026', '2026-27', '2026/27', '2026-2027']) {
        expect((await t.http.post(TEAMS, teamBody({ season }), auth(coachA))).status).toBe(201);
      }
      for (const ageGroup of ['U7', 'U15', 'U23', 'senior']) {
        expect((await t.http.post(TEAMS, teamBody({ ageGroup }), auth(coachA))).status).toBe(201);
      }
    });

    it('a second team of the same name in the same season → 409; another season is fine', async () => {
      const body = teamBody();
      expect((await t.http.post(TEAMS, body, auth(coachA))).status).toBe(201);
      expectProblem(await t.http.post(TEAMS, body, auth(coachB)), 409);
      expect((await t.http.post(TEAMS, { ...body, season: '2027-28' }, auth(coachB))).status).toBe(201);
    });
  });

  describe('who sees which team', () => {
    let teamId: string;
    let childId: string;
    let ownPlayerId: string;

    beforeAll(async () => {
      childId = await createPlayer(t.http, coachA);
      ownPlayerId = await createPlayer(t.http, coachA);
      expect(
        (await t.http.post(`/api/v1/players/${childId}/guardians`, { email: parent.email }, auth(coachA))).status,
      ).toBe(200);
      expect(
        (await t.http.put(`/api/v1/players/${ownPlayerId}/account`, { email: playerAccount.email }, auth(coachA)))
          .status,
      ).toBe(200);
      teamId = await createTeam(t.http, coachA, [childId, ownPlayerId], { season: '2031-32' });
    });

    it('its coach, the admin, a squad player and a squad parent read it; the squad is in name order', async () => {
      for (const who of [coachA, admin, parent, playerAccount]) {
        const res = await t.http.get(`${TEAMS}/${teamId}`, auth(who));
        expect(res.status).toBe(200);
        expect(res.body.players.map((p: { id: string }) => p.id).sort()).toEqual([childId, ownPlayerId].sort());
      }
    });

    it('another coach and an unrelated parent get 404, like a team that does not exist', async () => {
      expectProblem(await t.http.get(`${TEAMS}/${teamId}`, auth(coachB)), 404);
      expectProblem(await t.http.get(`${TEAMS}/${teamId}`, auth(outsider)), 404);
      expectProblem(await t.http.get(`${TEAMS}/${unknownId()}`, auth(admin)), 404);
      expectProblem(await t.http.get(`${TEAMS}/not-an-id`, auth(admin)), 400);
    });

    it('lists show each caller the teams they may see, filtered by season', async () => {
      const seen = async (who: TestAccount) =>
        (await t.http.get(`${TEAMS}?season=2031-32`, auth(who))).body.items.map((team: { id: string }) => team.id);
      expect(await seen(coachA)).toEqual([teamId]);
      expect(await seen(parent)).toEqual([teamId]);
      expect(await seen(playerAccount)).toEqual([teamId]);
      expect(await seen(admin)).toEqual([teamId]);
      expect(await seen(coachB)).toEqual([]);
      expect(await seen(outsider)).toEqual([]);
      expectProblem(await t.http.get(`${TEAMS}?season=soon`, auth(admin)), 400, 'season');
      expectProblem(await t.http.get(`${TEAMS}?colour=red`, auth(admin)), 400);
    });

    it('members who are not its coaches may not change it: 403; others 404; nothing changes', async () => {
      expectProblem(await t.http.patch(`${TEAMS}/${teamId}`, { name: 'Mine' }, auth(parent)), 403);
      expectProblem(await t.http.patch(`${TEAMS}/${teamId}`, { name: 'Mine' }, auth(playerAccount)), 403);
      expectProblem(await t.http.patch(`${TEAMS}/${teamId}`, { name: 'Mine' }, auth(coachB)), 404);
      expectProblem(await t.http.delete(`${TEAMS}/${teamId}`, auth(parent)), 403);
      expectProblem(await t.http.delete(`${TEAMS}/${teamId}`, auth(coachB)), 404);
      expect((await t.http.get(`${TEAMS}/${teamId}`, auth(coachA))).body.name).not.toBe('Mine');
    });
  });

  describe('changing and deleting a team', () => {
    it('PATCH changes only the fields given; validation as on create; a clash of name and season → 409', async () => {
      const teamId = await createTeam(t.http, coachA, [], { season: '2032-33', ageGroup: 'U16' });
      const res = await t.http.patch(`${TEAMS}/${teamId}`, { name: 'U16 Blue' }, auth(coachA));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'U16 Blue', season: '2032-33', ageGroup: 'U16' });
      expect((await t.http.get(`${TEAMS}/${teamId}`, auth(coachA))).body.name).toBe('U16 Blue');
      expectProblem(await t.http.patch(`${TEAMS}/${teamId}`, { ageGroup: 'U99' }, auth(coachA)), 400, 'ageGroup');
      expectProblem(await t.http.patch(`${TEAMS}/${teamId}`, { name: null }, auth(coachA)), 400, 'name');
      expectProblem(await t.http.patch(`${TEAMS}/${teamId}`, { playerIds: [] }, auth(coachA)), 400, 'playerIds');
      await createTeam(t.http, coachA, [], { name: 'U16 Red', season: '2032-33' });
      expectProblem(await t.http.patch(`${TEAMS}/${teamId}`, { name: 'U16 Red' }, auth(coachA)), 409);
    });

    it('DELETE → 204; afterwards the team is gone for everyone and its coach loses access to its players', async () => {
      const playerId = await createPlayer(t.http, admin);
      const teamId = await createTeam(t.http, admin, [playerId]);
      await addTeamCoach(t.http, admin, teamId, coachC.email);
      expect((await t.http.get(`/api/v1/players/${playerId}`, auth(coachC))).status).toBe(200);
      const res = await t.http.delete(`${TEAMS}/${teamId}`, auth(admin));
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expectProblem(await t.http.get(`${TEAMS}/${teamId}`, auth(admin)), 404);
      expectProblem(await t.http.get(`/api/v1/players/${playerId}`, auth(coachC)), 404);
      expectProblem(await t.http.delete(`${TEAMS}/${teamId}`, auth(admin)), 404);
    });
  });

  describe('squad players', () => {
    it('a coach adds players they manage; adding again is idempotent; the team coach list is unchanged', async () => {
      const teamId = await createTeam(t.http, coachA);
      const p1 = await createPlayer(t.http, coachA, { lastName: 'Aalto' });
      const p2 = await createPlayer(t.http, coachA, { lastName: 'Zidane' });
      await addTeamPlayer(t.http, coachA, teamId, p2);
      const team = await addTeamPlayer(t.http, coachA, teamId, p1);
      expect(team.players.map((p: { lastName: string }) => p.lastName)).toEqual(['Aalto', 'Zidane']);
      expect(team.players[0]).toEqual({ id: p1, firstName: 'Sami', lastName: 'Aalto', position: 'midfielder' });
      const again = await addTeamPlayer(t.http, coachA, teamId, p1);
      expect(again.players).toHaveLength(2);
    });

    it("a coach cannot reach another coach's player through a team: 422 naming playerId", async () => {
      const teamId = await createTeam(t.http, coachA);
      const theirs = await createPlayer(t.http, coachB);
      expectProblem(
        await t.http.post(`${TEAMS}/${teamId}/players`, { playerId: theirs }, auth(coachA)),
        422,
        'playerId',
      );
      expectProblem(
        await t.http.post(`${TEAMS}/${teamId}/players`, { playerId: unknownId() }, auth(coachA)),
        422,
        'playerId',
      );
      expect((await t.http.get(`${TEAMS}/${teamId}`, auth(coachA))).body.players).toEqual([]);
      expectProblem(await t.http.get(`/api/v1/players/${theirs}`, auth(coachA)), 404);
    });

    it('bad bodies → 400; a hidden team → 404; a squad parent → 403', async () => {
      const child = await createPlayer(t.http, coachA);
      expect(
        (await t.http.post(`/api/v1/players/${child}/guardians`, { email: parent.email }, auth(coachA))).status,
      ).toBe(200);
      const teamId = await createTeam(t.http, coachA, [child]);
      expectProblem(await t.http.post(`${TEAMS}/${teamId}/players`, { playerId: 'x' }, auth(coachA)), 400, 'playerId');
      expectProblem(await t.http.post(`${TEAMS}/${teamId}/players`, {}, auth(coachA)), 400, 'playerId');
      expectProblem(await t.http.post(`${TEAMS}/${teamId}/players`, [child], auth(coachA)), 400);
      expectProblem(await t.http.post(`${TEAMS}/${teamId}/players`, { playerId: child }, auth(coachB)), 404);
      expectProblem(await t.http.post(`${TEAMS}/${teamId}/players`, { playerId: child }, auth(parent)), 403);
    });

    it('DELETE with the player id takes them out; one not in the squad → 404 naming playerId', async () => {
      const p1 = await createPlayer(t.http, coachA);
      const teamId = await createTeam(t.http, coachA, [p1]);
      const res = await t.http.request('DELETE', `${TEAMS}/${teamId}/players`, { playerId: p1 }, auth(coachA));
      expect(res.status).toBe(200);
      expect(res.body.players).toEqual([]);
      expectProblem(
        await t.http.request('DELETE', `${TEAMS}/${teamId}/players`, { playerId: p1 }, auth(coachA)),
        404,
        'playerId',
      );
      expectProblem(await t.http.request('DELETE', `${TEAMS}/${teamId}/players`, {}, auth(coachA)), 400, 'playerId');
    });

    it('a deleted player leaves the squad', async () => {
      const p1 = await createPlayer(t.http, coachA);
      const teamId = await createTeam(t.http, coachA, [p1]);
      expect((await t.http.delete(`/api/v1/players/${p1}`, auth(coachA))).status).toBe(204);
      expect((await t.http.get(`${TEAMS}/${teamId}`, auth(coachA))).body.players).toEqual([]);
    });
  });

  describe('team coaches and the access they give', () => {
    let teamId: string;
    let playerId: string;

    beforeAll(async () => {
      playerId = await createPlayer(t.http, coachA, { lastName: `Teamonly${randomBytes(2).toString('hex')}` });
      teamId = await createTeam(t.http, coachA, [playerId]);
    });

    it("rejects an unknown email and a parent's email with 422 naming email; a malformed one with 400", async () => {
      expectProblem(
        await t.http.post(`${TEAMS}/${teamId}/coaches`, { email: 'nobody@test.example' }, auth(coachA)),
        422,
        'email',
      );
      expectProblem(
        await t.http.post(`${TEAMS}/${teamId}/coaches`, { email: parent.email }, auth(coachA)),
        422,
        'email',
      );
      expectProblem(
        await t.http.post(`${TEAMS}/${teamId}/coaches`, { email: 'not-an-email' }, auth(coachA)),
        400,
        'email',
      );
    });

    it('a coach added by email sees and manages the squad player, who appears in their players list', async () => {
      expectProblem(await t.http.get(`/api/v1/players/${playerId}`, auth(coachB)), 404);
      const team = await addTeamCoach(t.http, coachA, teamId, coachB.email.toUpperCase());
      expect(team.coaches.map((c: { id: string }) => c.id)).toEqual([coachA.id, coachB.id]);
      expect((await t.http.get(`/api/v1/players/${playerId}`, auth(coachB))).status).toBe(200);
      expect((await t.http.patch(`/api/v1/players/${playerId}`, { heightCm: 150 }, auth(coachB))).status).toBe(200);
      const list = await t.http.get('/api/v1/players?name=Teamonly', auth(coachB));
      expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([playerId]);
      expect(list.body.total).toBe(1);
      // The team coach is not a direct coach: the player's own coach list is unchanged.
      expect((await t.http.get(`/api/v1/players/${playerId}`, auth(coachB))).body.coachIds).toEqual([coachA.id]);
    });

    it('removing the coach ends that access with the same answer: 404, and the list no longer shows the player', async () => {
      const team = await removeTeamCoach(t.http, coachA, teamId, coachB.email);
      expect(team.coaches.map((c: { id: string }) => c.id)).toEqual([coachA.id]);
      expectProblem(await t.http.get(`/api/v1/players/${playerId}`, auth(coachB)), 404);
      expectProblem(await t.http.patch(`/api/v1/players/${playerId}`, { heightCm: 151 }, auth(coachB)), 404);
      expect((await t.http.get('/api/v1/players?name=Teamonly', auth(coachB))).body.items).toEqual([]);
      expectProblem(await t.http.get(`${TEAMS}/${teamId}`, auth(coachB)), 404);
    });

    it('removing a coach who does not coach the team → 404 naming email', async () => {
      expectProblem(
        await t.http.request('DELETE', `${TEAMS}/${teamId}/coaches`, { email: coachC.email }, auth(coachA)),
        404,
        'email',
      );
      expectProblem(
        await t.http.request('DELETE', `${TEAMS}/${teamId}/coaches`, { email: 'nobody@test.example' }, auth(coachA)),
        404,
        'email',
      );
    });

    it('a team coach may add further coaches and players they manage, as the creating coach does', async () => {
      await addTeamCoach(t.http, coachA, teamId, coachC.email);
      const own = await createPlayer(t.http, coachC);
      const team = await addTeamPlayer(t.http, coachC, teamId, own);
      expect(team.players.map((p: { id: string }) => p.id).sort()).toEqual([playerId, own].sort());
      // Now coachA coaches coachC's player through the team.
      expect((await t.http.get(`/api/v1/players/${own}`, auth(coachA))).status).toBe(200);
    });
  });
});
