import { Injectable } from '@nestjs/common';
import { ExternalLoadEntry } from './domain/external-load';
import { LoadEntry } from './domain/load-monitoring';

/** Everything one source (training logs, finished workouts, ...) adds to a player's load, on or before `to`. */
export type LoadSource = (playerId: string, to: string) => Promise<LoadEntry[]>;

/** Everything one source of measured activities (GPS/heart-rate files) adds, one entry each, on or before `to`. */
export type ExternalLoadSource = (playerId: string, to: string) => Promise<ExternalLoadEntry[]>;

/**
 * The one load ledger behind `GET /players/:id/load`. Each module that records what a player did
 * contributes its entries here; none computes ACWR or monotony on its own, and none depends on
 * another's storage. Two kinds of entries, kept apart: internal load (one entry per session, with its
 * session RPE, counted once by the source that owns it) and external load (one entry per activity
 * file). An activity recorded during a logged session adds external load only, never a second
 * session RPE.
 */
@Injectable()
export class LoadLedger {
  private readonly sources: LoadSource[] = [];
  private readonly externalSources: ExternalLoadSource[] = [];

  contribute(source: LoadSource): void {
    this.sources.push(source);
  }

  contributeExternal(source: ExternalLoadSource): void {
    this.externalSources.push(source);
  }

  async entries(playerId: string, to: string): Promise<LoadEntry[]> {
    const parts = await Promise.all(this.sources.map((source) => source(playerId, to)));
    return parts.flat();
  }

  async externalEntries(playerId: string, to: string): Promise<ExternalLoadEntry[]> {
    const parts = await Promise.all(this.externalSources.map((source) => source(playerId, to)));
    return parts.flat();
  }
}
