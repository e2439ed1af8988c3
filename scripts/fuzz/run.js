'use strict';
// Schemathesis against a test instance of the API: once anonymously, once as a coach, once as an
// admin, with every check it has. Exits non-zero when any run reports a failure.
//
//   npm run fuzz                       build, start an instance, seed it, fuzz, stop, drop its database
//   FUZZ_CALLERS=coach npm run fuzz    one caller only
//
// Environment (all optional):
//   MONGODB_URI         MongoDB server to use (a fresh database on it per run); unset: a local mongod
//                       (mongodb-memory-server, when mongod or MONGOMS_SYSTEM_BINARY is there) or the
//                       offline server (scripts/offline-mongo.sh), started for the run and stopped after
//   FUZZ_CALLERS        comma-separated subset of anonymous,coach,admin (run in that order)
//   FUZZ_MAX_TIME       seconds per caller (default: anonymous 40, coach 70, admin 70)
//   FUZZ_MAX_EXAMPLES   examples per operation and pass (default in schemathesis.toml)
//   FUZZ_SEED           schemathesis seed (default fixed, so runs are repeatable)
//   FUZZ_BUILD=0        use the existing dist/ instead of running `npm run build`
//   FUZZ_LOG_LEVEL      the instance's LOG_LEVEL (default info); its log goes to app.log
//   FUZZ_PYTHON         interpreter for the virtual environment (default python3)
// Everything a run leaves (configs, app.log, HAR logs) is in .cache/fuzz/last/.
//
// No dependencies beyond Node.js and the app's own node_modules (for the MongoDB driver).

