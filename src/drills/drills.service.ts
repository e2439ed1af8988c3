import { Injectable, NotFoundException } from '@nestjs/common';
import { RenderedBody, renderBody } from '../common/http/conditional-get';
import { skipFor } from '../common/pagination/pagination.dto';
import { Drill, drillFileJsonSchema } from './domain/drill-format';
import { Language } from '../common/domain/language';
import { DrillFilter, localizeDrill, LocalizedDrill } from './domain/drill-query';
import { DrillProvider, DrillSet, DrillSource } from './drill-provider';
import { filterKey } from './domain/drill-catalog';

/** A validated list query: what to find, and which page of it. */
export type DrillListQuery = Readonly<DrillFilter & { page: number; limit: number }>;

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
  private schema?: RenderedBody;
  /** Keys of queries seen (ValidatedQuery hands a repeated query string the same frozen DTO). */
  private readonly queryKeys = new WeakMap<DrillListQuery, string>();

  constructor(private readonly provider: DrillProvider) {}

  /**
   * The list page as a JSON body with its entity tag. The served set is immutable, so each
   * distinct question is answered, serialised and tagged once per set; a new version starts
   * with an empty cache (and so new tags).
   */
  async listBody(query: DrillListQuery, language: Language): Promise<RenderedBody> {
    const set = await this.provider.current();
    let key = this.queryKeys.get(query);
    if (key === undefined) {
      const { page, limit, ...filter } = query;
      key = `${page}|${limit}|${filterKey(filter)}`;
      this.queryKeys.set(query, key);
    }
    return set.catalog.render(`${language}|${key}`, () => {
      const { page, limit, ...filter } = query;
      return renderBody(JSON.stringify(this.page(set, filter, page, limit, language)));
    });
  }

  private page(set: DrillSet, filter: DrillFilter, page: number, limit: number, language: Language): DrillPage {
    const matches = set.catalog.search(filter);
    const start = skipFor({ page, limit });
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

  /** One drill as a JSON body with its entity tag, rendered once per set. */
  async drillBody(id: string, language: Language): Promise<RenderedBody> {
    const set = await this.provider.current();
    const drill: Drill | undefined = set.catalog.byId.get(id);
    if (!drill) throw new NotFoundException(`No drill with id "${id}".`);
    return set.catalog.render(`drill|${language}|${id}`, () => {
      const response: LocalizedDrill & { source: DrillSource; language: Language } = {
        ...localizeDrill(drill, language),
        source: set.source,
        language,
      };
      return renderBody(JSON.stringify(response));
    });
  }

  uploadFormatSchema(): RenderedBody {
    return (this.schema ??= renderBody(JSON.stringify(drillFileJsonSchema())));
  }
}
