import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpClient, HttpResponse } from './http-client';

export const SAMPLES_DIR = join(__dirname, '../fixtures/activity-samples');

export const sampleFile = (name: string): Buffer => readFileSync(join(SAMPLES_DIR, name));

export interface ActivityUpload {
  filename?: string;
  type?: string;
  /** Text fields beside the file: kind, title, trainingLogId, programId, sessionId. */
  fields?: Record<string, string>;
}

/** Uploads an activity file the way a browser or curl does: multipart/form-data, field `file`. */
export function uploadActivity(
  http: HttpClient,
  token: string | undefined,
  playerId: string,
  bytes: Buffer | string,
  options: ActivityUpload = {},
): Promise<HttpResponse> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  form.append(
    'file',
    new Blob([bytes], { type: options.type ?? 'application/octet-stream' }),
    options.filename ?? 'activity',
  );
  return http.post(`/api/v1/players/${playerId}/activities`, undefined, { token, form });
}

/** Imports a ZIP of activity files. */
export function importActivityZip(http: HttpClient, token: string | undefined, playerId: string, zip: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([zip], { type: 'application/zip' }), 'export.zip');
  return http.post(`/api/v1/players/${playerId}/activities/import`, undefined, { token, form });
}

/** Metres per degree of latitude on the mean Earth sphere (haversine radius 6,371,000 m). */
const METRES_PER_DEGREE = (Math.PI / 180) * 6_371_000;

/**
 * A GPX of a run due north along a meridian at a constant speed, one point every second: every figure
 * has a known answer (distance = speed × seconds, all of it in the speed's zone).
 */
export function meridianRunGpx(options: {
  start: Date;
  speedMps: number;
  seconds: number;
  heartRate?: number;
}): string {
  const points: string[] = [];
  for (let s = 0; s <= options.seconds; s++) {
    const lat = 10 + (options.speedMps * s) / METRES_PER_DEGREE;
    const time = new Date(options.start.getTime() + s * 1000).toISOString();
    const hr =
      options.heartRate === undefined
        ? ''
        : `<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${options.heartRate}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>`;
    points.push(`<trkpt lat="${lat.toFixed(8)}" lon="20"><time>${time}</time>${hr}</trkpt>`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<gpx version="1.1" creator="meridian-run" xmlns="http://www.topografix.com/GPX/1/1" ' +
    'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">' +
    `<trk><trkseg>${points.join('')}</trkseg></trk></gpx>`
  );
}
