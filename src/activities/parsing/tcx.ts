/**
 * TCX (Garmin Training Center Database v2) → ParsedActivity. Pure.
 *
 * - Activities/Activity/Lap/Track/Trackpoint in file order; every Track is a segment (`segmentStarts`).
 * - Time → timeMs; Position LatitudeDegrees/LongitudeDegrees (both numeric, else no position; numeric but off
 *   the globe → 'outside-globe'); AltitudeMeters → altitudeM; DistanceMeters → distanceM; HeartRateBpm/Value →
 *   heartRate; Extensions/TPX/Speed → speedMps. Untimed points among timed ones are dropped (counted).
 * - Laps: StartTime + TotalTimeSeconds, DistanceMeters → lap distanceM; statedDistanceM = sum of lap distances.
 * - sport = first Activity@Sport as written; device from the first Activity's Creator: Name → product (else
 *   ProductID), UnitId → serialNumber (an id of 0 means "not stated" and is left out).
 * - A file with Courses but no recorded Activity (a planned route) is refused: 'no-points'.
 */
import {
  ActivityFileError,
  checkedPosition,
  type ActivityDevice,
  type ActivityLap,
  type UntimedPoint,
} from './parsed-activity';
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

const nodes = (value: unknown): XmlNode[] =>
  asArray(value)
    .map(asNode)
    .filter((n): n is XmlNode => n !== undefined);

function readTrackpoint(tp: XmlNode, index: number): UntimedPoint {
  const point: UntimedPoint = {};
  const timeMs = timeOf(tp.Time);
  if (timeMs !== undefined) point.timeMs = timeMs;
  const pos = asNode(tp.Position);
  const lat = numberOf(pos?.LatitudeDegrees);
  const lon = numberOf(pos?.LongitudeDegrees);
  if (lat !== undefined && lon !== undefined) {
    Object.assign(point, checkedPosition(lat, lon, `TCX trackpoint #${index} (0-based, in file order)`));
  }
  const alt = numberOf(tp.AltitudeMeters);
  if (alt !== undefined) point.altitudeM = alt;
  const dist = numberOf(tp.DistanceMeters);
  if (dist !== undefined) point.distanceM = dist;
  const hr = numberOf(asNode(tp.HeartRateBpm)?.Value);
  if (hr !== undefined && hr > 0) point.heartRate = hr;
  const speed = numberOf(asNode(asNode(tp.Extensions)?.TPX)?.Speed);
  if (speed !== undefined && speed >= 0) point.speedMps = speed;
  return point;
}

function readDevice(activity: XmlNode | undefined): ActivityDevice | undefined {
  const creator = asNode(activity?.Creator);
  if (!creator) return undefined;
  const device: ActivityDevice = {};
  const product = stringOf(creator.Name) ?? stringOf(creator.ProductID);
  if (product) device.product = product;
  const unit = stringOf(creator.UnitId);
  if (unit && unit !== '0') device.serialNumber = unit;
  return Object.keys(device).length > 0 ? device : undefined;
}

/** Parses TCX text (BOM allowed); throws ActivityFileError. */
export function parseTcx(text: string): SegmentedParsedActivity {
  const doc = readXml(text);
  const root = asNode(doc.TrainingCenterDatabase);
  if (!root) {
    const name = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'none';
    throw new ActivityFileError('unknown-format', `Not a TCX document: root element is <${name}>`);
  }
  const activities = nodes(asNode(root.Activities)?.Activity);
  if (activities.length === 0 && nodes(asNode(root.Courses)?.Course).length > 0) {
    throw new ActivityFileError(
      'no-points',
      'The TCX file holds only a course (a planned route), no recorded activity',
    );
  }

  const raw: UntimedPoint[] = [];
  const rawStarts: number[] = [];
  const laps: ActivityLap[] = [];
  let statedDistanceM: number | undefined;
  for (const activity of activities) {
    for (const lap of nodes(activity.Lap)) {
      const lapFirst = raw.length;
      for (const track of nodes(lap.Track)) {
        const tps = nodes(track.Trackpoint);
        if (tps.length === 0) continue;
        rawStarts.push(raw.length);
        for (const tp of tps) raw.push(readTrackpoint(tp, raw.length));
      }
      const lapDistance = numberOf(lap.DistanceMeters);
      if (lapDistance !== undefined) statedDistanceM = (statedDistanceM ?? 0) + lapDistance;
      const startMs = timeOf(lap['@_StartTime']);
      if (startMs === undefined) continue;
      const totalS = numberOf(lap.TotalTimeSeconds);
      const lastTimed = raw
        .slice(lapFirst)
        .map((p) => p.timeMs)
        .filter((t): t is number => t !== undefined);
      const endMs = totalS !== undefined ? startMs + totalS * 1000 : (lastTimed[lastTimed.length - 1] ?? startMs);
      laps.push({ startMs, endMs, ...(lapDistance !== undefined ? { distanceM: lapDistance } : {}) });
    }
  }
  const { points, segmentStarts, droppedUntimedPoints } = keepTimedPoints(raw, rawStarts, 'TCX');

  const sport = stringOf(activities[0]?.['@_Sport']);
  const device = readDevice(activities[0]);
  return {
    format: 'tcx',
    points,
    laps,
    ...(device ? { device } : {}),
    ...(sport ? { sport } : {}),
    ...(statedDistanceM !== undefined ? { statedDistanceM } : {}),
    segmentStarts,
    droppedUntimedPoints,
  };
}
