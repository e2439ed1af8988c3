/**
 * GPX 1.0 / 1.1 → ParsedActivity. Pure.
 *
 * - Track points of every trk/trkseg in file order; a file with no track points falls back to its routes
 *   (rte/rtept, one segment per route), which in practice carry no times and so end as 'no-timestamps'.
 *   Waypoints (wpt) are places, not a track: a waypoint-only file is 'no-points'.
 * - time → timeMs (no zone = UTC); a point without a valid time among timed ones is dropped (counted in
 *   `droppedUntimedPoints`); no timed point at all → 'no-timestamps'.
 * - ele → altitudeM; heart rate from any extension element named hr/heartrate (gpxtpx:hr, ns3:hr, …);
 *   speed from a GPX 1.0 `<speed>` child or any extension element named speed (gpxtpx:speed, Apple's speed).
 * - lat/lon outside the globe → 'outside-globe'; a point whose lat/lon is not a number has no position.
 * - creator attribute → device.product (the writer as named: a device or an app such as "Garmin Connect");
 *   first trk `<type>` → sport. GPX has no laps and states no distance.
 */
import { ActivityFileError, checkedPosition, type UntimedPoint } from './parsed-activity';
import {
  asArray,
  asNode,
  keepTimedPoints,
  numberOf,
  readXml,
  type SegmentedParsedActivity,
  stringOf,
  timeOf,
  type XmlNode,
} from './xml';

const HR_NAMES = new Set(['hr', 'heartrate']);

/** First numeric value of an element (any depth) whose name, lower-cased, is in `names`. */
function findExtensionNumber(node: unknown, names: Set<string>, depth = 0): number | undefined {
  if (depth > 8) return undefined;
  for (const item of asArray(node)) {
    const obj = asNode(item);
    if (!obj) continue;
    for (const [key, value] of Object.entries(obj)) {
      if (key.startsWith('@_') || key === '#text') continue;
      if (names.has(key.toLowerCase())) {
        const n = numberOf(value);
        if (n !== undefined) return n;
      }
      const nested = findExtensionNumber(value, names, depth + 1);
      if (nested !== undefined) return nested;
    }
  }
  return undefined;
}

function readPoint(node: unknown, index: number): UntimedPoint {
  const pt = asNode(node) ?? {};
  const point: UntimedPoint = {};
  const timeMs = timeOf(pt.time);
  if (timeMs !== undefined) point.timeMs = timeMs;
  const lat = numberOf(pt['@_lat']);
  const lon = numberOf(pt['@_lon']);
  if (lat !== undefined && lon !== undefined) {
    Object.assign(point, checkedPosition(lat, lon, `GPX point #${index} (0-based, in file order)`));
  }
  const ele = numberOf(pt.ele);
  if (ele !== undefined) point.altitudeM = ele;
  const hr = findExtensionNumber(pt.extensions, HR_NAMES);
  if (hr !== undefined && hr > 0) point.heartRate = hr;
  const speed = numberOf(pt.speed) ?? findExtensionNumber(pt.extensions, new Set(['speed']));
  if (speed !== undefined && speed >= 0) point.speedMps = speed;
  return point;
}

/** Parses GPX text (BOM allowed); throws ActivityFileError. */
export function parseGpx(text: string): SegmentedParsedActivity {
  const doc = readXml(text);
  const gpx = asNode(doc.gpx);
  if (!gpx) {
    const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'none';
    throw new ActivityFileError('unknown-format', `Not a GPX document: root element is <${root}>`);
  }

  // Segments: each trkseg of each trk; routes only when there is no track point at all.
  const trks = asArray(gpx.trk)
    .map(asNode)
    .filter((t): t is XmlNode => t !== undefined);
  let segments: unknown[][] = trks.flatMap((trk) => asArray(trk.trkseg).map((seg) => asArray(asNode(seg)?.trkpt)));
  if (segments.every((s) => s.length === 0)) {
    segments = asArray(gpx.rte).map((rte) => asArray(asNode(rte)?.rtept));
  }

  const raw: UntimedPoint[] = [];
  const rawStarts: number[] = [];
  for (const seg of segments) {
    if (seg.length === 0) continue;
    rawStarts.push(raw.length);
    for (const node of seg) raw.push(readPoint(node, raw.length));
  }
  const { points, segmentStarts, droppedUntimedPoints } = keepTimedPoints(raw, rawStarts, 'GPX');

  const creator = stringOf(gpx['@_creator']);
  const sport = trks.map((t) => stringOf(t.type)).find((s) => s !== undefined);
  return {
    format: 'gpx',
    points,
    laps: [],
    ...(creator ? { device: { product: creator } } : {}),
    ...(sport ? { sport } : {}),
    segmentStarts,
    droppedUntimedPoints,
  };
}
