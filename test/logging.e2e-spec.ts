import { createAccount } from './harness/accounts';
import { logLines } from './harness/log-lines';
import { startTestApp, TestApp } from './harness/test-app';

describe('logs', () => {
  let t: TestApp;
  const { sink, lines } = logLines();

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'debug' }, { logDestination: sink });
  });
  afterAll(() => t.close());

  it('are JSON lines with the request id of each request', async () => {
    await t.http.get('/health', { headers: { 'x-request-id': 'trace-me-42' } });
    const parsed = lines.map((l) => JSON.parse(l));
    expect(lines.join('\n')).not.toContain('Unsupported route path');
    expect(parsed.some((l) => l.req?.id === 'trace-me-42' && l.res?.statusCode === 200)).toBe(true);
  });

  it("say once where the server listens, with the route count, instead of Nest's route map", async () => {
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.filter((l) => /^Mapped \{/.test(l.msg ?? ''))).toEqual([]);
    const listening = parsed.filter((l) => /^Listening on /.test(l.msg ?? ''));
    expect(listening).toHaveLength(1);
    const document = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    const apiOperations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .reduce((n, [, item]) => n + Object.keys(item).length, 0);
    expect(operations).toBeGreaterThan(apiOperations);
    expect(listening[0]).toMatchObject({ url: t.baseUrl, apiRoutes: apiOperations });
    expect(listening[0].msg).toBe(
      `Listening on ${t.baseUrl}: ${apiOperations} API routes under /api/v1, documented at ${t.baseUrl}/docs`,
    );
  });

  it('never contain a password, token or hash', async () => {
    const password = 'very-secret-password-1';
    const reg = await t.http.post('/api/v1/auth/register', {
      email: 'logged@test.example',
      password,
      displayName: 'L',
    });
    const { accessToken, refreshToken } = reg.body;
    await t.http.post('/api/v1/auth/login', { email: 'logged@test.example', password: 'wrong-password-xyz' });
    const refreshed = await t.http.post('/api/v1/auth/refresh', { refreshToken });
    await t.http.post('/api/v1/auth/refresh', { refreshToken }); // reuse: logged as a warning
    await t.http.get('/api/v1/auth/me', { token: accessToken, headers: { cookie: 'session=cookie-secret' } });
    await createAccount(t.http, 'coach');

    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of [
      password,
      'wrong-password-xyz',
      accessToken,
      refreshToken,
      refreshed.body.refreshToken,
      'cookie-secret',
      '$argon2',
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('Refresh token reuse');
    expect(all).not.toMatch(/authorization|cookie/i);
  });
});
