/**
 * The activities benchmark's files, generated deterministically (seeded; the same seed and start time give
 * the same bytes): a 90-minute football match recorded at 10 Hz (two halves of 45 min, 27,000 points each,
 * with a 15-minute half-time that is not recorded) and a 2-hour run recorded at 1 Hz (7,200 points).
 *
 * The match: a player on a 105 x 68 m pitch moving through phases of standing, walking, jogging, running,
 * high-speed running and sprinting (durations and target speeds drawn per phase; about 10-11 km in total),
 * reaching each target speed with a bounded acceleration (hard starts up to about 4 m/s², so the
 * acceleration and deceleration efforts of 3 m/s² occur), turning more at low speed and steering back from
 * the touchlines. Heart rate follows the effort with a lag (first-order response, faster up than down) and
 * drifts up through each half. Positions carry a small correlated GPS error (an AR(1) offset of about 0.2 m),
 * not white noise, which at 10 Hz would add metres per second of speed a receiver's filter does not show.
 *
 * The run: a loop at 2.8-3.6 m/s with easy stretches and pick-ups, rolling hills, heart rate drifting from
 * about 145 to 165 bpm, and device cumulative distance and speed (as a watch writes them).
 *
 * Writers: GPX 1.1 with the Garmin TrackPointExtension v1 heart rate (one trkseg per half), TCX with a lap
 * per kilometre as a Garmin watch's auto-lap writes it (each lap its own Track). The FIT writer is
 * bench/activities-fit.mjs (the FIT SDK is an ES module).
 */

/** One recorded sample, with every channel the writers need. */
export interface BenchPoint {
  timeMs: number;
  lat: number;
  lon: number;
  altitudeM: number;
  heartRate: number;
  /** The device's own speed (m/s), before GPS error. */
  speedMps: number;
  /** The device's cumulative distance (m), before GPS error. */
  distanceM: number;
}

export interface BenchLap {
  startMs: number;
  endMs: number;
  distanceM: number;
  points: BenchPoint[];
}

export interface BenchActivity {
  /** What it is, for the report. */
  name: string;
  points: BenchPoint[];
  /** Match: the two halves; run: one lap per kilometre (the last one shorter). */
  laps: BenchLap[];
}

/** Mulberry32: a small seeded generator, so every run builds the same files. */
export function seeded(seed: number): {
  next: () => number;
  gauss: () => number;
  between: (a: number, b: number) => number;
} {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  // Box-Muller; one value per call is enough here.
  const gauss = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, gauss, between: (a, b) => a + (b - a) * next() };
}

const M_PER_DEG_LAT = 111_320;
/** Centre of the pitch (a club ground in north-west England). */
const PITCH = { lat: 53.4631, lon: -2.2913, lengthM: 105, widthM: 68, altitudeM: 38 };

interface Phase {
  name: string;
  /** Target speed range (m/s) and phase length range (s). */
  speed: [number, number];
  seconds: [number, number];
  /** Relative chance of being picked next. */
  weight: number;
  /** Acceleration used to reach the target (m/s²). */
  accel: number;
}

/** Time shares come out at roughly 20 % standing, 40 % walking, 27 % jogging, 9 % running, 3 % HSR, 1 % sprint. */
const PHASES: Phase[] = [
  { name: 'standing', speed: [0, 0.3], seconds: [3, 12], weight: 20, accel: 2.5 },
  { name: 'walking', speed: [1.0, 1.9], seconds: [6, 30], weight: 28, accel: 1.5 },
  { name: 'jogging', speed: [2.2, 3.8], seconds: [6, 22], weight: 26, accel: 2.0 },
  { name: 'running', speed: [4.1, 5.4], seconds: [3, 10], weight: 13, accel: 2.8 },
  { name: 'high-speed running', speed: [5.6, 6.9], seconds: [2.5, 5], weight: 8, accel: 3.6 },
  { name: 'sprinting', speed: [7.2, 8.9], seconds: [3, 6], weight: 4, accel: 4.2 },
];
const PHASE_WEIGHT = PHASES.reduce((t, p) => t + p.weight, 0);

function pickPhase(r: () => number): Phase {
  let x = r() * PHASE_WEIGHT;
  for (const p of PHASES) if ((x -= p.weight) < 0) return p;
  return PHASES[0];
}

