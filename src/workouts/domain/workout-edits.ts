import type { WorkoutEntry, WorkoutSet, WorkoutStatus } from './workout';

/**
 * The edits a gym client makes to a workout, as pure functions from entries to entries. Each returns
 * new arrays (the input is left as it was) with `order` renumbered 1..n, so a stored workout's order
 * is always its array order.
 */

export function renumber(entries: readonly WorkoutEntry[]): WorkoutEntry[] {
  return entries.map((entry, i) => (entry.order === i + 1 ? entry : { ...entry, order: i + 1 }));
}

export function entryIndex(entries: readonly WorkoutEntry[], entryId: string): number {
  return entries.findIndex((e) => e.entryId === entryId);
}

export function setIndex(entry: WorkoutEntry, setId: string): number {
  return entry.sets.findIndex((s) => s.setId === setId);
}

export function appendEntry(entries: readonly WorkoutEntry[], entry: WorkoutEntry): WorkoutEntry[] {
  return renumber([...entries, entry]);
}

export function replaceEntry(entries: readonly WorkoutEntry[], index: number, entry: WorkoutEntry): WorkoutEntry[] {
  return renumber(entries.map((e, i) => (i === index ? entry : e)));
}

export function removeEntry(entries: readonly WorkoutEntry[], index: number): WorkoutEntry[] {
  return renumber(entries.filter((_, i) => i !== index));
}

export function withSets(entry: WorkoutEntry, sets: WorkoutSet[]): WorkoutEntry {
  return { ...entry, sets };
}

export type ReorderProblem =
  { kind: 'unknown'; entryId: string } | { kind: 'repeated'; entryId: string } | { kind: 'missing'; entryId: string };

/** The entries in the order of `entryIds`, which must name each entry exactly once. */
export function reorderEntries(
  entries: readonly WorkoutEntry[],
  entryIds: readonly string[],
): { entries: WorkoutEntry[] } | { problems: ReorderProblem[] } {
  const byId = new Map(entries.map((e) => [e.entryId, e]));
  const seen = new Set<string>();
  const problems: ReorderProblem[] = [];
  for (const id of entryIds) {
    if (!byId.has(id)) problems.push({ kind: 'unknown', entryId: id });
    else if (seen.has(id)) problems.push({ kind: 'repeated', entryId: id });
    seen.add(id);
  }
  for (const id of byId.keys()) if (!seen.has(id)) problems.push({ kind: 'missing', entryId: id });
  if (problems.length > 0) return { problems };
  return { entries: renumber(entryIds.map((id) => byId.get(id)!)) };
}

/** A planned workout is in progress once a set of it is done; nothing else moves the status by itself. */
export function statusAfterEdit(status: WorkoutStatus, entries: readonly WorkoutEntry[]): WorkoutStatus {
  if (status === 'planned' && entries.some((e) => e.sets.some((s) => s.done))) return 'in-progress';
  return status;
}
