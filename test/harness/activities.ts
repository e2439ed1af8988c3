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