const { spawn, spawnSync } = require('node:child_process');
const { createHash, randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const HERE = __dirname;
const VENV = path.join(ROOT, '.cache', 'fuzz-venv');
const RUN_DIR = path.join(ROOT, '.cache', 'fuzz', 'last');
const REQUIREMENTS = path.join(HERE, 'requirements.txt');
const CONFIG_TEMPLATE = path.join(HERE, 'schemathesis.toml');

const CALLERS = ['anonymous', 'coach', 'admin'];
// The admin goes last: its run may disable or demote the other accounts.
const DEFAULT_MAX_TIME = { anonymous: 40, coach: 70, admin: 70 };
const DEFAULT_SEED = 20261201;

const log = (message) => console.log(`fuzz: ${message}`);

class FuzzError extends Error {}

// ---------------------------------------------------------------------------------------------
// Python virtual environment with the pinned schemathesis

function ensureVenv() {
  const python = process.env.FUZZ_PYTHON || 'python3';
  const bin = path.join(VENV, 'bin');
  const stampFile = path.join(VENV, '.requirements-stamp');
  const pythonVersion = spawnSync(python, ['--version'], { encoding: 'utf8' });
  if (pythonVersion.status !== 0)
    throw new FuzzError(`'${python}' not found; schemathesis needs Python 3.11+ with venv (python3-venv)`);
  const stamp = createHash('sha256')
    .update(fs.readFileSync(REQUIREMENTS))
    .update(pythonVersion.stdout + pythonVersion.stderr)
    .digest('hex');
  if (fs.existsSync(path.join(bin, 'schemathesis')) && readText(stampFile) === stamp) return bin;

  log(`installing ${path.relative(ROOT, REQUIREMENTS)} into ${path.relative(ROOT, VENV)}`);
  fs.rmSync(VENV, { recursive: true, force: true });
  run(python, ['-m', 'venv', VENV]);
  run(path.join(bin, 'python'), [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--no-input',
    '-r',
    REQUIREMENTS,
  ]);
  fs.writeFileSync(stampFile, stamp);
  return bin;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new FuzzError(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Database, the instance under test

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function uriWithDatabase(base, database) {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** No MONGODB_URI: a local mongod through mongodb-memory-server where one is installed, else the offline server. */
async function startDatabaseServer() {
  if (process.env.MONGOMS_SYSTEM_BINARY || onPath('mongod')) {
    log('MONGODB_URI not set: starting mongod (mongodb-memory-server)');
    const { MongoMemoryServer } = require(require.resolve('mongodb-memory-server', { paths: [ROOT] }));
    const server = await MongoMemoryServer.create();
    return { uri: server.getUri(), stop: () => server.stop() };
  }
  log('MONGODB_URI not set: starting the offline MongoDB-compatible server (scripts/offline-mongo.sh)');
  const { startOfflineMongo } = require('../offline-mongo');
  return startOfflineMongo({ port: 0 });
}

async function dropDatabase(uri) {
  const { MongoClient } = require(require.resolve('mongodb', { paths: [ROOT] }));
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    await client.connect();
    await client.db().dropDatabase();
  } finally {
    await client.close();
  }
}

function startInstance({ port, mongoUri, admin, logFile }) {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    MONGODB_URI: mongoUri,
    JWT_SECRET: randomBytes(32).toString('hex'),
    // Long enough that no token expires during a run.
    JWT_ACCESS_TTL_SEC: '3600',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    // Fuzzing sends thousands of requests from one address; it must never be rate limited.
    THROTTLE_LIMIT: '100000000',
    THROTTLE_AUTH_LIMIT: '100000000',
    LOG_LEVEL: process.env.FUZZ_LOG_LEVEL || 'info',
    SWAGGER_ENABLED: 'true',
    TRUST_PROXY: 'false',
    CORS_ORIGINS: '',
    REDIS_URL: '',
    // The Garmin push route answers 503 without a secret; with one, schemathesis's calls (which do not
    // know it) are 401s, and the route's validation is fuzzed like any other.
    GARMIN_PUSH_SECRET: randomBytes(16).toString('hex'),
  };
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'main.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited };
}

async function waitReady(base, instance, logFile, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  let exit;
  instance.exited.then((e) => (exit = e));
  while (Date.now() < deadline) {
    if (exit) throw new FuzzError(`the instance exited during startup (${describeExit(exit)})\n${tail(logFile)}`);
    try {
      const res = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new FuzzError(`the instance was not ready within ${timeoutMs / 1000}s\n${tail(logFile)}`);
}

async function stopInstance(instance) {
  const { child, exited } = instance;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
  await exited;
  clearTimeout(timer);
}

const describeExit = ({ code, signal }) => (signal ? `signal ${signal}` : `exit code ${code}`);

function tail(file, lines = 30) {
  const text = readText(file) ?? '';
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Callers and the records they own

function client(base) {
  return async function request(method, route, { token, body, form } = {}) {
    const headers = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${route}`, {
      method,
      headers,
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, body: json, text };
  };
}

async function expectStatus(promise, status, what) {
  const res = await promise;
  if (res.status !== status) throw new FuzzError(`seeding: ${what} answered ${res.status}: ${res.text.slice(0, 500)}`);
  return res.body;
}

const newAccount = (role) => ({
  email: `fuzz-${role}-${randomBytes(4).toString('hex')}@example.com`,
  password: `pw-${randomBytes(12).toString('hex')}`,
  displayName: `Fuzz ${role}`,
});

/** Self-registration, promotion by the admin where needed, then a login: how real accounts come to be. */
async function createAccount(request, role, adminToken) {
  const account = newAccount(role);
  const selfRole = role === 'parent' ? 'parent' : 'player';
  const reg = await expectStatus(
    request('POST', '/api/v1/auth/register', { body: { ...account, role: selfRole } }),
    201,
    `register ${role}`,
  );
  const id = reg.user?.id ?? reg.id;
  if (role !== selfRole) {
    await expectStatus(
      request('PATCH', `/api/v1/admin/users/${id}/role`, { token: adminToken, body: { role } }),
      200,
      `promote ${role}`,
    );
  }
  const credentials = { email: account.email, password: account.password };
  const tokens = await expectStatus(request('POST', '/api/v1/auth/login', { body: credentials }), 200, `login ${role}`);
  return { ...account, role, id, token: tokens.accessToken };
}

const isoDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);

/** A player coached by `coach`, with an assessment, a VO2 test, a programme and a training log. */
/** Ten minutes north along a meridian at 4 m/s, one point a second, on `day` (YYYY-MM-DD). */
function runGpx(day) {
  const start = Date.parse(`${day}T17:00:00Z`);
  const points = [];
  for (let s = 0; s <= 600; s++) {
    const time = new Date(start + s * 1000).toISOString();
    points.push(`<trkpt lat="${(40 + s * 0.000036).toFixed(7)}" lon="-3.7"><time>${time}</time></trkpt>`);
  }
  return (
    '<?xml version="1.0"?><gpx version="1.1" creator="fuzz-seed" xmlns="http://www.topografix.com/GPX/1/1">' +
    `<trk><trkseg>${points.join('')}</trkseg></trk></gpx>`
  );
}

async function seedPlayer(request, coach, { account, guardian } = {}) {
  const token = coach.token;
  const player = await expectStatus(
    request('POST', '/api/v1/players', {
      token,
      body: {
        firstName: 'Fuzz',
        lastName: coach.role,
        dateOfBirth: '2011-05-20',
        sex: 'male',
        position: 'midfielder',
        level: 'academy',
        dominantFoot: 'right',
        heightCm: 158,
        weightKg: 47,
      },
    }),
    201,
    'create player',
  );
  const ids = { players: [player.id], assessments: [], programs: [], sessions: [], logs: [], vo2: [], activities: [] };
  const assessment = await expectStatus(
    request('POST', `/api/v1/players/${player.id}/assessments`, {
      token,
      body: {
        date: isoDay(-30),
        heightCm: 158,
        weightKg: 47,
        sittingHeightCm: 82,
        tests: { sprint10mS: 1.95, sprint30mS: 4.8, cmjCm: 31, yoyoIr1M: 1200 },
        ratings: { passing: 3, dribbling: 4, weakFoot: 2 },
      },
    }),
    201,
    'create assessment',
  );
  ids.assessments.push(assessment.id);
  const vo2 = await expectStatus(
    request('POST', `/api/v1/players/${player.id}/vo2-tests`, {
      token,
      body: { protocol: 'cooper-12min', date: isoDay(-20), distanceM: 2600 },
    }),
    201,
    'create VO2 test',
  );
  ids.vo2.push(vo2.id);
  const program = await expectStatus(
    request('POST', `/api/v1/players/${player.id}/programs`, {
      token,
      body: { weeks: 2, sessionsPerWeek: 2, availableDays: ['tue', 'thu'], startDate: isoDay(-7), seed: 7 },
    }),
    201,
    'create programme',
  );
  ids.programs.push(program.id);
  for (const week of program.weeks ?? []) for (const session of week.sessions ?? []) ids.sessions.push(session.id);
  const logEntry = await expectStatus(
    request('POST', `/api/v1/players/${player.id}/training-logs`, {
      token,
      body: { date: isoDay(-2), kind: 'match', durationMin: 60, rpe: 7 },
    }),
    201,
    'create training log',
  );
  ids.logs.push(logEntry.id);
  const form = new FormData();
  form.append('kind', 'match');
  form.append('file', new Blob([runGpx(isoDay(-2))], { type: 'application/gpx+xml' }), 'match.gpx');
  const activity = await expectStatus(
    request('POST', `/api/v1/players/${player.id}/activities`, { token, form }),
    201,
    'upload activity',
  );
  ids.activities.push(activity.id);
  if (account) {
    await expectStatus(
      request('PUT', `/api/v1/players/${player.id}/account`, { token, body: { email: account.email } }),
      200,
      'link player account',
    );
  }
  if (guardian) {
    await expectStatus(
      request('POST', `/api/v1/players/${player.id}/guardians`, { token, body: { email: guardian.email } }),
      200,
      'add guardian',
    );
  }
  return ids;
}

/** A team coached by `coach` with `playerId` in its squad, a fixture and a logged team session. */
async function seedTeam(request, coach, playerId) {
  const token = coach.token;
  const team = await expectStatus(
    request('POST', '/api/v1/teams', {
      token,
      body: { name: 'Fuzz U15', season: '2026-27', ageGroup: 'U15', sex: 'male' },
    }),
    201,
    'create team',
  );
  await expectStatus(
    request('POST', `/api/v1/teams/${team.id}/players`, { token, body: { playerId } }),
    200,
    'add team player',
  );
  const fixture = await expectStatus(
    request('POST', `/api/v1/teams/${team.id}/fixtures`, {
      token,
      body: { date: isoDay(5), kickOff: '15:00', opponent: 'Rovers', venue: 'home', importance: 'normal' },
    }),
    201,
    'create fixture',
  );
  const session = await expectStatus(
    request('POST', `/api/v1/teams/${team.id}/sessions`, {
      token,
      body: { date: isoDay(-1), startTime: '18:00', durationMin: 75, intensity: 'moderate', targetRpe: 6 },
    }),
    201,
    'create team session',
  );
  await expectStatus(
    request('POST', `/api/v1/teams/${team.id}/sessions/${session.id}/log`, {
      token,
      body: [{ playerId, status: 'done', durationMin: 70, rpe: 6 }],
    }),
    200,
    'log team session',
  );
  return { teams: [team.id], fixtures: [fixture.id], sessions: [session.id] };
}

async function seed(base, admin) {
  const request = client(base);
  const adminLogin = await expectStatus(request('POST', '/api/v1/auth/login', { body: admin }), 200, 'admin login');
  const adminToken = adminLogin.accessToken;
  const coach = await createAccount(request, 'coach', adminToken);
  // A second coach, whose players the first must not see (object_level_authorization).
  const otherCoach = await createAccount(request, 'coach', adminToken);
  const parent = await createAccount(request, 'parent', adminToken);
  const playerAccount = await createAccount(request, 'player', adminToken);
  const mine = await seedPlayer(request, coach, { account: playerAccount, guardian: parent });
  const theirs = await seedPlayer(request, otherCoach);
  const squad = await seedTeam(request, coach, mine.players[0]);
  const drills = await expectStatus(request('GET', '/api/v1/drills?limit=3'), 200, 'list drills');
  const merge = (key) => [...mine[key], ...theirs[key]];
  return {
    accounts: {
      admin: { ...admin, id: adminLogin.user?.id },
      coach,
      otherCoach,
      parent,
      player: playerAccount,
    },
    ids: {
      players: merge('players'),
      assessments: merge('assessments'),
      programs: merge('programs'),
      sessions: merge('sessions'),
      logs: merge('logs'),
      vo2: merge('vo2'),
      activities: merge('activities'),
      teams: squad.teams,
      fixtures: squad.fixtures,
      teamSessions: squad.sessions,
      users: [adminLogin.user?.id, coach.id, otherCoach.id, parent.id, playerAccount.id].filter(Boolean),
      drills: (drills.items ?? []).map((d) => d.id),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Schemathesis, once per caller

const tomlString = (value) => JSON.stringify(String(value));
const tomlArray = (values) => `[${values.map(tomlString).join(', ')}]`;

/** Web Fuzzing Commons auth file: how schemathesis logs in as each account (and again when needed). */
function wfcAuth(accounts) {
  const entry = (name, account) => ({
    name,
    loginEndpointAuth: {
      endpoint: '/api/v1/auth/login',
      verb: 'POST',
      contentType: 'application/json',
      payloadUserPwd: {
        username: account.email,
        usernameField: 'email',
        password: account.password,
        passwordField: 'password',
      },
      token: {
        extractFrom: 'body',
        extractSelector: '/accessToken',
        sendIn: 'header',
        sendName: 'Authorization',
        sendTemplate: 'Bearer {token}',
      },
    },
  });
  return {
    schemaVersion: '0.2.0',
    auth: [entry('admin', accounts.admin), entry('coach', accounts.coach), entry('other-coach', accounts.otherCoach)],
  };
}

function callerConfig(caller, seeded, dir) {
  const { ids } = seeded;
  const anyId = [
    ...ids.players,
    ...ids.assessments,
    ...ids.programs,
    ...ids.logs,
    ...ids.vo2,
    ...ids.activities,
    ...ids.teams,
    ...ids.users,
  ];
  const lines = [
    '',
    `# ---- added by run.js for the ${caller} run ----`,
    '',
    // Real ids, drawn now and then in place of generated ones, so operations reach real records.
    '[dictionaries.ids]',
    `values = ${tomlArray([...anyId, ...ids.drills])}`,
    '[dictionaries.player-ids]',
    `values = ${tomlArray(ids.players)}`,
    '[dictionaries.user-ids]',
    `values = ${tomlArray(ids.users)}`,
    // Programme sessions are slugs, team sessions ObjectIds (whose hex is a slug too).
    '[dictionaries.session-ids]',
    `values = ${tomlArray([...(ids.sessions.length ? ids.sessions : ['w1s1']), ...ids.teamSessions])}`,
    '[dictionaries.team-ids]',
    `values = ${tomlArray(ids.teams)}`,
    '[dictionaries.fixture-ids]',
    `values = ${tomlArray(ids.fixtures)}`,
    '',
    '[parameters]',
    '"path.id" = { dictionary = "ids", probability = 0.5 }',
    '"path.playerId" = { dictionary = "player-ids", probability = 0.5 }',
    '"path.userId" = { dictionary = "user-ids", probability = 0.5 }',
    '"path.sessionId" = { dictionary = "session-ids", probability = 0.5 }',
    '"path.otherId" = { dictionary = "ids", probability = 0.5 }',
    '"path.teamId" = { dictionary = "team-ids", probability = 0.5 }',
    '"path.fixtureId" = { dictionary = "fixture-ids", probability = 0.5 }',
    '',
  ];
  if (caller === 'anonymous') {
    // Without this, schemathesis registers an account through the API and uses it.
    lines.push('[auth]', 'auto-signup = false', '');
  } else {
    const wfcFile = path.join(dir, 'auth.wfc.json');
    fs.writeFileSync(wfcFile, JSON.stringify(wfcAuth(seeded.accounts), null, 2));
    lines.push(
      '[auth.wfc]',
      `path = ${tomlString(wfcFile)}`,
      `user = ${tomlString(caller)}`,
      // The coach's run replays its reads as the other coach, who must get nothing.
      `peers = ${tomlArray(['coach', 'other-coach'])}`,
      '',
    );
  }
  const file = path.join(dir, 'schemathesis.toml');
  fs.writeFileSync(file, readText(CONFIG_TEMPLATE) + lines.join('\n'));
  return file;
}

// Schemathesis processes still running, stopped first when this run is interrupted.
const running = new Set();

async function fuzz(bin, base, caller, seeded) {
  const dir = path.join(RUN_DIR, caller);
  fs.mkdirSync(dir, { recursive: true });
  const config = callerConfig(caller, seeded, dir);
  const maxTime = process.env.FUZZ_MAX_TIME || String(DEFAULT_MAX_TIME[caller]);
  const args = [
    '--config-file',
    config,
    'run',
    `${base}/docs-json`,
    '--url',
    base,
    '--checks',
    'all',
    // Object-level authorization is left to the e2e suites, which check 404-not-403 for every role on
    // every module: this schemathesis reports the academy's shared exercises as a leak from its
    // stateful create-then-read chains whatever the configuration says for that read.
    '--exclude-checks',
    'object_level_authorization',
    '--seed',
    process.env.FUZZ_SEED || String(DEFAULT_SEED),
    '--max-time',
    maxTime,
    '--report-dir',
    dir,
    '--report-har-path',
    path.join(dir, 'requests.har.json'),
    '--no-color',
  ];
  if (process.env.FUZZ_MAX_EXAMPLES) args.push('--max-examples', process.env.FUZZ_MAX_EXAMPLES);
  // Its report goes to a file, printed only on failure: schemathesis closes with pytest-style
  // lines ("== 1 warning in 40s ==") that would read as a test run that executed nothing.
  const outputFile = path.join(dir, 'output.txt');
  log(`schemathesis as ${caller} (at most ${maxTime}s), report ${path.relative(ROOT, outputFile)}`);
  const started = Date.now();
  const output = fs.openSync(outputFile, 'w');
  const child = spawn(path.join(bin, 'schemathesis'), args, { cwd: dir, stdio: ['ignore', output, output] });
  running.add(child);
  const { code, signal } = await new Promise((resolve) =>
    child.once('exit', (c, s) => resolve({ code: c, signal: s })),
  );
  running.delete(child);
  fs.closeSync(output);
  if (code !== 0) console.log(`\n==> schemathesis as ${caller} failed\n\n${readText(outputFile)}`);
  const seconds = Math.round((Date.now() - started) / 1000);
  const traffic = checkTraffic(path.join(dir, 'requests.har.json'), base);
  return { caller, code: signal ? 128 : code, seconds, ...traffic };
}

/** What schemathesis sent, from its HAR log: how much, how many 5xx, and whether any went elsewhere. */
function checkTraffic(harFile, base) {
  const text = readText(harFile);
  if (!text) return { requests: 0, serverErrors: 0, strays: [] };
  const entries = JSON.parse(text).log?.entries ?? [];
  const origin = new URL(base).origin;
  const strays = entries.map((e) => e.request?.url).filter((url) => !url || new URL(url).origin !== origin);
  const serverErrors = entries.filter((e) => e.response?.status >= 500).length;
  return { requests: entries.length, serverErrors, strays };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const callers = (process.env.FUZZ_CALLERS || CALLERS.join(','))
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const unknown = callers.filter((c) => !CALLERS.includes(c));
  if (unknown.length) throw new FuzzError(`unknown caller(s) ${unknown.join(', ')}; known: ${CALLERS.join(', ')}`);
  const ordered = CALLERS.filter((c) => callers.includes(c));

  const bin = ensureVenv();
  if (process.env.FUZZ_BUILD !== '0') {
    log('building (npm run build)');
    run('npm', ['run', '--silent', 'build'], { cwd: ROOT });
  }

  fs.rmSync(RUN_DIR, { recursive: true, force: true });
  fs.mkdirSync(RUN_DIR, { recursive: true });
  const cleanups = [];
  const cleanup = async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()();
      } catch (error) {
        console.error(`fuzz: cleanup: ${error.message}`);
      }
    }
  };
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`fuzz: ${signal}, stopping`);
      for (const child of running) child.kill('SIGINT');
      cleanup().finally(() => process.exit(130));
    });
  }

  try {
    let baseUri = process.env.MONGODB_URI;
    if (!baseUri) {
      const server = await startDatabaseServer();
      cleanups.push(() => server.stop());
      baseUri = server.uri;
    }
    const mongoUri = uriWithDatabase(baseUri, `fuzz_${randomBytes(4).toString('hex')}`);
    cleanups.push(() => dropDatabase(mongoUri));

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const admin = {
      email: `fuzz-admin-${randomBytes(4).toString('hex')}@example.com`,
      password: randomBytes(16).toString('hex'),
    };
    const logFile = path.join(RUN_DIR, 'app.log');
    const instance = startInstance({ port, mongoUri, admin, logFile });
    cleanups.push(() => stopInstance(instance));
    let exit;
    instance.exited.then((e) => (exit = e));
    await waitReady(base, instance, logFile);
    log(`instance at ${base}, database ${new URL(mongoUri).pathname.slice(1)}, log ${path.relative(ROOT, logFile)}`);

    const seeded = await seed(base, admin);
    fs.writeFileSync(path.join(RUN_DIR, 'seeded.json'), JSON.stringify(seeded.ids, null, 2));
    log(`seeded ${seeded.ids.players.length} players with assessments, VO2 tests, programmes, logs and activities`);

    const results = [];
    for (const caller of ordered) {
      if (interrupted) break;
      results.push(await fuzz(bin, base, caller, seeded));
      if (exit) {
        console.error(`fuzz: the instance died during the ${caller} run (${describeExit(exit)})\n${tail(logFile)}`);
        results.at(-1).code = results.at(-1).code || 1;
        break;
      }
    }

    console.log('\n==> fuzzing summary');
    let failed = false;
    for (const r of results) {
      const verdict = r.code === 0 ? 'passed' : `FAILED (schemathesis exit ${r.code})`;
      console.log(
        `  ${r.caller.padEnd(9)} ${verdict}: ${r.requests} requests (${r.serverErrors} answered 5xx) in ${r.seconds}s`,
      );
      if (r.strays.length) {
        console.log(`  ${r.caller.padEnd(9)} ${r.strays.length} requests went elsewhere than ${base}: ${r.strays[0]}`);
      }
      failed ||= r.code !== 0 || r.strays.length > 0 || r.requests === 0;
    }
    console.log(`  reports: ${path.relative(ROOT, RUN_DIR)}/<caller>/, instance log: ${path.relative(ROOT, logFile)}`);
    const passedCallers = results.filter((r) => r.code === 0 && !r.strays.length && r.requests > 0).length;
    console.log(`fuzz: ${passedCallers} passed, ${results.length - passedCallers} failed`);
    return failed ? 1 : 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`fuzz: ${error instanceof FuzzError ? error.message : (error.stack ?? error)}`);
    process.exit(1);
  },
);
