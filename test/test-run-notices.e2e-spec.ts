import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * What `npm test` tells whoever runs it about its own set-up: which database the e2e suites use
 * and why, and why a suite is skipped (jest itself only counts skipped tests). Runs jest on the
 * Redis rate-limit suite, with REDIS_SERVER naming a binary that does not exist.
 */
describe('what npm test says about its set-up', () => {
  it('names the e2e database and why, and why the Redis suite is skipped', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, MONGODB_URI: process.env.TEST_MONGODB_URI };
    for (const name of Object.keys(env))
      if (name.startsWith('JEST') || name.startsWith('TEST_MONGODB')) delete env[name];
    env.REDIS_SERVER = '/nonexistent/redis-server';
    const root = resolve(__dirname, '..');
    const jest = [require.resolve('jest/bin/jest'), '--selectProjects', 'e2e', '-t', 'REDIS_URL'];
    const output = await new Promise<string>((done, fail) =>
      execFile(
        process.execPath,
        [...jest, '--', 'test/throttling.e2e-spec.ts'],
        { cwd: root, env, timeout: 100_000 },
        (error, stdout, stderr) =>
          error ? fail(new Error(`${error.message}\n${stdout}${stderr}`)) : done(stdout + stderr),
      ),
    );
    expect(output).toMatch(/^database for the e2e suites: MongoDB at mongodb:\/\/\S+, because MONGODB_URI is set$/m);
    expect(output).toContain(
      'Skipped: the Redis rate-limit suite (REDIS_URL across instances): no redis-server at ' +
        'REDIS_SERVER=/nonexistent/redis-server (apt-get install redis-server, or brew install redis).',
    );
    expect(output).toMatch(/Tests: +\d+ skipped, \d+ total/);
  }, 120_000);
});
