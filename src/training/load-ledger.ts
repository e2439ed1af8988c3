import { Injectable } from '@nestjs/common';
import { ExternalLoadEntry } from './domain/external-load';
import { LoadEntry } from './domain/load-monitoring';

/** Everything one source (training logs, finished workouts, ...) adds to a player's load, on or before `to`. */
export type LoadSource = (playerId: string, to: string) => Promise<LoadEntry[]>;

/** Everything one source of measured activities (GPS/heart-rate files) adds, one entry each, on or before `to`. */
export type ExternalLoadSource = (playerId: string, to: string) => Promise<ExternalLoadEntry[]>;

/** A source's entries for many players in one read (a squad), by player id; a player without any may be absent. */
export type SquadSource<E> = (playerIds: readonly string[], to: string) => Promise<Map<string, E[]>>;

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
  private readonly squadSources: SquadSource<LoadEntry>[] = [];
  private readonly squadExternalSources: SquadSource<ExternalLoadEntry>[] = [];

  /** `forSquad` answers the same entries for many players in one read; without it a squad is read player by player. */
  contribute(source: LoadSource, forSquad?: SquadSource<LoadEntry>): void {
    this.sources.push(source);
    this.squadSources.push(forSquad ?? playerByPlayer(source));
  }

  contributeExternal(source: ExternalLoadSource, forSquad?: SquadSource<ExternalLoadEntry>): void {
    this.externalSources.push(source);
    this.squadExternalSources.push(forSquad ?? playerByPlayer(source));
  }

  async entries(playerId: string, to: string): Promise<LoadEntry[]> {
    const parts = await Promise.all(this.sources.map((source) => source(playerId, to)));
    return parts.flat();
  }

  async externalEntries(playerId: string, to: string): Promise<ExternalLoadEntry[]> {
    const parts = await Promise.all(this.externalSources.map((source) => source(playerId, to)));
    return parts.flat();
  }

  /** `entries` for every one of these players (each present, possibly empty), one read per source. */
  squadEntries(playerIds: readonly string[], to: string): Promise<Map<string, LoadEntry[]>> {
    return gatherSquad(this.squadSources, playerIds, to);
  }

  /** `externalEntries` for every one of these players (each present, possibly empty), one read per source. */
  squadExternalEntries(playerIds: readonly string[], to: string): Promise<Map<string, ExternalLoadEntry[]>> {
    return gatherSquad(this.squadExternalSources, playerIds, to);
  }
}

function playerByPlayer<E>(source: (playerId: string, to: string) => Promise<E[]>): SquadSource<E> {
  return async (playerIds, to) =>
    new Map(await Promise.all(playerIds.map(async (id) => [id, await source(id, to)] as const)));
}

async function gatherSquad<E>(
  sources: readonly SquadSource<E>[],
  playerIds: readonly string[],
  to: string,
): Promise<Map<string, E[]>> {
  const parts = await Promise.all(sources.map((source) => source(playerIds, to)));
  return new Map(playerIds.map((id) => [id, parts.flatMap((part) => part.get(id) ?? [])]));
}
