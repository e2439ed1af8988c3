import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAILURE_FILE, findMongod, REMEMBER_FAILURE_MS, rememberedFailure } from './mongod-binary';

const URL_A = 'https://fastdl.mongodb.org/linux/mongodb-linux-x86_64-debian12-8.2.6.tgz';

describe('rememberedFailure', () => {
  const failedAt = '2026-01-10T08:00:00.000Z';
  const memory = { url: URL_A, failedAt, detail: 'fastdl.mongodb.org: ENOTFOUND' };
  const at = (ms: number) => new Date(Date.parse(failedAt) + ms);

  it('is believed for 24 hours, for the same download URL', () => {
    expect(rememberedFailure(memory, URL_A, at(0))).toEqual(memory);
    expect(rememberedFailure(memory, URL_A, at(REMEMBER_FAILURE_MS - 1))).toEqual(memory);
    expect(rememberedFailure(memory, URL_A, at(REMEMBER_FAILURE_MS))).toBeUndefined();
  });

  it('is not believed for another URL (version, platform, mirror), from the future, or when malformed', () => {
    expect(rememberedFailure(memory, URL_A.replace('8.2.6', '7.0.14'), at(1))).toBeUndefined();
    expect(rememberedFailure(memory, URL_A, at(-1))).toBeUndefined();
    for (const bad of [
      undefined,
      null,
      'text',
      42,
      {},
      { ...memory, failedAt: 'yesterday' },
      { url: URL_A, failedAt },
    ]) {
      expect(rememberedFailure(bad, URL_A, at(1))).toBeUndefined();
    }
  });
});

/**
 * findMongod against mongodb-memory-server's real lookup, pointed by its own MONGOMS_* settings
 * at an empty download folder, a version no cache holds, and a download mirror on loopback whose
 * answers the test chooses and whose requests it counts.
 */
describe('findMongod', () => {
  const saved = { ...process.env };
  let dir: string;
  let mirror: Server;
  let requests: string[];
  let answer: (req: IncomingMessage) => number | 'never';

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mongod-binary-'));
    requests = [];
    answer = () => 404;
    mirror = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      const status = answer(req);
      if (status !== 'never') res.writeHead(status).end();
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    for (const name of Object.keys(process.env)) {
      if (name.startsWith('MONGOMS_') || /^(https?|all)_proxy$/i.test(name)) delete process.env[name];
    }
    Object.assign(process.env, {
      MONGOMS_DOWNLOAD_DIR: dir,
      MONGOMS_VERSION: '7.0.99',
      MONGOMS_DOWNLOAD_MIRROR: `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`,
      MONGOMS_USE_HTTP: 'true',
    });
  });
  afterEach(async () => {
    process.env = { ...saved };
    mirror.closeAllConnections();
    await new Promise((resolve) => mirror.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses a mongod already on disk without asking the network', async () => {
    const binary = join(dir, 'mongod');
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);
    process.env.MONGOMS_SYSTEM_BINARY = binary;
    expect(await findMongod()).toEqual({
      found: true,
      path: binary,
      reason: expect.stringContaining('a mongod binary is available'),
    });
    expect(requests).toEqual([]);
  });

  it('says so when MONGOMS_SYSTEM_BINARY names no file', async () => {
    process.env.MONGOMS_SYSTEM_BINARY = join(dir, 'no-such-mongod');
    expect(await findMongod()).toEqual({
      found: false,
      reason: expect.stringContaining('MONGOMS_SYSTEM_BINARY is not a mongod binary'),
    });
  });

  it('asks the download server once, and when it has no mongod remembers that: the next call asks nothing', async () => {
    const first = await findMongod();
    expect(first).toEqual({
      found: false,
      reason: expect.stringMatching(
        /^no mongod binary is available and it cannot be downloaded \(http:\/\/127\.0\.0\.1:\d+\/linux\/mongodb-linux-\S+-7\.0\.99\.tgz answered 404; remembered for 24 h in .*mongod-download-failed\.json, delete it to try again\)$/,
      ),
    });
    expect(requests).toEqual([expect.stringMatching(/^HEAD \/linux\/mongodb-linux-.*-7\.0\.99\.tgz$/)]);
    const memory = JSON.parse(readFileSync(join(dir, FAILURE_FILE), 'utf8'));
    expect(memory).toEqual({
      url: expect.stringContaining('7.0.99'),
      failedAt: expect.any(String),
      detail: expect.any(String),
    });

    const second = await findMongod();
    expect(second).toEqual({ found: false, reason: expect.stringContaining(`remembered from ${memory.failedAt}`) });
    expect(requests).toHaveLength(1);

    // A day later, or for another version, it asks again.
    await findMongod({ now: new Date(Date.parse(memory.failedAt) + REMEMBER_FAILURE_MS) });
    expect(requests).toHaveLength(2);
    process.env.MONGOMS_VERSION = '7.0.98';
    await findMongod();
    expect(requests).toHaveLength(3);
  });

  it('gives up on a download server that does not answer after the probe timeout', async () => {
    answer = () => 'never';
    expect(await findMongod({ probeTimeoutMs: 200 })).toEqual({
      found: false,
      reason: expect.stringContaining(': no answer within 0.2 s; remembered'),
    });
    expect(requests).toHaveLength(1);
  });

  it('gives up at once on a download server that refuses the connection', async () => {
    mirror.closeAllConnections();
    await new Promise((resolve) => mirror.close(resolve));
    expect(await findMongod()).toEqual({ found: false, reason: expect.stringContaining(': ECONNREFUSED; remembered') });
  });

  it('tries the download once when the server answers, and remembers a failed download', async () => {
    answer = (req) => (req.method === 'HEAD' ? 200 : 404);
    expect(await findMongod()).toEqual({
      found: false,
      reason: expect.stringContaining('(the download failed: '),
    });
    expect(requests.map((request) => request.split(' ')[0])).toEqual(['HEAD', 'GET']);
    expect(existsSync(join(dir, FAILURE_FILE))).toBe(true);
  });

  it('says so when MongoDB publishes no mongod for this machine', async () => {
    // MongoDB publishes no 6.0 build for Debian 12.
    Object.assign(process.env, { MONGOMS_DISTRO: 'debian-12', MONGOMS_VERSION: '6.0.99' });
    expect(await findMongod()).toEqual({
      found: false,
      reason: expect.stringMatching(
        /^no mongod binary is available and it cannot be downloaded for this machine \(Requested Version "6\.0\.99" is not available for "Debian 12"/,
      ),
    });
    expect(requests).toEqual([]);
  });

  it('does not download when mongodb-memory-server downloads are turned off', async () => {
    process.env.MONGOMS_RUNTIME_DOWNLOAD = 'false';
    expect(await findMongod()).toEqual({
      found: false,
      reason: 'no mongod binary is available and it cannot be downloaded here (MONGOMS_RUNTIME_DOWNLOAD is off)',
    });
    expect(requests).toEqual([]);
  });
});
