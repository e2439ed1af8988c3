import { randomBytes } from 'node:crypto';
import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { HttpResponse } from './harness/http-client';
import { startTestApp, TestApp } from './harness/test-app';

/**
 * Players: creation, validation, the access policy (who may see / change which player),
 * injury records, coach/guardian/account links, id handling and pagination.
 *
 * One app and one set of accounts for the whole file (argon2 makes logins slow); each
 * describe block creates the players it needs, with a last name unique to the block so
 * list assertions can filter with `?name=` and stay independent of the other blocks.
 */

const PLAYERS = '/api/v1/players';

const REQUIRED_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'sex', 'position', 'level', 'dominantFoot'];

/** `YYYY-MM-DD` for today (UTC) shifted by whole years and days. */
function calendarDate(yearsAgo: number, daysAgo = 0): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear() - yearsAgo, now.getUTCMonth(), now.getUTCDate() - daysAgo));
  return date.toISOString().slice(0, 10);
}

/** Whole years since a `YYYY-MM-DD` birthday, counted the way the API documents (UTC). */
function ageOn(dateOfBirth: string, now = new Date()): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age -= 1;
  return age;
}

/** A valid create body; override any field. */
function playerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    firstName: 'Lina',
    lastName: 'Haddad',
    dateOfBirth: '2012-06-15',
    sex: 'female',
    position: 'midfielder',
    level: 'academy',
    dominantFoot: 'right',
    heightCm: 152,
    weightKg: 41.5,
    ...overrides,
  };
}

/** A 24-hex id that no document has. */
const unknownId = () => randomBytes(12).toString('hex');

