/** What the HTTP benchmarks share: a JSON call to set things up, and load from another process. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU time of this process (the server; the load comes from another) per request, in ms. */
  cpuMs: number;
  /** Bytes on the wire per response, headers included. */
  bytesPerResponse: number;
}

export interface LoadOptions {
  seconds: number;
  connections: number;
  /** Distinct client addresses (X-Forwarded-For through a trusted proxy), each under its own rate limit. */
  clients: number;
  request?: { method?: string; headers?: object; body?: string };
}

/** The load generator (bench/load.js) in its own process, so it does not share the server's event loop. */
export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  const cpu = process.cpuUsage();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      join(__dirname, 'load.js'),
      url,
      String(options.seconds),
      String(options.connections),
      String(options.clients),
      JSON.stringify(options.request ?? {}),
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const used = process.cpuUsage(cpu);
  const r = JSON.parse(stdout);
  const total = Math.max(1, r.requests.total);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    cpuMs: (used.user + used.system) / 1000 / total,
    bytesPerResponse: r.throughput.total / total,
  };
}

/** A JSON request for setting up a run; anything but a 2xx stops the benchmark. */
export async function call(base: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
  return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
}

export interface Latencies {
  p50: number;
  p99: number;
  max: number;
  /** Bytes of the last answer's body. */
  bytes: number;
}

/**
 * `requests` GETs one at a time, so each latency is the request's own and not a queue's. `target` is a
 * URL, or gives one per request (a question not asked before, say); anything but a 200 stops the run.
 */
export async function timeSequential(
  target: string | (() => string),
  token: string,
  requests: number,
): Promise<Latencies> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests; i++) {
    const url = typeof target === 'string' ? target : target();
    const started = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    bytes = (await res.arrayBuffer()).byteLength;
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p99: at(0.99), max: times[times.length - 1], bytes };
}

/** The middle value (the upper one of an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
