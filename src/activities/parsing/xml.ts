/**
 * One safe XML reading for GPX and TCX. Pure: text in, plain object out.
 *
 * - A document type or entity declaration is refused before any parsing (entity expansion, "billion laughs",
 *   external entities): no activity format needs one.
 * - Entity processing is off in the parser as well (`processEntities: false`): `&amp;` stays as written;
 *   `decodeXmlText` decodes the five predefined entities and character references in the few strings surfaced.
 * - Namespace prefixes are removed (`gpxtpx:hr` → `hr`, `ns3:TPX` → `TPX`), attributes are kept (`@_lat`),
 *   values stay strings (parsed by the callers), and repeating elements are always arrays.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { TrackPoint } from '../domain/track';
import { ActivityFileError, type ParsedActivity, type UntimedPoint } from './parsed-activity';

export type XmlNode = Record<string, unknown>;

/** A parsed GPX/TCX activity with the indexes (into `points`) where a new GPX trkseg / TCX Track begins. */
export type SegmentedParsedActivity = ParsedActivity & {
  /** Index of the first point of every segment after the first; distance is not summed across these breaks. */
  segmentStarts: number[];
  /** Points dropped because they had no (valid) time while other points had one. */
  droppedUntimedPoints: number;
};

/** Elements that may repeat in GPX or TCX and so are always read as arrays. */
const REPEATING = new Set([
  'trk',
  'trkseg',
  'trkpt',
  'rte',
  'rtept',
  'wpt',
  'Activity',
  'Lap',
  'Track',
  'Trackpoint',
  'Course',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name: string) => REPEATING.has(name),
});

const DECLARATION = /<!DOCTYPE|<!ENTITY/i;

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Refuses a DOCTYPE/ENTITY declaration; cheap, runs before the validator or parser sees the text. */
export function refuseXmlDeclarations(text: string): void {
  if (DECLARATION.test(text)) {
    throw new ActivityFileError(
      'xml-entities',
      'XML with a document type or entity declarations is refused (entity expansion)',
    );
  }
}

/** Reads well-formed XML into a plain object (see the module comment for the options). */
export function readXml(text: string): XmlNode {
  const body = stripBom(text);
  refuseXmlDeclarations(body);
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new ActivityFileError('not-xml', `Not well-formed XML at line ${line}, column ${col}: ${msg}`);
  }
  try {
    return parser.parse(body) as XmlNode;
  } catch (err) {
    // e.g. nesting deeper than the parser's limit (maxNestedTags 100)
    throw new ActivityFileError('not-xml', `XML could not be read: ${(err as Error).message}`);
  }
}

/** The element as an array: absent → [], single → [it]. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function asNode(value: unknown): XmlNode | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode) : undefined;
}

/** Text content of a leaf element (`<a>x</a>` → 'x', `<a b="1">x</a>` → 'x'); undefined when none. */
export function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const node = asNode(value);
  if (node && '#text' in node) return textOf(node['#text']);
  return undefined;
}

/** A finite number from element text or an attribute value, else undefined ('no', 'undefined', '' → undefined). */
export function numberOf(value: unknown): number | undefined {
  const text = textOf(value)?.trim();
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Epoch ms of an ISO-8601 time (offsets honoured, no offset read as UTC per GPX/TCX), else undefined. */
export function timeOf(value: unknown): number | undefined {
  const text = textOf(value)?.trim();
  if (!text) return undefined;
  // A date-time without zone designator is UTC in GPX/TCX; Date.parse would read it as local time.
  const zoned = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}Z` : text;
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? ms : undefined;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and numeric character references (nothing else). */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref.toLowerCase()] ?? whole;
  });
}

/** A trimmed, decoded, non-empty string or undefined. */
export function stringOf(value: unknown): string | undefined {
  const text = textOf(value)?.trim();
  return text ? decodeXmlText(text) : undefined;
}

/**
 * Drops points without a time when others have one (counted), refuses a file where none has one, and maps
 * segment starts (indexes into the raw list) onto the kept list.
 */
export function keepTimedPoints(
  raw: UntimedPoint[],
  rawSegmentStarts: number[],
  what: string,
): { points: TrackPoint[]; segmentStarts: number[]; droppedUntimedPoints: number } {
  if (raw.length === 0) throw new ActivityFileError('no-points', `The ${what} file has no track points`);
  const starts = new Set(rawSegmentStarts);
  const points: TrackPoint[] = [];
  const segmentStarts: number[] = [];
  let pendingBreak = false;
  raw.forEach((p, i) => {
    if (i > 0 && starts.has(i)) pendingBreak = true;
    if (p.timeMs === undefined) return;
    if (pendingBreak && points.length > 0) segmentStarts.push(points.length);
    pendingBreak = false;
    points.push(p as TrackPoint);
  });
  if (points.length === 0) {
    throw new ActivityFileError(
      'no-timestamps',
      `None of the ${raw.length} points of the ${what} file has a time stamp`,
    );
  }
  return { points, segmentStarts, droppedUntimedPoints: raw.length - points.length };
}
