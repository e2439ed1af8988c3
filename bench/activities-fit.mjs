/**
 * FIT writer of the activities benchmark, with Garmin's FIT SDK (@garmin/fitsdk, an ES module: this file is
 * an .mjs so that bench/activities.bench.ts, run by ts-node as CommonJS, can load it with a real import()).
 *
 * Writes an activity file as a watch does: file_id, device_info (creator), a timer start event, the record
 * messages, a timer stop and start around each break (the match's half-time), a lap per BenchLap, the
 * session and the activity message. The encoder computes the header and file CRCs.
 *
 * FIT's record timestamp is whole seconds (uint32 since 1989-12-31); a 10 Hz record carries its fraction of a
 * second in `time128` (1/128 s), as the FIT profile defines it and the parser reads it.
 */
import { Encoder, Profile } from '@garmin/fitsdk';

const SEMICIRCLES_PER_DEGREE = 2 ** 31 / 180;
const wholeSecond = (ms) => new Date(Math.floor(ms / 1000) * 1000);

/**
 * @param {{ points: import('./activities-files').BenchPoint[], laps: import('./activities-files').BenchLap[] }} activity
 * @param {{ sport: string, serialNumber: number }} options
 * @returns {Uint8Array}
 */
export function encodeFit(activity, options) {
  const { points, laps } = activity;
  const first = points[0];
  const last = points[points.length - 1];
  const encoder = new Encoder();
  encoder.onMesg(Profile.MesgNum.FILE_ID, {
    type: 'activity',
    manufacturer: 'garmin',
    product: 4315,
    serialNumber: options.serialNumber,
    timeCreated: wholeSecond(first.timeMs),
  });
  encoder.onMesg(Profile.MesgNum.DEVICE_INFO, {
    timestamp: wholeSecond(first.timeMs),
    deviceIndex: 'creator',
    manufacturer: 'garmin',
    product: 4315,
    serialNumber: options.serialNumber,
    softwareVersion: 21.19,
  });
  let timerS = 0;
  for (const lap of laps) {
    encoder.onMesg(Profile.MesgNum.EVENT, {
      timestamp: wholeSecond(lap.startMs),
      event: 'timer',
      eventType: 'start',
    });
    for (const p of lap.points) {
      encoder.onMesg(Profile.MesgNum.RECORD, {
        timestamp: wholeSecond(p.timeMs),
        time128: (p.timeMs % 1000) / 1000,
        positionLat: Math.round(p.lat * SEMICIRCLES_PER_DEGREE),
        positionLong: Math.round(p.lon * SEMICIRCLES_PER_DEGREE),
        enhancedAltitude: p.altitudeM,
        heartRate: p.heartRate,
        distance: p.distanceM,
        enhancedSpeed: p.speedMps,
      });
    }
    encoder.onMesg(Profile.MesgNum.EVENT, {
      timestamp: wholeSecond(lap.endMs),
      event: 'timer',
      eventType: 'stopAll',
    });
    const lapS = (lap.endMs - lap.startMs) / 1000;
    timerS += lapS;
    const hrs = lap.points.map((p) => p.heartRate);
    encoder.onMesg(Profile.MesgNum.LAP, {
      timestamp: wholeSecond(lap.endMs),
      startTime: wholeSecond(lap.startMs),
      totalElapsedTime: lapS,
      totalTimerTime: lapS,
      totalDistance: lap.distanceM,
      avgHeartRate: Math.round(hrs.reduce((a, b) => a + b, 0) / hrs.length),
      maxHeartRate: hrs.reduce((a, b) => Math.max(a, b), 0),
      event: 'lap',
      eventType: 'stop',
      sport: options.sport,
    });
  }
  encoder.onMesg(Profile.MesgNum.SESSION, {
    timestamp: wholeSecond(last.timeMs),
    startTime: wholeSecond(first.timeMs),
    totalElapsedTime: (last.timeMs - first.timeMs) / 1000,
    totalTimerTime: timerS,
    totalDistance: laps.reduce((t, l) => t + l.distanceM, 0),
    firstLapIndex: 0,
    numLaps: laps.length,
    sport: options.sport,
    event: 'session',
    eventType: 'stop',
  });
  encoder.onMesg(Profile.MesgNum.ACTIVITY, {
    timestamp: wholeSecond(last.timeMs),
    totalTimerTime: timerS,
    numSessions: 1,
    type: 'manual',
    event: 'activity',
    eventType: 'stop',
  });
  return encoder.close();
}
