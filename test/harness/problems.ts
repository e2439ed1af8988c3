import { HttpResponse } from './http-client';

/** The response is a problem+json error with this status, naming each of `paths` in `errors`. */
export function expectProblem(res: HttpResponse, status: number, ...paths: string[]): void {
  expect({ status: res.status, body: res.body }).toEqual({ status, body: expect.objectContaining({ status }) });
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  for (const path of paths) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
}
