import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuthUser } from '../auth/domain/auth-user';
import { ProblemException } from '../common/errors/problem';
import { Page, skipFor } from '../common/pagination/pagination.dto';
import { Environment } from '../config/environment';
import { CoverageGap, programCoverageGaps } from '../training/domain/program-coverage';
import { Drill, DrillProblem, validateDrillFile } from './domain/drill-format';
import { applyUpload, UploadMode } from './domain/drill-set-change';
import { DrillLibraryRepository, DrillSetVersionRecord } from './drill-library.repository';
import { DrillProvider } from './drill-provider';

export interface UploadReport {
  stored: boolean;
  mode: UploadMode;
  version?: number;
  drillCount: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** The kinds of player the resulting set cannot serve fully, the broadest first. */
  warnings: CoverageGap[];
  /** Warnings beyond the first MAX_UPLOAD_WARNINGS, left out of the list. */
  warningsOmitted: number;
}

/** Enough to show what a set lacks; a set lacking more needs rework, not a longer list. */
export const MAX_UPLOAD_WARNINGS = 100;

/** An upload that failed validation: 400 listing every problem, nothing stored. */
export class DrillFileProblem extends ProblemException {
  constructor(problems: DrillProblem[]) {
    super(
      400,
      `The drill file is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was stored.`,
      {
        slug: 'invalid-drill-file',
        title: 'Invalid Drill File',
        errors: problems,
      },
    );
  }
}

/** Managing the library: uploads become new versions, switched in atomically; rollback; export. */
@Injectable()
export class DrillLibraryService {
  private readonly logger = new Logger(DrillLibraryService.name);
  private readonly keepVersions: number;

  constructor(
    private readonly repository: DrillLibraryRepository,
    private readonly provider: DrillProvider,
    config: ConfigService<Environment, true>,
  ) {
    this.keepVersions = config.get('DRILLS_KEEP_VERSIONS', { infer: true });
  }

  /** Parses, validates and (unless a dry run) stores and activates an uploaded file. */
  async upload(file: Buffer, mode: UploadMode, dryRun: boolean, by: AuthUser): Promise<UploadReport> {
    const result = validateDrillFile(parseJson(file));
    if (!result.ok) throw new DrillFileProblem(result.problems);

    // Merge applies over what is served now, which may be the static library.
    const pointer = mode === 'merge' ? await this.repository.activePointer() : undefined;
    const base =
      mode === 'merge' ? await this.baseSet(pointer?.version) : (await this.provider.current()).catalog.drills;
    const change = applyUpload(base, result.drills, mode);
    // Told before activation, so an admin sees which players the set would leave without a programme.
    const gaps = programCoverageGaps(change.next);
    const counts = {
      added: change.added,
      updated: change.updated,
      unchanged: change.unchanged,
      removed: change.removed,
      warnings: gaps.slice(0, MAX_UPLOAD_WARNINGS),
      warningsOmitted: Math.max(0, gaps.length - MAX_UPLOAD_WARNINGS),
    };
    if (dryRun) return { stored: false, mode, drillCount: change.next.length, ...counts };

    const version = await this.repository.nextVersionNumber();
    try {
      await this.repository.writeSet(version, change.next);
      await this.repository.recordVersion({
        version,
        mode,
        uploadedBy: by.id,
        uploadedByEmail: by.email,
        createdAt: new Date(),
        drillCount: change.next.length,
        added: change.added,
        updated: change.updated,
        removed: change.removed,
      });
    } catch (error) {
      await this.repository.deleteSet(version).catch(() => undefined);
      throw error;
    }
    // A merge is only valid over the set it was computed from.
    const switched = await this.repository.activate(
      version,
      by.id,
      mode === 'merge' ? (pointer?.version ?? null) : undefined,
    );
    if (!switched) {
      throw new ProblemException(409, 'The active drill set changed while this merge was prepared; upload again.');
    }
    this.provider.invalidate();
    this.logger.log({ version, mode, drills: change.next.length, by: by.id }, 'Drill set activated');
    await this.prune(version);
    return { stored: true, mode, version, drillCount: change.next.length, ...counts };
  }

  async versions(
    page: number,
    limit: number,
  ): Promise<Page<DrillSetVersionRecord & { active: boolean }> & { activeVersion: number | null }> {
    const [{ items, total }, pointer] = await Promise.all([
      this.repository.listVersions(skipFor({ page, limit }), limit),
      this.repository.activePointer(),
    ]);
    const activeVersion = pointer?.version ?? null;
    return {
      items: items.map((v) => ({ ...v, active: v.version === activeVersion })),
      total,
      page,
      limit,
      activeVersion,
    };
  }

  /** Rolls back (or forward) to a kept version. */
  async activate(version: number, by: AuthUser): Promise<DrillSetVersionRecord & { active: boolean }> {
    const record = await this.repository.findVersion(version);
    if (!record) throw new NotFoundException(`No stored drill set version ${version}.`);
    await this.repository.activate(version, by.id);
    this.provider.invalidate();
    this.logger.log({ version, by: by.id }, 'Drill set version re-activated');
    return { ...record, active: true };
  }

  /** The served set in the upload format, so it can be edited and uploaded again. */
  async export(): Promise<{ drills: readonly Drill[]; version?: number; source: string }> {
    const set = await this.provider.current();
    return { drills: set.catalog.drills, version: set.version, source: set.source };
  }

  private async baseSet(version: number | undefined): Promise<readonly Drill[]> {
    if (version === undefined) return (await this.provider.current()).catalog.drills;
    return this.repository.loadSet(version);
  }

  private async prune(active: number): Promise<void> {
    try {
      const removed = await this.repository.pruneVersions(this.keepVersions, active);
      if (removed.length) this.logger.log({ removed }, 'Old drill set versions deleted');
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'Could not delete old drill set versions');
    }
  }
}

function parseJson(file: Buffer): unknown {
  try {
    return JSON.parse(file.toString('utf8'));
  } catch (error) {
    throw new ProblemException(400, `The file is not valid JSON: ${(error as Error).message}`, {
      slug: 'invalid-drill-file',
      title: 'Invalid Drill File',
    });
  }
}
