import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { withTimeout } from '../common/async/with-timeout';
import { Environment } from '../config/environment';
import { DrillCatalog } from './domain/drill-catalog';
import { Drill } from './domain/drill-format';
import { DrillLibraryRepository } from './drill-library.repository';
import { staticDrills } from './static';

export type DrillSource = 'database' | 'static';

/** An immutable snapshot of the served library. */
export interface DrillSet {
  source: DrillSource;
  /** The database version served; absent for the static library. */
  version?: number;
  /** The drills with their lookups (`catalog.drills` in library order). */
  catalog: DrillCatalog;
}

const DATABASE_TIMEOUT_MS = 1500;

function snapshot(source: DrillSource, drills: readonly Drill[], version?: number): DrillSet {
  return { source, version, catalog: new DrillCatalog(drills) };
}

/**
 * Where every consumer gets drills. Database first: the active version's set, cached in
 * memory and reloaded only when the active version changes (a one-document check at most
 * every DRILLS_VERSION_CHECK_MS, so several instances follow each other). The static
 * library is served when the flag is off, no version is active, the active set is empty,
 * or the database fails: a caller never fails because the drill store did.
 */
@Injectable()
export class DrillProvider {
  private readonly logger = new Logger(DrillProvider.name);
  private readonly enabled: boolean;
  private readonly checkEveryMs: number;
  private served?: DrillSet;
  private checkedAt = 0;
  private inFlight?: Promise<DrillSet>;

  constructor(
    private readonly repository: DrillLibraryRepository,
    config: ConfigService<Environment, true>,
  ) {
    this.enabled = config.get('DRILLS_DB_ENABLED', { infer: true });
    this.checkEveryMs = config.get('DRILLS_VERSION_CHECK_MS', { infer: true });
  }

  async current(): Promise<DrillSet> {
    if (!this.enabled) return (this.served ??= snapshot('static', staticDrills()));
    if (this.served && Date.now() - this.checkedAt < this.checkEveryMs) return this.served;
    // Concurrent callers share one check.
    this.inFlight ??= this.refresh().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** Forget the cache (after this instance activated a version). */
  invalidate(): void {
    this.checkedAt = 0;
  }

  private async refresh(): Promise<DrillSet> {
    let next: DrillSet;
    try {
      next = await withTimeout(this.loadActive(), DATABASE_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'Drill store unavailable; serving the static library');
      next = this.staticSet();
    }
    this.served = next;
    this.checkedAt = Date.now();
    return next;
  }

  private async loadActive(): Promise<DrillSet> {
    const pointer = await this.repository.activePointer();
    if (!pointer) return this.staticSet();
    if (this.served?.source === 'database' && this.served.version === pointer.version) return this.served;
    const drills = await this.repository.loadSet(pointer.version);
    if (drills.length === 0) {
      this.logger.warn({ version: pointer.version }, 'Active drill set is empty; serving the static library');
      return this.staticSet();
    }
    this.logger.log({ version: pointer.version, drills: drills.length }, 'Drill set loaded');
    return snapshot('database', Object.freeze(drills), pointer.version);
  }

  private staticSet(): DrillSet {
    return this.served?.source === 'static' ? this.served : snapshot('static', staticDrills());
  }
}
