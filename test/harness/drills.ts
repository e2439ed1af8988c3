import { DrillInput } from '../../src/drills/domain/drill-format';
import { HttpClient, HttpResponse } from './http-client';

export { drillInput } from '../../src/drills/domain/test-drills';

export interface UploadOptions {
  mode?: 'replace' | 'merge';
  dryRun?: boolean;
  field?: string;
  filename?: string;
  type?: string;
}

/** Uploads a drill file the way an admin's browser or curl does: multipart/form-data. */
export function uploadDrills(
  http: HttpClient,
  token: string | undefined,
  content: string | DrillInput[] | { drills: DrillInput[] },
  options: UploadOptions = {},
): Promise<HttpResponse> {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  const form = new FormData();
  form.append(
    options.field ?? 'file',
    new Blob([text], { type: options.type ?? 'application/json' }),
    options.filename ?? 'drills.json',
  );
  const query = new URLSearchParams();
  if (options.mode) query.set('mode', options.mode);
  if (options.dryRun !== undefined) query.set('dryRun', String(options.dryRun));
  const qs = query.toString();
  return http.post(`/api/v1/admin/drills/upload${qs ? `?${qs}` : ''}`, undefined, { token, form });
}
