import { createAccount, login, loginAdmin, TestAccount } from './harness/accounts';
import { startTestApp, TestApp } from './harness/test-app';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const register = (body: Record<string, unknown>) => t.http.post('/api/v1/auth/register', body);

  describe('register', () => {
    it('creates a player account by default and logs it in', async () => {
      const res = await register({
        email: ' New.Player@Test.Example ',
        password: 'long-enough-pw',
        displayName: 'Nia',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
        user: { email: 'new.player@test.example', role: 'player', displayName: 'Nia', disabled: false },
      });
      expect(res.body.user).not.toHaveProperty('passwordHash');
      const me = await t.http.get('/api/v1/auth/me', { token: res.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.email).toBe('new.player@test.example');
    });

    it('creates a parent account when asked', async () => {
      const res = await register({
        email: 'parent1@test.example',
        password: 'long-enough-pw',
        displayName: 'P',
        role: 'parent',
      });
      expect(res.status).toBe(201);
      expect(res.body.user.role).toBe('parent');
    });

    it.each(['coach', 'admin', 'superuser'])('refuses to self-register as %s', async (role) => {
      const res = await register({ email: `${role}@test.example`, password: 'long-enough-pw', displayName: 'X', role });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'role' })]);
      expect(
        (await t.http.post('/api/v1/auth/login', { email: `${role}@test.example`, password: 'long-enough-pw' })).status,
      ).toBe(401);
    });

    it('answers 409 for an email already registered, whatever its case', async () => {
      await register({ email: 'dup@test.example', password: 'long-enough-pw', displayName: 'D' });
      const res = await register({ email: 'DUP@test.example', password: 'other-password', displayName: 'D2' });
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 409, errors: [{ path: 'email', message: 'already exists' }] });
    });

    it.each([
      [{ email: 'not-an-email', password: 'long-enough-pw', displayName: 'X' }, 'email'],
      [{ email: 'short@test.example', password: 'short', displayName: 'X' }, 'password'],
      [{ email: 'long@test.example', password: 'x'.repeat(129), displayName: 'X' }, 'password'],
      [{ email: 'nodisplay@test.example', password: 'long-enough-pw' }, 'displayName'],
      [{ email: { $gt: '' }, password: 'long-enough-pw', displayName: 'X' }, 'email'],
      [{ email: 'extra@test.example', password: 'long-enough-pw', displayName: 'X', isAdmin: true }, 'isAdmin'],
    ])('rejects %j naming %s', async (body, path) => {
      const res = await register(body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    });
  });

  describe('login', () => {
    beforeAll(async () => {
      await register({ email: 'login@test.example', password: 'right-password', displayName: 'L' });
    });

    it('returns tokens and the user', async () => {
      const res = await t.http.post('/api/v1/auth/login', { email: 'LOGIN@test.example', password: 'right-password' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ expiresIn: 900, user: { email: 'login@test.example', role: 'player' } });
      const [, payload] = res.body.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      expect(claims).toMatchObject({ sub: res.body.user.id, role: 'player', iss: 'football-coaching-api' });
      expect(claims.exp - claims.iat).toBe(900);
    });

    it('answers a wrong password and an unknown email the same way', async () => {
      const wrong = await t.http.post('/api/v1/auth/login', {
        email: 'login@test.example',
        password: 'wrong-password',
      });
      const unknown = await t.http.post('/api/v1/auth/login', {
        email: 'nobody@test.example',
        password: 'wrong-password',
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.detail).toBe(unknown.body.detail);
    });

    it('refuses operator injection in the credentials', async () => {
      const res = await t.http.post('/api/v1/auth/login', { email: 'login@test.example', password: { $ne: null } });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'password' })]));
    });
  });

  describe('access tokens', () => {
    it('refuses a missing, malformed, tampered or foreign token with 401', async () => {
      const account = await createAccount(t.http, 'player');
      const [h, p] = account.accessToken.split('.');
      const forged = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), role: 'admin' }),
      ).toString('base64url');
      for (const token of [undefined, 'garbage', `${h}.${forged}.AAAA`, `${account.accessToken}x`]) {
        const res = await t.http.get('/api/v1/auth/me', { token });
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ type: '/problems/unauthorized', status: 401 });
      }
    });
  });

  describe('refresh rotation', () => {
    let account: TestAccount;
    beforeEach(async () => {
      account = await createAccount(t.http, 'player');
    });
    const refresh = (refreshToken: unknown) => t.http.post('/api/v1/auth/refresh', { refreshToken });

    it('returns a new pair and spends the old refresh token', async () => {
      const first = await refresh(account.refreshToken);
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(account.refreshToken);
      expect((await t.http.get('/api/v1/auth/me', { token: first.body.accessToken })).status).toBe(200);
      const second = await refresh(first.body.refreshToken);
      expect(second.status).toBe(200);
    });

    it('revokes the whole family when a spent token is replayed', async () => {
      const rotated = await refresh(account.refreshToken);
      expect(rotated.status).toBe(200);
      const replay = await refresh(account.refreshToken);
      expect(replay.status).toBe(401);
      expect(replay.body.detail).toMatch(/already used/);
      // The thief's replay also kills the legitimate newest tokens of that family...
      expect((await refresh(rotated.body.refreshToken)).status).toBe(401);
      expect((await t.http.get('/api/v1/auth/me', { token: rotated.body.accessToken })).status).toBe(401);
      // ...but not the user's other sessions.
      const other = await login(t.http, account.email, account.password);
      expect((await t.http.get('/api/v1/auth/me', { token: other.accessToken })).status).toBe(200);
    });

    it('lets only one of two concurrent refreshes with the same token win', async () => {
      const results = await Promise.all([refresh(account.refreshToken), refresh(account.refreshToken)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    });

    it('refuses unknown and malformed refresh tokens', async () => {
      expect((await refresh('x'.repeat(43))).status).toBe(401);
      expect((await refresh('short')).status).toBe(400);
      expect((await refresh({ $ne: null })).status).toBe(400);
      expect((await t.http.post('/api/v1/auth/refresh', {})).status).toBe(400);
    });
  });

  describe('logout', () => {
    it('revokes the refresh token and the access tokens of that session', async () => {
      const account = await createAccount(t.http, 'parent');
      const other = await login(t.http, account.email, account.password);
      const res = await t.http.post('/api/v1/auth/logout', { refreshToken: account.refreshToken });
      expect(res.status).toBe(204);
      expect((await t.http.post('/api/v1/auth/refresh', { refreshToken: account.refreshToken })).status).toBe(401);
      expect((await t.http.get('/api/v1/auth/me', { token: account.accessToken })).status).toBe(401);
      // Other sessions of the same user stay logged in.
      expect((await t.http.get('/api/v1/auth/me', { token: other.accessToken })).status).toBe(200);
    });

    it('answers 204 for an unknown token and 400 for a malformed one', async () => {
      expect((await t.http.post('/api/v1/auth/logout', { refreshToken: 'y'.repeat(43) })).status).toBe(204);
      expect((await t.http.post('/api/v1/auth/logout', {})).status).toBe(400);
    });
  });

  describe('disabled accounts', () => {
    it('are refused at once, even with an unexpired token, and cannot log in or refresh', async () => {
      const admin = await loginAdmin(t.http);
      const account = await createAccount(t.http, 'player', admin);
      expect((await t.http.get('/api/v1/auth/me', { token: account.accessToken })).status).toBe(200);

      const disable = await t.http.patch(
        `/api/v1/admin/users/${account.id}/status`,
        { disabled: true },
        { token: admin.accessToken },
      );
      expect(disable.status).toBe(200);
      expect(disable.body.disabled).toBe(true);

      expect((await t.http.get('/api/v1/auth/me', { token: account.accessToken })).status).toBe(401);
      expect((await t.http.post('/api/v1/auth/refresh', { refreshToken: account.refreshToken })).status).toBe(401);
      const relogin = await t.http.post('/api/v1/auth/login', { email: account.email, password: account.password });
      expect(relogin.status).toBe(403);
      expect(relogin.body.detail).toMatch(/disabled/);

      await t.http.patch(`/api/v1/admin/users/${account.id}/status`, { disabled: false }, { token: admin.accessToken });
      expect(
        (await t.http.post('/api/v1/auth/login', { email: account.email, password: account.password })).status,
      ).toBe(200);
    });

    it('end every session when disabled: re-enabling does not revive tokens issued before', async () => {
      const admin = await loginAdmin(t.http);
      const account = await createAccount(t.http, 'player', admin);
      const second = await login(t.http, account.email, account.password);
      const status = (disabled: boolean) =>
        t.http.patch(`/api/v1/admin/users/${account.id}/status`, { disabled }, { token: admin.accessToken });

      expect((await status(true)).status).toBe(200);
      expect((await status(false)).status).toBe(200);

      for (const session of [account, second]) {
        expect((await t.http.get('/api/v1/auth/me', { token: session.accessToken })).status).toBe(401);
        const refresh = await t.http.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken });
        expect(refresh.status).toBe(401);
      }
      const fresh = await login(t.http, account.email, account.password);
      expect((await t.http.get('/api/v1/auth/me', { token: fresh.accessToken })).status).toBe(200);
    });
  });
});
