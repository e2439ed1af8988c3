'use strict';
// Start the offline MongoDB-compatible server (mongo-java-server, see scripts/offline-mongo.sh) as a
// child process. Used by jest globalSetup and the dev bootstrap when no real mongod is available.
//
//   const { startOfflineMongo } = require('./scripts/offline-mongo');
//   const { uri, stop } = await startOfflineMongo({ port: 0 }); // 0 = free port
//   ...; await stop();
//
// No dependencies on purpose (runs before/without the app's node_modules).

const { spawn, execFileSync } = require('child_process');
const path = require('path');

const SCRIPT = path.join(__dirname, 'offline-mongo.sh');
const TAIL_BYTES = 8192;

// Children not yet stopped; SIGKILLed if this process exits without calling stop().
const live = new Set();
let exitHookInstalled = false;
function track(child) {
  live.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => live.forEach((c) => c.kill('SIGKILL')));
  }
}

/**
 * @param {{ port?: number, h2?: string, oplog?: boolean, timeoutMs?: number }} [opts]
 *   port: TCP port on 127.0.0.1 (default env OFFLINE_MONGO_PORT or 0 = free port)
 *   h2: optional file for a persistent H2 store instead of memory
 *   oplog: enable the oplog so change streams (watch()) work; grows unbounded
 * @returns {Promise<{ uri: string, pid: number, stop: () => Promise<void> }>}
 */
async function startOfflineMongo({ port, h2, oplog = false, timeoutMs = 30000 } = {}) {
  // Fetch jars / compile once (no-op in ~20ms when cached). Sync so concurrent callers don't race.
  try {
    execFileSync('bash', [SCRIPT, 'install'], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const out = `${err.stdout || ''}${err.stderr || ''}`.trim();
    throw new Error(`offline-mongo install failed: ${out || err.message}`);
  }

  const args = [SCRIPT, 'run'];
  if (port !== undefined && port !== null) args.push('--port', String(port));
  if (h2) args.push('--h2', h2);
  if (oplog) args.push('--oplog');
  // The JVM exits by itself if this Node process dies without calling stop() (crash, SIGKILL, SIGTERM).
  args.push('--watch-pid', String(process.pid));
  // `run` execs the JVM, so the child pid is the java process and SIGTERM reaches it directly.
  const child = spawn('bash', args, { stdio: ['ignore', 'pipe', 'pipe'] });

  let stderrTail = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    stderrTail = (stderrTail + d).slice(-TAIL_BYTES);
  });

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  track(child);
  exited.then(() => live.delete(child));

  const uri = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`offline-mongo: no URI within ${timeoutMs}ms\n${stderrTail}`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    // Stays attached after the URI arrives, so stdout keeps being drained.
    child.stdout.on('data', (d) => {
      buf += d;
      const m = /^(mongodb:\/\/\S+)\s*$/m.exec(buf);
      if (m) {
        clearTimeout(timer);
        buf = '';
        resolve(m[1]);
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`offline-mongo: failed to spawn bash: ${err.message}`));
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      // No-op if the URI was already resolved.
      reject(new Error(`offline-mongo exited during startup (code ${code}, signal ${signal}):\n${stderrTail}`));
    });
  });

  let stopping;
  async function stop() {
    if (!stopping) {
      stopping = (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const t = setTimeout(() => child.kill('SIGKILL'), 10000);
          await exited;
          clearTimeout(t);
        }
        // Release the pipes so nothing keeps the event loop alive.
        child.stdout.destroy();
        child.stderr.destroy();
      })();
    }
    return stopping;
  }

  return { uri, pid: child.pid, stop };
}

module.exports = { startOfflineMongo };
