import { startTestApp, TestApp } from './harness/test-app';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('boots', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
  });
});
