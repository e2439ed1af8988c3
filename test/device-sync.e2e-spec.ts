import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { yearsAgo } from './harness/dates';
import { expectProblem } from './harness/problems';
import { startTestApp, TestApp } from './harness/test-app';

const SAMPLES = join(__dirname, 'fixtures', 'activity-samples');
const sample = (name: string) => readFileSync(join(SAMPLES, name));
const SECRET = 'garmin-push-secret-for-the-e2e-suite';
const SECRET_HEADER = 'x-garmin-push-secret';

type Reply = (res: ServerResponse) => void;

/**
 * A local stand-in for Garmin's API, over plain http on loopback: answers each path with the
 * replies given to it in turn (the last one repeats), and records every request it gets.
 */
class FakeGarmin {
  readonly requests: string[] = [];
  private readonly replies = new Map<string, Reply[]>();
  private server!: Server;

  async start(): Promise<this> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '/').split('?')[0];
      this.requests.push(path);
      const replies = this.replies.get(path);
      const reply = replies && (replies.length > 1 ? replies.shift()! : replies[0]);
      if (reply) reply(res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** A callback URL of this server, with a token as Garmin's carry one. */
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}?id=${encodeURIComponent(path)}&token=secret-download-token`;
  }

  on(path: string, ...replies: Reply[]): string {
    this.replies.set(path, replies);
    return this.url(path);
  }

  requestsFor(path: string): number {
    return this.requests.filter((p) => p === path).length;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const file =
  (bytes: Buffer): Reply =>
  (res) =>
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
/** The file with its Content-Length. */
const sized =
  (bytes: Buffer): Reply =>
  (res) =>
    res
      .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) })
      .end(bytes);
/** The file in chunks, without a Content-Length. */
const chunked =
  (bytes: Buffer): Reply =>
  (res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    for (let at = 0; at < bytes.length; at += 16384) res.write(bytes.subarray(at, at + 16384));
    res.end();
  };
/** Never answers. */
const silence: Reply = () => undefined;
const status =
  (code: number, headers: Record<string, string> = {}): Reply =>
  (res) =>
    res.writeHead(code, headers).end(`status ${code}`);

describe('Garmin push device sync', () => {
  let garmin: FakeGarmin;
  /** Another local server, not on the allow-list: it must never be asked for anything. */
  let elsewhere: FakeGarmin;
  let t: TestApp;
  let admin: TestAccount;
  let coach: TestAccount;
  let otherCoach: TestAccount;
  let parent: TestAccount;
  let playerId: string;
  let summaries = 0;
  const auth = (account: TestAccount) => ({ token: account.accessToken });
  const nextSummaryId = () => `e2e-${++summaries}-${Date.now().toString(36)}`;

  async function createPlayer(by: TestAccount, firstName: string): Promise<string> {
    const res = await t.http.post(
      '/api/v1/players',
      {
        firstName,
        lastName: 'Garmin',
        dateOfBirth: yearsAgo(17),
        sex: 'female',
        position: 'midfielder',
        level: 'academy',
        dominantFoot: 'left',
      },
      auth(by),
    );
    if (res.status !== 201) throw new Error(res.text);
    return res.body.id;
  }

  const link = (id: string, garminUserId: string, by: TestAccount) =>
    t.http.put(`/api/v1/players/${id}/devices/garmin`, { garminUserId }, auth(by));

  /** A push as Garmin sends it; `secret: null` sends no secret header. */
  const push = (activityFiles: object[], secret: string | null = SECRET) =>
    t.http.post(
      '/api/v1/integrations/garmin/activity-files',
      { activityFiles },
      { headers: secret === null ? {} : { [SECRET_HEADER]: secret } },
    );

  const notification = (userId: string, summaryId: string, callbackURL: string, extra: object = {}) => ({
    userId,
    userAccessToken: 'garmin-user-access-token',
    summaryId,
    fileType: 'FIT',
    callbackURL,
    startTimeInSeconds: 1497191649,
    ...extra,
  });

  /** Admin's view of one notification. */
  async function adminView(summaryId: string, query = '') {
    const res = await t.http.get(`/api/v1/admin/device-sync/garmin?limit=100${query}`, auth(admin));
    expect(res.status).toBe(200);
    return res.body.items.find((n: { summaryId: string }) => n.summaryId === summaryId);
  }

  /** Polls the admin list (bounded) until the notification has left `queued`. */
  async function settled(summaryId: string) {
    for (let i = 0; i < 300; i++) {
      const seen = await adminView(summaryId);
      if (seen && seen.status !== 'queued') return seen;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`notification ${summaryId} is still queued after 300 polls`);
  }

  beforeAll(async () => {
    garmin = await new FakeGarmin().start();
    elsewhere = await new FakeGarmin().start();
    t = await startTestApp({
      GARMIN_PUSH_SECRET: SECRET,
      // A named host on the list must still resolve to public addresses: localhost does not.
      GARMIN_CALLBACK_HOSTS: `apis.garmin.com,http://127.0.0.1:${garmin.port},http://localhost:${elsewhere.port}`,
      GARMIN_SYNC_ATTEMPTS: '3',
      GARMIN_SYNC_BACKOFF_MS: '5',
      GARMIN_FETCH_TIMEOUT_MS: '1000',
      ACTIVITY_UPLOAD_MAX_BYTES: '100000',
    });
    admin = await loginAdmin(t.http);
    [coach, otherCoach, parent] = await Promise.all([
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'coach', admin),
      createAccount(t.http, 'parent'),
    ]);
    playerId = await createPlayer(coach, 'Lina');
    const guardian = await t.http.post(`/api/v1/players/${playerId}/guardians`, { email: parent.email }, auth(coach));
    expect(guardian.status).toBe(200);
    expect((await link(playerId, 'garmin-user-lina', coach)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await garmin?.stop();
    await elsewhere?.stop();
  });

  describe('linking a Garmin account', () => {
    it("the player's coach links it, and those who see the player read it", async () => {
      const res = await t.http.get(`/api/v1/players/${playerId}/devices/garmin`, auth(parent));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ playerId, garminUserId: 'garmin-user-lina', linkedBy: coach.id });
      expect(new Date(res.body.linkedAt).toString()).not.toBe('Invalid Date');
      // Linking the same id again changes nothing.
      const again = await link(playerId, 'garmin-user-lina', coach);
      expect(again.status).toBe(200);
      expect(again.body.linkedAt).toBe(res.body.linkedAt);
    });

    it('a parent may not link (403), an unrelated coach sees no player (404)', async () => {
      expectProblem(await link(playerId, 'garmin-user-other', parent), 403);
      expectProblem(await link(playerId, 'garmin-user-other', otherCoach), 404);
      expectProblem(await t.http.get(`/api/v1/players/${playerId}/devices/garmin`, auth(otherCoach)), 404);
      expectProblem(await t.http.delete(`/api/v1/players/${playerId}/devices/garmin`, auth(parent)), 403);
      expectProblem(await t.http.delete(`/api/v1/players/${playerId}/devices/garmin`, auth(otherCoach)), 404);
      expect((await t.http.get(`/api/v1/players/${playerId}/devices/garmin`, auth(coach))).body.garminUserId).toBe(
        'garmin-user-lina',
      );
    });

    it('a Garmin user linked to another player is a 409; unlinked, it can be linked there', async () => {
      const other = await createPlayer(coach, 'Maya');
      const taken = await link(other, 'garmin-user-lina', coach);
      expectProblem(taken, 409, 'garminUserId');
      expect(taken.body.type).toBe('/problems/garmin-user-linked');

      expect((await link(other, 'garmin-user-maya', coach)).status).toBe(200);
      expect((await t.http.delete(`/api/v1/players/${other}/devices/garmin`, auth(coach))).status).toBe(204);
      expectProblem(await t.http.get(`/api/v1/players/${other}/devices/garmin`, auth(coach)), 404);
      expectProblem(await t.http.delete(`/api/v1/players/${other}/devices/garmin`, auth(coach)), 404);
      expect((await link(other, 'garmin-user-maya', admin)).status).toBe(200);
    });

    it('refuses a malformed Garmin user id, unknown fields and a malformed player id (400)', async () => {
      expectProblem(await link(playerId, '', coach), 400, 'garminUserId');
      expectProblem(await link(playerId, 'has spaces', coach), 400, 'garminUserId');
      expectProblem(await link(playerId, 'x'.repeat(101), coach), 400, 'garminUserId');
      const extra = await t.http.put(
        `/api/v1/players/${playerId}/devices/garmin`,
        { garminUserId: 'ok', playerId },
        auth(coach),
      );
      expectProblem(extra, 400, 'playerId');
      expectProblem(await link('not-an-id', 'ok', coach), 400, 'playerId');
    });

    it('deleting the player removes its link, so the Garmin user can be linked again', async () => {
      const leaving = await createPlayer(coach, 'Leaving');
      expect((await link(leaving, 'garmin-user-leaving', coach)).status).toBe(200);
      expect((await t.http.delete(`/api/v1/players/${leaving}`, auth(coach))).status).toBe(204);
      const next = await createPlayer(coach, 'Next');
      expect((await link(next, 'garmin-user-leaving', coach)).status).toBe(200);
    });
  });

  describe('the push endpoint', () => {
    it('needs the shared secret (401 without it or with a wrong one), and records nothing then', async () => {
      const summaryId = nextSummaryId();
      const body = [notification('garmin-user-lina', summaryId, garmin.url('/never'))];
      for (const secret of [null, 'wrong-secret', `${SECRET}x`, '']) {
        const res = await push(body, secret);
        expectProblem(res, 401);
        expect(res.body.detail).toMatch(/x-garmin-push-secret/);
      }
      // An access token is no substitute for the secret.
      const withToken = await t.http.post(
        '/api/v1/integrations/garmin/activity-files',
        { activityFiles: body },
        auth(admin),
      );
      expectProblem(withToken, 401);
      expect(await adminView(summaryId)).toBeUndefined();
      expect(garmin.requestsFor('/never')).toBe(0);
    });

    it('refuses malformed notifications (400 naming the field)', async () => {
      const good = notification('garmin-user-lina', nextSummaryId(), garmin.url('/never'));
      expectProblem(await push([]), 400, 'activityFiles');
      expectProblem(await push([{ ...good, fileType: 'ZIP' }]), 400, 'activityFiles.0.fileType');
      expectProblem(
        await push([{ ...good, callbackURL: 'ftp://apis.garmin.com/x' }]),
        400,
        'activityFiles.0.callbackURL',
      );
      expectProblem(await push([{ ...good, summaryId: 'bad id' }]), 400, 'activityFiles.0.summaryId');
      expectProblem(await push([{ ...good, userId: undefined }]), 400, 'activityFiles.0.userId');
      expectProblem(await push([{ ...good, surprise: true }]), 400, 'activityFiles.0.surprise');
      const notAList = await t.http.post(
        '/api/v1/integrations/garmin/activity-files',
        { activityFiles: good },
        { headers: { [SECRET_HEADER]: SECRET } },
      );
      expectProblem(notAList, 400, 'activityFiles');
      expect(garmin.requestsFor('/never')).toBe(0);
    });
  });

  describe('a pushed file', () => {
    let imported: { summaryId: string; activityId: string };

    it('is acknowledged at once, fetched in the background and stored for the linked player', async () => {
      const summaryId = nextSummaryId();
      const callbackURL = garmin.on('/files/fenix-5', file(sample('garmin-fenix-5-run.fit')));
      const res = await push([notification('garmin-user-lina', summaryId, callbackURL, { activityName: 'Easy run' })]);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ activityFiles: [{ summaryId, status: 'queued', repeated: false }] });

      const done = await settled(summaryId);
      expect(done).toMatchObject({
        summaryId,
        garminUserId: 'garmin-user-lina',
        playerId,
        fileType: 'FIT',
        callbackHost: `127.0.0.1:${garmin.port}`,
        status: 'imported',
        attempts: 1,
        lastError: null,
      });
      // The download token is never shown.
      expect(JSON.stringify(done)).not.toMatch(/secret-download-token/);

      const activity = await t.http.get(`/api/v1/activities/${done.activityId}`, auth(coach));
      expect(activity.status).toBe(200);
      expect(activity.body).toMatchObject({ id: done.activityId, playerId, title: 'Easy run' });
      expect(activity.body.source).toMatchObject({ type: 'garmin', summaryId, garminUserId: 'garmin-user-lina' });
      expect(garmin.requestsFor('/files/fenix-5')).toBe(1);
      imported = { summaryId, activityId: done.activityId };
    });

    it('pushed again (the same summary id) is acknowledged and not fetched or imported again', async () => {
      const { summaryId } = imported;
      const callbackURL = garmin.url('/files/fenix-5');
      for (let i = 0; i < 2; i++) {
        const res = await push([notification('garmin-user-lina', summaryId, callbackURL)]);
        expect(res.status).toBe(200);
        expect(res.body.activityFiles).toEqual([{ summaryId, status: 'imported', repeated: true }]);
      }
      // A summary id twice in one push is one notification too.
      const twice = await push([
        notification('garmin-user-lina', summaryId, callbackURL),
        notification('garmin-user-lina', summaryId, callbackURL),
      ]);
      expect(twice.body.activityFiles.map((f: { repeated: boolean }) => f.repeated)).toEqual([true, true]);

      const list = await t.http.get(`/api/v1/players/${playerId}/activities`, auth(coach));
      expect(list.status).toBe(200);
      expect(list.body.items.filter((a: { id: string }) => a.id === imported.activityId)).toHaveLength(1);
      expect(list.body.total).toBe(1);
      expect(await adminView(summaryId)).toMatchObject({ status: 'imported', attempts: 1 });
      expect(garmin.requestsFor('/files/fenix-5')).toBe(1);
    });

    it('under another summary id but with the same file is a duplicate naming the stored activity', async () => {
      const summaryId = nextSummaryId();
      const res = await push([notification('garmin-user-lina', summaryId, garmin.url('/files/fenix-5'))]);
      expect(res.status).toBe(200);
      const done = await settled(summaryId);
      expect(done).toMatchObject({ status: 'duplicate', activityId: imported.activityId, attempts: 1 });
      const list = await t.http.get(`/api/v1/players/${playerId}/activities`, auth(coach));
      expect(list.body.total).toBe(1);
    });

    it('of a Garmin user no player has is recorded as unlinked and never fetched', async () => {
      const summaryId = nextSummaryId();
      const callbackURL = garmin.on('/files/stranger', file(sample('garmin-edge-820-bike.fit')));
      const res = await push([notification('garmin-user-nobody', summaryId, callbackURL)]);
      expect(res.body.activityFiles).toEqual([{ summaryId, status: 'unlinked', repeated: false }]);
      expect(await adminView(summaryId, '&status=unlinked')).toMatchObject({ status: 'unlinked', playerId: null });
      expect(garmin.requestsFor('/files/stranger')).toBe(0);
    });

    it('whose callback host is not on the allow-list is refused, shown to admins, and never requested', async () => {
      const hidden = elsewhere.on('/files/internal', file(sample('garmin-edge-820-bike.fit')));
      const cases = [
        { summaryId: nextSummaryId(), callbackURL: hidden, host: `127.0.0.1:${elsewhere.port}` },
        {
          summaryId: nextSummaryId(),
          callbackURL: 'http://169.254.169.254/latest/meta-data',
          host: '169.254.169.254:80',
        },
        { summaryId: nextSummaryId(), callbackURL: 'https://evil.example/files/1?token=x', host: 'evil.example:443' },
      ];
      const res = await push(cases.map((c) => notification('garmin-user-lina', c.summaryId, c.callbackURL)));
      expect(res.status).toBe(200);
      expect(res.body.activityFiles.map((f: { status: string }) => f.status)).toEqual(['queued', 'queued', 'queued']);

      for (const { summaryId, host } of cases) {
        const done = await settled(summaryId);
        expect(done).toMatchObject({ status: 'refused', callbackHost: host, activityId: null, attempts: 1 });
        expect(done.lastError).toBe(`the callback host ${host} is not on GARMIN_CALLBACK_HOSTS`);
      }
      const refused = await t.http.get('/api/v1/admin/device-sync/garmin?status=refused&limit=100', auth(admin));
      const listed = refused.body.items.map((n: { summaryId: string }) => n.summaryId);
      expect(listed).toEqual(expect.arrayContaining(cases.map((c) => c.summaryId)));
      expect(refused.body.items.every((n: { status: string }) => n.status === 'refused')).toBe(true);
      expect(elsewhere.requests).toEqual([]);
    });

    it('whose listed host name resolves to a loopback address is refused before connecting', async () => {
      const summaryId = nextSummaryId();
      elsewhere.on('/files/rebound', file(sample('garmin-edge-820-bike.fit')));
      const callbackURL = `http://localhost:${elsewhere.port}/files/rebound?token=x`;
      await push([notification('garmin-user-lina', summaryId, callbackURL)]);
      const done = await settled(summaryId);
      expect(done).toMatchObject({ status: 'refused', callbackHost: `localhost:${elsewhere.port}`, attempts: 1 });
      expect(done.lastError).toMatch(
        /^the callback host localhost resolves to (127\.0\.0\.1|::1), which is not a public address$/,
      );
      expect(elsewhere.requests).toEqual([]);
    });

    it('larger than ACTIVITY_UPLOAD_MAX_BYTES is refused, whether its size is announced or not', async () => {
      const big = sample('activity-small-fenix2-run.fit');
      expect(big.length).toBeGreaterThan(100000);
      for (const [path, reply] of [
        ['/files/big', sized(big)],
        ['/files/big-chunked', chunked(big)],
      ] as const) {
        const summaryId = nextSummaryId();
        await push([notification('garmin-user-lina', summaryId, garmin.on(path, reply))]);
        const done = await settled(summaryId);
        expect(done).toMatchObject({ status: 'refused', attempts: 1, activityId: null });
        expect(done.lastError).toBe(`the file from 127.0.0.1:${garmin.port} is larger than 100000 bytes`);
        expect(garmin.requestsFor(path)).toBe(1);
      }
    });

    it('whose callback never answers is given up within the timeout, retried, then failed', async () => {
      const summaryId = nextSummaryId();
      await push([notification('garmin-user-lina', summaryId, garmin.on('/files/silent', silence))]);
      const done = await settled(summaryId);
      expect(done).toMatchObject({ status: 'failed', attempts: 3 });
      expect(done.lastError).toBe(`127.0.0.1:${garmin.port} did not answer within 1000 ms`);
      expect(garmin.requestsFor('/files/silent')).toBe(3);
    });

    it('answered with a redirect is refused, and the redirect is not followed', async () => {
      const summaryId = nextSummaryId();
      const target = elsewhere.on('/files/redirected', file(sample('garmin-edge-820-bike.fit')));
      const callbackURL = garmin.on('/files/moved', status(302, { location: target }));
      await push([notification('garmin-user-lina', summaryId, callbackURL)]);
      const done = await settled(summaryId);
      expect(done).toMatchObject({ status: 'refused', attempts: 1 });
      expect(done.lastError).toMatch(/answered 302, a redirect, which is not followed/);
      expect(garmin.requestsFor('/files/moved')).toBe(1);
      expect(elsewhere.requests).toEqual([]);
    });

    it('answering 500 twice, then the file, is retried with backoff and imported', async () => {
      const summaryId = nextSummaryId();
      const callbackURL = garmin.on('/files/flaky', status(500), status(503), file(sample('garmin-edge-820-bike.fit')));
      await push([notification('garmin-user-lina', summaryId, callbackURL)]);
      const done = await settled(summaryId);
      expect(done).toMatchObject({ status: 'imported', attempts: 3, lastError: null });
      expect(garmin.requestsFor('/files/flaky')).toBe(3);
      expect((await t.http.get(`/api/v1/activities/${done.activityId}`, auth(coach))).status).toBe(200);
    });

    it('failing every attempt is failed with the reason; an admin retries it once the file is there', async () => {
      const summaryId = nextSummaryId();
      const callbackURL = garmin.on('/files/down', status(502));
      await push([notification('garmin-user-lina', summaryId, callbackURL)]);
      const failed = await settled(summaryId);
      expect(failed).toMatchObject({ status: 'failed', attempts: 3, activityId: null });
      expect(failed.lastError).toBe(`127.0.0.1:${garmin.port} answered 502`);
      expect(garmin.requestsFor('/files/down')).toBe(3);
      expect((await adminView(summaryId, '&status=failed')).id).toBe(failed.id);

      // Pushed again while failed: acknowledged as it stands, not fetched.
      const repeated = await push([notification('garmin-user-lina', summaryId, callbackURL)]);
      expect(repeated.body.activityFiles).toEqual([{ summaryId, status: 'failed', repeated: true }]);
      expect(garmin.requestsFor('/files/down')).toBe(3);

      garmin.on('/files/down', file(sample('2013-02-06-12-11-14.fit')));
      const retry = await t.http.post(`/api/v1/admin/device-sync/garmin/${failed.id}/retry`, undefined, auth(admin));
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({ id: failed.id, summaryId, status: 'queued' });
      const done = await settled(summaryId);
      expect(done).toMatchObject({ status: 'imported', attempts: 4, lastError: null });

      const again = await t.http.post(`/api/v1/admin/device-sync/garmin/${failed.id}/retry`, undefined, auth(admin));
      expectProblem(again, 422);
      expect(again.body.detail).toMatch(/this one is imported/);
    });

    it('that 4xx is failed at once, without retries', async () => {
      const summaryId = nextSummaryId();
      const callbackURL = garmin.on('/files/expired', status(401));
      await push([notification('garmin-user-lina', summaryId, callbackURL)]);
      const done = await settled(summaryId);
      expect(done).toMatchObject({ status: 'failed', attempts: 1, lastError: `127.0.0.1:${garmin.port} answered 401` });
      expect(garmin.requestsFor('/files/expired')).toBe(1);
    });

    it('that cannot be read as an activity is refused with the reason and not retried', async () => {
      const summaryId = nextSummaryId();
      const callbackURL = garmin.on('/files/truncated', file(sample('activity-unexpected-eof.fit')));
      await push([notification('garmin-user-lina', summaryId, callbackURL)]);
      const done = await settled(summaryId);
      expect(done).toMatchObject({ status: 'refused', attempts: 1, activityId: null });
      expect(done.lastError).toMatch(/^The activity file was refused/);
      expect(garmin.requestsFor('/files/truncated')).toBe(1);
    });
  });

  describe('the admin list', () => {
    it('is for admins only (403 for others, 401 without a login)', async () => {
      expectProblem(await t.http.get('/api/v1/admin/device-sync/garmin', auth(coach)), 403);
      expectProblem(await t.http.get('/api/v1/admin/device-sync/garmin', auth(parent)), 403);
      expectProblem(await t.http.get('/api/v1/admin/device-sync/garmin'), 401);
      const someId = '65a1b2c3d4e5f60718293a4b';
      expectProblem(await t.http.post(`/api/v1/admin/device-sync/garmin/${someId}/retry`, undefined, auth(coach)), 403);
    });

    it('is paginated newest first and filtered by status', async () => {
      const page = await t.http.get('/api/v1/admin/device-sync/garmin?limit=2&page=1', auth(admin));
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ page: 1, limit: 2 });
      expect(page.body.items).toHaveLength(2);
      expect(page.body.total).toBeGreaterThan(8);
      const [first, second] = page.body.items;
      expect(new Date(first.receivedAt).getTime()).toBeGreaterThanOrEqual(new Date(second.receivedAt).getTime());
      expect(first.callbackURL).toBeUndefined();

      const imported = await t.http.get('/api/v1/admin/device-sync/garmin?status=imported&limit=100', auth(admin));
      expect(imported.body.items.length).toBeGreaterThanOrEqual(3);
      expect(imported.body.items.every((n: { status: string }) => n.status === 'imported')).toBe(true);
      expect(imported.body.total).toBe(imported.body.items.length);
    });

    it('refuses an unknown status or page size (400), and a retry of nothing is a 404', async () => {
      expectProblem(await t.http.get('/api/v1/admin/device-sync/garmin?status=lost', auth(admin)), 400, 'status');
      expectProblem(await t.http.get('/api/v1/admin/device-sync/garmin?limit=1000', auth(admin)), 400, 'limit');
      const missing = '65a1b2c3d4e5f60718293a4b';
      expectProblem(
        await t.http.post(`/api/v1/admin/device-sync/garmin/${missing}/retry`, undefined, auth(admin)),
        404,
      );
      expectProblem(await t.http.post('/api/v1/admin/device-sync/garmin/nope/retry', undefined, auth(admin)), 400);
    });
  });
});

