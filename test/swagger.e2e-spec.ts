import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { components } from '../clients/typescript/api';
import { BODY_REGIONS, LEVELS, POSITIONS, SEXES } from '../src/common/domain/enums';
import { problemTitle, problemType } from '../src/common/errors/problem';
import { DRILL_CATEGORIES, INTENSITIES } from '../src/drills/domain/drill-format';
import { startTestApp, TestApp } from './harness/test-app';

type Schema = {
  type?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  enum?: unknown[];
  pattern?: string;
  maxLength?: number;
  nullable?: boolean;
  default?: unknown;
  example?: unknown;
};
type Parameter = { name: string; in: string; required?: boolean; schema: Schema; style?: string; explode?: boolean };
type ProblemExample = { type: string; title: string; status: number; detail: string };
type Operation = {
  operationId: string;
  security?: unknown[];
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema?: Schema; example?: ProblemExample }> }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
};

describe('OpenAPI documentation', () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema>; securitySchemes: object };
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
    ['get', '/api/v1/exercises'],
    ['post', '/api/v1/exercises'],
    ['get', '/api/v1/exercises/body-parts'],
    ['get', '/api/v1/exercises/modalities'],
    ['get', '/api/v1/exercises/{id}'],
    ['patch', '/api/v1/exercises/{id}'],
    ['delete', '/api/v1/exercises/{id}'],
    ['post', '/api/v1/players/{playerId}/workouts'],
    ['get', '/api/v1/players/{playerId}/workouts'],
    ['get', '/api/v1/workouts/{id}'],
    ['patch', '/api/v1/workouts/{id}'],
    ['put', '/api/v1/workouts/{id}'],
    ['delete', '/api/v1/workouts/{id}'],
    ['post', '/api/v1/workouts/{id}/exercises'],
    ['put', '/api/v1/workouts/{id}/exercises/order'],
    ['patch', '/api/v1/workouts/{id}/exercises/{entryId}'],
    ['delete', '/api/v1/workouts/{id}/exercises/{entryId}'],
    ['post', '/api/v1/workouts/{id}/exercises/{entryId}/sets'],
    ['patch', '/api/v1/workouts/{id}/exercises/{entryId}/sets/{setId}'],
    ['delete', '/api/v1/workouts/{id}/exercises/{entryId}/sets/{setId}'],
    ['post', '/api/v1/workouts/{id}/finish'],
    ['post', '/api/v1/workouts/{id}/reopen'],
    ['post', '/api/v1/workouts/{id}/template'],
    ['post', '/api/v1/workout-templates'],
    ['get', '/api/v1/workout-templates'],
    ['get', '/api/v1/workout-templates/{id}'],
    ['put', '/api/v1/workout-templates/{id}'],
    ['delete', '/api/v1/workout-templates/{id}'],
    ['post', '/api/v1/workout-templates/{id}/plan'],
    ['get', '/api/v1/players/{playerId}/workout-stats'],
    ['get', '/api/v1/players/{playerId}/exercises/{exerciseId}/history'],
    ['post', '/api/v1/players/{playerId}/activities'],
    ['get', '/api/v1/players/{playerId}/activities'],
    ['post', '/api/v1/players/{playerId}/activities/import'],
    ['get', '/api/v1/activities/{id}'],
    ['patch', '/api/v1/activities/{id}'],
    ['delete', '/api/v1/activities/{id}'],
    ['get', '/api/v1/activities/{id}/file'],
    ['get', '/api/v1/activities/{id}/gpx'],
    ['get', '/api/v1/activities/{id}/geojson'],
    ['get', '/api/v1/activities/{id}/streams'],
    ['post', '/api/v1/activities/{id}/sections'],
    ['delete', '/api/v1/activities/{id}/sections/{sectionId}'],
    ['get', '/api/v1/activities/{id}/compare/{otherId}'],
    ['put', '/api/v1/players/{playerId}/devices/garmin'],
    ['get', '/api/v1/players/{playerId}/devices/garmin'],
    ['delete', '/api/v1/players/{playerId}/devices/garmin'],
    ['post', '/api/v1/integrations/garmin/activity-files'],
    ['get', '/api/v1/admin/device-sync/garmin'],
    ['post', '/api/v1/admin/device-sync/garmin/{id}/retry'],
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
    ['post', '/api/v1/admin/norms'],
    ['get', '/api/v1/admin/norms'],
    ['delete', '/api/v1/admin/norms/{name}'],
    ['get', '/api/v1/norms'],
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
    ['get', '/api/v1/admin/settings'],
    ['patch', '/api/v1/admin/settings'],
    ['post', '/api/v1/teams'],
    ['get', '/api/v1/teams'],
    ['get', '/api/v1/teams/{id}'],
    ['patch', '/api/v1/teams/{id}'],
    ['delete', '/api/v1/teams/{id}'],
    ['post', '/api/v1/teams/{id}/players'],
    ['delete', '/api/v1/teams/{id}/players'],
    ['post', '/api/v1/teams/{id}/coaches'],
    ['delete', '/api/v1/teams/{id}/coaches'],
    ['post', '/api/v1/teams/{teamId}/fixtures'],
    ['get', '/api/v1/teams/{teamId}/fixtures'],
    ['delete', '/api/v1/teams/{teamId}/fixtures/{fixtureId}'],
    ['post', '/api/v1/teams/{teamId}/sessions'],
    ['get', '/api/v1/teams/{teamId}/sessions'],
    ['get', '/api/v1/teams/{teamId}/sessions/{sessionId}'],
    ['delete', '/api/v1/teams/{teamId}/sessions/{sessionId}'],
    ['post', '/api/v1/teams/{teamId}/sessions/{sessionId}/log'],
    ['post', '/api/v1/teams/{teamId}/sessions/{sessionId}/log/me'],
    ['get', '/api/v1/teams/{teamId}/dashboard'],
    ['get', '/api/v1/players/{playerId}/dashboard'],
    ['get', '/api/v1/players/{playerId}/calendar'],
    ['get', '/api/v1/teams/{teamId}/calendar'],
    ['post', '/api/v1/auth/me/calendar-feeds'],
    ['get', '/api/v1/auth/me/calendar-feeds'],
    ['delete', '/api/v1/auth/me/calendar-feeds/{feedId}'],
    ['get', '/calendar/{token}.ics'],
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
      // Garmin's servers authenticate with the shared push secret, not a bearer token.
      '/api/v1/integrations/garmin/activity-files',
      // A calendar app cannot send a bearer token: the feed URL's secret token is the credential.
      '/calendar/{token}.ics',
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
    const listParams = doc.paths['/api/v1/drills'].get.parameters ?? [];
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

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
  const schema = (name: string) => doc.components.schemas[name];
  const refName = (s: Schema | undefined): string | undefined =>
    s && (s.$ref?.replace('#/components/schemas/', '') ?? refName(s.items) ?? refName(s.allOf?.[0]));
  const parameter = (path: string, method: string, name: string) => {
    const found = doc.paths[path][method].parameters?.find((p) => p.name === name);
    if (!found) throw new Error(`${method} ${path} has no parameter ${name}`);
    return found;
  };

  it('is the committed openapi.json (npm run openapi regenerates it)', () => {
    const committed = JSON.parse(readFileSync(resolve(__dirname, '..', 'openapi.json'), 'utf8'));
    expect(doc).toEqual(committed);
  });

  describe('request schemas say what the validators accept', () => {
    it('types whole numbers as integers', () => {
      for (const dto of ['CreateProgramDto', 'CreateEliteProgramDto']) {
        for (const field of ['weeks', 'sessionsPerWeek', 'seed']) {
          expect({ dto, field, type: schema(dto).properties?.[field].type }).toEqual({ dto, field, type: 'integer' });
        }
      }
      expect(schema('LogSessionDto').properties?.durationMin.type).toBe('integer');
      expect(schema('LogUnplannedDto').properties?.durationMin.type).toBe('integer');
      expect(schema('Vo2BenchmarkInputDto').properties?.ageMin.type).toBe('integer');
      expect(schema('PhysicalTestsDto').properties?.pushUps.type).toBe('integer');
      // Responses too.
      for (const [dto, field] of [
        ['ProgramSummaryDto', 'sessionsPerWeek'],
        ['ProgramSummaryDto', 'seed'],
        ['ProgramSummaryDto', 'weekCount'],
        ['TrainingLogDto', 'durationMin'],
        ['DrillDto', 'durationMin'],
        ['PlayerPageDto', 'page'],
        ['PlayerPageDto', 'limit'],
        ['PlayerPageDto', 'total'],
        ['ProblemDetailsDto', 'status'],
      ]) {
        expect({ dto, field, type: schema(dto).properties?.[field].type }).toEqual({ dto, field, type: 'integer' });
      }
      // Decimals stay numbers.
      expect(schema('LogUnplannedDto').properties?.rpe.type).toBe('number');
      expect(schema('CreatePlayerDto').properties?.heightCm.type).toBe('number');
    });

    it('types page and limit as optional integers with their defaults on every paginated route', () => {
      const paginated = operations().filter(({ op }) => op.parameters?.some((p) => p.name === 'page'));
      expect(paginated.length).toBeGreaterThanOrEqual(7);
      for (const { path, method } of paginated) {
        const page = parameter(path, method, 'page');
        const limit = parameter(path, method, 'limit');
        expect({ path, page, limit }).toEqual({
          path,
          page: expect.objectContaining({
            required: false,
            schema: expect.objectContaining({ type: 'integer', minimum: 1, default: 1 }),
          }),
          limit: expect.objectContaining({
            required: false,
            schema: expect.objectContaining({ type: 'integer', minimum: 1, maximum: 100, default: 20 }),
          }),
        });
      }
    });

    it('refuses unknown fields in every request body and every object nested in one', () => {
      const requestSchemas = new Set<string>();
      const visit = (name: string) => {
        if (requestSchemas.has(name)) return;
        requestSchemas.add(name);
        for (const property of Object.values(schema(name).properties ?? {})) {
          const nested = refName(property);
          if (nested) visit(nested);
        }
      };
      for (const { op } of operations()) {
        const name = refName(op.requestBody?.content['application/json']?.schema);
        if (name) visit(name);
      }
      expect([...requestSchemas]).toEqual(
        expect.arrayContaining([
          'RegisterDto',
          'UpdatePlayerDto',
          'CreateEliteProgramDto',
          'FixtureDto',
          'BandCutoffDto',
          'PhysicalTestsDto',
        ]),
      );
      for (const name of requestSchemas) {
        expect({ name, additionalProperties: schema(name).additionalProperties }).toEqual({
          name,
          additionalProperties: false,
        });
      }
      // Responses keep theirs open: fields may be added to them.
      expect(schema('PlayerDto').additionalProperties).toBeUndefined();
    });

    it('requires no field of a PATCH body', () => {
      for (const name of ['UpdatePlayerDto', 'UpdateAssessmentDto']) {
        expect({ name, required: schema(name).required }).toEqual({ name, required: undefined });
        expect(Object.keys(schema(name).properties ?? {}).length).toBeGreaterThan(5);
      }
    });

    it('does not require fields that have a default, and states the default', () => {
      const defaulted: [string, string, unknown][] = [
        ['RegisterDto', 'role', 'player'],
        ['InjuryDto', 'bodyRegions', []],
        ['FixtureDto', 'importance', 'normal'],
        ['Vo2BenchmarkInputDto', 'percentiles', []],
      ];
      for (const [dto, field, value] of defaulted) {
        expect({ dto, field, required: schema(dto).required?.includes(field) }).toEqual({
          dto,
          field,
          required: false,
        });
        expect(schema(dto).properties?.[field].default).toEqual(value);
      }
      expect(schema('RegisterDto').required).toEqual(['email', 'password', 'displayName']);
      expect(parameter('/api/v1/admin/drills/upload', 'post', 'mode')).toMatchObject({
        required: false,
        schema: { enum: ['replace', 'merge'], default: 'replace' },
      });
      expect(parameter('/api/v1/admin/drills/upload', 'post', 'dryRun')).toMatchObject({
        required: false,
        schema: { type: 'boolean', default: false },
      });
    });

    it('lists the values of every drill filter', () => {
      const filter = (name: string) => parameter('/api/v1/drills', 'get', name).schema;
      expect(filter('category').enum).toEqual([...DRILL_CATEGORIES]);
      expect(filter('sex').enum).toEqual([...SEXES]);
      expect(filter('level').enum).toEqual([...LEVELS]);
      expect(filter('position').enum).toEqual([...POSITIONS]);
      expect(filter('intensity').enum).toEqual([...INTENSITIES]);
      expect(filter('age')).toMatchObject({ type: 'integer', minimum: 5, maximum: 60 });
      expect(filter('maxDurationMin')).toMatchObject({ type: 'integer', minimum: 1, maximum: 120 });
      // Lists are comma-separated.
      expect(parameter('/api/v1/drills', 'get', 'avoidBodyRegions')).toMatchObject({
        style: 'form',
        explode: false,
        schema: { type: 'array', uniqueItems: true, items: { enum: [...BODY_REGIONS] } },
      });
      expect(parameter('/api/v1/drills', 'get', 'equipment')).toMatchObject({
        style: 'form',
        explode: false,
        schema: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' } },
      });
      expect(filter('equipment').pattern).toBeUndefined();
    });

    it('gives every path parameter the form its pipe accepts', () => {
      const objectId = '^[0-9a-fA-F]{24}$';
      const slug = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
      const expected: Record<string, Schema> = {
        id: { type: 'string', pattern: objectId },
        playerId: { type: 'string', pattern: objectId },
        userId: { type: 'string', pattern: objectId },
        entryId: { type: 'string', pattern: objectId },
        setId: { type: 'string', pattern: objectId },
        otherId: { type: 'string', pattern: objectId },
        teamId: { type: 'string', pattern: objectId },
        fixtureId: { type: 'string', pattern: objectId },
        feedId: { type: 'string', pattern: objectId },
        token: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$', maxLength: 43 },
        exerciseId: { type: 'string', pattern: slug },
        sessionId: { type: 'string', pattern: slug },
        name: { type: 'string', pattern: slug },
        version: { type: 'integer' },
      };
      let count = 0;
      for (const { path, method, op } of operations()) {
        for (const p of (op.parameters ?? []).filter((q) => q.in === 'path')) {
          // Drills and exercises have slug ids (a custom exercise's ObjectId hex is a slug too).
          const slugIds = path.startsWith('/api/v1/drills/') || path.startsWith('/api/v1/exercises/');
          // An activity's sections and a team's sessions have ObjectId ids; a programme's sessions have slugs.
          const objectIdOfParent =
            (path.startsWith('/api/v1/activities/') && p.name === 'sectionId') ||
            (path.startsWith('/api/v1/teams/') && p.name === 'sessionId');
          const want = slugIds
            ? { type: 'string', pattern: slug }
            : objectIdOfParent
              ? { type: 'string', pattern: objectId }
              : expected[p.name];
          expect({ path, method, name: p.name, schema: p.schema }).toEqual({
            path,
            method,
            name: p.name,
            schema: expect.objectContaining(want),
          });
          count += 1;
        }
      }
      expect(count).toBeGreaterThan(35);
      expect(parameter('/api/v1/drills/{id}', 'get', 'id').schema.maxLength).toBe(80);
    });
  });

  describe('responses', () => {
    it('marks norms without a table as null', () => {
      expect(schema('AssessmentSummaryDto').properties?.norms.additionalProperties).toEqual({
        nullable: true,
        allOf: [{ $ref: '#/components/schemas/NormDto' }],
      });
      // The generated client types carry it too.
      const norms: components['schemas']['AssessmentSummaryDto']['norms'] = { cmjCm: null };
      expect(norms.cmjCm).toBeNull();
    });

    it('declares 400 and 431 everywhere, 413 and 415 where a body is taken, 414 where the path has a parameter', () => {
      for (const { path, method, op } of operations()) {
        const statuses = Object.keys(op.responses);
        const expected = ['400', '431'];
        if (op.requestBody) expected.push('413', '415');
        if (path.includes('{')) expected.push('414');
        expect({ path, method, statuses }).toEqual({ path, method, statuses: expect.arrayContaining(expected) });
      }
    });

    it('shows under each error status a problem of that status, type and title', () => {
      let count = 0;
      for (const { path, method, op } of operations()) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) < 400 || !response.content?.['application/problem+json']) continue;
          const example = response.content['application/problem+json'].example;
          const code = Number(status);
          const expected =
            code === 400
              ? { status: 400, type: '/problems/validation-error', title: 'Validation Failed' }
              : code === 422
                ? { status: 422, type: '/problems/rule-violation', title: 'Rule Violated' }
                : code === 500
                  ? { status: 500, type: '/problems/safety-check-failed', title: 'Safety Check Failed' }
                  : { status: code, type: problemType(code), title: problemTitle(code) };
          expect({ path, method, example }).toEqual({
            path,
            method,
            example: expect.objectContaining({ ...expected, detail: expect.any(String) }),
          });
          count += 1;
        }
      }
      expect(count).toBeGreaterThan(300);
    });

    it('shows an example user who is an enabled coach, not a disabled admin', () => {
      const user = schema('UserDto').properties ?? {};
      expect(user.role.example).toBe('coach');
      expect(user.disabled.example).toBe(false);
    });
  });

  describe('matches what the service does', () => {
    it('refuses a page that is not a whole number and a drill filter outside its enum', async () => {
      expect((await t.http.get('/api/v1/drills?page=1.5')).status).toBe(400);
      expect((await t.http.get('/api/v1/drills?category=juggling')).status).toBe(400);
      expect((await t.http.get('/api/v1/drills?unknown=1')).status).toBe(400);
    });

    it('takes the optional parameters out and comma-separated lists in', async () => {
      const res = await t.http.get('/api/v1/drills?equipment=balls,cones&avoidBodyRegions=knee,ankle');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page: 1, limit: 20 });
      // A repeated parameter is taken too, as clients that explode arrays send it.
      expect((await t.http.get('/api/v1/drills?equipment=balls&equipment=cones')).status).toBe(200);
    });

    it('refuses an unknown body field, as additionalProperties: false says', async () => {
      const res = await t.http.post('/api/v1/auth/login', { email: 'a@b.example', password: 'x', extra: 1 });
      expect(res.status).toBe(400);
    });

    it('answers a route without parameters with the documented 400 when its query string holds a NUL', async () => {
      for (const path of ['/health', '/api/v1/drills/schema']) {
        const res = await t.http.get(`${path}?x=%00`);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(doc.paths[path].get.responses).toHaveProperty(['400']);
      }
    });

    it('answers a path parameter longer than the router takes with the documented 414', async () => {
      const res = await t.http.get(`/api/v1/drills/${'a'.repeat(200)}`);
      expect(res.status).toBe(414);
      const example =
        doc.paths['/api/v1/drills/{id}'].get.responses['414'].content!['application/problem+json'].example!;
      expect(res.body).toMatchObject({ status: example.status, type: example.type, title: example.title });
    });
  });
});
