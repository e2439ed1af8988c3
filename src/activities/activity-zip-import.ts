import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuthUser } from '../auth/domain/auth-user';
import { ValidationProblem } from '../common/errors/problem';
import type { Environment } from '../config/environment';
import { ActivityFileProblem, DuplicateActivityProblem } from './activity-problems';
import { ActivitiesService } from './activities.service';
import { ActivityImportService } from './activity-import.service';
import type { ZipImportReportDto, ZipImportFileDto } from './dto/activity.dto';
import { ZipArchiveError, type ZipEntryRead, zipEntries } from './zip-archive';

/** Files in one ZIP import: a season of a player's sessions, with room to spare. */
export const ZIP_MAX_ENTRIES = 1000;

/**
 * A ZIP of activity files (a watch or Strava bulk export) imported file by file through the one import
 * path; each file's outcome is reported on its own. Files are imported one after another: a bulk
 * export is a background chore, and one at a time keeps memory at one file's worth.
 */
@Injectable()
export class ActivityZipImport {
  private readonly maxInflatedBytes: number;

  constructor(
    private readonly activities: ActivitiesService,
    private readonly importer: ActivityImportService,
    config: ConfigService<Environment, true>,
  ) {
    this.maxInflatedBytes = config.get('ACTIVITY_INFLATED_MAX_BYTES', { infer: true });
  }

  async importZip(caller: AuthUser, playerId: string, zip: Buffer): Promise<ZipImportReportDto> {
    await this.activities.checkImport(caller, playerId);
    const limits = {
      maxEntries: ZIP_MAX_ENTRIES,
      maxEntryBytes: this.maxInflatedBytes,
      maxTotalBytes: this.maxInflatedBytes,
    };
    const files: ZipImportFileDto[] = [];
    try {
      for await (const entry of zipEntries(zip, limits)) files.push(await this.importEntry(caller, playerId, entry));
    } catch (error) {
      // Raised before the first file: the archive as a whole cannot be read.
      if (error instanceof ZipArchiveError) {
        throw new ValidationProblem([{ path: 'file', message: error.message }], 'The ZIP cannot be read.');
      }
      throw error;
    }
    const count = (status: ZipImportFileDto['status']) => files.filter((f) => f.status === status).length;
    return { imported: count('imported'), duplicates: count('duplicate'), refused: count('refused'), files };
  }

  private async importEntry(caller: AuthUser, playerId: string, entry: ZipEntryRead): Promise<ZipImportFileDto> {
    if (!entry.bytes)
      return { name: entry.name, status: 'refused', reason: entry.refused?.message, code: entry.refused?.code };
    try {
      const activity = await this.importer.importFile({
        playerId,
        bytes: entry.bytes,
        filename: entry.name.split('/').pop(),
        source: { type: 'zip', entry: entry.name },
        importedBy: caller.id,
      });
      return { name: entry.name, status: 'imported', activityId: activity.id };
    } catch (error) {
      if (error instanceof DuplicateActivityProblem) {
        return { name: entry.name, status: 'duplicate', activityId: error.activityId, reason: error.message };
      }
      if (error instanceof ActivityFileProblem) {
        return { name: entry.name, status: 'refused', reason: error.message, code: error.code };
      }
      throw error;
    }
  }
}
