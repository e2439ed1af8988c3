import { startTestApp, TestApp } from './harness/test-app';

describe('CORS', () => {
  describe('with allowed origins configured', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ CORS_ORIGINS: 'https://app.example, https://admin.example' });
    });
    afterAll(() => t.close());

    const preflight = (origin: string) =>
      t.http.request('OPTIONS', '/api/v1/auth/login', undefined, {
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });

    it('answers a preflight from an allowed origin', async () => {
      const res = await preflight('https://admin.example');
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('https://admin.example');
      expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    });

    it('does not allow other origins', async () => {
      const res = await preflight('https://evil.example');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('exposes the request id to browsers', async () => {
      const res = await t.http.get('/health', { headers: { origin: 'https://app.example' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
    });
  });

  describe('by default', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('sends no CORS headers', async () => {
      const res = await t.http.get('/health', { headers: { origin: 'https://app.example' } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