/** The match: 2 x 45 min at 10 Hz from `startMs`, half-time 15 min. */
export function footballMatch(seed: number, startMs: number): BenchActivity {
  const rnd = seeded(seed);
  const hz = 10;
  const dt = 1 / hz;
  const halfS = 45 * 60;
  const mPerDegLon = M_PER_DEG_LAT * Math.cos((PITCH.lat * Math.PI) / 180);
  let x = -20;
  let y = 5;
  let heading = 0;
  let v = 0;
  let hr = 95;
  let distanceM = 0;
  const noise = { x: 0, y: 0, z: 0 };
  const points: BenchPoint[] = [];
  const laps: BenchLap[] = [];
  for (let half = 0; half < 2; half++) {
    const halfStart = startMs + half * (halfS + 15 * 60) * 1000;
    const first = points.length;
    let phase = PHASES[0];
    let phaseLeft = 0;
    let target = 0;
    let turn = 0;
    for (let k = 0; k < halfS * hz; k++) {
      if (phaseLeft <= 0) {
        phase = pickPhase(rnd.next);
        phaseLeft = rnd.between(phase.seconds[0], phase.seconds[1]);
        target = rnd.between(phase.speed[0], phase.speed[1]);
        // A new phase often comes with a change of direction (sharper when slow).
        turn = rnd.gauss() * (v < 2 ? 1.2 : 0.4);
      }
      phaseLeft -= dt;
      // Speed towards the target; braking from speed is harder than speeding up (up to about 4.5 m/s²).
      const limit = target > v ? phase.accel : Math.max(phase.accel, 0.55 * v) * 1.1;
      v += Math.max(-limit * dt, Math.min(limit * dt, target - v));
      v = Math.max(0, v);
      // Heading: the phase's turn spread over its first second, a wobble, and back towards the pitch.
      heading += turn * dt + rnd.gauss() * 0.02;
      turn *= 0.9;
      const margin = 4;
      if (Math.abs(x) > PITCH.lengthM / 2 - margin || Math.abs(y) > PITCH.widthM / 2 - margin) {
        const back = Math.atan2(-y, -x);
        const diff = Math.atan2(Math.sin(back - heading), Math.cos(back - heading));
        heading += Math.sign(diff) * Math.min(Math.abs(diff), 2.5 * dt);
      }
      x += v * Math.cos(heading) * dt;
      y += v * Math.sin(heading) * dt;
      distanceM += v * dt;
      // Heart rate: effort (from speed) plus the drift of the half, reached with a lag.
      const minuteOfHalf = k / hz / 60;
      const effort = 112 + 80 * Math.min(1, v / 7.5) ** 0.7 + 6 * (minuteOfHalf / 45) + 4 * half;
      const tau = effort > hr ? 18 : 35;
      hr += ((effort - hr) * dt) / tau;
      // GPS error: AR(1) offsets, stationary sd about 0.2 m horizontally.
      noise.x = 0.995 * noise.x + rnd.gauss() * 0.02;
      noise.y = 0.995 * noise.y + rnd.gauss() * 0.02;
      noise.z = 0.998 * noise.z + rnd.gauss() * 0.01;
      points.push({
        timeMs: halfStart + Math.round(k * 1000 * dt),
        lat: PITCH.lat + (y + noise.y) / M_PER_DEG_LAT,
        lon: PITCH.lon + (x + noise.x) / mPerDegLon,
        altitudeM: PITCH.altitudeM + noise.z,
        heartRate: Math.round(hr + rnd.gauss() * 0.6),
        speedMps: v,
        distanceM,
      });
    }
    const halfPoints = points.slice(first);
    laps.push({
      startMs: halfStart,
      endMs: halfPoints[halfPoints.length - 1].timeMs,
      distanceM: distanceM - (first > 0 ? points[first - 1].distanceM : 0),
      points: halfPoints,
    });
  }
  return { name: '90-min match, 10 Hz', points, laps };
}

