import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JOB_QUEUE, JobQueue } from '../src/common/jobs/job-queue';
import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { yearsAgo } from './harness/dates';
import { redisServerMissing, startRedis } from './harness/redis-server';
import { TcpProxy } from './harness/tcp-proxy';
import { startTestApp, TestApp } from './harness/test-app';

const SECRET = 'garmin-push-secret-for-the-job-queue-suite';
const queueOf = (t: TestApp) => t.app.get<JobQueue>(JOB_QUEUE, { strict: false });
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Polls (bounded) until `done` holds. */
async function eventually(what: string, done: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await done()) return;
    await nextTurn();
  }
  throw new Error(`still not so after 500 polls: ${what}`);
}

describe('background jobs without REDIS_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('run in the process', async () => {
    const queue = queueOf(t);
    expect(queue.kind).toBe('in-process');
    const ran: number[] = [];
    queue.register<number>('in-process-probe', async (n) => {
      ran.push(n);
    });
    await queue.enqueue('in-process-probe', 7, { jobId: 'seven' });
    await eventually('the job ran', () => ran.length === 1);
    expect(ran).toEqual([7]);
  });
});

// CI installs redis-server; elsewhere the suite says why it is skipped (jest alone only counts it).
const redisMissing = redisServerMissing();
if (redisMissing) console.warn(`Skipped: the BullMQ job queue suite (REDIS_URL across instances): ${redisMissing}.`);
const withRedis = redisMissing ? describe.skip : describe;

withRedis('background jobs with REDIS_URL, across two instances (needs redis-server)', () => {
  let redis: { url: string; stop: () => Promise<void> };
  let first: TestApp;
  let second: TestApp;
  let garmin: Server;
  const fileRequests: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const fit = readFileSync(join(__dirname, 'fixtures', 'activity-samples', 'garmin-fenix-5-run.fit'));
    garmin = createServer((req, res) => {
      fileRequests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(fit);
    });
    await new Promise<void>((resolve) => garmin.listen(0, '127.0.0.1', resolve));
    const port = (garmin.address() as AddressInfo).port;
    const env = {
      REDIS_URL: redis.url,
      GARMIN_PUSH_SECRET: SECRET,
      GARMIN_CALLBACK_HOSTS: `http://127.0.0.1:${port}`,
      GARMIN_SYNC_BACKOFF_MS: '5',
    };
    first = await startTestApp(env);
    second = await startTestApp(env, { databaseName: first.databaseName });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await redis?.stop();
    garmin?.closeAllConnections();
    await new Promise((resolve) => garmin?.close(resolve));
  });

  it('share one queue: a job enqueued on one instance runs on the other, once', async () => {
    const [a, b] = [queueOf(first), queueOf(second)];
    expect([a.kind, b.kind]).toEqual(['bullmq', 'bullmq']);
    const runs: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // Only the second instance runs these.
    b.register<{ by: string }>('shared-probe', async (data) => {
      runs.push(data.by);
      await released;
    });

    await a.enqueue('shared-probe', { by: 'first' }, { jobId: 'probe-1' });
    await eventually('the second instance started the job', () => runs.length === 1);
    // While it runs, the same job id from either instance is the same job.
    await a.enqueue('shared-probe', { by: 'first again' }, { jobId: 'probe-1' });
    await b.enqueue('shared-probe', { by: 'second' }, { jobId: 'probe-1' });
    expect(await a.counts('shared-probe')).toEqual({ waiting: 0, delayed: 0, active: 1 });
    release();

    await eventually('nothing is left in the queue', async () => {
      const counts = await a.counts('shared-probe');
      return counts.waiting + counts.delayed + counts.active === 0;
    });
    expect(runs).toEqual(['first']);
  });

  it('retry a failing job with backoff wherever it runs, and report the last failure once', async () => {
    const [a, b] = [queueOf(first), queueOf(second)];
    const attempts: string[] = [];
    const failures: string[] = [];
    for (const [name, queue] of [
      ['first', a],
      ['second', b],
    ] as const) {
      queue.register<string>(
        'failing-probe',
        async (_data, attempt) => {
          attempts.push(`${attempt.attempt}/${attempt.attempts}`);
          throw new Error(`attempt ${attempt.attempt} on ${name}`);
        },
        { onFailed: async (data, error) => void failures.push(`${data}: ${error.message.replace(/ on \w+$/, '')}`) },
      );
    }
    await a.enqueue('failing-probe', 'doomed', { jobId: 'doomed-1', attempts: 3, backoffMs: 5 });
    await eventually('the job was given up', () => failures.length === 1);
    expect(attempts.sort()).toEqual(['1/3', '2/3', '3/3']);
    expect(failures).toEqual(['doomed: attempt 3']);
  });

  it('import a pushed Garmin file once, whichever instance takes the push', async () => {
    const admin: TestAccount = await loginAdmin(first.http);
    const coach = await createAccount(first.http, 'coach', admin);
    const created = await first.http.post(
      '/api/v1/players',
      {
        firstName: 'Shared',
        lastName: 'Queue',
        dateOfBirth: yearsAgo(18),
        sex: 'male',
        position: 'forward',
        level: 'academy',
        dominantFoot: 'right',
      },
      { token: coach.accessToken },
    );
    expect(created.status).toBe(201);
    const playerId = created.body.id;
    const linked = await first.http.put(
      `/api/v1/players/${playerId}/devices/garmin`,
      { garminUserId: 'garmin-user-shared' },
      { token: coach.accessToken },
    );
    expect(linked.status).toBe(200);

    const port = (garmin.address() as AddressInfo).port;
    const activityFiles = [
      {
        userId: 'garmin-user-shared',
        summaryId: 'shared-summary-1',
        fileType: 'FIT',
        callbackURL: `http://127.0.0.1:${port}/files/shared?token=t`,
      },
    ];
    const headers = { 'x-garmin-push-secret': SECRET };
    const pushes = await Promise.all(
      [first, second, first, second].map((t) =>
        t.http.post('/api/v1/integrations/garmin/activity-files', { activityFiles }, { headers }),
      ),
    );
    expect(pushes.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    expect(pushes.filter((p) => p.body.activityFiles[0].repeated === false)).toHaveLength(1);

    let notification: { status: string; attempts: number; activityId: string } | undefined;
    await eventually('the file was imported', async () => {
      const list = await second.http.get('/api/v1/admin/device-sync/garmin?status=imported', {
        token: admin.accessToken,
      });
      notification = list.body.items.find((n: { summaryId: string }) => n.summaryId === 'shared-summary-1');
      return notification !== undefined;
    });
    expect(notification).toMatchObject({ status: 'imported', attempts: 1 });
    expect(fileRequests.filter((url) => url.startsWith('/files/shared'))).toHaveLength(1);
    const activities = await first.http.get(`/api/v1/players/${playerId}/activities`, { token: coach.accessToken });
    expect(activities.body.total).toBe(1);
    expect(activities.body.items[0].id).toBe(notification!.activityId);
  });
});

