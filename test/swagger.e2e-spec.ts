import { startTestApp, TestApp } from './harness/test-app';

type Operation = {
  security?: unknown[];
  responses: Record<string, { content?: Record<string, unknown> }>;
  requestBody?: unknown;
};

describe('OpenAPI documentation', () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: {
      schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
      securitySchemes: object;
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.http.get('/docs-json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(() => t.close());

  it('serves Swagger UI at /docs', async () => {
    const res = await t.http.get('/docs');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
  });

  const routes: [string, string][] = [
    ['post', '/api/v1/auth/register'],
    ['post', '/api/v1/auth/login'],
    ['post', '/api/v1/auth/refresh'],
    ['post', '/api/v1/auth/logout'],
    ['get', '/api/v1/auth/me'],
    ['get', '/api/v1/admin/users'],
    ['patch', '/api/v1/admin/users/{id}/role'],
    ['patch', '/api/v1/admin/users/{id}/status'],
    ['post', '/api/v1/players'],
    ['get', '/api/v1/players'],
    ['get', '/api/v1/players/{id}'],
    ['patch', '/api/v1/players/{id}'],
    ['delete', '/api/v1/players/{id}'],
    ['put', '/api/v1/players/{id}/injury'],
    ['post', '/api/v1/players/{id}/guardians'],
    ['delete', '/api/v1/players/{id}/guardians/{userId}'],
    ['post', '/api/v1/players/{id}/coaches'],
    ['delete', '/api/v1/players/{id}/coaches/{userId}'],
    ['put', '/api/v1/players/{id}/account'],
    ['delete', '/api/v1/players/{id}/account'],
    ['get', '/api/v1/drills'],
    ['get', '/api/v1/drills/schema'],
    ['get', '/api/v1/drills/{id}'],
    ['post', '/api/v1/admin/drills/upload'],
    ['get', '/api/v1/admin/drills/versions'],
    ['post', '/api/v1/admin/drills/versions/{version}/activate'],
    ['get', '/api/v1/admin/drills/export'],
    ['post', '/api/v1/players/{playerId}/assessments'],
    ['get', '/api/v1/players/{playerId}/assessments'],
    ['get', '/api/v1/assessments/{id}'],
    ['patch', '/api/v1/assessments/{id}'],
    ['delete', '/api/v1/assessments/{id}'],
    ['get', '/api/v1/assessments/{id}/summary'],
    ['get', '/api/v1/players/{playerId}/progress'],
    ['get', '/api/v1/players/{playerId}/progress/overview'],
    ['post', '/api/v1/vo2/estimate'],
    ['get', '/api/v1/vo2/benchmarks'],
    ['post', '/api/v1/players/{playerId}/vo2-tests'],
    ['get', '/api/v1/players/{playerId}/vo2-tests'],
    ['post', '/api/v1/admin/vo2/benchmarks'],
    ['put', '/api/v1/admin/vo2/benchmarks/{id}'],
    ['delete', '/api/v1/admin/vo2/benchmarks/{id}'],
    ['post', '/api/v1/players/{playerId}/programs'],
    ['get', '/api/v1/players/{playerId}/programs'],
    ['get', '/api/v1/programs/{id}'],
    ['delete', '/api/v1/programs/{id}'],
    ['post', '/api/v1/players/{playerId}/elite-programs'],
    ['post', '/api/v1/programs/{id}/sessions/{sessionId}/log'],
    ['post', '/api/v1/players/{playerId}/training-logs'],
    ['get', '/api/v1/players/{playerId}/training-logs'],
    ['delete', '/api/v1/training-logs/{id}'],
    ['get', '/api/v1/players/{playerId}/load'],
    ['get', '/health'],
    ['get', '/health/ready'],
  ];

  it('lists every route and nothing else', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(documented.sort()).toEqual(routes.map(([m, p]) => `${m} ${p}`).sort());
  });

  it('declares bearer auth and requires it on every non-public route', () => {
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    const open = new Set([
      '/api/v1/auth/register',
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/auth/logout',
      '/api/v1/drills',
      '/api/v1/drills/schema',
      '/api/v1/drills/{id}',
      '/health',
      '/health/ready',
    ]);
    for (const [method, path] of routes) {
      const op = doc.paths[path][method];
      if (open.has(path)) expect(op.security).toBeUndefined();
      else expect({ path, security: op.security }).toEqual({ path, security: [{ bearer: [] }] });
    }
  });

  it('describes error responses as problem+json on every /api route', () => {
    for (const [method, path] of routes.filter(([, p]) => p.startsWith('/api'))) {
      const op = doc.paths[path][method];
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      expect({ path, method, count: errors.length }).toEqual({ path, method, count: expect.any(Number) });
      expect(errors.length).toBeGreaterThan(0);
      for (const [, response] of errors) expect(response.content).toHaveProperty(['application/problem+json']);
    }
    expect(doc.components.schemas.ProblemDetailsDto.properties).toEqual(
      expect.objectContaining({
        type: expect.anything(),
        title: expect.anything(),
        status: expect.anything(),
        detail: expect.anything(),
        errors: expect.anything(),
      }),
    );
  });

  it('describes request and response DTOs with their fields (Swagger plugin active)', () => {
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas.RegisterDto.properties ?? {})).toEqual(
      expect.arrayContaining(['email', 'password', 'displayName', 'role']),
    );
    expect(schemas.RegisterDto.required).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
    // Fields documented only by the plugin (no @ApiProperty in the source):
    expect(Object.keys(schemas.TokensDto.properties ?? {})).toEqual(
      expect.arrayContaining(['accessToken', 'refreshToken', 'expiresIn', 'user']),
    );
    expect(Object.keys(schemas.PlayerDto.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'ageYears', 'injury', 'coachIds']),
    );
    expect(Object.keys(schemas.CreatePlayerDto.properties ?? {})).toEqual(
      expect.arrayContaining([
        'firstName',
        'lastName',
        'dateOfBirth',
        'sex',
        'position',
        'level',
        'dominantFoot',
        'heightCm',
        'weightKg',
      ]),
    );
    expect(Object.keys(schemas.PlayerPageDto.properties ?? {})).toEqual(
      expect.arrayContaining(['items', 'total', 'page', 'limit']),
    );
    expect(doc.paths['/api/v1/players'].post.requestBody).toBeDefined();
    const listParams = (doc.paths['/api/v1/drills'].get as unknown as { parameters: { name: string; in: string }[] })
      .parameters;
    expect(listParams.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'page',
        'limit',
        'category',
        'age',
        'sex',
        'level',
        'position',
        'equipment',
        'avoidBodyRegions',
        'q',
      ]),
    );
    expect(doc.paths['/api/v1/admin/drills/upload'].post.requestBody).toBeDefined();
  });
});