/** The run: 2 h at 1 Hz from `startMs`, a lap every kilometre. */
export function longRun(seed: number, startMs: number): BenchActivity {
  const rnd = seeded(seed);
  const start = { lat: 53.4808, lon: -2.2426 };
  const mPerDegLon = M_PER_DEG_LAT * Math.cos((start.lat * Math.PI) / 180);
  let x = 0;
  let y = 0;
  let heading = 0.3;
  let v = 2.4;
  let hr = 110;
  let distanceM = 0;
  let target = 3.2;
  let stretchLeft = 0;
  const noise = { x: 0, y: 0 };
  const points: BenchPoint[] = [];
  for (let k = 0; k < 2 * 3600; k++) {
    if (stretchLeft <= 0) {
      // Mostly steady running, sometimes an easy stretch or a pick-up.
      const r = rnd.next();
      target = r < 0.15 ? rnd.between(2.6, 2.9) : r < 0.85 ? rnd.between(3.0, 3.35) : rnd.between(3.5, 3.9);
      stretchLeft = rnd.between(60, 420);
    }
    stretchLeft--;
    v += Math.max(-0.3, Math.min(0.3, target - v)) + rnd.gauss() * 0.05;
    // A big loop of the city: slow, smooth heading changes.
    heading += 0.0009 + rnd.gauss() * 0.01;
    x += v * Math.cos(heading);
    y += v * Math.sin(heading);
    distanceM += v;
    const altitudeM = 45 + 12 * Math.sin(distanceM / 1900) + 4 * Math.sin(distanceM / 430);
    const effort = 118 + 12 * v + (k / 7200) * 14;
    hr += (effort - hr) / 25;
    noise.x = 0.9 * noise.x + rnd.gauss() * 0.6;
    noise.y = 0.9 * noise.y + rnd.gauss() * 0.6;
    points.push({
      timeMs: startMs + k * 1000,
      lat: start.lat + (y + noise.y) / M_PER_DEG_LAT,
      lon: start.lon + (x + noise.x) / mPerDegLon,
      altitudeM,
      heartRate: Math.round(hr + rnd.gauss()),
      speedMps: Math.max(0, v),
      distanceM,
    });
  }
  const laps: BenchLap[] = [];
  let from = 0;
  for (let i = 1; i <= points.length; i++) {
    const lapStartM = from > 0 ? points[from - 1].distanceM : 0;
    if (i === points.length || points[i].distanceM - lapStartM >= 1000) {
      const lapPoints = points.slice(from, i);
      laps.push({
        startMs: lapPoints[0].timeMs,
        endMs: lapPoints[lapPoints.length - 1].timeMs,
        distanceM: lapPoints[lapPoints.length - 1].distanceM - lapStartM,
        points: lapPoints,
      });
      from = i;
    }
  }
  return { name: '2-h run, 1 Hz', points, laps };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** GPX 1.1, one trkseg per lap (the match's halves), heart rate in gpxtpx:TrackPointExtension. */
export function toGpx(activity: BenchActivity): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="Garmin Forerunner 965" xmlns="http://www.topografix.com/GPX/1/1"' +
      ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">',
    `  <metadata><time>${iso(activity.points[0].timeMs)}</time></metadata>`,
    '  <trk>',
    `    <name>${activity.name}</name>`,
    '    <type>soccer</type>',
  ];
  for (const lap of activity.laps) {
    out.push('    <trkseg>');
    for (const p of lap.points) {
      out.push(
        `      <trkpt lat="${p.lat.toFixed(7)}" lon="${p.lon.toFixed(7)}"><ele>${p.altitudeM.toFixed(1)}</ele>` +
          `<time>${iso(p.timeMs)}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${p.heartRate}` +
          '</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>',
      );
    }
    out.push('    </trkseg>');
  }
  out.push('  </trk>', '</gpx>', '');
  return out.join('\n');
}

/** TCX (Training Center Database v2), one Lap with its own Track per lap, as a Garmin watch exports it. */
export function toTcx(activity: BenchActivity): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"' +
      ' xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">',
    '  <Activities>',
    '    <Activity Sport="Running">',
    `      <Id>${iso(activity.points[0].timeMs)}</Id>`,
  ];
  for (const lap of activity.laps) {
    const hrs = lap.points.map((p) => p.heartRate);
    out.push(
      `      <Lap StartTime="${iso(lap.startMs)}">`,
      `        <TotalTimeSeconds>${((lap.endMs - lap.startMs) / 1000 + 1).toFixed(1)}</TotalTimeSeconds>`,
      `        <DistanceMeters>${lap.distanceM.toFixed(2)}</DistanceMeters>`,
      `        <AverageHeartRateBpm><Value>${Math.round(hrs.reduce((a, b) => a + b, 0) / hrs.length)}</Value></AverageHeartRateBpm>`,
      `        <MaximumHeartRateBpm><Value>${hrs.reduce((a, b) => Math.max(a, b), 0)}</Value></MaximumHeartRateBpm>`,
      '        <Intensity>Active</Intensity>',
      '        <TriggerMethod>Distance</TriggerMethod>',
      '        <Track>',
    );
    for (const p of lap.points) {
      out.push(
        `          <Trackpoint><Time>${iso(p.timeMs)}</Time><Position><LatitudeDegrees>${p.lat.toFixed(7)}` +
          `</LatitudeDegrees><LongitudeDegrees>${p.lon.toFixed(7)}</LongitudeDegrees></Position>` +
          `<AltitudeMeters>${p.altitudeM.toFixed(1)}</AltitudeMeters><DistanceMeters>${p.distanceM.toFixed(2)}` +
          `</DistanceMeters><HeartRateBpm><Value>${p.heartRate}</Value></HeartRateBpm><Extensions>` +
          `<ns3:TPX><ns3:Speed>${p.speedMps.toFixed(3)}</ns3:Speed></ns3:TPX></Extensions></Trackpoint>`,
      );
    }
    out.push('        </Track>', '      </Lap>');
  }
  out.push(
    '      <Creator xsi:type="Device_t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '        <Name>Forerunner 965</Name><UnitId>3412345678</UnitId><ProductID>4315</ProductID>',
    '      </Creator>',
    '    </Activity>',
    '  </Activities>',
    '</TrainingCenterDatabase>',
    '',
  );
  return out.join('\n');
}
