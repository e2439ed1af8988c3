import { Injectable } from '@nestjs/common';
import { LoadEntry } from './domain/load-monitoring';

/** Everything one source (training logs, finished workouts, ...) adds to a player's load, on or before `to`. */
export type LoadSource = (playerId: string, to: string) => Promise<LoadEntry[]>;

/**
 * The one load ledger behind `GET /players/:id/load`. Each module that records what a player did
 * contributes its entries here; none computes ACWR or monotony on its own, and none depends on
 * another's storage. Every entry is one session, counted once, by the source that owns it.
 */
@Injectable()
export class LoadLedger {
  private readonly sources: LoadSource[] = [];

  contribute(source: LoadSource): void {
    this.sources.push(source);
  }

  async entries(playerId: string, to: string): Promise<LoadEntry[]> {
    const parts = await Promise.all(this.sources.map((source) => source(playerId, to)));
    return parts.flat();
  }
}
