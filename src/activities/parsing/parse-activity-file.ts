import { parseFit } from './fit';
import { parseGpx } from './gpx';
import type { ActivityFormat, ParsedActivity } from './parsed-activity';
import { readActivityFile } from './sniff';
import { parseTcx } from './tcx';
import { parseVestCsv } from './vest-csv';

export type ParsedActivityFile = ParsedActivity & { segmentStarts?: number[] };

/**
 * Any activity file as received: gunzipped when gzip (bounded), recognised by content and parsed by its
 * format's parser. Throws ActivityFileError for a file refused as a whole. `bytes` are the uncompressed bytes
 * (what duplicates are recognised by).
 */
export async function parseActivityFile(
  received: Buffer,
  limits: { maxUncompressedBytes: number },
): Promise<{ format: ActivityFormat; bytes: Buffer; parsed: ParsedActivityFile }> {
  const read = readActivityFile(received, limits);
  const text = read.text ?? '';
  switch (read.format) {
    case 'gpx':
      return { format: read.format, bytes: read.bytes, parsed: parseGpx(text) };
    case 'tcx':
      return { format: read.format, bytes: read.bytes, parsed: parseTcx(text) };
    case 'fit':
      return { format: read.format, bytes: read.bytes, parsed: await parseFit(read.bytes) };
    case 'vest-csv':
      return { format: read.format, bytes: read.bytes, parsed: parseVestCsv(text) };
  }
}
