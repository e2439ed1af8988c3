import type { RenderedBody } from '../../common/http/conditional-get';
import { Drill } from './drill-format';
import { DrillFilter, filterDrills } from './drill-query';

/** Bounds of the memo caches: searches hold references, rendered pages hold whole bodies. */
const MAX_CACHED_SEARCHES = 1000;
const MAX_RENDERED_PAGES = 200;

/**
 * A canonical key for a filter: same question, same key, whatever the field order. Values are
 * encoded, so free text holding `&`, `=` or `,` cannot pass for other fields.
 */
export function filterKey(filter: DrillFilter): string {
  const parts: string[] = [];
  for (const key of Object.keys(filter).sort() as (keyof DrillFilter)[]) {
    const value = filter[key];
    if (value === undefined) continue;
    const text = Array.isArray(value)
      ? [...value].sort().map(encodeURIComponent).join(',')
      : encodeURIComponent(String(value));
    parts.push(`${key}=${text}`);
  }
  return parts.join('&');
}

/**
 * An immutable drill set with lookups by id and memoised searches. A set never changes
 * once built (a new version is a new catalogue), so cached answers never go stale; the
 * cache is bounded and forgets the least recently used query first.
 */
export class DrillCatalog {
  readonly byId: ReadonlyMap<string, Drill>;
  private readonly searches = new Map<string, readonly Drill[]>();
  private readonly rendered = new Map<string, RenderedBody>();

  constructor(readonly drills: readonly Drill[]) {
    this.byId = new Map(drills.map((d) => [d.id, d]));
  }

  search(filter: DrillFilter): readonly Drill[] {
    return remember(this.searches, MAX_CACHED_SEARCHES, filterKey(filter), () =>
      Object.freeze(filterDrills(this.drills, filter)),
    );
  }

  /** A rendered response body for `key`, computed once per catalogue. */
  render(key: string, compute: () => RenderedBody): RenderedBody {
    return remember(this.rendered, MAX_RENDERED_PAGES, key, compute);
  }
}

/** A bounded least-recently-used memo over a Map (which keeps insertion order). */
function remember<T>(cache: Map<string, T>, max: number, key: string, compute: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const value = compute();
  cache.set(key, value);
  if (cache.size > max) cache.delete(cache.keys().next().value!);
  return value;
}
