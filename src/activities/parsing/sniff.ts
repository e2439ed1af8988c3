/**
 * Recognises an uploaded activity file by its content (never its name), after gunzipping it when it is gzip.
 * Pure: bytes in, format (and the decoded text for the text formats) out.
 */
import { gunzipSync } from 'node:zlib';
import { ActivityFileError, type ActivityFormat } from './parsed-activity';

export interface ActivityFileRead {
  format: ActivityFormat;
  /** The decoded text (BOM removed) for gpx, tcx and vest-csv. */
  text?: string;
  /** The (uncompressed) bytes. */
  bytes: Buffer;
}

export function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** FIT: header size 12 or 14 in byte 0 and ASCII ".FIT" at bytes 8-11. */
export function isFitHeader(bytes: Buffer): boolean {
  return bytes.length >= 12 && (bytes[0] === 12 || bytes[0] === 14) && bytes.toString('latin1', 8, 12) === '.FIT';
}

/** Text of the bytes: UTF-8 (BOM removed) or UTF-16 with a BOM. */
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Root element's local name after optional whitespace, XML declaration, processing instructions and comments;
 * undefined when the text does not start like XML. A DOCTYPE in the prolog is refused ('xml-entities').
 */
export function xmlRootName(text: string): string | undefined {
  let i = 0;
  const head = text.length > 65_536 ? text.slice(0, 65_536) : text;
  for (;;) {
    while (i < head.length && /\s/.test(head[i])) i++;
    if (head.startsWith('<?', i)) {
      const end = head.indexOf('?>', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (head.startsWith('<!--', i)) {
      const end = head.indexOf('-->', i + 4);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (/^<!DOCTYPE/i.test(head.slice(i, i + 9))) {
      throw new ActivityFileError(
        'xml-entities',
        'XML with a document type or entity declarations is refused (entity expansion)',
      );
    } else break;
  }
  const match = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)/.exec(head.slice(i, i + 200));
  if (!match) return undefined;
  const name = match[1];
  return name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
}

const TIME_COLUMN = /time/;
const LAT_COLUMN = /^(lat|latitude)$/;
const LON_COLUMN = /^(lon|lng|long|longitude)$/;

/** Column names of a CSV header line, trimmed, unquoted, lower-cased. */
function csvHeader(text: string): string[] | undefined {
  const newline = text.search(/\r?\n/);
  const line = (newline < 0 ? text : text.slice(0, newline)).slice(0, 4096);
  const sep = [',', ';', '\t'].find((s) => line.includes(s));
  if (!sep) return undefined;
  return line.split(sep).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase(),
  );
}

/**
 * Vest CSV: a header naming a time, a latitude and a longitude column (case-insensitive; a speed column is
 * usual but optional — the Catapult export "Timestamp, Longitude, Latitude" has none).
 */
export function isVestCsvHeader(text: string): boolean {
  const cols = csvHeader(text);
  if (!cols) return false;
  return (
    cols.some((c) => TIME_COLUMN.test(c)) &&
    cols.some((c) => LAT_COLUMN.test(c)) &&
    cols.some((c) => LON_COLUMN.test(c))
  );
}

function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096);
  const utf16 =
    sample.length >= 2 && ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff));
  return utf16 || !sample.includes(0);
}

/** The format of uncompressed bytes, by content; 'unknown-format' (or 'xml-entities' for a DOCTYPE) otherwise. */
export function detectActivityFormat(bytes: Buffer): ActivityFormat {
  if (isFitHeader(bytes)) return 'fit';
  if (isGzip(bytes)) throw new ActivityFileError('unknown-format', 'The file is gzip-compressed more than once');
  if (bytes.length === 0) throw new ActivityFileError('unknown-format', 'The file is empty');
  if (!looksLikeText(bytes)) {
    throw new ActivityFileError('unknown-format', 'Not a recognised activity file (GPX, TCX, FIT or vest CSV)');
  }
  const text = decodeText(bytes.subarray(0, 65_536));
  const root = xmlRootName(text);
  if (root !== undefined) {
    if (root === 'gpx') return 'gpx';
    if (root === 'TrainingCenterDatabase') return 'tcx';
    throw new ActivityFileError('unknown-format', `XML with root element <${root}> is not GPX or TCX`);
  }
  if (isVestCsvHeader(text)) return 'vest-csv';
  throw new ActivityFileError(
    'unknown-format',
    'Not a recognised activity file (GPX, TCX, FIT, or a CSV with time, latitude and longitude columns)',
  );
}

/** Gunzips when gzip (bounded by `maxUncompressedBytes`), then recognises the format by content. */
export function readActivityFile(bytes: Buffer, options: { maxUncompressedBytes: number }): ActivityFileRead {
  let data = bytes;
  if (isGzip(bytes)) {
    try {
      data = gunzipSync(bytes, { maxOutputLength: options.maxUncompressedBytes });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
        throw new ActivityFileError(
          'too-large-uncompressed',
          `The gzip file inflates to more than ${options.maxUncompressedBytes} bytes`,
        );
      }
      throw new ActivityFileError('unknown-format', `The file starts like gzip but does not decompress: ${e.message}`);
    }
  }
  const format = detectActivityFormat(data);
  return format === 'fit' ? { format, bytes: data } : { format, text: decodeText(data), bytes: data };
}
