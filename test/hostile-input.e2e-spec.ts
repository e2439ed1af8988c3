import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { loginAdmin, TestAccount } from './harness/accounts';
import { HttpResponse } from './harness/http-client';
import { logLines } from './harness/log-lines';
import { expectProblem } from './harness/problems';
import { startTestApp, TestApp } from './harness/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document is untyped JSON */
type Schema = {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  pattern?: string;
};
type Operation = {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

const MISSING_ID = '65a1b2c3d4e5f60718293a4b';
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * A value each path parameter accepts, so a request gets past the parameter pipes to its body: an unknown
 * ObjectId where the parameter is one, else these (a programme's sessions are slugs, a team's are ids).
 */
const PATH_VALUES: Record<string, string> = { version: '1', sessionId: 'w1-s1' };
const OBJECT_ID_PATTERN = '^[0-9a-fA-F]{24}$';

function pathValue(op: Operation, name: string): string {
  const schema = op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema;
  if (schema?.pattern === OBJECT_ID_PATTERN) return MISSING_ID;
  return PATH_VALUES[name] ?? MISSING_ID;
}

const DEEP_OBJECT = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
const DEEP_ARRAY = '['.repeat(10_000) + ']'.repeat(10_000);

/**
 * Hostile input on every route of the OpenAPI document, so a route added later is covered
 * without anyone listing it: none may answer 5xx, each answers the 4xx that says what is wrong.
 */
describe('hostile input', () => {
  let t: TestApp;
  let admin: TestAccount;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const { sink, lines: logged } = logLines();

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logDestination: sink });
    admin = await loginAdmin(t.http);
    doc = (await t.http.get('/docs-json')).body;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => HTTP_METHODS.includes(method))
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          url: path.replace(/\{(\w+)\}/g, (_, name: string) => pathValue(op, name)),
          op,
        })),
    );
  const jsonOperations = () => operations().filter(({ op }) => op.requestBody?.content['application/json']);

  const resolve = (schema: Schema | undefined): Schema => {
    if (!schema) return {};
    if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf) return Object.assign({}, ...schema.allOf.map(resolve));
    return schema;
  };
  const bodyProperties = (op: Operation) =>
    Object.entries(resolve(op.requestBody!.content['application/json'].schema).properties ?? {}).map(
      ([name, schema]) => ({ name, type: resolve(schema).type, nullable: schema.nullable === true }),
    );

  const send = (method: string, url: string, raw: string, token?: string) =>
    t.http.request(method, url, undefined, { raw, token });

  /** A body of only `name` set to the raw JSON `value` is a 400 naming that field. */
  const expectFieldRefused = async (method: string, url: string, name: string, value: string) => {
    const res = await send(method, url, `{"${name}":${value}}`, admin.accessToken);
    const route = `${method} ${url}`;
    expect({ route, name, status: res.status }).toEqual({ route, name, status: 400 });
    expectProblem(res, 400, name);
  };

  /** Never a 5xx; a 4xx in the problem shape. */
  const expectRefusedCleanly = (res: HttpResponse, what: string) => {
    expect({ what, status: res.status }).toEqual({ what, status: expect.any(Number) });
    expect({ what, serverError: res.status >= 500 }).toEqual({ what, serverError: false });
    if (res.status >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json');
  };

  it('the document lists the JSON routes this suite attacks', () => {
    const routes = jsonOperations().map(({ method, path }) => `${method} ${path}`);
    expect(routes.length).toBeGreaterThanOrEqual(22);
    expect(routes).toEqual(expect.arrayContaining(['POST /api/v1/auth/login', 'PATCH /api/v1/players/{id}']));
  });

  it('a body nested 10,000 levels deep is a 400 on every JSON route, with or without a login', async () => {
    for (const { method, url } of jsonOperations()) {
      for (const raw of [DEEP_OBJECT, DEEP_ARRAY]) {
        for (const token of [undefined, admin.accessToken]) {
          const res = await send(method, url, raw, token);
          expect({ route: `${method} ${url}`, status: res.status }).toEqual({ route: `${method} ${url}`, status: 400 });
          expectProblem(res, 400);
          expect(res.body.errors[0].message).toMatch(/nest deeper than 32 levels/);
        }
      }
    }
  });

  it('a JSON null body is a 400 on every JSON route', async () => {
    for (const { method, url } of jsonOperations()) {
      const res = await send(method, url, 'null', admin.accessToken);
      expect({ route: `${method} ${url}`, status: res.status }).toEqual({ route: `${method} ${url}`, status: 400 });
      expectProblem(res, 400, 'body');
    }
  });

  it('a multipart/form-data body is a 415 on every JSON route', async () => {
    for (const { method, url } of jsonOperations()) {
      const form = new FormData();
      form.append('firstName', 'Mallory');
      const res = await t.http.request(method, url, undefined, { form, token: admin.accessToken });
      expect({ route: `${method} ${url}`, status: res.status }).toEqual({ route: `${method} ${url}`, status: 415 });
      expectProblem(res, 415);
    }
  });

  it('a lone surrogate or a NUL byte in any string field is a 400 naming the field', async () => {
    let fields = 0;
    for (const { method, url, op } of jsonOperations()) {
      for (const { name } of bodyProperties(op).filter((p) => p.type === 'string')) {
        for (const text of ['\\ud800@example.com', 'a\\u0000b']) {
          await expectFieldRefused(method, url, name, `"${text}"`);
          fields++;
        }
      }
    }
    expect(fields).toBeGreaterThan(40);
  });

  it('null in any field the document does not call nullable is a 400 naming the field', async () => {
    let fields = 0;
    for (const { method, url, op } of jsonOperations()) {
      for (const { name } of bodyProperties(op).filter((p) => !p.nullable)) {
        await expectFieldRefused(method, url, name, 'null');
        fields++;
      }
    }
    expect(fields).toBeGreaterThan(60);
  });

  it('numbers below 1e-6 in any numeric field never answer 5xx', async () => {
    let fields = 0;
    for (const { method, url, op } of jsonOperations()) {
      for (const { name } of bodyProperties(op).filter((p) => p.type === 'number' || p.type === 'integer')) {
        for (const number of ['1e-7', '5e-324', '-1e-7']) {
          expectRefusedCleanly(await send(method, url, `{"${name}":${number}}`, admin.accessToken), `${url} ${name}`);
          fields++;
        }
      }
    }
    expect(fields).toBeGreaterThan(20);
  });

  // (A lone surrogate cannot reach a query string: UTF-8 has no encoding of one.)
  it('a NUL byte in any query parameter is a 400 naming it', async () => {
    let parameters = 0;
    for (const { method, url, op } of operations()) {
      for (const { name } of (op.parameters ?? []).filter((p) => p.in === 'query')) {
        for (const text of ['a%00b', '%00']) {
          const res = await t.http.request(method, `${url}?${name}=${text}`, undefined, { token: admin.accessToken });
          expectRefusedCleanly(res, `${method} ${url}?${name}`);
          expect({ url, name, status: res.status }).toEqual({ url, name, status: 400 });
          parameters++;
        }
      }
    }
    expect(parameters).toBeGreaterThan(10);
  });

  describe('cases found by hand', () => {
    let playerId: string;
    beforeAll(async () => {
      const res = await t.http.post(
        '/api/v1/players',
        {
          firstName: 'Hala',
          lastName: 'Saeed',
          dateOfBirth: '2012-05-01',
          sex: 'female',
          position: 'midfielder',
          level: 'academy',
          dominantFoot: 'right',
        },
        { token: admin.accessToken },
      );
      playerId = res.body.id;
    });

    it('a lone surrogate in an e-mail is a 400 without a login', async () => {
      for (const path of ['/api/v1/auth/register', '/api/v1/auth/login']) {
        const raw = '{"email":"\\ud800@example.com","password":"long-enough-pw","displayName":"M"}';
        const res = await t.http.post(path, undefined, { raw });
        expectProblem(res, 400, 'email');
      }
    });

    it.each([
      ['heightCm', '1e-7'],
      ['heightCm', '5e-324'],
      ['weightKg', '1e-7'],
      ['weightKg', '5e-324'],
    ])('%s of %s on a player is a 400 naming it', async (field, number) => {
      const res = await t.http.patch(`/api/v1/players/${playerId}`, undefined, {
        raw: `{"${field}":${number}}`,
        token: admin.accessToken,
      });
      expectProblem(res, 400, field);
    });

    it.each(['1e-7', '5e-324'])('an rpe of %s is a 400 naming it', async (number) => {
      const res = await t.http.post(`/api/v1/players/${playerId}/training-logs`, undefined, {
        raw: `{"date":"2026-01-05","kind":"training","durationMin":60,"rpe":${number}}`,
        token: admin.accessToken,
      });
      expectProblem(res, 400, 'rpe');
    });

    it('a NUL byte in the player name search is a 400 and stays out of the log', async () => {
      const res = await t.http.get('/api/v1/players?name=a%00b', { token: admin.accessToken });
      expectProblem(res, 400, 'name');
      expect(logged.some((line) => line.includes('\\u0000'))).toBe(false);
    });

    it('a JSON null body on a PATCH is a 400 and changes nothing', async () => {
      const res = await t.http.patch(`/api/v1/players/${playerId}`, undefined, {
        raw: 'null',
        token: admin.accessToken,
      });
      expectProblem(res, 400, 'body');
      const player = await t.http.get(`/api/v1/players/${playerId}`, { token: admin.accessToken });
      expect(player.body.updatedAt).toBe(player.body.createdAt);
    });

    it('a PATCH without any body is a 400', async () => {
      const res = await t.http.request('PATCH', `/api/v1/players/${playerId}`, undefined, { token: admin.accessToken });
      expectProblem(res, 400, 'body');
    });

    it('a multipart body on PATCH /players/:id is a 415', async () => {
      const form = new FormData();
      form.append('firstName', 'Changed');
      const res = await t.http.patch(`/api/v1/players/${playerId}`, undefined, { form, token: admin.accessToken });
      expectProblem(res, 415);
      const player = await t.http.get(`/api/v1/players/${playerId}`, { token: admin.accessToken });
      expect(player.body.firstName).toBe('Hala');
    });

    it('a drill upload sent as multipart/form-data without a boundary is a 400 naming the content type', async () => {
      const res = await t.http.post('/api/v1/admin/drills/upload', undefined, {
        raw: '--x\r\n\r\n',
        headers: { 'content-type': 'multipart/form-data' },
        token: admin.accessToken,
      });
      expectProblem(res, 400, 'content-type');
    });

    it('a VO2 test with an input its protocol does not use is refused (a rule of the protocol), and not stored', async () => {
      const res = await t.http.post(
        `/api/v1/players/${playerId}/vo2-tests`,
        { protocol: 'cooper-12min', distanceM: 2400, heartRateBpm: 1e308, date: '2026-01-05' },
        { token: admin.accessToken },
      );
      expectProblem(res, 422, 'heartRateBpm');
      const estimate = await t.http.post(
        '/api/v1/vo2/estimate',
        { protocol: 'lab', vo2max: 50, timeMin: 12, age: 20, sex: 'male' },
        { token: admin.accessToken },
      );
      expectProblem(estimate, 422, 'timeMin');
      const list = await t.http.get(`/api/v1/players/${playerId}/vo2-tests`, { token: admin.accessToken });
      expect(list.body.total).toBe(0);
    });
  });

  describe('errors Fastify raises before a route runs', () => {
    /** The problem shape and the headers every response carries. */
    const expectEarlyProblem = (res: { status: number; headers: Headers; body: any }, status: number) => {
      expectProblem(res as HttpResponse, status);
      expect(res.body).toEqual(
        expect.objectContaining({ type: expect.stringMatching(/^\/problems\//), title: expect.any(String) }),
      );
      expect(res.headers.get('x-request-id')).toBe(res.body.requestId);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBeTruthy();
    };

    it('a malformed URL encoding is a 400 problem with the request id, security and rate-limit headers', async () => {
      const res = await t.http.get('/api/v1/drills/%FF');
      expectEarlyProblem(res, 400);
      expect(res.headers.get('x-ratelimit-limit')).toBe('100000');
      expect(res.body.instance).toBe('/api/v1/drills/%FF');
    });

    it('an over-long path parameter is a 414 problem with the same headers', async () => {
      const res = await t.http.get(`/api/v1/drills/${'a'.repeat(200)}`);
      expectEarlyProblem(res, 414);
      expect(res.body.type).toBe('/problems/uri-too-long');
      expect(res.headers.get('x-ratelimit-limit')).toBe('100000');
    });

    it('over-long headers are a 431 problem with a request id and the security headers', async () => {
      const res = await new Promise<{ status: number; headers: Headers; body: any }>((resolvePromise, reject) => {
        const req = httpRequest(`${t.baseUrl}/api/v1/drills`, { headers: { 'x-padding': 'a'.repeat(20_000) } }, (r) => {
          let text = '';
          r.on('data', (chunk) => (text += chunk));
          r.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(r.headers)) headers.set(name, String(value));
            resolvePromise({ status: r.statusCode!, headers, body: JSON.parse(text) });
          });
        });
        req.on('error', reject);
        req.end();
      });
      expectEarlyProblem(res, 431);
      expect(res.body.type).toBe('/problems/header-fields-too-large');
    });

    it('bytes that are not HTTP are a 400 problem with a request id and the security headers', async () => {
      const { port } = new URL(t.baseUrl);
      const raw = await new Promise<string>((resolvePromise, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
        let text = '';
        socket.on('data', (chunk) => (text += chunk));
        socket.on('close', () => resolvePromise(text));
        socket.on('error', reject);
      });
      const [head, body] = raw.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = new Headers(lines.map((line) => line.split(/:\s*/, 2) as [string, string]));
      expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
      expectEarlyProblem({ status: 400, headers, body: JSON.parse(body) }, 400);
    });
  });

  it('wrote no error line and no stack trace to the log for any of it', () => {
    const errors = logged.map((line) => JSON.parse(line)).filter((line) => line.level >= 50);
    expect(errors).toEqual([]);
    expect(logged.join('\n')).not.toMatch(/Maximum call stack|at .*\.js:\d+/);
  });
});
