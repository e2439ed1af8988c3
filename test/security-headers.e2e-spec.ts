import { startTestApp, TestApp } from './harness/test-app';

/**
 * The CSP's upgrade-insecure-requests makes browsers fetch a page's scripts over https: right for
 * a page that came over HTTPS, a blank Swagger UI for one that came over plain HTTP. So the app
 * sends it only for HTTPS requests, which behind a proxy it learns from X-Forwarded-Proto, and
 * believes only from a proxy TRUST_PROXY names (anyone can send the header).
 */
describe('Content-Security-Policy: upgrade-insecure-requests only for HTTPS requests', () => {
  let behindTrustedProxy: TestApp;
  let trustingAnotherProxy: TestApp;

  beforeAll(async () => {
    // The test client connects from loopback: a trusted proxy for one app, an unknown peer for the other.
    behindTrustedProxy = await startTestApp({ TRUST_PROXY: '127.0.0.1,::1' });
    trustingAnotherProxy = await startTestApp({ TRUST_PROXY: '10.0.0.0/8' });
  });
  afterAll(async () => {
    await behindTrustedProxy?.close();
    await trustingAnotherProxy?.close();
  });

  const policy = async (t: TestApp, path: string, headers: Record<string, string> = {}) => {
    const res = await t.http.get(path, { headers });
    return res.headers.get('content-security-policy') ?? '';
  };

  it('a plain HTTP request gets the policy without the directive, on pages, API answers and 404s', async () => {
    for (const path of ['/docs', '/api/v1/drills', '/no-such-page']) {
      const csp = await policy(behindTrustedProxy, path);
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  it('a request a trusted proxy forwarded over HTTPS (X-Forwarded-Proto: https) gets the directive', async () => {
    expect(await policy(behindTrustedProxy, '/docs', { 'x-forwarded-proto': 'https' })).toContain(
      'upgrade-insecure-requests',
    );
    expect(await policy(behindTrustedProxy, '/docs', { 'x-forwarded-proto': 'http' })).not.toContain(
      'upgrade-insecure-requests',
    );
  });

  it('X-Forwarded-Proto from a peer that is not a trusted proxy is ignored', async () => {
    expect(await policy(trustingAnotherProxy, '/docs', { 'x-forwarded-proto': 'https' })).not.toContain(
      'upgrade-insecure-requests',
    );
  });
});
