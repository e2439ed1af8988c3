import { TcpProxy } from './harness/tcp-proxy';
import { startTestApp, TestApp } from './harness/test-app';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /health answers 200 without auth, outside the /api prefix', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok' });
  });

  it('GET /health/ready checks the database', async () => {
    const res = await t.http.get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });
});

describe('readiness when the database goes down', () => {
  const base = new URL(process.env.TEST_MONGODB_URI ?? 'mongodb://127.0.0.1:27017');
  const direct = base.protocol === 'mongodb:' && !base.host.includes(',');
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    if (!direct) return;
    proxy = new TcpProxy(base.hostname, Number(base.port || 27017));
    const port = await proxy.start();
    const proxied = new URL(base.toString());
    proxied.host = `127.0.0.1:${port}`;
    proxied.searchParams.set('directConnection', 'true');
    t = await startTestApp({}, { mongoUri: proxied.toString() });
  });
  afterAll(async () => {
    if (!direct) return;
    await proxy.start();
    await t.close();
    await proxy.cut();
  });

  (direct ? it : it.skip)(
    'answers 503 in the problem shape while the database is unreachable, 200 again after',
    async () => {
      expect((await t.http.get('/health/ready')).status).toBe(200);
      await proxy.cut();
      const down = await t.http.get('/health/ready');
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toContain('application/problem+json');
      expect(down.body).toMatchObject({
        status: 503,
        detail: 'Unhealthy: database',
        checks: { database: { status: 'down' } },
      });
      // Liveness does not depend on the database: restarting the process would not help.
      expect((await t.http.get('/health')).status).toBe(200);

      await proxy.start();
      let ready = 0;
      for (let i = 0; i < 50 && ready !== 200; i++) {
        ready = (await t.http.get('/health/ready')).status;
        if (ready !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(ready).toBe(200);
    },
    30_000,
  );
});
