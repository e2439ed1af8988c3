/**
 * Two activities' metrics side by side: every number of the metrics, by dotted path, with the other's value
 * and the difference. Pure; a figure one side lacks (no heart rate, no known maximum speed) compares as null.
 */

import type { ActivityMetrics } from './activity-analysis';

export interface MetricDifference {
  metric: string;
  value: number | null;
  other: number | null;
  /** other − value. */
  difference: number | null;
  /** The difference in % of `value`, to 0.1; null when `value` is 0 or either is missing. */
  differencePct: number | null;
}

/** Every numeric leaf of `value` by dotted path (array items by position: `timeInZonesS.0` is zone 1). */
function numericLeaves(value: unknown, path: string, out: Map<string, number | null>): void {
  if (typeof value === 'number') out.set(path, value);
  else if (value === null) out.set(path, null);
  else if (typeof value === 'object' && value !== undefined) {
    for (const [key, child] of Object.entries(value)) numericLeaves(child, path ? `${path}.${key}` : key, out);
  }
}

export function compareMetrics(metrics: ActivityMetrics, other: ActivityMetrics): MetricDifference[] {
  const a = new Map<string, number | null>();
  const b = new Map<string, number | null>();
  numericLeaves(metrics, '', a);
  numericLeaves(other, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  // A whole object missing on one side (null heart rate) leaves only its null: drop it where the other has the leaves.
  const leaves = paths.filter((p) => !paths.some((q) => q.startsWith(`${p}.`)));
  return leaves.map((metric) => {
    const value = a.get(metric) ?? null;
    const otherValue = b.get(metric) ?? null;
    const difference = value === null || otherValue === null ? null : round(otherValue - value, 3);
    const differencePct =
      difference === null || value === null || value === 0 ? null : round((difference / value) * 100, 1);
    return { metric, value, other: otherValue, difference, differencePct };
  });
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}
