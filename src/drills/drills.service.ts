import { Injectable, NotFoundException } from '@nestjs/common';
import { Drill, drillFileJsonSchema } from './domain/drill-format';
import { DrillFilter, filterDrills, Language, localizeDrill, LocalizedDrill } from './domain/drill-query';
import { DrillProvider, DrillSource } from './drill-provider';

export interface DrillPage {
  items: LocalizedDrill[];
  total: number;
  page: number;
  limit: number;
  source: DrillSource;
  version?: number;
  language: Language;
}

/** Reading the library: what coaches and programme generation see. */
@Injectable()
export class DrillsService {
  private schema?: Record<string, unknown>;

  constructor(private readonly provider: DrillProvider) {}

  async list(filter: DrillFilter, page: number, limit: number, language: Language): Promise<DrillPage> {
    const set = await this.provider.current();
    const matches = filterDrills(set.drills, filter);
    const start = (page - 1) * limit;
    return {
      items: matches.slice(start, start + limit).map((d) => localizeDrill(d, language)),
      total: matches.length,
      page,
      limit,
      source: set.source,
      version: set.version,
      language,
    };
  }

  async get(id: string, language: Language): Promise<LocalizedDrill & { source: DrillSource; language: Language }> {
    const set = await this.provider.current();
    const drill: Drill | undefined = set.byId.get(id);
    if (!drill) throw new NotFoundException(`No drill with id "${id}".`);
    return { ...localizeDrill(drill, language), source: set.source, language };
  }

  uploadFormatSchema(): Record<string, unknown> {
    return (this.schema ??= drillFileJsonSchema());
  }
}
