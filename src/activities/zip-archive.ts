/**
 * Reading an uploaded ZIP (a watch's or Strava's bulk export) into its files' bytes, bounded, with each file's
 * problem reported on its own. In memory only: nothing is written to disk, so an entry's name is a label, never a
 * path that is opened.
 *
 * Through yauzl (https://github.com/thejoshwolfe/yauzl), which reads the central directory (APPNOTE.TXT, PKWARE's
 * .ZIP File Format Specification, §4.3.12) and inflates each entry on demand:
 * - Entry sizes are validated (`validateEntrySizes`, yauzl's default, kept on): a deflated entry that inflates to
 *   more or fewer bytes than its declared size fails as it streams, so a header that lies about the size cannot
 *   make it inflate past the declared size. The declared size is checked against the limits before anything is
 *   inflated, and the bytes are also counted as they stream, a second bound that does not rely on yauzl's.
 * - CRC-32: yauzl does not check it; it is checked here, so damaged data is refused rather than imported.
 * - Names are decoded (CP437 or UTF-8, APPNOTE §4.4.4 bit 11, and the Info-ZIP Unicode Path field) and validated
 *   here rather than by yauzl (`decodeStrings: false`, then yauzl's own `getFileNameLowLevel` and
 *   `validateFileName`): with yauzl's automatic check an absolute or `..` name fails the whole archive, here it is
 *   one refused entry ('unsafe-name') and the other files are read. Backslashes are read as `/` first, as yauzl does
 *   by default, so `..\evil.gpx` is `../evil.gpx` and refused too.
 *
 * Skipped without a report: directories (a name ending in `/`) and macOS junk (`__MACOSX/…`, `.DS_Store`).
 * Refused one by one: 'unsafe-name', 'encrypted' (no password is asked for), 'too-large' (beyond `maxEntryBytes`),
 * 'corrupt' (bad data, wrong size or CRC, a compression method other than stored or deflate).
 * Refused as a whole (`ZipArchiveError`, a 400), decided from the central directory before anything is inflated:
 * 'not-zip' (no ZIP, or its directory is damaged), 'too-many-entries' (more files than `maxEntries`), 'too-large'
 * (the declared sizes of the files that would be read add up to more than `maxTotalBytes`).
 */

import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import * as yauzl from 'yauzl';

export interface ZipLimits {
  /** Files at most (directories and macOS junk are not counted). */
  maxEntries: number;
  /** Inflated bytes of one file at most. */
  maxEntryBytes: number;
  /** Inflated bytes of all files together at most. */
  maxTotalBytes: number;
}

export const ZIP_ENTRY_REFUSALS = ['too-large', 'unsafe-name', 'encrypted', 'corrupt'] as const;
export type ZipEntryRefusalCode = (typeof ZIP_ENTRY_REFUSALS)[number];

/** One file of the archive, in archive order: its bytes, or why it was not read. */
export interface ZipEntryRead {
  /** The entry's name as stored (folders included, `/`-separated). */
  name: string;
  bytes?: Buffer;
  refused?: { code: ZipEntryRefusalCode; message: string };
}

export const ZIP_ARCHIVE_ERRORS = ['not-zip', 'too-many-entries', 'too-large'] as const;
export type ZipArchiveErrorCode = (typeof ZIP_ARCHIVE_ERRORS)[number];

/** The archive as a whole cannot be read; the message says why, for a 400. */
export class ZipArchiveError extends Error {
  constructor(
    readonly code: ZipArchiveErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ZipArchiveError';
  }
}

/** yauzl 3 exports this (documented in its README); @types/yauzl 2.10 does not declare it. */
const getFileNameLowLevel = (
  yauzl as unknown as {
    getFileNameLowLevel(flags: number, name: Buffer, extraFields: unknown[], strictFileNames: boolean): string;
  }
).getFileNameLowLevel;

const STORED = 0;
const DEFLATED = 8;

interface ListedFile {
  entry: yauzl.Entry;
  name: string;
  /** yauzl's message (or ours) when the name is not safe. */
  unsafe?: string;
}

function isJunk(name: string): boolean {
  const parts = name.split('/');
  return parts[0] === '__MACOSX' || parts[parts.length - 1] === '.DS_Store';
}

function nameProblem(name: string): string | undefined {
  if (name === '') return 'empty file name';
  if (name.includes('\u0000')) return `file name with a NUL character: ${JSON.stringify(name)}`;
  return yauzl.validateFileName(name) ?? undefined;
}

function openZip(zip: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      zip,
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: false },
      (err, zipfile) => {
        if (err || !zipfile) {
          reject(new ZipArchiveError('not-zip', `The file is not a ZIP archive (${err?.message ?? 'unreadable'}).`));
        } else resolve(zipfile);
      },
    );
  });
}

/** The central directory's files in order, without inflating anything; throws past `maxEntries` files. */
function listFiles(zipfile: yauzl.ZipFile, maxEntries: number): Promise<ListedFile[]> {
  return new Promise((resolve, reject) => {
    const files: ListedFile[] = [];
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      zipfile.removeAllListeners('entry');
      reject(error);
    };
    zipfile.on('error', (err: Error) =>
      fail(new ZipArchiveError('not-zip', `The ZIP archive is damaged: ${err.message}.`)),
    );
    zipfile.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(files);
    });
    zipfile.on('entry', (entry: yauzl.Entry) => {
      const raw = entry.fileName as unknown as Buffer;
      const name = getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
      if (!name.endsWith('/') && !isJunk(name)) {
        files.push({ entry, name, unsafe: nameProblem(name) });
        if (files.length > maxEntries) {
          fail(new ZipArchiveError('too-many-entries', `The ZIP holds more than ${maxEntries} files.`));
          return;
        }
      }
      zipfile.readEntry();
    });
    zipfile.readEntry();
  });
}