describe('Garmin push without GARMIN_PUSH_SECRET', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('answers 503 to every push, whatever secret it carries', async () => {
    const activityFiles = [
      {
        userId: 'garmin-user-x',
        summaryId: 'summary-x',
        fileType: 'FIT',
        callbackURL: 'https://apis.garmin.com/wellness-api/rest/activityFile?id=1&token=t',
      },
    ];
    for (const headers of [{}, { [SECRET_HEADER]: SECRET }] as Record<string, string>[]) {
      const res = await t.http.post('/api/v1/integrations/garmin/activity-files', { activityFiles }, { headers });
      expectProblem(res, 503);
      expect(res.body.detail).toBe('Garmin push is not enabled on this server (GARMIN_PUSH_SECRET is not set).');
    }
    const admin = await loginAdmin(t.http);
    const list = await t.http.get('/api/v1/admin/device-sync/garmin', { token: admin.accessToken });
    expect(list.body).toMatchObject({ items: [], total: 0 });
  });
});

describe('Garmin files queued in process when the instance stops', () => {
  let garmin: FakeGarmin;
  let first: TestApp | undefined;
  let second: TestApp | undefined;
  afterAll(async () => {
    await first?.close();
    // The second instance joined the first one's database, so it would leave it: drop it here.
    await second?.connection.dropDatabase().catch(() => undefined);
    await second?.close();
    await garmin?.stop();
  });

  it('are fetched by the next instance that starts on the database', async () => {
    garmin = await new FakeGarmin().start();
    const env = (backoffMs: string) => ({
      GARMIN_PUSH_SECRET: SECRET,
      GARMIN_CALLBACK_HOSTS: `http://127.0.0.1:${garmin.port}`,
      GARMIN_SYNC_BACKOFF_MS: backoffMs,
    });
    // The first instance waits an hour before its retry, and is stopped before it comes.
    first = await startTestApp(env('3600000'));
    const admin = await loginAdmin(first.http);
    const coach = await createAccount(first.http, 'coach', admin);
    const created = await first.http.post(
      '/api/v1/players',
      {
        firstName: 'Resumed',
        lastName: 'Garmin',
        dateOfBirth: yearsAgo(16),
        sex: 'male',
        position: 'defender',
        level: 'academy',
        dominantFoot: 'right',
      },
      { token: coach.accessToken },
    );
    const playerId = created.body.id;
    const linked = await first.http.put(
      `/api/v1/players/${playerId}/devices/garmin`,
      { garminUserId: 'garmin-user-resumed' },
      { token: coach.accessToken },
    );
    expect(linked.status).toBe(200);
    const callbackURL = garmin.on('/files/later', status(503), file(sample('garmin-fenix-5-run.fit')));
    const pushed = await first.http.post(
      '/api/v1/integrations/garmin/activity-files',
      { activityFiles: [{ userId: 'garmin-user-resumed', summaryId: 'resumed-1', fileType: 'FIT', callbackURL }] },
      { headers: { [SECRET_HEADER]: SECRET } },
    );
    expect(pushed.status).toBe(200);
    const view = async (t: TestApp) =>
      (await t.http.get('/api/v1/admin/device-sync/garmin', { token: admin.accessToken })).body.items.find(
        (n: { summaryId: string }) => n.summaryId === 'resumed-1',
      );
    // Polled until the first attempt has failed (its error is recorded before the retry is set).
    for (let i = 0; i < 300 && !(await view(first))?.lastError; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await view(first)).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringMatching(/503/) });
    expect(garmin.requestsFor('/files/later')).toBe(1);
    const { databaseName } = first;
    await first.app.close(); // the database stays for the next instance
    first = undefined;

    second = await startTestApp(env('5'), { databaseName });
    let done: { status: string } | undefined;
    for (let i = 0; i < 300; i++) {
      done = await view(second);
      if (done?.status !== 'queued') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(done).toMatchObject({ status: 'imported', attempts: 2, lastError: null });
    expect(garmin.requestsFor('/files/later')).toBe(2);
  });
});
