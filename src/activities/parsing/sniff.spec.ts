import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { detectActivityFormat, readActivityFile } from './sniff';
import { codeOf, loadManifest, SAMPLE_READ_LIMIT, sampleBytes } from './test-samples';

const EXPECTED: Record<string, string> = { gpx: 'gpx', tcx: 'tcx', fit: 'fit' };

describe('readActivityFile / detectActivityFormat', () => {
  const files = loadManifest().files;

  it.each(files.filter((f) => f.format in EXPECTED).map((f) => [f.name, f.format]))(
    '%s is recognised by content as %s, plain and gzipped',
    (name, format) => {
      const bytes = sampleBytes(name);
      expect(detectActivityFormat(bytes)).toBe(EXPECTED[format]);
      const plain = readActivityFile(bytes, SAMPLE_READ_LIMIT);
      const zipped = readActivityFile(gzipSync(bytes), SAMPLE_READ_LIMIT);
      expect(plain.format).toBe(EXPECTED[format]);
      expect(zipped).toEqual(plain);
      expect(zipped.bytes.equals(bytes)).toBe(true);
      if (format === 'fit') expect(plain.text).toBeUndefined();
      else expect(plain.text?.startsWith('<?xml')).toBe(true);
    },
  );

  it('recognises the Catapult vest CSV by its header (Timestamp, Longitude, Latitude)', () => {
    const read = readActivityFile(sampleBytes('U18_ID1.csv'), SAMPLE_READ_LIMIT);
    expect(read.format).toBe('vest-csv');
    expect(read.text?.startsWith('Timestamp, Longitude, Latitude')).toBe(true);
    expect(detectActivityFormat(Buffer.from('"TIME";"LAT";"LON";"Speed"\n1;2;3;4\n'))).toBe('vest-csv');
  });

  it('does not take the pitch-corner CSV (no time column) for an activity', () => {
    expect(codeOf(() => readActivityFile(sampleBytes('Dataset_B_Pitch.csv'), SAMPLE_READ_LIMIT))).toBe(
      'unknown-format',
    );
  });

  it('ignores the file name: content decides, and a GPX with a BOM, comments and declaration is still GPX', () => {
    expect(detectActivityFormat(Buffer.from('\ufeff<?xml version="1.0"?>\n<!-- c -->\n<gpx version="1.1"/>'))).toBe(
      'gpx',
    );
    expect(detectActivityFormat(Buffer.from('<ns:TrainingCenterDatabase xmlns:ns="x"/>'))).toBe('tcx');
  });

  it('reads UTF-16 text with a BOM (either byte order, odd length tolerated)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<gpx version="1.1"/>', 'utf16le')]);
    const be = Buffer.from(le);
    be.subarray(2).swap16();
    be[0] = 0xfe;
    be[1] = 0xff;
    expect(readActivityFile(le, SAMPLE_READ_LIMIT).text).toBe('<gpx version="1.1"/>');
    expect(readActivityFile(Buffer.concat([be, Buffer.from([0])]), SAMPLE_READ_LIMIT).text).toBe(
      '<gpx version="1.1"/>',
    );
  });

  it('names the root of other XML', () => {
    expect(() => detectActivityFormat(Buffer.from('<?xml version="1.0"?><kml/>'))).toThrow(/<kml>/);
  });

  it('refuses a DOCTYPE while sniffing', () => {
    expect(
      codeOf(() => detectActivityFormat(Buffer.from('<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "b">]><gpx/>'))),
    ).toBe('xml-entities');
  });

  it('random bytes and empty files → unknown-format', () => {
    const random = randomBytes(4096);
    random[0] = 0; // neither gzip nor a FIT header size
    expect(codeOf(() => readActivityFile(random, SAMPLE_READ_LIMIT))).toBe('unknown-format');
    expect(codeOf(() => readActivityFile(Buffer.alloc(0), SAMPLE_READ_LIMIT))).toBe('unknown-format');
    expect(codeOf(() => readActivityFile(Buffer.from('hello world\n'), SAMPLE_READ_LIMIT))).toBe('unknown-format');
  });

  it('refuses a gzip that inflates beyond the limit', () => {
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(100_000);
    expect(codeOf(() => readActivityFile(bomb, { maxUncompressedBytes: 1024 * 1024 }))).toBe('too-large-uncompressed');
  });

  it('corrupt or truncated gzip → unknown-format with a clear message', () => {
    const gz = gzipSync(sampleBytes('run.gpx'));
    expect(() => readActivityFile(gz.subarray(0, gz.length / 2), SAMPLE_READ_LIMIT)).toThrow(
      /gzip but does not decompress/,
    );
    expect(codeOf(() => readActivityFile(Buffer.from([0x1f, 0x8b, 1, 2, 3]), SAMPLE_READ_LIMIT))).toBe(
      'unknown-format',
    );
  });
});
