import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestApp, TestApp } from './harness/test-app';

/**
 * The README's "First ten minutes", run as written: its shell blocks are read with the little
 * of shell they use (variables, quotes, `\` line continuations, `NAME=$(curl … | jq -r .path)`)
 * and each curl request is sent, in order, to the real app. So a renamed field, a new required
 * one or a moved route breaks this test rather than a newcomer's first try.
 */
const README = readFileSync(resolve(__dirname, '..', 'README.md'), 'utf8');
const LOCAL_API = 'http://localhost:3000';

function walkthroughBlocks(): string[] {
  const start = README.indexOf('\n## First ten minutes\n');
  if (start < 0) throw new Error('README.md has no "## First ten minutes" section');
  const end = README.indexOf('\n## ', start + 1);
  const section = README.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```bash\n([\s\S]*?)```/g)].map((match) => match[1]);
}

/** Splits shell text into commands: quotes and `$(…)` kept whole, `\` newlines joined, comments dropped. */
function commands(text: string): string[] {
  // No walkthrough body holds a backslash, so every `\` before a newline continues the line.
  const block = text.replace(/\\\n/g, ' ');
  const result: string[] = [];
  let command = '';
  let atWordStart = true;
  for (let i = 0; i < block.length; i++) {
    const c = block[i];
    if (c === '#' && atWordStart) {
      while (i + 1 < block.length && block[i + 1] !== '\n') i++;
    } else if (c === '\n') {
      if (command.trim()) result.push(command.trim());
      command = '';
    } else if (c === "'" || c === '"') {
      const close = block.indexOf(c, i + 1);
      command += block.slice(i, close + 1);
      i = close;
    } else if (c === '$' && block[i + 1] === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < block.length; j++) {
        if (block[j] === "'" || block[j] === '"') j = block.indexOf(block[j], j + 1);
        else if (block[j] === '(') depth++;
        else if (block[j] === ')' && --depth === 0) break;
      }
      command += block.slice(i, j + 1);
      i = j;
    } else {
      command += c;
    }
    atWordStart = /\s/.test(block[i]);
  }
  if (command.trim()) result.push(command.trim());
  return result;
}

/** The words of one command, with `$NAME` expanded outside single quotes. */
function words(command: string, vars: Record<string, string>): string[] {
  const expand = (text: string) =>
    text.replace(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g, (_, name: string) => {
      if (!(name in vars)) throw new Error(`$${name} is used before the walkthrough sets it`);
      return vars[name];
    });
  const result: string[] = [];
  for (const match of command.matchAll(/(?:'[^']*'|"[^"]*"|[^\s'"]+)+/g)) {
    result.push(
      [...match[0].matchAll(/'([^']*)'|"([^"]*)"|([^'"]+)/g)]
        .map(([, single, double, bare]) => single ?? expand(double ?? bare))
        .join(''),
    );
  }
  return result;
}

interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

function curl(command: string, vars: Record<string, string>): CurlRequest {
  const args = words(command, vars);
  if (args[0] !== 'curl') throw new Error(`not a curl command: ${command}`);
  const request: CurlRequest = { method: '', url: '', headers: {} };
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-s') continue;
    if (arg === '-X') request.method = args[++i];
    else if (arg === '-H') {
      const [name, ...value] = args[++i].split(':');
      request.headers[name.trim().toLowerCase()] = value.join(':').trim();
    } else if (arg === '-d') request.body = args[++i];
    else if (!arg.startsWith('-') && !request.url) request.url = arg;
    else throw new Error(`the walkthrough uses a curl option this test does not know: ${arg}`);
  }
  request.method ||= request.body === undefined ? 'GET' : 'POST';
  return request;
}

/** `jq -r .a.b` on a parsed answer. */
function jqField(answer: unknown, path: string): string {
  const value = path
    .replace(/^\./, '')
    .split('.')
    .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], answer);
  if (typeof value !== 'string' || value === '') throw new Error(`jq -r ${path}: no such string in the answer`);
  return value;
}

describe('README "First ten minutes"', () => {
  const [startBlock, ...requestBlocks] = walkthroughBlocks();
  let t: TestApp;

  beforeAll(async () => {
    // The app is started with the admin the README's start command names.
    const start = words(commands(startBlock ?? '')[0] ?? '', {});
    const env = Object.fromEntries(start.filter((w) => /^[A-Z_]+=/.test(w)).map((w) => w.split(/=(.*)/s).slice(0, 2)));
    expect(start.slice(-2)).toEqual(['npm', 'start']);
    expect(Object.keys(env)).toEqual(['ADMIN_EMAIL', 'ADMIN_PASSWORD']);
    t = await startTestApp(env);
  });
  afterAll(() => t?.close());

  it('every request answers 2xx, in order, from registering to the load report', async () => {
    const vars: Record<string, string> = {};
    const sent: string[] = [];
    for (const command of requestBlocks.flatMap(commands)) {
      const assignment = /^([A-Z_]+)=(.*)$/s.exec(command);
      let curlCommand = command;
      let capture: { name: string; path: string } | undefined;
      if (assignment && !assignment[2].startsWith('$(')) {
        vars[assignment[1]] = words(assignment[2], vars)[0].replace(LOCAL_API, t.baseUrl);
        continue;
      }
      if (assignment) {
        const inner = /^\$\((.*)\|\s*jq -r (\S+)\)$/s.exec(assignment[2]);
        if (!inner) throw new Error(`${command}: expected NAME=$(curl … | jq -r .field)`);
        curlCommand = inner[1];
        capture = { name: assignment[1], path: inner[2] };
      }
      const request = curl(curlCommand, vars);
      if (!request.url.startsWith(t.baseUrl)) throw new Error(`${request.url} is not on the API (use $API)`);
      const path = request.url.slice(t.baseUrl.length);
      const res = await t.http.request(
        request.method,
        path,
        undefined,
        request.body === undefined ? { headers: request.headers } : { headers: request.headers, raw: request.body },
      );
      sent.push(`${request.method} ${path.replace(/[0-9a-f]{24}/g, ':id').replace(/\?.*/, '')} ${res.status}`);
      if (res.status < 200 || res.status > 299) {
        throw new Error(`${request.method} ${path} answered ${res.status}: ${res.text.slice(0, 500)}`);
      }
      if (capture) vars[capture.name] = jqField(res.body, capture.path);
    }
    expect(sent).toEqual([
      'POST /api/v1/auth/register 201',
      'POST /api/v1/auth/login 200',
      'PATCH /api/v1/admin/users/:id/role 200',
      'POST /api/v1/auth/login 200',
      'POST /api/v1/players 201',
      'POST /api/v1/players/:id/assessments 201',
      'POST /api/v1/players/:id/programs 201',
      'POST /api/v1/programs/:id/sessions/w1-s1/log 201',
      'POST /api/v1/players/:id/workouts 201',
      'POST /api/v1/workouts/:id/finish 200',
      'GET /api/v1/players/:id/load 200',
    ]);
  });

  it('shows the problem a registration without displayName gets', async () => {
    const res = await t.http.post('/api/v1/auth/register', { email: 'new@example.com', password: 'long-enough-1' });
    expect(res.status).toBe(400);
    const shown = /`errors: \[(\{"path":"displayName".*?\}), …\]`/.exec(README);
    expect(shown).not.toBeNull();
    expect(res.body.errors).toContainEqual(JSON.parse(shown![1]));
  });
});
