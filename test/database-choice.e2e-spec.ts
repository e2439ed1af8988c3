import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The fallback is the offline server, a Java program: without Java there is nothing to check. */
const javaMissing = (() => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'no java on PATH (apt-get install openjdk-17-jre-headless)';
  }
})();
if (javaMissing) console.warn(`Skipped: the fallback to the offline MongoDB-compatible server: ${javaMissing}.`);

/**
 * Where no mongod can be downloaded, `npm test`, the benchmarks and `npm start` fall back to the
 * offline server quickly and quietly: one line each naming the database and why, no stack trace,
 * the download server asked once, and the failure remembered so that the next start asks nothing.
 * The "download server" is on loopback and answers 503 to everything, a retryable status for
 * mongodb-memory-server (it retried three times, with pauses, and printed a DownloadError).
 */
(javaMissing ? describe.skip : describe)('choosing a database where no mongod can be downloaded', () => {
  let mirror: Server;
  let requests: string[];
  let dir: string;

  beforeAll(async () => {
    requests = [];
    mirror = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.writeHead(503).end();
    });
    await new Promise<void>((done) => mirror.listen(0, '127.0.0.1', done));
    dir = mkdtempSync(join(tmpdir(), 'database-choice-'));
  });
  afterAll(async () => {
    await new Promise((done) => mirror.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints one line per start naming the offline server and why, asks the download server once, no stack trace', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of Object.keys(env)) {
      if (name.startsWith('MONGOMS_') || name.startsWith('JEST') || /^(https?|all)_proxy$/i.test(name))
        delete env[name];
    }
    delete env.MONGODB_URI;
    Object.assign(env, {
      MONGOMS_DOWNLOAD_DIR: join(dir, 'mongod-cache'),
      // A version no real cache holds, so that the lookup cannot find one on disk.
      MONGOMS_VERSION: '7.0.99',
      MONGOMS_DOWNLOAD_MIRROR: `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`,
      MONGOMS_USE_HTTP: 'true',
    });
    const root = resolve(__dirname, '..');
    const output = await new Promise<string>((done, fail) =>
      execFile(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', 'test/harness/choose-databases.ts', join(dir, 'mongo')],
        { cwd: root, env, timeout: 120_000 },
        (error, stdout, stderr) =>
          error ? fail(new Error(`${error.message}\n${stdout}${stderr}`)) : done(stdout + stderr),
      ),
    );
    const lines = output.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^database for the e2e suites: offline MongoDB-compatible server at mongodb:\/\/127\.0\.0\.1:\d+, because no mongod binary is available and it cannot be downloaded \(http:\/\/127\.0\.0\.1:\d+\/\S+-7\.0\.99\.tgz answered 503; remembered for 24 h in \S+mongod-download-failed\.json, delete it to try again\)$/,
      ),
      expect.stringMatching(
        /^database: offline MongoDB-compatible server at mongodb:\/\/127\.0\.0\.1:\d+\/coaching \(data in \S+offline-mongo\.h2\), because no mongod binary is available and it cannot be downloaded \(.* answered 503; remembered from \S+ in \S+mongod-download-failed\.json, delete it to try again\)$/,
      ),
    ]);
    // Asked once, by a HEAD request; the second start went by the remembered failure.
    expect(requests).toEqual([expect.stringMatching(/^HEAD \/linux\/\S+-7\.0\.99\.tgz$/)]);
  }, 150_000);
});
