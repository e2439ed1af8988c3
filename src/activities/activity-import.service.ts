import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash } from 'node:crypto';
import { AssessmentsService } from '../assessments/assessments.service';
import { isDuplicateKey } from '../common/errors/to-problem';
import { toCalendarDate } from '../common/validation/calendar-date';
import type { Environment } from '../config/environment';
import { PlayerAccessService } from '../players/player-access.service';
import { ageInYears, type PlayerRecord } from '../players/player.record';
import { analyzeActivityFile } from './domain/activity-analysis';
import { type ActivityKind, ACTIVITY_TITLE_MAX, kindOfSport } from './domain/activity';
import { fastestSprintSegmentMps, ownMaxSpeedMps } from './domain/max-speed';
import { asActivityFileProblem, DuplicateActivityProblem } from './activity-problems';
import type { ActivityAttachment, ActivityRecord, ActivitySource, AnalysedAthlete } from './activity.record';
import { ActivitiesRepository } from './activities.repository';
import { ActivityFilesStore } from './activity-files.store';
import { parseActivityFile } from './parsing/parse-activity-file';
import type { ActivityDevice } from './parsing/parsed-activity';
import { encodeTrack } from './track-codec';

export type { ActivitySource } from './activity.record';

export interface ActivityImportRequest {
  playerId: string;
  /** The file as received (gzip or not). */
  bytes: Buffer;
  filename?: string;
  kind?: ActivityKind;
  title?: string;
  /** Checked by the caller (ActivitiesService.checkAttachment). */
  attachment?: ActivityAttachment;
  source: ActivitySource;
  /** The user who sent it; null for device sync. */
  importedBy: string | null;
}

/**
 * Parses, analyses and stores one activity file: the one path of uploads, ZIP imports and device sync.
 * Throws ActivityFileProblem (400, nothing stored) for a refused file and DuplicateActivityProblem (409)
 * for one the player already has.
 */
@Injectable()
export class ActivityImportService {
  private readonly maxInflatedBytes: number;

  constructor(
    private readonly activities: ActivitiesRepository,
    private readonly files: ActivityFilesStore,
    private readonly access: PlayerAccessService,
    private readonly assessments: AssessmentsService,
    config: ConfigService<Environment, true>,
  ) {
    this.maxInflatedBytes = config.get('ACTIVITY_INFLATED_MAX_BYTES', { infer: true });
  }

  async importFile(request: ActivityImportRequest): Promise<ActivityRecord> {
    const player = await this.access.findForBackgroundWork(request.playerId);
    if (!player) throw new Error(`Player ${request.playerId} is gone`);
    const { format, bytes, parsed, analysis, athlete } = await this.analyse(request.bytes, player);

    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const startedAt = new Date(analysis.points[0].timeMs);
    const deviceKey = deviceKeyOf(parsed.device, startedAt) ?? `file:${sha256}`;
    const existing = await this.activities.findDuplicate(player.id, sha256, deviceKey);
    if (existing) throw duplicateOf(existing, sha256);

    const filename = request.filename ?? `activity.${format === 'vest-csv' ? 'csv' : format}`;
    const metadata = { playerId: player.id, format };
    const fileId = await this.files.put('original', request.bytes, filename, metadata);
    const trackFileId = await this.files.put('track', encodeTrack(analysis.points), `${fileId}.track`, metadata);
    const summary = analysis.metrics.summary;
    try {
      return await this.activities.create({
        playerId: player.id,
        kind: request.kind ?? kindOfSport(parsed.sport),
        title: (request.title ?? defaultTitle(parsed.sport, startedAt)).slice(0, ACTIVITY_TITLE_MAX),
        format,
        source: request.source,
        ...(parsed.device ? { device: parsed.device } : {}),
        deviceKey,
        startedAt,
        date: toCalendarDate(startedAt),
        distanceM: summary.distanceM,
        hasHeartRate: analysis.metrics.heartRate !== null,
        quality: analysis.quality,
        metrics: analysis.metrics,
        laps: analysis.laps,
        splits: analysis.splits,
        sections: [],
        athlete,
        ...(request.attachment ? { attachment: request.attachment } : {}),
        file: {
          id: fileId,
          ...(request.filename ? { filename: request.filename } : {}),
          bytes: request.bytes.length,
          sha256,
        },
        trackFileId,
        segmentStarts: analysis.segmentStarts,
        importedBy: request.importedBy,
      });
    } catch (error) {
      await Promise.all([this.files.delete('original', fileId), this.files.delete('track', trackFileId)]);
      if (!isDuplicateKey(error)) throw error;
      // Sent twice at the same moment: the other request stored it first.
      const winner = await this.activities.findDuplicate(player.id, sha256, deviceKey);
      throw winner ? duplicateOf(winner, sha256) : error;
    }
  }

  /**
   * The athlete's figures for activities of the player: age counted on `startMs`; maximum speed the highest of
   * the profile's, the fastest activity's and the fastest sprint-test segment's (domain/max-speed.ts).
   */
  async athleteOf(player: PlayerRecord): Promise<(startMs: number) => AnalysedAthlete> {
    const [fastestActivity, sprints] = await Promise.all([
      this.activities.fastestSpeedMps(player.id),
      this.assessments.sprintTimes(player.id),
    ]);
    const maxSpeedMps = ownMaxSpeedMps([player.maxSpeedMps, fastestActivity, ...sprints.map(fastestSprintSegmentMps)]);
    return (startMs) => ({
      sex: player.sex,
      ageYears: ageInYears(player.dateOfBirth, new Date(startMs)),
      ...(player.hrMaxBpm !== undefined ? { hrMax: player.hrMaxBpm } : {}),
      ...(player.hrRestBpm !== undefined ? { hrRest: player.hrRestBpm } : {}),
      ...(maxSpeedMps !== undefined ? { maxSpeedMps } : {}),
    });
  }

  private async analyse(received: Buffer, player: PlayerRecord) {
    const athleteAt = await this.athleteOf(player);
    try {
      const { format, bytes, parsed } = await parseActivityFile(received, {
        maxUncompressedBytes: this.maxInflatedBytes,
      });
      let athlete: AnalysedAthlete | undefined;
      const analysis = analyzeActivityFile(parsed, (startMs) => (athlete = athleteAt(startMs)));
      return { format, bytes, parsed, analysis, athlete: athlete! };
    } catch (error) {
      throw asActivityFileProblem(error);
    }
  }
}

function deviceKeyOf(device: ActivityDevice | undefined, startedAt: Date): string | undefined {
  if (!device || !(device.manufacturer || device.product || device.serialNumber)) return undefined;
  const parts = [device.manufacturer ?? '', device.product ?? '', device.serialNumber ?? ''];
  return `device:${parts.join('|').toLowerCase()}|${startedAt.toISOString()}`;
}

function duplicateOf(existing: ActivityRecord, sha256: string): DuplicateActivityProblem {
  return new DuplicateActivityProblem(
    existing.id,
    existing.file.sha256 === sha256 ? 'same-file' : 'same-device-and-start',
  );
}

function defaultTitle(sport: string | undefined, startedAt: Date): string {
  const what = sport ? sport.charAt(0).toUpperCase() + sport.slice(1).toLowerCase() : 'Activity';
  return `${what} ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
