import { Readable } from 'node:stream';
import * as yazl from 'yazl';
import { readActivityFile } from './parsing/sniff';
import { SAMPLE_READ_LIMIT, sampleBytes } from './parsing/test-samples';
import { readZipEntries, ZipArchiveError, zipEntries, type ZipLimits } from './zip-archive';

type Item =
  { name: string; data: Buffer; compress?: boolean } | { name: string; stream: Buffer } | { directory: string };

/** A ZIP written by yazl: files stored or deflated, streamed files (sizes in a data descriptor), directories. */
function zipOf(items: readonly Item[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const item of items) {
    if ('directory' in item) zip.addEmptyDirectory(item.directory);
    else if ('stream' in item) zip.addReadStream(Readable.from([item.stream]), item.name);
    else zip.addBuffer(item.data, item.name, { compress: item.compress ?? true });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const CENTRAL = 0x02014b50;

/** Offset of the central directory header of `name` (APPNOTE §4.3.12: name length at +28, name at +46). */
function centralHeader(zip: Buffer, name: string): number {
  for (let at = zip.indexOf(Buffer.from('PK\x01\x02', 'latin1')); at >= 0; at = zip.indexOf('PK\x01\x02', at + 4)) {
    if (zip.readUInt32LE(at) !== CENTRAL) continue;
    const length = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + length) === name) return at;
  }
  throw new Error(`no central header for ${name}`);
}

/** Every occurrence of `from` (local and central headers) replaced by `to`, of the same byte length. */
function renamed(zip: Buffer, from: string, to: string): Buffer {
  const a = Buffer.from(from, 'latin1');
  const b = Buffer.from(to, 'latin1');
  if (a.length !== b.length) throw new Error('names must have the same length');
  const out = Buffer.from(zip);
  let found = 0;
  for (let at = out.indexOf(a); at >= 0; at = out.indexOf(a, at + a.length)) {
    b.copy(out, at);
    found++;
  }
  if (found !== 2) throw new Error(`expected the name twice, found it ${found} times`);
  return out;
}

function patched(zip: Buffer, name: string, edit: (zip: Buffer, central: number) => void): Buffer {
  const out = Buffer.from(zip);
  edit(out, centralHeader(out, name));
  return out;
}

const LIMITS: ZipLimits = { maxEntries: 100, maxEntryBytes: 5 * 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024 };
const GPX = sampleBytes('run.gpx');
const FIT = sampleBytes('garmin-fenix-5-run.fit');
const TCX = sampleBytes('running_workout_1.tcx');
const small = Buffer.from('<gpx version="1.1"></gpx>');

async function archiveError(zip: Buffer, limits: ZipLimits = LIMITS): Promise<ZipArchiveError> {
  try {
    await readZipEntries(zip, limits);
  } catch (e) {
    if (e instanceof ZipArchiveError) return e;
    throw e;
  }
  throw new Error('readZipEntries did not throw');
}

