import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** The redis-server the suites start: REDIS_SERVER when set, else the one on PATH. */
const REDIS_SERVER = process.env.REDIS_SERVER || 'redis-server';

export function redisServerAvailable(): boolean {
  return redisServerMissing() === undefined;
}

/** Why suites that need redis-server cannot run here, or undefined when they can. */
export function redisServerMissing(): string | undefined {
  try {
    execFileSync(REDIS_SERVER, ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    const where = REDIS_SERVER === 'redis-server' ? 'on PATH' : `at REDIS_SERVER=${REDIS_SERVER}`;
    return `no redis-server ${where} (apt-get install redis-server, or brew install redis)`;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** A throwaway redis-server on loopback, without persistence. */
export async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
