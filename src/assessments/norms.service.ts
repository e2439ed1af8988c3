import { Injectable, NotFoundException } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { RuleProblem } from '../common/errors/problem';
import { Page } from '../common/pagination/pagination.dto';
import { PhysicalTest } from './domain/assessment-metrics';
import { normTableFromFile } from './domain/norm-file';
import { NormReferenceInfo, NormTable } from './domain/norm-tables';
import {
  CoverageSpan,
  describeSpan,
  NormUpload,
  normUploadProblems,
  spansOverlap,
  tableCoverage,
} from './domain/norm-upload';
import { SHIPPED_NORM_TABLES } from './domain/norms';
import { NormTableRecord, NormTablesRepository } from './norm-tables.repository';

/** A reference in use: what it is (as every percentile names it), where it ranks, and what it covers. */
export interface NormReferenceListItem extends NormReferenceInfo {
  precedence: number;
  test: PhysicalTest;
  method: NormTable['method'];
  coverage: CoverageSpan[];
  name?: string;
  version?: number;
  uploadedAt?: Date;
}

export interface NormVersion {
  id: string;
  name: string;
  version: number;
  test: string;
  format: string;
  citation: string;
  rows: number;
  status: 'active' | 'superseded' | 'withdrawn';
  uploadedBy: string;
  uploadedAt: Date;
  withdrawnAt: Date | null;
  coverage: CoverageSpan[];
}

const DEFAULT_AGE_DEFINITION = {
  LMS: 'Exact decimal age at the test; L, M and S interpolated linearly between the uploaded ages, never extrapolated.',
  other: 'Age at last birthday in whole years, matched to the uploaded age groups.',
};

/** The id a percentile names for an uploaded version. */
const uploadedId = (r: { name: string; version: number }) => `uploaded-${r.name}-v${r.version}`;

function tableOf(record: NormTableRecord): NormTable {
  const upload = record.upload;
  return normTableFromFile(upload, {
    id: uploadedId(record),
    test: upload.test,
    origin: 'uploaded',
    ageDefinition:
      (upload as { ageDefinition?: string }).ageDefinition ??
      (upload.format === 'LMS' ? DEFAULT_AGE_DEFINITION.LMS : DEFAULT_AGE_DEFINITION.other),
    caveat: upload.notes && upload.notes.length > 0 ? upload.notes.join(' ') : null,
  });
}

/** The latest version of each name, unless withdrawn: what is in use. */
function activeRecords(all: readonly NormTableRecord[]): NormTableRecord[] {
  const latest = new Map<string, NormTableRecord>();
  for (const r of all) {
    const seen = latest.get(r.name);
    if (!seen || r.version > seen.version) latest.set(r.name, r);
  }
  return all.filter((r) => latest.get(r.name) === r && r.withdrawnAt === null);
}

function versionOf(r: NormTableRecord, all: readonly NormTableRecord[]): NormVersion {
  const active = activeRecords(all).includes(r);
  return {
    id: uploadedId(r),
    name: r.name,
    version: r.version,
    test: r.test,
    format: r.upload.format,
    citation: r.upload.source.citation,
    rows: r.upload.rows.length,
    status: active ? 'active' : r.withdrawnAt ? 'withdrawn' : 'superseded',
    uploadedBy: r.uploadedBy,
    uploadedAt: r.uploadedAt,
    withdrawnAt: r.withdrawnAt,
    coverage: tableCoverage(tableOf(r)),
  };
}

/** Norm references: the shipped ones and those admins upload, which take precedence where both cover a player. */
@Injectable()
export class NormsService {
  constructor(private readonly repository: NormTablesRepository) {}

  /** Every table in use, in order of precedence: uploaded (newest upload first), then shipped. */
  async tables(): Promise<NormTable[]> {
    const uploaded = (await this.repository.active()).map(tableOf);
    return [...uploaded, ...SHIPPED_NORM_TABLES];
  }

  async list(page: number, limit: number): Promise<Page<NormReferenceListItem>> {
    const records = await this.repository.active();
    const uploaded = records.map((r) => ({ table: tableOf(r), record: r as NormTableRecord | undefined }));
    const all = [...uploaded, ...SHIPPED_NORM_TABLES.map((table) => ({ table, record: undefined }))];
    const items = all.map(({ table, record }, i): NormReferenceListItem => ({
      precedence: i + 1,
      id: table.id,
      test: table.test,
      method: table.method,
      citation: table.citation,
      doi: table.doi,
      population: table.population,
      ageDefinition: table.ageDefinition,
      origin: table.origin,
      caveat: table.caveat,
      coverage: tableCoverage(table),
      ...(record ? { name: record.name, version: record.version, uploadedAt: record.uploadedAt } : {}),
    }));
    return { items: items.slice((page - 1) * limit, page * limit), total: items.length, page, limit };
  }

  async versions(page: number, limit: number): Promise<Page<NormVersion>> {
    const all = await this.repository.all();
    const items = all.map((r) => versionOf(r, all));
    return { items: items.slice((page - 1) * limit, page * limit), total: items.length, page, limit };
  }

  /**
   * Validates an upload (every rule problem listed, 422) and stores it as the next version of its name, which then
   * replaces the previous version. It may not cover a sex and age that another uploaded reference for the same test
   * already covers.
   */
  async upload(upload: NormUpload & { name?: string }, caller: AuthUser): Promise<NormVersion> {
    const { name: given, ...file } = upload;
    // The default name is a slug too, so that it can be withdrawn by name: `standinglongjumpcm`.
    const name = given ?? file.test.toLowerCase();
    const problems = normUploadProblems(file);
    if (problems.length > 0) throw new RuleProblem(problems, `The norm table breaks ${problems.length} rule(s).`);
    const coverage = tableCoverage(tableOf({ name, version: 0, upload: file } as NormTableRecord));
    const others = (await this.repository.active()).filter((r) => r.test === file.test && r.name !== name);
    const clashes = others.flatMap((other) =>
      tableCoverage(tableOf(other)).flatMap((theirs) =>
        coverage
          .filter((ours) => spansOverlap(ours, theirs))
          .map((ours) => ({
            path: 'rows',
            message: `${describeSpan(ours)} overlaps the uploaded reference '${other.name}' (version ${other.version}, ${describeSpan(theirs)}) for ${file.test}; withdraw it or upload under its name`,
          })),
      ),
    );
    if (clashes.length > 0) throw new RuleProblem(clashes, 'The norm table overlaps another uploaded reference.');
    const stored = await this.repository.insertNextVersion(name, file, caller.id);
    return versionOf(stored, [stored]);
  }

  /**
   * Withdraws the version of `name` in use. Earlier versions stay superseded (upload again to restore one), so
   * the other references, shipped or uploaded, apply where it covered players.
   */
  async withdraw(name: string, caller: AuthUser): Promise<NormVersion> {
    const withdrawn = await this.repository.withdrawLatest(name, caller.id);
    if (!withdrawn) throw new NotFoundException(`No norm table named ${name} is in use.`);
    return versionOf(withdrawn, [withdrawn]);
  }
}