describe('readZipEntries', () => {
  it('reads the real samples stored and deflated in nested folders, byte for byte, in archive order', async () => {
    const zip = await zipOf([
      { directory: 'export' },
      { name: 'export/run.gpx', data: GPX, compress: false },
      { name: 'export/2024/garmin-fenix-5-run.fit', data: FIT },
      { name: 'export/2024/week 1/running_workout_1.tcx', data: TCX },
    ]);
    const entries = await readZipEntries(zip, LIMITS);
    expect(entries.map((e) => e.name)).toEqual([
      'export/run.gpx',
      'export/2024/garmin-fenix-5-run.fit',
      'export/2024/week 1/running_workout_1.tcx',
    ]);
    expect(entries.map((e) => e.refused)).toEqual([undefined, undefined, undefined]);
    expect(entries[0].bytes?.equals(GPX)).toBe(true);
    expect(entries[1].bytes?.equals(FIT)).toBe(true);
    expect(entries[2].bytes?.equals(TCX)).toBe(true);
    expect(entries.map((e) => readActivityFile(e.bytes as Buffer, SAMPLE_READ_LIMIT).format)).toEqual([
      'gpx',
      'fit',
      'tcx',
    ]);
  });

  it('reads an entry whose sizes follow its data (a data descriptor, as streaming zippers write)', async () => {
    const zip = await zipOf([{ name: 'streamed.gpx', stream: GPX }]);
    const [entry] = await readZipEntries(zip, LIMITS);
    expect(entry.bytes?.equals(GPX)).toBe(true);
  });

  it('skips directories and macOS junk, and does not count them as entries', async () => {
    const zip = await zipOf([
      { directory: 'a' },
      { directory: 'a/b' },
      { name: '__MACOSX/a/._run.gpx', data: small },
      { name: 'a/.DS_Store', data: small },
      { name: '.DS_Store', data: small },
      { name: 'a/one.gpx', data: small },
      { name: 'a/b/two.gpx', data: small },
    ]);
    const entries = await readZipEntries(zip, { ...LIMITS, maxEntries: 2 });
    expect(entries.map((e) => e.name)).toEqual(['a/one.gpx', 'a/b/two.gpx']);
  });

  it('refuses more files than maxEntries as a whole', async () => {
    const zip = await zipOf([1, 2, 3, 4].map((i) => ({ name: `${i}.gpx`, data: small })));
    const error = await archiveError(zip, { ...LIMITS, maxEntries: 3 });
    expect(error.code).toBe('too-many-entries');
    expect(error.message).toBe('The ZIP holds more than 3 files.');
    await expect(readZipEntries(zip, { ...LIMITS, maxEntries: 4 })).resolves.toHaveLength(4);
  });

  it('refuses a zip bomb entry (20 MB of zeros in about 20 kB) as too large and reads the next file', async () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    const zip = await zipOf([
      { name: 'bomb.gpx', data: zeros },
      { name: 'run.gpx', data: GPX },
    ]);
    expect(zip.length).toBeLessThan(GPX.length + 100_000); // 20 MB of zeros deflate to about 20 kB
    const entries = await readZipEntries(zip, { ...LIMITS, maxEntryBytes: 1024 * 1024 });
    expect(entries[0]).toEqual({
      name: 'bomb.gpx',
      refused: { code: 'too-large', message: 'The file inflates to more than 1048576 bytes.' },
    });
    expect(entries[1].bytes?.equals(GPX)).toBe(true);
  });

  it('refuses the archive when its files together inflate beyond maxTotalBytes', async () => {
    const part = Buffer.alloc(400 * 1024);
    const zip = await zipOf([1, 2, 3].map((i) => ({ name: `${i}.gpx`, data: part })));
    const limits = { ...LIMITS, maxEntryBytes: 1024 * 1024, maxTotalBytes: 1024 * 1024 };
    const error = await archiveError(zip, limits);
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('1048576 bytes in all');
    // Exactly at the limit is allowed.
    await expect(readZipEntries(zip, { ...limits, maxTotalBytes: 3 * 400 * 1024 })).resolves.toHaveLength(3);
  });

  it('decides too large in all before yielding any file, not counting a file refused for its own size', async () => {
    const part = Buffer.alloc(400 * 1024);
    const zip = await zipOf([1, 2, 3].map((i) => ({ name: `${i}.gpx`, data: part })));
    const limits = { ...LIMITS, maxEntryBytes: 1024 * 1024, maxTotalBytes: 1024 * 1024 };
    const files = zipEntries(zip, limits);
    await expect(files.next()).rejects.toMatchObject({ code: 'too-large' });

    const withBomb = await zipOf([
      { name: 'bomb.gpx', data: Buffer.alloc(5 * 1024 * 1024) },
      { name: '1.gpx', data: part },
      { name: '2.gpx', data: part },
    ]);
    const entries = await readZipEntries(withBomb, limits);
    expect(entries.map((e) => [e.name, e.refused?.code, e.bytes?.length])).toEqual([
      ['bomb.gpx', 'too-large', undefined],
      ['1.gpx', undefined, part.length],
      ['2.gpx', undefined, part.length],
    ]);
  });

  it('yields the files one at a time, and may be stopped early', async () => {
    const zip = await zipOf([
      { name: 'run.gpx', data: GPX },
      { name: 'fenix.fit', data: FIT },
      { name: 'workout.tcx', data: TCX },
    ]);
    const seen: string[] = [];
    for await (const entry of zipEntries(zip, LIMITS)) {
      seen.push(entry.name);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['run.gpx', 'fenix.fit']);
  });

  it('refuses an entry whose header declares fewer bytes than it inflates to (no inflating past the claim)', async () => {
    const zip = await zipOf([
      { name: 'liar.gpx', data: Buffer.alloc(20 * 1024 * 1024) },
      { name: 'run.gpx', data: GPX },
    ]);
    // Central directory uncompressed size (offset 24) claims 1000 bytes, under the limit.
    const lying = patched(zip, 'liar.gpx', (z, at) => z.writeUInt32LE(1000, at + 24));
    const entries = await readZipEntries(lying, { ...LIMITS, maxEntryBytes: 1024 * 1024 });
    expect(entries[0].refused?.code).toBe('corrupt');
    expect(entries[0].refused?.message).toContain('too many bytes in the stream. expected 1000');
    expect(entries[0].bytes).toBeUndefined();
    expect(entries[1].bytes?.equals(GPX)).toBe(true);
  });

  it('refuses an entry whose header declares more bytes than it holds', async () => {
    const zip = await zipOf([{ name: 'short.gpx', data: GPX }]);
    const lying = patched(zip, 'short.gpx', (z, at) => z.writeUInt32LE(GPX.length + 10, at + 24));
    const [entry] = await readZipEntries(lying, LIMITS);
    expect(entry.refused?.code).toBe('corrupt');
    expect(entry.refused?.message).toContain('not enough bytes');
  });

  it('refuses an entry whose data does not match its CRC-32', async () => {
    const zip = await zipOf([{ name: 'damaged.gpx', data: GPX, compress: false }]);
    const at = zip.indexOf(Buffer.from('<gpx'));
    const damaged = Buffer.from(zip);
    damaged[at + 1] ^= 0x20; // <gpx → <Gpx, same length
    const [entry] = await readZipEntries(damaged, LIMITS);
    expect(entry.refused).toEqual({
      code: 'corrupt',
      message: 'The file in the ZIP is damaged (its size or CRC-32 does not match).',
    });
    await expect(readZipEntries(zip, LIMITS)).resolves.toEqual([{ name: 'damaged.gpx', bytes: GPX }]);
  });

  it('refuses an encrypted entry and one compressed with a method other than stored or deflate', async () => {
    const zip = await zipOf([
      { name: 'secret.gpx', data: GPX },
      { name: 'bzip2.gpx', data: GPX },
      { name: 'ok.gpx', data: small },
    ]);
    let edited = patched(zip, 'secret.gpx', (z, at) => z.writeUInt16LE(z.readUInt16LE(at + 8) | 1, at + 8));
    edited = patched(edited, 'bzip2.gpx', (z, at) => z.writeUInt16LE(12, at + 10));
    const entries = await readZipEntries(edited, LIMITS);
    expect(entries.map((e) => [e.name, e.refused?.code])).toEqual([
      ['secret.gpx', 'encrypted'],
      ['bzip2.gpx', 'corrupt'],
      ['ok.gpx', undefined],
    ]);
    expect(entries[1].refused?.message).toContain('method 12');
    expect(entries[2].bytes?.equals(small)).toBe(true);
  });

  it('refuses unsafe names one by one and still reads the other files', async () => {
    // yazl will not write these names, so same-length placeholders are patched afterwards.
    let zip = await zipOf([
      { name: 'aa/evil.gpx', data: small },
      { name: 'x/etc/passwd', data: small },
      { name: 'aaaevil.gpx', data: small },
      { name: 'Cc/win.gpx', data: small },
      { name: 'fine/run.gpx', data: GPX },
    ]);
    zip = renamed(zip, 'aa/evil.gpx', '../evil.gpx');
    zip = renamed(zip, 'x/etc/passwd', '//etc/passwd');
    zip = renamed(zip, 'aaaevil.gpx', '..\\evil.gpx');
    zip = renamed(zip, 'Cc/win.gpx', 'C:/win.gpx');
    const entries = await readZipEntries(zip, LIMITS);
    expect(entries.map((e) => [e.name, e.refused?.code])).toEqual([
      ['../evil.gpx', 'unsafe-name'],
      ['//etc/passwd', 'unsafe-name'],
      ['../evil.gpx', 'unsafe-name'], // a backslash is read as a slash
      ['C:/win.gpx', 'unsafe-name'],
      ['fine/run.gpx', undefined],
    ]);
    expect(entries[0].refused?.message).toBe('Unsafe name in the ZIP (invalid relative path: ../evil.gpx).');
    expect(entries.slice(0, 4).every((e) => e.bytes === undefined)).toBe(true);
    expect(entries[4].bytes?.equals(GPX)).toBe(true);
  });

  it('refuses what is not a ZIP at all, or whose directory is damaged, as not-zip', async () => {
    for (const bytes of [GPX, FIT, Buffer.alloc(0), Buffer.from('PK\x03\x04 not really')]) {
      const error = await archiveError(bytes);
      expect(error.code).toBe('not-zip');
      expect(error.message).toContain('not a ZIP archive');
    }
    const zip = await zipOf([{ name: 'run.gpx', data: GPX }]);
    const truncated = zip.subarray(0, zip.length - 10);
    expect((await archiveError(truncated)).code).toBe('not-zip');
    const badDirectory = patched(zip, 'run.gpx', (z, at) => z.writeUInt32LE(0x12345678, at));
    const error = await archiveError(badDirectory);
    expect(error.code).toBe('not-zip');
    expect(error.message).toContain('damaged');
  });
});
