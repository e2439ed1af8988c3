import { loginAdmin, TestAccount } from './harness/accounts';
import { HttpResponse } from './harness/http-client';
import { startTestApp, TestApp } from './harness/test-app';

/** The one error shape, on every kind of bad request. */
describe('error responses', () => {
  let t: TestApp;
  let admin: TestAccount;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '4096' });
    admin = await loginAdmin(t.http);
  });
  afterAll(() => t.close());

  const expectProblem = (res: HttpResponse, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(
      expect.objectContaining({
        type: expect.stringMatching(/^\/problems\//),
        title: expect.any(String),
        status,
        detail: expect.any(String),
        requestId: expect.any(String),
      }),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  };

  it('malformed JSON is a 400', async () => {
    const res = await t.http.post('/api/v1/auth/login', undefined, { raw: '{"email": "a@b.co", "password": ' });
    expectProblem(res, 400);
  });

  it('an empty JSON body is a 400', async () => {
    const res = await t.http.post('/api/v1/auth/login', undefined, { raw: '' });
    expectProblem(res, 400);
  });

  it('a JSON body that is not an object is a 400', async () => {
    for (const raw of ['[]', '"text"', '42', 'null']) {
      const res = await t.http.post('/api/v1/auth/login', undefined, { raw });
      expectProblem(res, 400);
    }
  });

  it('a __proto__ key is refused', async () => {
    const res = await t.http.post('/api/v1/auth/login', undefined, {
      raw: '{"email":"a@b.co","password":"long-enough-pw","__proto__":{"role":"admin"}}',
    });
    expectProblem(res, 400);
  });

  it('unknown fields are a 400 that names them', async () => {
    const res = await t.http.post('/api/v1/auth/login', { email: 'a@b.co', password: 'x', role: 'admin' });
    expectProblem(res, 400);
    expect(res.body.type).toBe('/problems/validation-error');
    expect(res.body.errors).toEqual([{ path: 'role', message: 'property role should not exist' }]);
  });

  it('nested unknown fields are named with their path', async () => {
    const res = await t.http.post(
      '/api/v1/players',
      {
        firstName: 'A',
        lastName: 'B',
        dateOfBirth: '2012-01-01',
        sex: 'female',
        position: 'forward',
        level: 'academy',
        dominantFoot: 'left',
        injury: { status: 'fit' },
      },
      { token: admin.accessToken },
    );
    expectProblem(res, 400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('injury');
  });

  it.each([
    ['an operator object', { email: { $ne: null }, password: 'x' }],
    ['a $where key', { email: 'a@b.co', password: 'x', $where: 'sleep(1000)' }],
    ['an operator in an array', { email: ['a@b.co'], password: 'x' }],
  ])('%s never reaches a query', async (_what, body) => {
    const res = await t.http.post('/api/v1/auth/login', body);
    expectProblem(res, 400);
  });

  it('a malformed id is a 400 and a missing one a 404, never a 500', async () => {
    for (const id of ['abc', '123', 'zzzzzzzzzzzzzzzzzzzzzzzz', '%24ne']) {
      expectProblem(await t.http.get(`/api/v1/players/${id}`, { token: admin.accessToken }), 400);
    }
    expectProblem(
      await t.http.patch('/api/v1/admin/users/nope/role', { role: 'coach' }, { token: admin.accessToken }),
      400,
    );
    expectProblem(await t.http.get('/api/v1/players/65a1b2c3d4e5f60718293a4b', { token: admin.accessToken }), 404);
  });

  it('a body over the size limit is a 413', async () => {
    const res = await t.http.post('/api/v1/auth/register', {
      email: 'big@test.example',
      password: 'long-enough-pw',
      displayName: 'x'.repeat(5000),
    });
    expectProblem(res, 413);
  });

  it('an unsupported content type is a 415', async () => {
    const res = await t.http.post('/api/v1/auth/login', undefined, {
      raw: 'email=a@b.co',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(res, 415);
  });

  it('an unknown route is a 404 in the same shape', async () => {
    expectProblem(await t.http.get('/api/v1/nothing-here'), 404);
    expectProblem(await t.http.get('/api/v2/players', { token: admin.accessToken }), 404);
  });

  it('a method a path does not take is a 405 naming the ones it does in Allow', async () => {
    const collection = await t.http.request('PUT', '/api/v1/players', {}, { token: admin.accessToken });
    expectProblem(collection, 405);
    expect(collection.headers.get('allow')).toBe('GET, HEAD, POST');
    const item = await t.http.request('PUT', '/api/v1/players/65a1b2c3d4e5f60718293a4b', {});
    expectProblem(item, 405);
    expect(item.headers.get('allow')).toBe('GET, HEAD, PATCH, DELETE');
    const drill = await t.http.delete('/api/v1/drills/fifa-11-plus-jogging-straight-ahead');
    expectProblem(drill, 405);
    expect(drill.headers.get('allow')).toBe('GET, HEAD');
    expect(drill.headers.get('x-content-type-options')).toBe('nosniff');
    // A fixed path beside a parametric one is its own resource: PATCH /exercises/body-parts is no exercise update.
    for (const [method, path, allow] of [
      ['PATCH', '/api/v1/exercises/body-parts', 'GET, HEAD'],
      ['DELETE', '/api/v1/exercises/modalities', 'GET, HEAD'],
      ['OPTIONS', '/api/v1/exercises/body-parts', 'GET, HEAD'],
      ['PATCH', '/api/v1/workouts/65a1b2c3d4e5f60718293a4b/exercises/order', 'PUT'],
      ['DELETE', '/api/v1/workouts/65a1b2c3d4e5f60718293a4b/exercises/order', 'PUT'],
    ]) {
      const res = await t.http.request(method, path, method === 'PATCH' ? {} : undefined, { token: admin.accessToken });
      expectProblem(res, 405);
      expect(res.headers.get('allow')).toBe(allow);
    }
    const missing = await t.http.request('PUT', '/api/v1/nothing-here', {});
    expectProblem(missing, 404);
    expect(missing.headers.get('allow')).toBeNull();
  });

  it('echoes a safe X-Request-Id and replaces an unsafe one', async () => {
    const ok = await t.http.get('/api/v1/nothing-here', { headers: { 'x-request-id': 'client-abc-123' } });
    expect(ok.headers.get('x-request-id')).toBe('client-abc-123');
    expect(ok.body.requestId).toBe('client-abc-123');
    const bad = await t.http.get('/api/v1/nothing-here', { headers: { 'x-request-id': 'evil\tinjected line' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await t.http.get('/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeTruthy();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
