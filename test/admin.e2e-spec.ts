import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AdminBootstrapService } from '../src/admin/admin-bootstrap.service';
import { createAccount, login, loginAdmin, TestAccount } from './harness/accounts';
import { ADMIN, startTestApp, TestApp } from './harness/test-app';

describe('admin: roles and accounts', () => {
  let t: TestApp;
  let admin: TestAccount;
  let player: TestAccount;
  let parent: TestAccount;
  let coach: TestAccount;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.http);
    [player, parent, coach] = await Promise.all([
      createAccount(t.http, 'player', admin),
      createAccount(t.http, 'parent', admin),
      createAccount(t.http, 'coach', admin),
    ]);
  });
  afterAll(() => t.close());

  describe('RolesGuard on admin routes', () => {
    it('answers 401 to anonymous callers', async () => {
      expect((await t.http.get('/api/v1/admin/users')).status).toBe(401);
      expect((await t.http.patch(`/api/v1/admin/users/${player.id}/role`, { role: 'admin' })).status).toBe(401);
    });

    it('answers 403 to every non-admin role and changes nothing', async () => {
      for (const caller of [player, parent, coach]) {
        const list = await t.http.get('/api/v1/admin/users', { token: caller.accessToken });
        expect(list.status).toBe(403);
        expect(list.body).toMatchObject({ type: '/problems/forbidden', status: 403 });
        const promote = await t.http.patch(
          `/api/v1/admin/users/${caller.id}/role`,
          { role: 'admin' },
          { token: caller.accessToken },
        );
        expect(promote.status).toBe(403);
      }
      const me = await t.http.get('/api/v1/auth/me', { token: player.accessToken });
      expect(me.body.role).toBe('player');
    });

    it('lets an admin list accounts, filtered by role and paginated', async () => {
      const all = await t.http.get('/api/v1/admin/users?limit=2', { token: admin.accessToken });
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ total: 4, page: 1, limit: 2 });
      expect(all.body.items).toHaveLength(2);
      const coaches = await t.http.get('/api/v1/admin/users?role=coach', { token: admin.accessToken });
      expect(coaches.body.items.map((u: { email: string }) => u.email)).toEqual([coach.email]);
      expect(JSON.stringify(coaches.body)).not.toMatch(/passwordHash|argon2/);
      expect((await t.http.get('/api/v1/admin/users?role=root', { token: admin.accessToken })).status).toBe(400);
    });
  });

  describe('PATCH /admin/users/:id/role', () => {
    it('changes a role, effective on the very next request', async () => {
      const user = await createAccount(t.http, 'player', admin);
      const before = await t.http.post('/api/v1/players', {}, { token: user.accessToken });
      expect(before.status).toBe(403);
      const res = await t.http.patch(
        `/api/v1/admin/users/${user.id}/role`,
        { role: 'coach' },
        { token: admin.accessToken },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: user.id, role: 'coach' });
      // Same access token: the role is read from the account, not from the token.
      const after = await t.http.post('/api/v1/players', {}, { token: user.accessToken });
      expect(after.status).toBe(400);
    });

    it('validates the role, the id and the target', async () => {
      const bad = await t.http.patch(
        `/api/v1/admin/users/${player.id}/role`,
        { role: 'owner' },
        { token: admin.accessToken },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('role');
      expect(
        (await t.http.patch(`/api/v1/admin/users/${player.id}/role`, {}, { token: admin.accessToken })).status,
      ).toBe(400);
      expect(
        (await t.http.patch('/api/v1/admin/users/not-an-id/role', { role: 'coach' }, { token: admin.accessToken }))
          .status,
      ).toBe(400);
      expect(
        (
          await t.http.patch(
            '/api/v1/admin/users/65a1b2c3d4e5f60718293a4b/role',
            { role: 'coach' },
            { token: admin.accessToken },
          )
        ).status,
      ).toBe(404);
    });

    it('does not let an admin demote or disable themselves', async () => {
      const res = await t.http.patch(
        `/api/v1/admin/users/${admin.id}/role`,
        { role: 'player' },
        { token: admin.accessToken },
      );
      expect(res.status).toBe(422);
      const disable = await t.http.patch(
        `/api/v1/admin/users/${admin.id}/status`,
        { disabled: true },
        { token: admin.accessToken },
      );
      expect(disable.status).toBe(422);
      expect((await t.http.get('/api/v1/auth/me', { token: admin.accessToken })).body.role).toBe('admin');
    });
  });

  describe('first admin', () => {
    it('is created from ADMIN_EMAIL/ADMIN_PASSWORD at boot, idempotently', async () => {
      await t.app.get(AdminBootstrapService).onApplicationBootstrap();
      await t.app.get(AdminBootstrapService).onApplicationBootstrap();
      const admins = await t.http.get('/api/v1/admin/users?role=admin', { token: admin.accessToken });
      expect(admins.body.total).toBe(1);
      expect((await login(t.http, ADMIN.email, ADMIN.password)).role).toBe('admin');
    });

    it('can be created by the create-admin CLI command', async () => {
      const email = 'cli-admin@test.example';
      const password = 'cli-admin-password';
      const run = () =>
        promisify(execFile)(
          process.execPath,
          ['-r', 'ts-node/register', join(__dirname, '..', 'src', 'cli.ts'), 'create-admin', '--email', email],
          {
            env: {
              ...process.env,
              TS_NODE_TRANSPILE_ONLY: 'true',
              MONGODB_URI: t.mongoUri,
              JWT_SECRET: 'x'.repeat(32),
              ADMIN_PASSWORD: password,
              ADMIN_EMAIL: '',
            },
          },
        );
      const first = await run();
      expect(first.stdout).toMatch(/Created admin cli-admin@test\.example/);
      const second = await run();
      expect(second.stdout).toMatch(/Ensured admin cli-admin@test\.example/);
      expect((await login(t.http, email, password)).role).toBe('admin');
    }, 60_000);
  });
});