type Inflated = { bytes: Buffer } | { over: number } | { error: string };

/** The entry's bytes, inflating at most `budget` bytes (the stream is destroyed past it). */
function inflate(zipfile: yauzl.ZipFile, entry: yauzl.Entry, budget: number): Promise<Inflated> {
  return new Promise((resolve) => {
    zipfile.openReadStream(entry, (err, stream: Readable) => {
      if (err || !stream) {
        resolve({ error: err?.message ?? 'cannot be read' });
        return;
      }
      const chunks: Buffer[] = [];
      let count = 0;
      let done = false;
      const finish = (result: Inflated) => {
        if (done) return;
        done = true;
        resolve(result);
      };
      stream.on('data', (chunk: Buffer) => {
        count += chunk.length;
        if (count > budget) {
          stream.destroy();
          finish({ over: count });
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (e: Error) => {
        stream.destroy();
        finish({ error: e.message });
      });
      stream.on('end', () => finish({ bytes: Buffer.concat(chunks, count) }));
    });
  });
}

const refused = (name: string, code: ZipEntryRefusalCode, message: string): ZipEntryRead => ({
  name,
  refused: { code, message },
});

/** Why a listed file will not be read, judged from the central directory alone; undefined when it will be. */
function refusalBeforeReading(file: ListedFile, limits: ZipLimits): ZipEntryRead | undefined {
  const { entry, name, unsafe } = file;
  if (unsafe !== undefined) return refused(name, 'unsafe-name', `Unsafe name in the ZIP (${unsafe}).`);
  if (entry.isEncrypted()) {
    return refused(name, 'encrypted', 'The file is encrypted (password-protected) and cannot be read.');
  }
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    const method = entry.compressionMethod;
    return refused(
      name,
      'corrupt',
      `The file is compressed with method ${method}; only stored and deflate can be read.`,
    );
  }
  if (entry.uncompressedSize > limits.maxEntryBytes) return tooLarge(name, limits.maxEntryBytes);
  return undefined;
}

/**
 * The files of a ZIP in archive order, one at a time, each with its bytes or the reason it was refused (see the
 * module comment); directories and macOS junk are left out. Everything that refuses the archive as a whole is
 * decided from the central directory before the first file is inflated or yielded: not a ZIP, too many files, and
 * declared sizes beyond `maxTotalBytes` in all (yauzl holds every file to its declared size). Holding one file's
 * bytes at a time, a caller can import a large archive file by file. Stopping the iteration early closes the ZIP.
 */
export async function* zipEntries(zip: Buffer, limits: ZipLimits): AsyncGenerator<ZipEntryRead, void, undefined> {
  const zipfile = await openZip(zip);
  try {
    const files = await listFiles(zipfile, limits.maxEntries);
    const plan = files.map((file) => ({ file, refusal: refusalBeforeReading(file, limits) }));
    const declared = plan.reduce((t, p) => t + (p.refusal ? 0 : p.file.entry.uncompressedSize), 0);
    if (declared > limits.maxTotalBytes) throw totalTooLarge(limits.maxTotalBytes);

    let total = 0;
    for (const { file, refusal } of plan) {
      if (refusal) {
        yield refusal;
        continue;
      }
      const { entry, name } = file;
      // The second bound, by count: never more than the entry's or the archive's remaining allowance.
      const budget = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
      const result = await inflate(zipfile, entry, budget);
      if ('over' in result) {
        if (result.over > limits.maxEntryBytes) {
          yield tooLarge(name, limits.maxEntryBytes);
          continue;
        }
        throw totalTooLarge(limits.maxTotalBytes);
      }
      if ('error' in result) {
        yield refused(name, 'corrupt', `The file in the ZIP is damaged (${result.error}).`);
        continue;
      }
      if (result.bytes.length !== entry.uncompressedSize || crc32(result.bytes) !== entry.crc32) {
        yield refused(name, 'corrupt', 'The file in the ZIP is damaged (its size or CRC-32 does not match).');
        continue;
      }
      total += result.bytes.length;
      yield { name, bytes: result.bytes };
    }
  } finally {
    zipfile.close();
  }
}

/**
 * Every file of a ZIP at once (`zipEntries` collected): the bytes, or the reason each was refused, in archive
 * order. Throws ZipArchiveError, before inflating anything, when the archive as a whole cannot be read.
 */
export async function readZipEntries(zip: Buffer, limits: ZipLimits): Promise<ZipEntryRead[]> {
  const out: ZipEntryRead[] = [];
  for await (const entry of zipEntries(zip, limits)) out.push(entry);
  return out;
}

function tooLarge(name: string, maxEntryBytes: number): ZipEntryRead {
  return refused(name, 'too-large', `The file inflates to more than ${maxEntryBytes} bytes.`);
}

function totalTooLarge(maxTotalBytes: number): ZipArchiveError {
  return new ZipArchiveError('too-large', `The files in the ZIP inflate to more than ${maxTotalBytes} bytes in all.`);
}
