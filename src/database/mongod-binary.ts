import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';

/** Where mongodb-memory-server's mongod comes from, or why there is none. */
export type MongodBinary = { found: true; path: string; reason: string } | { found: false; reason: string };

/** A failed download, remembered so that later starts fall back at once. */
export interface DownloadFailure {
  url: string;
  failedAt: string;
  detail: string;
}

/** How long a failed download is believed: long enough for a day of restarts, short enough to retry. */
export const REMEMBER_FAILURE_MS = 24 * 60 * 60 * 1000;
/** The download server answers a HEAD in well under this; silence means no route to it. */
export const PROBE_TIMEOUT_MS = 2000;
export const FAILURE_FILE = 'mongod-download-failed.json';

const NO_MONGOD = 'no mongod binary is available and it cannot be downloaded';

/** The remembered failure for this download URL, if it is recent enough to trust. */
export function rememberedFailure(memory: unknown, url: string, now: Date): DownloadFailure | undefined {
  if (!memory || typeof memory !== 'object') return undefined;
  const { url: failedUrl, failedAt, detail } = memory as Partial<DownloadFailure>;
  if (failedUrl !== url || typeof failedAt !== 'string' || typeof detail !== 'string') return undefined;
  const age = now.getTime() - Date.parse(failedAt);
  return age >= 0 && age < REMEMBER_FAILURE_MS ? { url, failedAt, detail } : undefined;
}

/** Why there is no mongod, for the one line that names the database. */
function noMongodReason(detail: string, memory: string): string {
  return `${NO_MONGOD} (${detail}; ${memory})`;
}

/**
 * Answers whether anything serves the URL within the timeout; the reason when not. Like
 * mongodb-memory-server's download, it speaks https whatever the URL says, unless told `useHttp`.
 */
export function probeDownload(url: string, timeoutMs: number, useHttp: boolean): Promise<string | undefined> {
  const target = new URL(url);
  const request = useHttp ? httpRequest : httpsRequest;
  return new Promise((resolve) => {
    const where = { hostname: target.hostname.replace(/^\[|\]$/g, ''), port: target.port || undefined };
    const req = request(
      { ...where, path: target.pathname + target.search, method: 'HEAD', timeout: timeoutMs },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        resolve(status < 400 ? undefined : `${url} answered ${status}`);
      },
    );
    req.once('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.once('error', (error: NodeJS.ErrnoException) => resolve(`${target.host}: ${error.code ?? error.message}`));
    req.end();
  });
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];
/** A path as short as it reads: relative inside the project, `~/…` in the home folder. */
function shown(path: string): string {
  const inProject = relative(process.cwd(), path);
  if (!inProject.startsWith('..')) return inProject;
  const home = homedir();
  return path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}
/** A probe cannot follow the proxy settings the download would use: then the download decides. */
const behindProxy = () =>
  ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'].some(
    (name) => process.env[name],
  );

/**
 * A mongod for mongodb-memory-server, decided quickly and quietly: one already on disk
 * (MONGOMS_SYSTEM_BINARY, its caches); else a download, tried only when a remembered failure
 * does not forbid it and the download server answers a HEAD request within PROBE_TIMEOUT_MS.
 * A failed download is remembered beside mongodb-memory-server's binary cache (`downloadDir`),
 * so the next start needs no network at all. Honours mongodb-memory-server's MONGOMS_* settings.
 */
export async function findMongod(options: { probeTimeoutMs?: number; now?: Date } = {}): Promise<MongodBinary> {
  // Loaded only here: production installs without dev dependencies never reach this.
  const { DryMongoBinary, MongoBinary } = await import('mongodb-memory-server');
  const { MongoBinaryDownloadUrl } = await import('mongodb-memory-server-core/lib/util/MongoBinaryDownloadUrl');
  const { resolveConfig, envToBool, ResolveConfigVariables } =
    await import('mongodb-memory-server-core/lib/util/resolveConfig');
  const binaryOptions = await DryMongoBinary.generateOptions();
  try {
    const existing = await DryMongoBinary.locateBinary(binaryOptions);
    if (existing) return { found: true, path: existing, reason: `a mongod binary is available (${shown(existing)})` };
  } catch (error) {
    // Only a MONGOMS_SYSTEM_BINARY that does not exist gets here.
    return { found: false, reason: `MONGOMS_SYSTEM_BINARY is not a mongod binary (${firstLine(error)})` };
  }
  if (!envToBool(resolveConfig(ResolveConfigVariables.RUNTIME_DOWNLOAD))) {
    return { found: false, reason: `${NO_MONGOD} here (MONGOMS_RUNTIME_DOWNLOAD is off)` };
  }

  let url: string;
  try {
    url = await new MongoBinaryDownloadUrl(binaryOptions).getDownloadUrl();
  } catch (error) {
    // An operating system, architecture or version MongoDB publishes no build for.
    return { found: false, reason: `${NO_MONGOD} for this machine (${firstLine(error)})` };
  }
  const memoryFile = join(binaryOptions.downloadDir, FAILURE_FILE);
  const now = options.now ?? new Date();
  let memory: unknown;
  try {
    memory = JSON.parse(readFileSync(memoryFile, 'utf8'));
  } catch {
    memory = undefined;
  }
  const remembered = rememberedFailure(memory, url, now);
  if (remembered) {
    const memoryNote = `remembered from ${remembered.failedAt} in ${shown(memoryFile)}, delete it to try again`;
    return { found: false, reason: noMongodReason(remembered.detail, memoryNote) };
  }

  let detail = behindProxy()
    ? undefined
    : await probeDownload(
        url,
        options.probeTimeoutMs ?? PROBE_TIMEOUT_MS,
        envToBool(resolveConfig(ResolveConfigVariables.USE_HTTP)),
      );
  if (!detail) {
    try {
      const downloaded = await MongoBinary.getPath(binaryOptions);
      rmSync(memoryFile, { force: true });
      return { found: true, path: downloaded, reason: `mongod was downloaded (${shown(downloaded)})` };
    } catch (error) {
      detail = `the download failed: ${firstLine(error)}`;
    }
  }
  const failure: DownloadFailure = { url, failedAt: now.toISOString(), detail };
  let memoryNote = `remembered for 24 h in ${shown(memoryFile)}, delete it to try again`;
  try {
    mkdirSync(binaryOptions.downloadDir, { recursive: true });
    writeFileSync(memoryFile, `${JSON.stringify(failure, null, 2)}\n`);
  } catch (error) {
    // A read-only install: the next start probes again, which is quick.
    memoryNote = `not remembered: ${firstLine(error)}`;
  }
  return { found: false, reason: noMongodReason(detail, memoryNote) };
}
