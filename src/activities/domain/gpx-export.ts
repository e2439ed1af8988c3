/**
 * A track → GPX 1.1 text, for download and for other apps to import. Pure: points in, a string out.
 *
 * Specifications followed:
 * - GPX 1.1 schema, TopoGrafix: https://www.topografix.com/GPX/1/1/ (gpx.xsd). `<gpx version="1.1" creator>`
 *   with `<metadata>` (name, time), one `<trk>` (name, then `<trkseg>`s) and `<trkpt lat lon>` whose children
 *   keep the schema's sequence: `<ele>`, `<time>`, `<extensions>`. lat is −90 … 90 and lon −180 … < 180
 *   (`longitudeType` excludes 180, so lon 180 is written as the same meridian, −180); both are xsd:decimal,
 *   as is ele, so numbers are written without an exponent (1e-7 → 0.0000001), digits unchanged.
 * - Garmin TrackPointExtension v1: https://www8.garmin.com/xmlschemas/TrackPointExtensionv1.xsd, namespace
 *   `http://www.garmin.com/xmlschemas/TrackPointExtension/v1`: heart rate as
 *   `<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>`, an xsd:unsignedByte (whole beats per minute,
 *   so a reading is rounded, and one outside 1 … 255 after rounding is left out).
 *
 * What a GPX track point cannot carry, and is therefore not written:
 * - points without a position (lat and lon both finite): `trkpt` requires both, so such points (an indoor
 *   stretch, a heart-rate-only sample) are skipped; a segment left with no point is not written;
 * - device speed and device cumulative distance: GPX 1.1 and TrackPointExtension v1 have no element for them
 *   (a reader recomputes distance from the positions).
 *
 * The XML is built by fast-xml-parser's XMLBuilder, which escapes `& < > " '` in text and attributes. Characters
 * XML 1.0 does not allow at all (C0 controls other than tab, newline and carriage return, lone surrogates,
 * U+FFFE/U+FFFF) are removed from the name and creator, since no escaping can represent them.
 */

import { XMLBuilder } from 'fast-xml-parser';
import { segmentRuns } from './activity-analysis';
import type { TrackPoint } from './track';

export const GPX_NAMESPACES = {
  gpx: 'http://www.topografix.com/GPX/1/1',
  gpxtpx: 'http://www.garmin.com/xmlschemas/TrackPointExtension/v1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

const SCHEMA_LOCATION =
  'http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd ' +
  'http://www.garmin.com/xmlschemas/TrackPointExtension/v1 http://www8.garmin.com/xmlschemas/TrackPointExtensionv1.xsd';

/** The `creator` attribute when the caller names none. */
export const DEFAULT_GPX_CREATOR = 'football-coaching-api';

export interface GpxExportMeta {
  /** Written as the metadata and track name. */
  name?: string;
  /** Written as the metadata time; without it, the first point's time. */
  startedAt?: Date;
  /** Indexes into `points` where a new recorded segment begins (a new `<trkseg>`), as the parsers return them. */
  segmentStarts?: readonly number[];
  /** The `creator` attribute (GPX requires one); `DEFAULT_GPX_CREATOR` when absent or blank. */
  creator?: string;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  // Never write an attribute whose value is "true" as a bare name (not XML): creator="true" stays as it is.
  suppressBooleanAttributes: false,
  processEntities: true,
});

const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- the control characters are what it removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML 1.0 cannot contain (see the module comment). */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/**
 * A finite number as xsd:decimal text: the shortest round-trip digits JavaScript gives (`String(n)`), with an
 * exponent form (1.5e-7, 1e+21) spelled out in plain digits. `Number(decimalText(n)) === n`.
 */
export function decimalText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const text = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, lead, rest = '', expText] = m;
  const digits = lead + rest;
  const exp = Number(expText);
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  return digits.length - 1 <= exp
    ? `${sign}${digits}${'0'.repeat(exp - (digits.length - 1))}`
    : `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

function isoTime(timeMs: number, index: number): string {
  if (!Number.isFinite(timeMs)) throw new RangeError(`point ${index} has no valid time (timeMs ${timeMs})`);
  return new Date(timeMs).toISOString();
}

/** The trkpt object of a positioned point (XMLBuilder input), or undefined for a point without a position. */
function trackPoint(p: TrackPoint, index: number): Record<string, unknown> | undefined {
  if (!finite(p.lat) || !finite(p.lon)) return undefined;
  const pt: Record<string, unknown> = {
    '@_lat': decimalText(p.lat),
    '@_lon': decimalText(p.lon === 180 ? -180 : p.lon),
  };
  if (finite(p.altitudeM)) pt.ele = decimalText(p.altitudeM);
  pt.time = isoTime(p.timeMs, index);
  const hr = finite(p.heartRate) ? Math.round(p.heartRate) : undefined;
  if (hr !== undefined && hr >= 1 && hr <= 255) {
    pt.extensions = { 'gpxtpx:TrackPointExtension': { 'gpxtpx:hr': String(hr) } };
  }
  return pt;
}

/**
 * GPX 1.1 document of the points: one `<trk>`, a `<trkseg>` per recorded segment (`meta.segmentStarts`, tolerated
 * as `segmentRuns` tolerates them), positionless points skipped (see the module comment). Throws RangeError for a
 * point with a non-finite time. A track with no positioned point gives a `<trk>` with no segment (valid GPX).
 */
export function toGpx(points: readonly TrackPoint[], meta: GpxExportMeta = {}): string {
  let index = 0;
  const segments = segmentRuns(points, meta.segmentStarts ?? [])
    .map((run) => {
      const trkpt: Record<string, unknown>[] = [];
      for (const p of run) {
        const pt = trackPoint(p, index++);
        if (pt) trkpt.push(pt);
      }
      return { trkpt };
    })
    .filter((seg) => seg.trkpt.length > 0);

  const name = meta.name === undefined ? undefined : xmlSafeText(meta.name);
  const creator = xmlSafeText(meta.creator ?? '').trim() || DEFAULT_GPX_CREATOR;
  const startMs = meta.startedAt?.getTime() ?? points[0]?.timeMs;
  const time = startMs !== undefined && Number.isFinite(startMs) ? new Date(startMs).toISOString() : undefined;

  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    gpx: {
      '@_version': '1.1',
      '@_creator': creator,
      '@_xmlns': GPX_NAMESPACES.gpx,
      '@_xmlns:gpxtpx': GPX_NAMESPACES.gpxtpx,
      '@_xmlns:xsi': GPX_NAMESPACES.xsi,
      '@_xsi:schemaLocation': SCHEMA_LOCATION,
      ...(name !== undefined || time !== undefined ? { metadata: { name, time } } : {}),
      trk: { name, trkseg: segments },
    },
  };
  return builder.build(doc);
}