/** Asserts an RFC 9457 error response, optionally naming the offending field(s). */
function expectProblem(res: HttpResponse, status: number, ...paths: string[]): void {
  expect({ status: res.status, body: res.body }).toMatchObject({
    status,
    body: { status },
  });
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toEqual(
    expect.objectContaining({
      type: expect.stringMatching(/^\/problems\//),
      title: expect.any(String),
      detail: expect.any(String),
    }),
  );
  for (const path of paths) {
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  }
}

/** A player as the API returns it. */
interface PlayerJson {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  ageYears: number;
  sex: string;
  position: string;
  level: string;
  dominantFoot: string;
  heightCm?: number;
  weightKg?: number;
  injury: { status: string; bodyRegions: string[]; since?: string; notes?: string };
  coachIds: string[];
  guardianIds: string[];
  userId?: string;
  createdAt: string;
  updatedAt: string;
}

const ids = (res: HttpResponse): string[] => res.body.items.map((p: { id: string }) => p.id);

describe('players (e2e)', () => {
  let t: TestApp;
  let admin: TestAccount;
  let coachA: TestAccount;
  let coachB: TestAccount;
  let parentA: TestAccount;
  let parentB: TestAccount;
  let playerA: TestAccount;
  let playerB: TestAccount;

  const auth = (who: TestAccount) => ({ token: who.accessToken });

  /** Creates a player as `who` and returns its body, failing loudly on anything but 201. */
  async function createPlayer(who: TestAccount, overrides: Record<string, unknown> = {}) {
    const res = await t.http.post(PLAYERS, playerBody(overrides), auth(who));
    if (res.status !== 201) throw new Error(`create player failed: ${res.status} ${res.text}`);
    return res.body as PlayerJson;
  }

  /** Links a user to a player through the API, as `who`. */
  async function link(who: TestAccount, playerId: string, kind: 'guardians' | 'coaches', email: string) {
    const res = await t.http.post(`${PLAYERS}/${playerId}/${kind}`, { email }, auth(who));
    if (res.status !== 200) throw new Error(`link ${kind} failed: ${res.status} ${res.text}`);
    return res.body;
  }

  async function linkAccount(who: TestAccount, playerId: string, email: string) {
    const res = await t.http.put(`${PLAYERS}/${playerId}/account`, { email }, auth(who));
    if (res.status !== 200) throw new Error(`link account failed: ${res.status} ${res.text}`);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    [coachA, coachB, parentA, parentB, playerA, playerB] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent'),
      createAccount(t.http, 'parent'),
      createAccount(t.http, 'player'),
      createAccount(t.http, 'player'),
    ]);
  });
  afterAll(() => t?.close());

  describe('authentication and roles', () => {
    let player: PlayerJson;
    beforeAll(async () => {
      player = await createPlayer(coachA, { lastName: 'Authcheck' });
    });

    it.each([
      ['GET', ''],
      ['POST', ''],
      ['GET', '/:id'],
      ['PATCH', '/:id'],
      ['DELETE', '/:id'],
      ['PUT', '/:id/injury'],
      ['POST', '/:id/guardians'],
      ['POST', '/:id/coaches'],
      ['PUT', '/:id/account'],
      ['DELETE', '/:id/account'],
    ])('anonymous %s /players%s → 401', async (method, suffix) => {
      const res = await t.http.request(
        method,
        `${PLAYERS}${suffix.replace(':id', player.id)}`,
        method === 'GET' || method === 'DELETE' ? undefined : {},
      );
      expectProblem(res, 401);
    });

    it('rejects a malformed or forged bearer token with 401', async () => {
      expectProblem(await t.http.get(PLAYERS, { token: 'not-a-jwt' }), 401);
      const [header, payload] = coachA.accessToken.split('.');
      expectProblem(
        await t.http.get(PLAYERS, {
          token: `${header}.${payload}.forged-signature`,
        }),
        401,
      );
    });
  });

  describe('creating a player', () => {
    it('as a coach: 201 with the full profile, injury defaults and the coach in coachIds', async () => {
      const body = playerBody({ firstName: '  Lina  ', lastName: 'Createdbycoach' });
      const res = await t.http.post(PLAYERS, body, auth(coachA));

      expect(res.status).toBe(201);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        firstName: 'Lina', // trimmed
        lastName: 'Createdbycoach',
        dateOfBirth: '2012-06-15',
        ageYears: ageOn('2012-06-15'),
        sex: 'female',
        position: 'midfielder',
        level: 'academy',
        dominantFoot: 'right',
        heightCm: 152,
        weightKg: 41.5,
        injury: { status: 'fit', bodyRegions: [] },
        coachIds: [coachA.id],
        guardianIds: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(res.body).not.toHaveProperty('userId');
      expect(res.body).not.toHaveProperty('createdBy');
      expect(Number.isNaN(Date.parse(res.body.createdAt))).toBe(false);

      const read = await t.http.get(`${PLAYERS}/${res.body.id}`, auth(coachA));
      expect(read.status).toBe(200);
      expect(read.body).toEqual(res.body);
    });

    it('optional measurements may be left out', async () => {
      const body = playerBody({ lastName: 'Nomeasures' });
      delete body.heightCm;
      delete body.weightKg;
      const res = await t.http.post(PLAYERS, body, auth(coachA));
      expect(res.status).toBe(201);
      expect(res.body).not.toHaveProperty('heightCm');
      expect(res.body).not.toHaveProperty('weightKg');
    });

    it('as an admin: 201 with no coach attached', async () => {
      const res = await t.http.post(PLAYERS, playerBody({ lastName: 'Createdbyadmin' }), auth(admin));
      expect(res.status).toBe(201);
      expect(res.body.coachIds).toEqual([]);
      expect(res.body.guardianIds).toEqual([]);
      // No coach is attached, so no coach can see it.
      expectProblem(await t.http.get(`${PLAYERS}/${res.body.id}`, auth(coachA)), 404);
    });

    it.each([
      ['parent', () => parentA],
      ['player', () => playerA],
    ])('as a %s: 403', async (_role, who) => {
      const res = await t.http.post(PLAYERS, playerBody({ lastName: 'Forbidden' }), auth(who()));
      expectProblem(res, 403);
      const all = await t.http.get(`${PLAYERS}?name=Forbidden`, auth(admin));
      expect(all.body.total).toBe(0);
    });

    it('anonymous: 401', async () => {
      expectProblem(await t.http.post(PLAYERS, playerBody()), 401);
    });
  });

  describe('validation of the profile', () => {
    it('names every missing required field', async () => {
      const res = await t.http.post(PLAYERS, {}, auth(coachA));
      expectProblem(res, 400, ...REQUIRED_FIELDS);
      expect(res.body).toMatchObject({ type: '/problems/validation-error', title: 'Validation Failed' });
      expect(res.body.errors.every((e: { message: unknown }) => typeof e.message === 'string')).toBe(true);
    });

    it.each(REQUIRED_FIELDS)('names %s when only it is missing', async (field) => {
      const body = playerBody();
      delete body[field];
      const res = await t.http.post(PLAYERS, body, auth(coachA));
      expectProblem(res, 400, field);
      expect(new Set(res.body.errors.map((e: { path: string }) => e.path))).toEqual(new Set([field]));
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['sex outside the enum', { sex: 'x' }, 'sex'],
      ['position outside the enum', { position: 'striker' }, 'position'],
      ['level outside the enum', { level: 'pro' }, 'level'],
      ['dominantFoot outside the enum', { dominantFoot: 'none' }, 'dominantFoot'],
      ['dateOfBirth that is not a date', { dateOfBirth: 'not-a-date' }, 'dateOfBirth'],
      ['an impossible dateOfBirth (2013-02-29)', { dateOfBirth: '2013-02-29' }, 'dateOfBirth'],
      ['an impossible dateOfBirth (2012-13-01)', { dateOfBirth: '2012-13-01' }, 'dateOfBirth'],
      ['a dateOfBirth with a time part', { dateOfBirth: '2012-06-15T00:00:00Z' }, 'dateOfBirth'],
      ['a dateOfBirth as a number', { dateOfBirth: 20120615 }, 'dateOfBirth'],
      ['heightCm below 60', { heightCm: 59 }, 'heightCm'],
      ['heightCm above 230', { heightCm: 231 }, 'heightCm'],
      ['heightCm as a string', { heightCm: '150' }, 'heightCm'],
      ['heightCm with two decimals', { heightCm: 150.25 }, 'heightCm'],
      ['weightKg below 10', { weightKg: 9 }, 'weightKg'],
      ['weightKg above 200', { weightKg: 201 }, 'weightKg'],
      ['an empty firstName', { firstName: '' }, 'firstName'],
      ['a blank firstName (trimmed to empty)', { firstName: '   ' }, 'firstName'],
      ['a lastName over 80 characters', { lastName: 'x'.repeat(81) }, 'lastName'],
      ['a firstName that is not a string', { firstName: 42 }, 'firstName'],
      ['an operator object as firstName', { firstName: { $ne: null } }, 'firstName'],
      ['an operator object as level', { level: { $in: ['elite'] } }, 'level'],
      ['an unknown field', { nickname: 'Lulu' }, 'nickname'],
      ['a client-chosen coachIds (mass assignment)', { coachIds: ['65a1b2c3d4e5f60718293a4b'] }, 'coachIds'],
      ['a client-chosen userId (mass assignment)', { userId: '65a1b2c3d4e5f60718293a4b' }, 'userId'],
    ])('rejects %s with 400 naming the field', async (_label, overrides, path) => {
      const res = await t.http.post(PLAYERS, playerBody({ lastName: 'Invalid', ...overrides }), auth(coachA));
      expectProblem(res, 400, path);
    });

    // Real dates that move with the calendar: the schema cannot state them.
    it.each<[string, Record<string, unknown>, string]>([
      ['a dateOfBirth in the future', { dateOfBirth: calendarDate(-1) }, 'dateOfBirth'],
      ['a player younger than 3', { dateOfBirth: calendarDate(2) }, 'dateOfBirth'],
      ['a player older than 80', { dateOfBirth: calendarDate(81) }, 'dateOfBirth'],
    ])('rejects %s with 422 naming the field', async (_label, overrides, path) => {
      const res = await t.http.post(PLAYERS, playerBody({ lastName: 'Invalid', ...overrides }), auth(coachA));
      expectProblem(res, 422, path);
      expect(res.body.type).toBe('/problems/rule-violation');
    });

    it('accepts the boundaries: exactly 3 and 80 years old, 60 and 230 cm, one decimal', async () => {
      for (const overrides of [
        { dateOfBirth: calendarDate(3), heightCm: 60, weightKg: 10 },
        { dateOfBirth: calendarDate(80), heightCm: 230, weightKg: 200 },
        { dateOfBirth: '2012-02-29', heightCm: 150.5, weightKg: 40.5 },
      ]) {
        const res = await t.http.post(PLAYERS, playerBody({ lastName: 'Boundary', ...overrides }), auth(coachA));
        expect({ overrides, status: res.status, body: res.body }).toMatchObject({ status: 201, body: overrides });
      }
    });

    it('a rejected create stores nothing', async () => {
      const res = await t.http.get(`${PLAYERS}?name=Invalid`, auth(admin));
      expect(res.body.total).toBe(0);
    });

    it('rejects a body that is not JSON, or not an object, with a problem', async () => {
      expectProblem(
        await t.http.post(PLAYERS, undefined, {
          ...auth(coachA),
          raw: '{"firstName": ',
        }),
        400,
      );
      expectProblem(await t.http.post(PLAYERS, undefined, { ...auth(coachA), raw: '[]' }), 400);
    });

    it('PATCH validates the fields it is given, and only those', async () => {
      const player = await createPlayer(coachA, { lastName: 'Patchvalidation' });
      const url = `${PLAYERS}/${player.id}`;
      expectProblem(await t.http.patch(url, { sex: 'x' }, auth(coachA)), 400, 'sex');
      expectProblem(await t.http.patch(url, { dateOfBirth: '2013-02-29' }, auth(coachA)), 400, 'dateOfBirth');
      expectProblem(await t.http.patch(url, { heightCm: '150' }, auth(coachA)), 400, 'heightCm');
      expectProblem(await t.http.patch(url, { firstName: { $ne: null } }, auth(coachA)), 400, 'firstName');
      expectProblem(await t.http.patch(url, { coachIds: [coachB.id] }, auth(coachA)), 400, 'coachIds');
      expectProblem(await t.http.patch(url, { injury: { status: 'injured' } }, auth(coachA)), 400, 'injury');

      const unchanged = await t.http.get(url, auth(coachA));
      expect(unchanged.body).toMatchObject({
        sex: 'female',
        dateOfBirth: '2012-06-15',
        heightCm: 152,
        coachIds: [coachA.id],
      });
    });

    it('PATCH with null for a required field → 400 naming it', async () => {
      const player = await createPlayer(coachA, { lastName: 'Patchnull' });
      for (const field of ['firstName', 'sex', 'dateOfBirth']) {
        expectProblem(await t.http.patch(`${PLAYERS}/${player.id}`, { [field]: null }, auth(coachA)), 400, field);
      }
    });
  });

  describe('access matrix', () => {
    // p1 and p2 are coached by coachA, p3 by coachB.
    // parentA is guardian of p1 (linked by coachA) and p3 (linked by coachB); parentB of nobody.
    // playerA's account is p1's; playerB's account belongs to nobody.
    const players = {} as Record<'p1' | 'p2' | 'p3', PlayerJson>;
    const who = (name: string): TestAccount =>
      ({ admin, coachA, coachB, parentA, parentB, playerA, playerB })[name] as TestAccount;

    beforeAll(async () => {
      players.p1 = await createPlayer(coachA, {
        firstName: 'Ana',
        lastName: 'Matrixone',
        level: 'elite',
        position: 'goalkeeper',
      });
      players.p2 = await createPlayer(coachA, { firstName: 'Bea', lastName: 'Matrixtwo' });
      players.p3 = await createPlayer(coachB, { firstName: 'Cleo', lastName: 'Matrixthree' });
      await link(coachA, players.p1.id, 'guardians', parentA.email);
      await link(coachB, players.p3.id, 'guardians', parentA.email);
      await linkAccount(coachA, players.p1.id, playerA.email);
    });

    describe('GET /players/:id', () => {
      it.each<[string, 'p1' | 'p2' | 'p3', number]>([
        ['admin', 'p1', 200],
        ['admin', 'p2', 200],
        ['admin', 'p3', 200],
        ['coachA', 'p1', 200],
        ['coachA', 'p2', 200],
        ['coachA', 'p3', 404],
        ['coachB', 'p1', 404],
        ['coachB', 'p2', 404],
        ['coachB', 'p3', 200],
        ['parentA', 'p1', 200],
        ['parentA', 'p2', 404],
        ['parentA', 'p3', 200],
        ['parentB', 'p1', 404],
        ['parentB', 'p3', 404],
        ['playerA', 'p1', 200],
        ['playerA', 'p2', 404],
        ['playerB', 'p1', 404],
      ])('%s → %s: %i', async (caller, player, status) => {
        const res = await t.http.get(`${PLAYERS}/${players[player].id}`, auth(who(caller)));
        if (status === 200) {
          expect(res.status).toBe(200);
          expect(res.body.id).toBe(players[player].id);
        } else {
          expectProblem(res, status);
        }
      });

      it('a hidden player is indistinguishable from one that does not exist', async () => {
        const hidden = await t.http.get(`${PLAYERS}/${players.p1.id}`, auth(coachB));
        const missing = await t.http.get(`${PLAYERS}/${unknownId()}`, auth(coachB));
        const shape = (r: HttpResponse) => ({
          status: r.status,
          type: r.body.type,
          title: r.body.title,
          detail: r.body.detail,
        });
        expect(shape(hidden)).toEqual(shape(missing));
      });

      it('linked views carry the links', async () => {
        const res = await t.http.get(`${PLAYERS}/${players.p1.id}`, auth(parentA));
        expect(res.body).toMatchObject({ coachIds: [coachA.id], guardianIds: [parentA.id], userId: playerA.id });
      });
    });

    describe('GET /players (list)', () => {
      const listNames = async (caller: string, query = 'name=Matrix') => {
        const res = await t.http.get(`${PLAYERS}?${query}&limit=100`, auth(who(caller)));
        expect(res.status).toBe(200);
        return res;
      };

      it.each<[string, string[]]>([
        ['admin', ['Matrixone', 'Matrixthree', 'Matrixtwo']],
        ['coachA', ['Matrixone', 'Matrixtwo']],
        ['coachB', ['Matrixthree']],
        ['parentA', ['Matrixone', 'Matrixthree']],
        ['parentB', []],
        ['playerA', ['Matrixone']],
        ['playerB', []],
      ])('%s sees exactly %j, sorted by last name', async (caller, lastNames) => {
        const res = await listNames(caller);
        expect(res.body).toMatchObject({ total: lastNames.length, page: 1, limit: 100 });
        expect(res.body.items.map((p: { lastName: string }) => p.lastName)).toEqual(lastNames);
      });

      it('without a filter, every listed player is one the caller is linked to', async () => {
        const check = async (caller: TestAccount, linked: (p: PlayerJson) => boolean) => {
          const res = await t.http.get(`${PLAYERS}?limit=100`, auth(caller));
          expect(res.status).toBe(200);
          expect(res.body.total).toBe(res.body.items.length);
          expect(res.body.items.filter((p: PlayerJson) => !linked(p))).toEqual([]);
          return res.body.total as number;
        };
        expect(await check(coachA, (p) => p.coachIds.includes(coachA.id))).toBeGreaterThanOrEqual(2);
        expect(await check(coachB, (p) => p.coachIds.includes(coachB.id))).toBeGreaterThanOrEqual(1);
        expect(await check(parentA, (p) => p.guardianIds.includes(parentA.id))).toBe(2);
        expect(await check(parentB, () => false)).toBe(0);
        expect(await check(playerA, (p) => p.userId === playerA.id)).toBe(1);
        expect(await check(playerB, () => false)).toBe(0);
      });

      it('admin sees every player', async () => {
        const all = await t.http.get(`${PLAYERS}?limit=100`, auth(admin));
        const a = await t.http.get(`${PLAYERS}?limit=100`, auth(coachA));
        const b = await t.http.get(`${PLAYERS}?limit=100`, auth(coachB));
        expect(all.body.total).toBeGreaterThanOrEqual(a.body.total + b.body.total);
        expect(ids(all)).toEqual(expect.arrayContaining([...ids(a), ...ids(b)]));
      });

      it('filters by level, position and a case-insensitive name prefix', async () => {
        expect(ids(await listNames('admin', 'name=Matrix&level=elite'))).toEqual([players.p1.id]);
        expect(ids(await listNames('admin', 'name=Matrix&position=goalkeeper'))).toEqual([players.p1.id]);
        expect(ids(await listNames('admin', 'name=matrixT'))).toEqual([players.p3.id, players.p2.id]);
        expect(ids(await listNames('admin', 'name=cle'))).toEqual([players.p3.id]); // first name
        expect(ids(await listNames('coachB', 'name=Matrix&level=elite'))).toEqual([]);
      });

      it('treats the name as text, not a pattern', async () => {
        const res = await listNames('admin', `name=${encodeURIComponent('.*')}`);
        expect(res.body.total).toBe(0);
      });

      it.each([
        ['level=pro', 'level'],
        ['position=striker', 'position'],
        ['name=', 'name'],
        ['name=a&name=b', 'name'],
        ['coachIds=x', 'coachIds'],
      ])('rejects the query %s with 400', async (query, path) => {
        expectProblem(await t.http.get(`${PLAYERS}?${query}`, auth(admin)), 400, path);
      });
    });

    describe('read-only callers (linked parent, own player account)', () => {
      it.each<[string, (id: string, http: TestApp['http'], o: { token: string }) => Promise<HttpResponse>]>([
        ['PATCH', (id, http, o) => http.patch(`${PLAYERS}/${id}`, { level: 'elite' }, o)],
        ['DELETE', (id, http, o) => http.delete(`${PLAYERS}/${id}`, o)],
        ['PUT injury', (id, http, o) => http.put(`${PLAYERS}/${id}/injury`, { status: 'fit', bodyRegions: [] }, o)],
        ['POST guardians', (id, http, o) => http.post(`${PLAYERS}/${id}/guardians`, { email: parentB.email }, o)],
        ['POST coaches', (id, http, o) => http.post(`${PLAYERS}/${id}/coaches`, { email: coachB.email }, o)],
        ['PUT account', (id, http, o) => http.put(`${PLAYERS}/${id}/account`, { email: playerB.email }, o)],
        ['DELETE account', (id, http, o) => http.delete(`${PLAYERS}/${id}/account`, o)],
        ['DELETE guardian', (id, http, o) => http.delete(`${PLAYERS}/${id}/guardians/${parentA.id}`, o)],
      ])('%s → 403 for the parent and the player, and nothing changes', async (_label, call) => {
        const before = await t.http.get(`${PLAYERS}/${players.p1.id}`, auth(admin));
        expectProblem(await call(players.p1.id, t.http, auth(parentA)), 403);
        expectProblem(await call(players.p1.id, t.http, auth(playerA)), 403);
        const after = await t.http.get(`${PLAYERS}/${players.p1.id}`, auth(admin));
        expect(after.body).toEqual(before.body);
      });
    });

    describe('callers who cannot see the player', () => {
      it.each<[string, (id: string, http: TestApp['http'], o: { token: string }) => Promise<HttpResponse>]>([
        ['PATCH', (id, http, o) => http.patch(`${PLAYERS}/${id}`, { level: 'elite' }, o)],
        ['DELETE', (id, http, o) => http.delete(`${PLAYERS}/${id}`, o)],
        ['PUT injury', (id, http, o) => http.put(`${PLAYERS}/${id}/injury`, { status: 'fit', bodyRegions: [] }, o)],
        ['POST guardians', (id, http, o) => http.post(`${PLAYERS}/${id}/guardians`, { email: parentB.email }, o)],
        [
          'POST coaches (adding oneself)',
          (id, http, o) => http.post(`${PLAYERS}/${id}/coaches`, { email: coachB.email }, o),
        ],
        ['PUT account', (id, http, o) => http.put(`${PLAYERS}/${id}/account`, { email: playerB.email }, o)],
        ['DELETE account', (id, http, o) => http.delete(`${PLAYERS}/${id}/account`, o)],
        ['DELETE guardian', (id, http, o) => http.delete(`${PLAYERS}/${id}/guardians/${parentA.id}`, o)],
        ['DELETE coach', (id, http, o) => http.delete(`${PLAYERS}/${id}/coaches/${coachA.id}`, o)],
      ])('%s → 404 for another coach, an unlinked parent and another player', async (_label, call) => {
        const before = await t.http.get(`${PLAYERS}/${players.p1.id}`, auth(admin));
        expectProblem(await call(players.p1.id, t.http, auth(coachB)), 404);
        expectProblem(await call(players.p1.id, t.http, auth(parentB)), 404);
        expectProblem(await call(players.p1.id, t.http, auth(playerB)), 404);
        const after = await t.http.get(`${PLAYERS}/${players.p1.id}`, auth(admin));
        expect(after.body).toEqual(before.body);
      });

      it('a parent cannot link themselves to a child they cannot see', async () => {
        expectProblem(
          await t.http.post(`${PLAYERS}/${players.p2.id}/guardians`, { email: parentB.email }, auth(parentB)),
          404,
        );
        expectProblem(await t.http.get(`${PLAYERS}/${players.p2.id}`, auth(parentB)), 404);
      });
    });
  });

  describe('changing and deleting a player', () => {
    let player: PlayerJson;
    beforeAll(async () => {
      player = await createPlayer(coachA, { lastName: 'Writable' });
      await link(coachA, player.id, 'guardians', parentA.email);
    });
    const url = () => `${PLAYERS}/${player.id}`;

    it('linked parent PATCH → 403; unlinked parent and other coach → 404; nothing persists', async () => {
      expectProblem(await t.http.patch(url(), { firstName: 'Hacked' }, auth(parentA)), 403);
      expectProblem(await t.http.patch(url(), { firstName: 'Hacked' }, auth(parentB)), 404);
      expectProblem(await t.http.patch(url(), { firstName: 'Hacked' }, auth(coachB)), 404);
      const res = await t.http.get(url(), auth(admin));
      expect(res.body.firstName).toBe('Lina');
    });

    it('own coach PATCH → 200; the change persists and other fields are kept', async () => {
      const res = await t.http.patch(url(), { firstName: ' Maya ', level: 'elite', heightCm: 160.5 }, auth(coachA));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ firstName: 'Maya', level: 'elite', heightCm: 160.5 });

      const read = await t.http.get(url(), auth(parentA));
      expect(read.body).toEqual(res.body);
      expect(read.body).toMatchObject({
        lastName: 'Writable',
        dateOfBirth: '2012-06-15',
        sex: 'female',
        weightKg: 41.5,
        coachIds: [coachA.id],
        guardianIds: [parentA.id],
        createdAt: player.createdAt,
      });
      expect(Date.parse(read.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(player.updatedAt));
    });

    it('changing dateOfBirth recomputes ageYears', async () => {
      const dateOfBirth = calendarDate(9, 1); // turned 9 yesterday
      const res = await t.http.patch(url(), { dateOfBirth }, auth(coachA));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ dateOfBirth, ageYears: 9 });
    });

    it('admin may change any player', async () => {
      const res = await t.http.patch(url(), { position: 'forward' }, auth(admin));
      expect(res.status).toBe(200);
      expect(res.body.position).toBe('forward');
    });

    it('linked parent DELETE → 403, other coach → 404, and the player is still there', async () => {
      expectProblem(await t.http.delete(url(), auth(parentA)), 403);
      expectProblem(await t.http.delete(url(), auth(coachB)), 404);
      expect((await t.http.get(url(), auth(coachA))).status).toBe(200);
    });

    it('own coach DELETE → 204 with no body; afterwards it is gone for everyone', async () => {
      const res = await t.http.delete(url(), auth(coachA));
      expect(res.status).toBe(204);
      expect(res.text).toBe('');

      expectProblem(await t.http.get(url(), auth(coachA)), 404);
      expectProblem(await t.http.get(url(), auth(admin)), 404);
      expectProblem(await t.http.get(url(), auth(parentA)), 404);
      expectProblem(await t.http.patch(url(), { level: 'academy' }, auth(coachA)), 404);
      expectProblem(await t.http.delete(url(), auth(coachA)), 404);
      const list = await t.http.get(`${PLAYERS}?name=Writable`, auth(admin));
      expect(list.body.total).toBe(0);
    });
  });

  describe('injury record', () => {
    let player: PlayerJson;
    beforeAll(async () => {
      player = await createPlayer(coachA, { lastName: 'Injurable' });
      await link(coachA, player.id, 'guardians', parentA.email);
    });
    const url = () => `${PLAYERS}/${player.id}/injury`;

    it.each<[string, Record<string, unknown>, string]>([
      ['an unknown body region', { status: 'injured', bodyRegions: ['elbow'] }, 'bodyRegions'],
      ['a repeated body region', { status: 'injured', bodyRegions: ['knee', 'knee'] }, 'bodyRegions'],
      ['bodyRegions that is not an array', { status: 'injured', bodyRegions: 'knee' }, 'bodyRegions'],
      ['an unknown status', { status: 'sick', bodyRegions: [] }, 'status'],
      ['a missing status', { bodyRegions: [] }, 'status'],
      ['an impossible since', { status: 'injured', bodyRegions: ['knee'], since: '2025-02-30' }, 'since'],
      ['notes over 2000 characters', { status: 'injured', bodyRegions: ['knee'], notes: 'x'.repeat(2001) }, 'notes'],
      ['an unknown field', { status: 'fit', bodyRegions: [], severity: 3 }, 'severity'],
    ])('rejects %s with 400', async (_label, body, path) => {
      expectProblem(await t.http.put(url(), body, auth(coachA)), 400, path);
    });

    // Rules across fields, or against today: the schema cannot state them.
    it.each<[string, Record<string, unknown>, string]>([
      ['injured without bodyRegions', { status: 'injured' }, 'bodyRegions'],
      ['injured with empty bodyRegions', { status: 'injured', bodyRegions: [] }, 'bodyRegions'],
      ['fit with bodyRegions', { status: 'fit', bodyRegions: ['knee'] }, 'bodyRegions'],
      [
        'since in the future',
        {
          status: 'injured',
          bodyRegions: ['knee'],
          since: calendarDate(0, -1),
        },
        'since',
      ],
    ])('rejects %s with 422', async (_label, body, path) => {
      expectProblem(await t.http.put(url(), body, auth(coachA)), 422, path);
    });

    it('the rejected requests left the player fit', async () => {
      const res = await t.http.get(`${PLAYERS}/${player.id}`, auth(coachA));
      expect(res.body.injury).toEqual({ status: 'fit', bodyRegions: [] });
    });

    it('injured with regions → 200, since defaults to today (UTC), and it persists', async () => {
      const before = calendarDate(0);
      const res = await t.http.put(
        url(),
        { status: 'injured', bodyRegions: ['knee', 'ankle'], notes: 'Twisted in training' },
        auth(coachA),
      );
      const after = calendarDate(0);
      expect(res.status).toBe(200);
      expect(res.body.injury).toEqual({
        status: 'injured',
        bodyRegions: ['knee', 'ankle'],
        since: expect.any(String),
        notes: 'Twisted in training',
      });
      expect([before, after]).toContain(res.body.injury.since);

      const read = await t.http.get(`${PLAYERS}/${player.id}`, auth(parentA));
      expect(read.body.injury).toEqual(res.body.injury);
    });

    it('returning with an explicit past since → 200', async () => {
      const since = calendarDate(0, 10);
      const res = await t.http.put(url(), { status: 'returning', bodyRegions: ['knee'], since }, auth(coachA));
      expect(res.status).toBe(200);
      expect(res.body.injury).toEqual({ status: 'returning', bodyRegions: ['knee'], since });
    });

    it('since may be today', async () => {
      const since = calendarDate(0);
      const res = await t.http.put(url(), { status: 'returning', bodyRegions: ['knee'], since }, auth(coachA));
      expect(res.status).toBe(200);
      expect(res.body.injury.since).toBe(since);
    });

    it('fit replaces the whole record (regions and notes are cleared)', async () => {
      const res = await t.http.put(url(), { status: 'fit' }, auth(coachA));
      expect(res.status).toBe(200);
      expect(res.body.injury).toEqual({
        status: 'fit',
        bodyRegions: [],
        since: calendarDate(0),
      });
    });

    it('linked parent → 403, other coach → 404, unchanged', async () => {
      const body = { status: 'injured', bodyRegions: ['hip'] };
      expectProblem(await t.http.put(url(), body, auth(parentA)), 403);
      expectProblem(await t.http.put(url(), body, auth(coachB)), 404);
      const res = await t.http.get(`${PLAYERS}/${player.id}`, auth(admin));
      expect(res.body.injury.status).toBe('fit');
    });
  });

  describe('links: guardians, coaches and the player account', () => {
    let player: PlayerJson;
    let other: PlayerJson;
    let accountHolder: TestAccount;
    beforeAll(async () => {
      [player, other, accountHolder] = await Promise.all([
        createPlayer(coachA, { lastName: 'Linkable' }),
        createPlayer(coachA, { lastName: 'Linkableother' }),
        createAccount(t.http, 'player'),
      ]);
    });
    const url = (suffix: string) => `${PLAYERS}/${player.id}${suffix}`;

    describe('guardians', () => {
      it.each<[string, () => string, number]>([
        ["a coach's email", () => coachB.email, 422],
        ["a player's email", () => accountHolder.email, 422],
        ["the admin's email", () => admin.email, 422],
        ['an unknown email', () => 'nobody@test.example', 422],
      ])('rejects %s', async (_label, email, status) => {
        expectProblem(await t.http.post(url('/guardians'), { email: email() }, auth(coachA)), status);
      });

      it.each([['not-an-email'], [''], [42]])('rejects the email %p with 400', async (email) => {
        expectProblem(await t.http.post(url('/guardians'), { email }, auth(coachA)), 400, 'email');
      });

      it('rejects a missing email and unknown fields', async () => {
        expectProblem(await t.http.post(url('/guardians'), {}, auth(coachA)), 400, 'email');
        expectProblem(
          await t.http.post(url('/guardians'), { email: parentB.email, role: 'coach' }, auth(coachA)),
          400,
          'role',
        );
      });

      it('links a parent (email matched case-insensitively) → 200; the parent can then see the player', async () => {
        expectProblem(await t.http.get(url(''), auth(parentB)), 404);
        const res = await t.http.post(url('/guardians'), { email: `  ${parentB.email.toUpperCase()} ` }, auth(coachA));
        expect(res.status).toBe(200);
        expect(res.body.guardianIds).toEqual([parentB.id]);
        expect((await t.http.get(url(''), auth(parentB))).status).toBe(200);
        const list = await t.http.get(`${PLAYERS}?name=Linkable`, auth(parentB));
        expect(ids(list)).toEqual([player.id]);
      });

      it('linking the same parent again is idempotent', async () => {
        const res = await t.http.post(url('/guardians'), { email: parentB.email }, auth(coachA));
        expect(res.status).toBe(200);
        expect(res.body.guardianIds).toEqual([parentB.id]);
      });

      it('a second guardian is added alongside', async () => {
        const res = await t.http.post(url('/guardians'), { email: parentA.email }, auth(admin));
        expect(res.status).toBe(200);
        expect([...res.body.guardianIds].sort()).toEqual([parentA.id, parentB.id].sort());
      });

      it('unlinking removes access: the parent then gets 404', async () => {
        const res = await t.http.delete(url(`/guardians/${parentB.id}`), auth(coachA));
        expect(res.status).toBe(200);
        expect(res.body.guardianIds).toEqual([parentA.id]);

        expectProblem(await t.http.get(url(''), auth(parentB)), 404);
        const list = await t.http.get(`${PLAYERS}?name=Linkable`, auth(parentB));
        expect(list.body).toMatchObject({ total: 0, items: [] });
        expect((await t.http.get(url(''), auth(parentA))).status).toBe(200);
      });

      it('unlinking someone who is not linked → 404; a malformed userId → 400', async () => {
        expectProblem(await t.http.delete(url(`/guardians/${parentB.id}`), auth(coachA)), 404);
        expectProblem(await t.http.delete(url(`/guardians/${unknownId()}`), auth(coachA)), 404);
        expectProblem(await t.http.delete(url('/guardians/abc'), auth(coachA)), 400, 'userId');
      });
    });

    describe('coaches', () => {
      it("rejects a parent's email and an unknown email with 422", async () => {
        expectProblem(await t.http.post(url('/coaches'), { email: parentA.email }, auth(coachA)), 422);
        expectProblem(await t.http.post(url('/coaches'), { email: 'ghost@test.example' }, auth(coachA)), 422, 'email');
      });

      it('a second coach added via /coaches can see and manage the player', async () => {
        expectProblem(await t.http.get(url(''), auth(coachB)), 404);
        const res = await t.http.post(url('/coaches'), { email: coachB.email }, auth(coachA));
        expect(res.status).toBe(200);
        expect(res.body.coachIds).toEqual([coachA.id, coachB.id]);

        expect((await t.http.get(url(''), auth(coachB))).status).toBe(200);
        const patched = await t.http.patch(url(''), { weightKg: 43 }, auth(coachB));
        expect(patched.status).toBe(200);
        expect(ids(await t.http.get(`${PLAYERS}?name=Linkable&limit=100`, auth(coachB)))).toEqual([player.id]);
      });

      it('adding the same coach again is idempotent', async () => {
        const res = await t.http.post(url('/coaches'), { email: coachB.email }, auth(coachA));
        expect(res.body.coachIds).toEqual([coachA.id, coachB.id]);
      });

      it('removing a coach removes their access', async () => {
        const res = await t.http.delete(url(`/coaches/${coachB.id}`), auth(coachA));
        expect(res.status).toBe(200);
        expect(res.body.coachIds).toEqual([coachA.id]);
        expectProblem(await t.http.get(url(''), auth(coachB)), 404);
        expectProblem(await t.http.patch(url(''), { weightKg: 44 }, auth(coachB)), 404);
      });

      it('unlinking a coach who is not linked → 404', async () => {
        expectProblem(await t.http.delete(url(`/coaches/${coachB.id}`), auth(coachA)), 404);
      });
    });

    describe('player account', () => {
      it("rejects a parent's email and an unknown email with 422", async () => {
        expectProblem(await t.http.put(url('/account'), { email: parentA.email }, auth(coachA)), 422);
        expectProblem(await t.http.put(url('/account'), { email: 'ghost@test.example' }, auth(coachA)), 422, 'email');
        expectProblem(await t.http.put(url('/account'), { email: 'nope' }, auth(coachA)), 400, 'email');
      });

      it('links the account → 200; the player then sees their own profile only', async () => {
        expectProblem(await t.http.get(url(''), auth(accountHolder)), 404);
        const res = await t.http.put(url('/account'), { email: accountHolder.email }, auth(coachA));
        expect(res.status).toBe(200);
        expect(res.body.userId).toBe(accountHolder.id);

        expect((await t.http.get(url(''), auth(accountHolder))).status).toBe(200);
        expectProblem(await t.http.get(`${PLAYERS}/${other.id}`, auth(accountHolder)), 404);
        const list = await t.http.get(PLAYERS, auth(accountHolder));
        expect(ids(list)).toEqual([player.id]);
      });

      it('linking the same account to the same player again is fine', async () => {
        const res = await t.http.put(url('/account'), { email: accountHolder.email }, auth(coachA));
        expect(res.status).toBe(200);
        expect(res.body.userId).toBe(accountHolder.id);
      });

      it('the same account on a second player → 409, and the second player stays unlinked', async () => {
        const res = await t.http.put(`${PLAYERS}/${other.id}/account`, { email: accountHolder.email }, auth(coachA));
        expectProblem(res, 409);
        const read = await t.http.get(`${PLAYERS}/${other.id}`, auth(coachA));
        expect(read.body).not.toHaveProperty('userId');
      });

      it('unlinking → 200 without userId; the account loses access and may be linked elsewhere', async () => {
        const res = await t.http.delete(url('/account'), auth(coachA));
        expect(res.status).toBe(200);
        expect(res.body).not.toHaveProperty('userId');
        expectProblem(await t.http.get(url(''), auth(accountHolder)), 404);

        const relinked = await t.http.put(
          `${PLAYERS}/${other.id}/account`,
          { email: accountHolder.email },
          auth(coachA),
        );
        expect(relinked.status).toBe(200);
        expect((await t.http.get(`${PLAYERS}/${other.id}`, auth(accountHolder))).status).toBe(200);
      });

      it('a coach who unlinks themselves loses access', async () => {
        const res = await t.http.delete(url(`/coaches/${coachA.id}`), auth(coachA));
        expect(res.status).toBe(200);
        expect(res.body.coachIds).toEqual([]);
        expectProblem(await t.http.get(url(''), auth(coachA)), 404);
        expect((await t.http.get(url(''), auth(admin))).status).toBe(200);
      });
    });
  });

  describe('ids in the path', () => {
    let player: PlayerJson;
    beforeAll(async () => {
      player = await createPlayer(coachA, { lastName: 'Identified' });
    });

    it.each(['abc', '123', '65a1b2c3d4e5f60718293a4', '65a1b2c3d4e5f60718293a4bc', 'zzzzzzzzzzzzzzzzzzzzzzzz'])(
      'a malformed id %p → 400 naming id',
      async (id) => {
        const res = await t.http.get(`${PLAYERS}/${id}`, auth(coachA));
        expectProblem(res, 400, 'id');
        expect(res.body.type).toBe('/problems/validation-error');
      },
    );

    it('a malformed id is rejected on every route', async () => {
      const o = auth(coachA);
      expectProblem(await t.http.patch(`${PLAYERS}/abc`, { level: 'elite' }, o), 400, 'id');
      expectProblem(await t.http.delete(`${PLAYERS}/abc`, o), 400, 'id');
      expectProblem(await t.http.put(`${PLAYERS}/abc/injury`, { status: 'fit', bodyRegions: [] }, o), 400, 'id');
      expectProblem(await t.http.post(`${PLAYERS}/abc/guardians`, { email: parentA.email }, o), 400, 'id');
      expectProblem(await t.http.post(`${PLAYERS}/abc/coaches`, { email: coachB.email }, o), 400, 'id');
      expectProblem(await t.http.put(`${PLAYERS}/abc/account`, { email: playerB.email }, o), 400, 'id');
      expectProblem(await t.http.delete(`${PLAYERS}/abc/account`, o), 400, 'id');
      expectProblem(await t.http.delete(`${PLAYERS}/abc/coaches/${coachA.id}`, o), 400, 'id');
    });

    it('accepts an upper-case id', async () => {
      const res = await t.http.get(`${PLAYERS}/${player.id.toUpperCase()}`, auth(coachA));
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(player.id);
    });

    it('a well-formed id that does not exist → 404 on every route, even for admin', async () => {
      const id = unknownId();
      const o = auth(admin);
      expectProblem(await t.http.get(`${PLAYERS}/${id}`, o), 404);
      expectProblem(await t.http.patch(`${PLAYERS}/${id}`, { level: 'elite' }, o), 404);
      expectProblem(await t.http.delete(`${PLAYERS}/${id}`, o), 404);
      expectProblem(await t.http.put(`${PLAYERS}/${id}/injury`, { status: 'fit', bodyRegions: [] }, o), 404);
      expectProblem(await t.http.post(`${PLAYERS}/${id}/guardians`, { email: parentA.email }, o), 404);
      expectProblem(await t.http.post(`${PLAYERS}/${id}/coaches`, { email: coachB.email }, o), 404);
      expectProblem(await t.http.put(`${PLAYERS}/${id}/account`, { email: playerB.email }, o), 404);
      expectProblem(await t.http.delete(`${PLAYERS}/${id}/account`, o), 404);
    });
  });

  describe('pagination', () => {
    const lastNames = ['Pagee', 'Pagea', 'Paged', 'Pageb', 'Pagec'];
    beforeAll(async () => {
      for (const lastName of lastNames) await createPlayer(coachA, { lastName });
    });
    const page = (query: string) => t.http.get(`${PLAYERS}?name=Page&${query}`, auth(coachA));
    const names = (res: HttpResponse) => res.body.items.map((p: { lastName: string }) => p.lastName);

    it('defaults to page 1 of 20', async () => {
      const res = await page('');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 5, page: 1, limit: 20 });
      expect(names(res)).toEqual([...lastNames].sort());
    });

    it('limit=2 gives 2 items and the full total; pages are disjoint and ordered', async () => {
      const pages = await Promise.all([1, 2, 3, 4].map((n) => page(`limit=2&page=${n}`)));
      expect(pages.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(pages.map((r) => r.body.items.length)).toEqual([2, 2, 1, 0]);
      for (const [i, r] of pages.entries()) expect(r.body).toMatchObject({ total: 5, page: i + 1, limit: 2 });
      expect(pages.flatMap(names)).toEqual([...lastNames].sort());
    });

    it('accepts limit=100', async () => {
      const res = await page('limit=100');
      expect(res.status).toBe(200);
      expect(res.body.limit).toBe(100);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=-1', 'limit'],
      ['limit=1.5', 'limit'],
      ['limit=abc', 'limit'],
      ['page=0', 'page'],
      ['page=-2', 'page'],
      ['page=abc', 'page'],
      ['page=10001', 'page'],
      ['page=3479009388177913533446488064', 'page'],
    ])('%s → 400', async (query, path) => {
      expectProblem(await page(query), 400, path);
    });
  });
});
