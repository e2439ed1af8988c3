import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createAccount, loginAdmin, TestAccount } from './harness/accounts';
import { drillInput, uploadDrills } from './harness/drills';
import { startTestApp, TestApp } from './harness/test-app';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent, before any decoding. */
  bytes: Buffer;
}

/** A request whose response is read byte for byte (fetch would decode it on the way). */
function raw(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const varyOf = (res: RawResponse) =>
  String(res.headers.vary ?? '')
    .toLowerCase()
    .split(/\s*,\s*/);

describe('compression and conditional requests', () => {
  let t: TestApp;
  let admin: TestAccount;
  beforeAll(async () => {
    t = await startTestApp({ DRILLS_VERSION_CHECK_MS: '0' });
    admin = await loginAdmin(t.http);
  });
  afterAll(() => t.close());

  describe('response compression', () => {
    const LIST = '/api/v1/drills?limit=50';

    it('sends brotli or gzip as Accept-Encoding asks, the same JSON once decoded', async () => {
      const plain = await raw(t.baseUrl, 'GET', LIST);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const br = await raw(t.baseUrl, 'GET', LIST, { 'accept-encoding': 'br' });
      const gzip = await raw(t.baseUrl, 'GET', LIST, { 'accept-encoding': 'gzip' });
      const either = await raw(t.baseUrl, 'GET', LIST, { 'accept-encoding': 'gzip, deflate, br' });

      expect(br.headers['content-encoding']).toBe('br');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(either.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.bytes).equals(plain.bytes)).toBe(true);
      expect(gunzipSync(gzip.bytes).equals(plain.bytes)).toBe(true);
      expect(br.bytes.length).toBeLessThan(plain.bytes.length / 4);
      // Caches keep the encodings apart (an identity body suits every client as it is).
      for (const res of [br, gzip]) expect(varyOf(res)).toEqual(expect.arrayContaining(['accept-encoding']));
    });

    it('compresses a generated programme, the largest answer of the API', async () => {
      const coach = await createAccount(t.http, 'coach', admin);
      const player = await t.http.post(
        '/api/v1/players',
        {
          firstName: 'Maya',
          lastName: 'Haddad',
          dateOfBirth: `${new Date().getUTCFullYear() - 15}-04-02`,
          sex: 'female',
          position: 'midfielder',
          level: 'academy',
          dominantFoot: 'left',
        },
        { token: coach.accessToken },
      );
      expect(player.status).toBe(201);
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const assessment = await t.http.post(
        `/api/v1/players/${player.body.id}/assessments`,
        { date: day(-7), tests: { sprint10mS: 2.1 }, ratings: { dribbling: 4, passing: 7 } },
        { token: coach.accessToken },
      );
      expect(assessment.status).toBe(201);
      const startDate = day(2);
      const body = JSON.stringify({ weeks: 8, sessionsPerWeek: 3, availableDays: ['mon', 'wed', 'fri'], startDate });
      const res = await raw(
        t.baseUrl,
        'POST',
        `/api/v1/players/${player.body.id}/programs`,
        { authorization: `Bearer ${coach.accessToken}`, 'content-type': 'application/json', 'accept-encoding': 'br' },
        body,
      );
      expect(res.status).toBe(201);
      expect(res.headers['content-encoding']).toBe('br');
      expect(varyOf(res)).toEqual(expect.arrayContaining(['accept-encoding']));
      const decoded = brotliDecompressSync(res.bytes);
      expect(JSON.parse(decoded.toString('utf8')).weeks).toHaveLength(8);
      expect(res.bytes.length).toBeLessThan(decoded.length / 5);
    });

    it('leaves small answers and answers that carry tokens uncompressed', async () => {
      const health = await raw(t.baseUrl, 'GET', '/health', { 'accept-encoding': 'br, gzip' });
      expect(health.status).toBe(200);
      expect(health.headers['content-encoding']).toBeUndefined();
      const login = await raw(
        t.baseUrl,
        'POST',
        '/api/v1/auth/login',
        { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
        JSON.stringify({ email: admin.email, password: admin.password }),
      );
      expect(login.status).toBe(200);
      expect(login.headers['content-encoding']).toBeUndefined();
    });

    it('does not decompress request bodies: a gzipped body is not JSON (400, not 5xx)', async () => {
      const res = await raw(
        t.baseUrl,
        'POST',
        '/api/v1/auth/login',
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        'not gzip at all',
      );
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });

  describe('the drill catalogue answers with validators', () => {
    const paths = () => ['/api/v1/drills?age=12&limit=5', '/api/v1/drills/schema', `/api/v1/drills/${firstDrillId}`];
    let firstDrillId: string;
    beforeAll(async () => {
      firstDrillId = (await t.http.get('/api/v1/drills?limit=1')).body.items[0].id;
    });

    it('sends an ETag and Cache-Control, and a bodiless 304 for the current tag', async () => {
      for (const path of paths()) {
        const first = await raw(t.baseUrl, 'GET', path);
        expect(first.status).toBe(200);
        const etag = String(first.headers.etag);
        expect(etag).toMatch(/^W\/"[\w-]+"$/);
        expect(first.headers['cache-control']).toBe('public, no-cache');

        for (const encoding of [undefined, 'br']) {
          const again = await raw(t.baseUrl, 'GET', path, {
            'if-none-match': etag,
            ...(encoding ? { 'accept-encoding': encoding } : {}),
          });
          expect(again.status).toBe(304);
          expect(again.bytes.length).toBe(0);
          expect(again.headers.etag).toBe(etag);
          expect(again.headers['cache-control']).toBe('public, no-cache');
        }
        // Among other tags, and the strong form of the same tag, still match (weak comparison).
        const listed = await raw(t.baseUrl, 'GET', path, { 'if-none-match': `"other", ${etag.slice(2)}` });
        expect(listed.status).toBe(304);
      }
    });

    it('answers 200 for another, a stale or a malformed tag', async () => {
      for (const tag of ['W/"not-the-tag"', 'garbage', '"', 'W/', ',,,']) {
        const res = await raw(t.baseUrl, 'GET', '/api/v1/drills?age=12&limit=5', { 'if-none-match': tag });
        expect(res.status).toBe(200);
        expect(JSON.parse(res.bytes.toString('utf8')).items).toHaveLength(5);
      }
    });

    it('tags each language and each question apart', async () => {
      const en = await raw(t.baseUrl, 'GET', '/api/v1/drills?age=12&limit=5');
      const ar = await raw(t.baseUrl, 'GET', '/api/v1/drills?age=12&limit=5', { 'accept-language': 'ar' });
      const other = await raw(t.baseUrl, 'GET', '/api/v1/drills?age=13&limit=5');
      expect(ar.headers.etag).not.toBe(en.headers.etag);
      expect(other.headers.etag).not.toBe(en.headers.etag);
      expect(varyOf(en)).toEqual(expect.arrayContaining(['accept-language']));
      const crossed = await raw(t.baseUrl, 'GET', '/api/v1/drills?age=12&limit=5', {
        'accept-language': 'ar',
        'if-none-match': String(en.headers.etag),
      });
      expect(crossed.status).toBe(200);
    });

    it('changes the tag when a new set is activated', async () => {
      const before = await raw(t.baseUrl, 'GET', '/api/v1/drills?limit=5');
      const upload = await uploadDrills(
        t.http,
        admin.accessToken,
        Array.from({ length: 3 }, (_, i) => drillInput(i + 1)),
      );
      expect(upload.status).toBe(201);
      const after = await raw(t.baseUrl, 'GET', '/api/v1/drills?limit=5', {
        'if-none-match': String(before.headers.etag),
      });
      expect(after.status).toBe(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect(JSON.parse(after.bytes.toString('utf8')).source).toBe('database');
    });

    it('still answers errors as problems, without validators', async () => {
      const missing = await raw(t.baseUrl, 'GET', '/api/v1/drills/no-such-drill', { 'if-none-match': '*' });
      expect(missing.status).toBe(404);
      expect(missing.headers.etag).toBeUndefined();
      const bad = await raw(t.baseUrl, 'GET', '/api/v1/drills?age=ten', { 'if-none-match': '*' });
      expect(bad.status).toBe(400);
    });
  });
});
