/**
 * Statistics already computed, by player and question, each valid for one revision of the player's
 * finished workouts (FinishedWorkoutsRevisionsRepository). In-process and bounded: the least recently
 * used answers go first. Several instances each keep their own; the revision in the database keeps
 * them all right.
 */
export class RevisionedCache<T> {
  private readonly entries = new Map<string, { revision: number; value: T }>();

  constructor(private readonly capacity: number) {}

  get(key: string, revision: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.revision !== revision) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, revision: number, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { revision, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
