import { createHash } from 'node:crypto';

/** A response body rendered once, with the validator clients send back in If-None-Match. */
export interface RenderedBody {
  body: Buffer;
  etag: string;
}

/**
 * Renders a body and its entity tag. The tag is weak (RFC 9110 §8.8.1): it names the content,
 * and stays valid when the body is sent compressed, so one tag serves every Content-Encoding.
 */
export function renderBody(json: string): RenderedBody {
  const body = Buffer.from(json, 'utf8');
  return { body, etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/** The opaque part of an entity tag, weak or strong, or undefined for one that is malformed. */
function opaqueTag(tag: string): string | undefined {
  const match = /^(?:W\/)?("[\x21\x23-\x7e\x80-\xff]*")$/.exec(tag);
  return match?.[1];
}

/**
 * Whether an If-None-Match header matches a current entity tag, by the weak comparison GET
 * uses (RFC 9110 §13.1.2): `*`, or any listed tag with the same opaque part. A malformed
 * header matches nothing, so the full response is sent.
 */
export function ifNoneMatchHits(header: string | string[] | undefined, current: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return true;
  const wanted = opaqueTag(current);
  if (wanted === undefined) return false;
  return value.split(',').some((tag) => opaqueTag(tag.trim()) === wanted);
}
