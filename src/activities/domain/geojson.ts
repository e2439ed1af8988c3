/**
 * A track → GeoJSON, for maps (Leaflet, Mapbox GL, OpenLayers read it as it is). Pure: points in, a plain object
 * out (`JSON.stringify` it).
 *
 * RFC 7946, The GeoJSON Format (https://www.rfc-editor.org/rfc/rfc7946):
 * - a FeatureCollection (§3.3) with one Feature (§3.2) for the track, or no feature when nothing can be drawn;
 * - positions are [longitude, latitude] or [longitude, latitude, elevation] in WGS-84 degrees and metres — longitude
 *   first (§3.1.1, §4); a position has an elevation exactly when its point has an altitude, so a track whose
 *   altimeter drops out mixes both lengths (as togeojson does) rather than inventing or dropping altitudes;
 * - the geometry is a LineString (§3.1.4) for one recorded segment and a MultiLineString (§3.1.5) for several
 *   (GPX trkseg / TCX Track breaks, `meta.segmentStarts`), so a map draws no line across a break.
 *
 * Per-position data follows the mapbox/togeojson convention (`coordTimes`, `heartRates` in the properties), since
 * GeoJSON has no place for it: arrays aligned with the coordinates and nested the same way (string[] for a
 * LineString, string[][] for a MultiLineString). `heartRates` is there only when some point has a reading, with
 * null where a point has none.
 *
 * Left out, and why:
 * - points without a position (lat and lon both finite): GeoJSON has no position without coordinates;
 * - a segment with fewer than two positions: a LineString needs "two or more positions" (§3.1.4); when no segment
 *   has two, the collection has no feature;
 * - antimeridian cutting (§3.1.9, a SHOULD): not done; a track that crosses ±180° longitude is drawn the long way
 *   round by naive renderers. No pitch is there; the cut would also need times invented at the crossing.
 */

import { segmentRuns } from './activity-analysis';
import type { TrackPoint } from './track';

export type GeoJsonPosition = [number, number] | [number, number, number];

export interface TrackLineString {
  type: 'LineString';
  coordinates: GeoJsonPosition[];
}

export interface TrackMultiLineString {
  type: 'MultiLineString';
  coordinates: GeoJsonPosition[][];
}

export interface TrackFeatureProperties {
  name?: string;
  /** ISO-8601 UTC: `meta.startedAt`, else the first point's time (positioned or not). */
  startTime?: string;
  /** ISO-8601 UTC time of each position, nested as the coordinates are. */
  coordTimes: string[] | string[][];
  /** Beats per minute at each position (null without a reading), nested as the coordinates are. */
  heartRates?: (number | null)[] | (number | null)[][];
}

export interface TrackFeature {
  type: 'Feature';
  geometry: TrackLineString | TrackMultiLineString;
  properties: TrackFeatureProperties;
}

export interface TrackFeatureCollection {
  type: 'FeatureCollection';
  features: TrackFeature[];
}

export interface GeoJsonExportMeta {
  name?: string;
  startedAt?: Date;
  /** Indexes into `points` where a new recorded segment begins, as the parsers return them. */
  segmentStarts?: readonly number[];
}

const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

interface Line {
  coordinates: GeoJsonPosition[];
  times: string[];
  heartRates: (number | null)[];
}

function lineOf(run: readonly TrackPoint[]): Line {
  const line: Line = { coordinates: [], times: [], heartRates: [] };
  for (const p of run) {
    if (!finite(p.lat) || !finite(p.lon)) continue;
    if (!Number.isFinite(p.timeMs)) throw new RangeError(`a positioned point has no valid time (timeMs ${p.timeMs})`);
    line.coordinates.push(finite(p.altitudeM) ? [p.lon, p.lat, p.altitudeM] : [p.lon, p.lat]);
    line.times.push(new Date(p.timeMs).toISOString());
    line.heartRates.push(finite(p.heartRate) ? p.heartRate : null);
  }
  return line;
}

/**
 * RFC 7946 FeatureCollection of the track (see the module comment): one LineString or MultiLineString Feature
 * with `coordTimes` and, when any, `heartRates`; no feature when no segment has two positions. Throws RangeError
 * for a positioned point with a non-finite time.
 */
export function toGeoJson(points: readonly TrackPoint[], meta: GeoJsonExportMeta = {}): TrackFeatureCollection {
  const lines = segmentRuns(points, meta.segmentStarts ?? [])
    .map(lineOf)
    .filter((l) => l.coordinates.length >= 2);
  if (lines.length === 0) return { type: 'FeatureCollection', features: [] };

  const startMs = meta.startedAt?.getTime() ?? points[0].timeMs;
  const withHr = lines.some((l) => l.heartRates.some((hr) => hr !== null));
  const single = lines.length === 1;
  const properties: TrackFeatureProperties = {
    ...(meta.name !== undefined ? { name: meta.name } : {}),
    ...(Number.isFinite(startMs) ? { startTime: new Date(startMs).toISOString() } : {}),
    coordTimes: single ? lines[0].times : lines.map((l) => l.times),
    ...(withHr ? { heartRates: single ? lines[0].heartRates : lines.map((l) => l.heartRates) } : {}),
  };
  const geometry: TrackLineString | TrackMultiLineString = single
    ? { type: 'LineString', coordinates: lines[0].coordinates }
    : { type: 'MultiLineString', coordinates: lines.map((l) => l.coordinates) };
  return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties }] };
}
