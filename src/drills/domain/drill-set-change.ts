import { isDeepStrictEqual } from 'node:util';
import { Drill } from './drill-format';

export const UPLOAD_MODES = ['replace', 'merge'] as const;
export type UploadMode = (typeof UPLOAD_MODES)[number];

export interface DrillSetChange {
  /** The full set that becomes active. */
  next: Drill[];
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/**
 * The set an upload produces. `replace`: exactly the uploaded drills. `merge`: the current
 * set with uploaded drills upserted by id (order kept, new ones appended).
 */
export function applyUpload(current: readonly Drill[], uploaded: readonly Drill[], mode: UploadMode): DrillSetChange {
  const before = new Map(current.map((d) => [d.id, d]));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const drill of uploaded) {
    const old = before.get(drill.id);
    if (!old) added++;
    else if (isDeepStrictEqual(old, drill)) unchanged++;
    else updated++;
  }
  if (mode === 'replace') {
    const kept = new Set(uploaded.map((d) => d.id));
    const removed = current.filter((d) => !kept.has(d.id)).length;
    return { next: [...uploaded], added, updated, unchanged, removed };
  }
  const byId = new Map(uploaded.map((d) => [d.id, d]));
  const next = current.map((d) => byId.get(d.id) ?? d);
  const currentIds = new Set(current.map((d) => d.id));
  next.push(...uploaded.filter((d) => !currentIds.has(d.id)));
  return { next, added, updated, unchanged, removed: 0 };
}