withRedis('Garmin push while Redis is away (needs redis-server)', () => {
  let redis: { url: string; stop: () => Promise<void> };
  let proxy: TcpProxy;
  let t: TestApp;
  let garmin: Server;
  let fetched = 0;

  beforeAll(async () => {
    redis = await startRedis();
    const target = new URL(redis.url);
    proxy = new TcpProxy(target.hostname, Number(target.port));
    await proxy.start();
    const fit = readFileSync(join(__dirname, 'fixtures', 'activity-samples', 'garmin-edge-820-bike.fit'));
    garmin = createServer((_req, res) => {
      fetched++;
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(fit);
    });
    await new Promise<void>((resolve) => garmin.listen(0, '127.0.0.1', resolve));
    t = await startTestApp({
      REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      GARMIN_PUSH_SECRET: SECRET,
      GARMIN_CALLBACK_HOSTS: `http://127.0.0.1:${(garmin.address() as AddressInfo).port}`,
    });
  });
  afterAll(async () => {
    if (proxy && !proxy.listening) await proxy.start();
    await t?.close();
    await proxy?.cut();
    await redis?.stop();
    garmin?.closeAllConnections();
    await new Promise((resolve) => garmin?.close(resolve));
  });

  it('records the notification and answers 503; sent again once Redis is back, the file is imported', async () => {
    const admin = await loginAdmin(t.http);
    const coach = await createAccount(t.http, 'coach', admin);
    const created = await t.http.post(
      '/api/v1/players',
      {
        firstName: 'Away',
        lastName: 'Redis',
        dateOfBirth: yearsAgo(18),
        sex: 'female',
        position: 'goalkeeper',
        level: 'academy',
        dominantFoot: 'right',
      },
      { token: coach.accessToken },
    );
    const playerId = created.body.id;
    const linked = await t.http.put(
      `/api/v1/players/${playerId}/devices/garmin`,
      { garminUserId: 'garmin-user-away' },
      { token: coach.accessToken },
    );
    expect(linked.status).toBe(200);
    const port = (garmin.address() as AddressInfo).port;
    const activityFiles = [
      {
        userId: 'garmin-user-away',
        summaryId: 'away-1',
        fileType: 'FIT',
        callbackURL: `http://127.0.0.1:${port}/f?token=t`,
      },
      {
        userId: 'garmin-user-away',
        summaryId: 'away-2',
        fileType: 'FIT',
        callbackURL: `http://127.0.0.1:${port}/g?token=t`,
      },
    ];
    const headers = { 'x-garmin-push-secret': SECRET };
    const send = () => t.http.post('/api/v1/integrations/garmin/activity-files', { activityFiles }, { headers });

    await proxy.cut();
    const refused = await send();
    expect(refused.status).toBe(503);
    expect(refused.body.detail).toMatch(/recorded but not all could be queued; send them again/);
    const list = async () =>
      (await t.http.get('/api/v1/admin/device-sync/garmin', { token: admin.accessToken })).body.items as {
        summaryId: string;
        status: string;
        attempts: number;
      }[];
    expect((await list()).map((n) => [n.summaryId, n.status, n.attempts]).sort()).toEqual([
      ['away-1', 'queued', 0],
      ['away-2', 'queued', 0],
    ]);

    await proxy.start();
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.body.activityFiles).toEqual([
      { summaryId: 'away-1', status: 'queued', repeated: true },
      { summaryId: 'away-2', status: 'queued', repeated: true },
    ]);
    await eventually('both files were handled', async () => (await list()).every((n) => n.status !== 'queued'));
    // The same file under two summary ids: one activity, and a duplicate naming it.
    expect((await list()).map((n) => [n.summaryId, n.status, n.attempts]).sort()).toEqual([
      ['away-1', expect.stringMatching(/^(imported|duplicate)$/), 1],
      ['away-2', expect.stringMatching(/^(imported|duplicate)$/), 1],
    ]);
    expect(new Set((await list()).map((n) => n.status))).toEqual(new Set(['imported', 'duplicate']));
    expect(fetched).toBe(2);
  });
});
