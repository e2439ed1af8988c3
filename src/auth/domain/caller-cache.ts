import { AuthUser } from './auth-user';

interface Entry {
  caller: AuthUser;
  stamp: string;
  /** Epoch ms after which the entry is not used: the session's expiry or the cache's own bound. */
  until: number;
}

/**
 * Callers whose session and account were checked in the database, by session id, each with
 * the account's revocation stamp read *before* that check. An entry answers only while the
 * stamp is unchanged, so anything that renews the stamp (logout, disable, role change) makes
 * every instance check the database again. Bounded in size (least recently used go first)
 * and in age.
 */
export class CallerCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(sessionId: string, userId: string, stamp: string): AuthUser | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.stamp !== stamp || entry.caller.id !== userId || entry.until <= this.now()) {
      this.entries.delete(sessionId);
      return undefined;
    }
    this.entries.delete(sessionId);
    this.entries.set(sessionId, entry);
    return entry.caller;
  }

  set(caller: AuthUser, stamp: string, sessionExpiresAt: Date): void {
    const until = Math.min(sessionExpiresAt.getTime(), this.now() + this.maxAgeMs);
    this.entries.delete(caller.sessionId);
    this.entries.set(caller.sessionId, { caller, stamp, until });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
