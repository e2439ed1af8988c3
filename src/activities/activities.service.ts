import { dateWindowProblems } from '../common/domain/date-window';
import { Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { RuleProblem } from '../common/errors/problem';
import { Page, skipFor } from '../common/pagination/pagination.dto';
import { PlayerAccessService } from '../players/player-access.service';
import { PlayerLifecycle } from '../players/player-lifecycle';
import type { PlayerRecord } from '../players/player.record';
import { LoadLedger } from '../training/load-ledger';
import { TrainingSessions } from '../training/training-sessions';
import { Types } from 'mongoose';
import { analyzeSections, timeRangeSection } from './domain/sections';
import { plannedBlockSections, type PlannedBlockSection } from './domain/planned-blocks';
import { activityStreams } from './domain/streams';
import { toGeoJson } from './domain/geojson';
import { toGpx } from './domain/gpx-export';
import type { TrackPoint } from './domain/track';
import type { StreamResolution } from './domain/downsampling';
import type { StreamType } from './domain/streams';
import { ActivitiesRepository } from './activities.repository';
import { ActivityFilesStore } from './activity-files.store';
import { ActivityImportService } from './activity-import.service';
import type { ActivityAttachment, ActivityRecord, CustomSection } from './activity.record';
import type {
  ActivitiesQueryDto,
  ActivityUploadFieldsDto,
  CreateSectionDto,
  UpdateActivityDto,
} from './dto/activity.dto';
import { decodeTrack } from './track-codec';

const NOT_FOUND = 'Activity not found.';

/** Use cases on a player's activities; the one import path is ActivityImportService. */
@Injectable()
export class ActivitiesService implements OnModuleInit {
  constructor(
    private readonly activities: ActivitiesRepository,
    private readonly files: ActivityFilesStore,
    private readonly importer: ActivityImportService,
    private readonly access: PlayerAccessService,
    private readonly lifecycle: PlayerLifecycle,
    private readonly ledger: LoadLedger,
    private readonly sessions: TrainingSessions,
  ) {}

  onModuleInit(): void {
    this.lifecycle.whenDeleted((playerId) => this.removeAllOf(playerId));
    this.ledger.contributeExternal(
      (playerId, to) => this.activities.externalLoadEntries(playerId, to),
      (playerIds, to) => this.activities.externalLoadEntriesOf(playerIds, to),
    );
  }

  /** An upload by the player, their coaches or an admin. */
  async upload(
    caller: AuthUser,
    playerId: string,
    file: { bytes: Buffer; filename?: string },
    fields: ActivityUploadFieldsDto,
  ): Promise<ActivityRecord> {
    const player = await this.access.findReportable(caller, playerId);
    const attachment = await this.checkAttachment(player, fields);
    return this.importer.importFile({
      playerId,
      bytes: file.bytes,
      filename: file.filename,
      kind: fields.kind,
      title: fields.title,
      attachment,
      source: { type: 'upload' },
      importedBy: caller.id,
    });
  }

  /** Who may import for the player (the player, their coaches, admins): 404 or 403 otherwise. */
  async checkImport(caller: AuthUser, playerId: string): Promise<PlayerRecord> {
    return this.access.findReportable(caller, playerId);
  }

  async list(caller: AuthUser, playerId: string, query: ActivitiesQueryDto): Promise<Page<ActivityRecord>> {
    await this.access.findViewable(caller, playerId);
    const problems = dateWindowProblems(query);
    if (
      query.minDistanceM !== undefined &&
      query.maxDistanceM !== undefined &&
      query.minDistanceM > query.maxDistanceM
    ) {
      problems.push({ path: 'minDistanceM', message: 'minDistanceM must not be above maxDistanceM' });
    }
    if (problems.length > 0) throw new RuleProblem(problems);
    const { items, total } = await this.activities.listForPlayer(playerId, query, skipFor(query), query.limit);
    return { items, total, page: query.page, limit: query.limit };
  }

  async get(caller: AuthUser, id: string): Promise<ActivityRecord> {
    const activity = await this.activities.findById(id);
    if (!activity) throw new NotFoundException(NOT_FOUND);
    await this.access.findViewable(caller, activity.playerId, NOT_FOUND);
    return activity;
  }

  /** With the sections planned blocks give it (when attached to a programme session). */
  async getWithBlocks(
    caller: AuthUser,
    id: string,
  ): Promise<{ activity: ActivityRecord; plannedBlocks: PlannedBlockSection[] }> {
    const activity = await this.get(caller, id);
    return { activity, plannedBlocks: await this.plannedBlocks(activity) };
  }

  async update(caller: AuthUser, id: string, dto: UpdateActivityDto): Promise<ActivityRecord> {
    const activity = await this.get(caller, id);
    const player = await this.access.findReportable(caller, activity.playerId, NOT_FOUND);
    const attachment =
      dto.attachment === undefined || dto.attachment === null
        ? dto.attachment
        : await this.checkAttachment(player, dto.attachment, 'attachment.');
    const updated = await this.activities.update(id, {
      ...(dto.title !== undefined ? { title: dto.title } : {}),
      ...(dto.kind !== undefined ? { kind: dto.kind } : {}),
      ...(attachment !== undefined ? { attachment: attachment ?? null } : {}),
    });
    if (!updated) throw new NotFoundException(NOT_FOUND);
    return updated;
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    const activity = await this.get(caller, id);
    await this.access.findReportable(caller, activity.playerId, NOT_FOUND);
    if (!(await this.activities.delete(id))) throw new NotFoundException(NOT_FOUND);
    await Promise.all([
      this.files.delete('original', activity.file.id),
      this.files.delete('track', activity.trackFileId),
    ]);
  }

  async original(caller: AuthUser, id: string): Promise<{ activity: ActivityRecord; bytes: Buffer }> {
    const activity = await this.get(caller, id);
    return { activity, bytes: await this.files.get('original', activity.file.id) };
  }

  async gpx(caller: AuthUser, id: string): Promise<{ activity: ActivityRecord; gpx: string }> {
    const activity = await this.get(caller, id);
    const points = await this.track(activity);
    const gpx = toGpx(points, {
      name: activity.title,
      startedAt: activity.startedAt,
      segmentStarts: activity.segmentStarts,
      // The recording device as the creator: the export read back is recognised as the same recording.
      creator: activity.device?.product,
    });
    return { activity, gpx };
  }

  async geojson(caller: AuthUser, id: string) {
    const activity = await this.get(caller, id);
    const points = await this.track(activity);
    return toGeoJson(points, {
      name: activity.title,
      startedAt: activity.startedAt,
      segmentStarts: activity.segmentStarts,
    });
  }

  async streams(caller: AuthUser, id: string, types: readonly StreamType[] | undefined, resolution: StreamResolution) {
    const activity = await this.get(caller, id);
    const points = await this.track(activity);
    return activityStreams(points, types ?? [], resolution, { segmentStarts: activity.segmentStarts });
  }

  /** A coach's section by time range: the player's coaches and admins. */
  async addSection(
    caller: AuthUser,
    id: string,
    dto: CreateSectionDto,
  ): Promise<{ activity: ActivityRecord; section: CustomSection }> {
    const activity = await this.get(caller, id);
    await this.access.findManageable(caller, activity.playerId, NOT_FOUND);
    const startMs = activity.startedAt.getTime();
    const elapsedS = activity.metrics.summary.elapsedS;
    const problems = [];
    if (dto.endS <= dto.startS) problems.push({ path: 'endS', message: 'endS must be after startS' });
    if (dto.startS >= elapsedS) {
      problems.push({ path: 'startS', message: `the activity lasts ${elapsedS} s: start the section before that` });
    }
    if (activity.sections.length >= MAX_CUSTOM_SECTIONS) {
      problems.push({
        path: 'name',
        message: `an activity has at most ${MAX_CUSTOM_SECTIONS} sections; delete one first`,
      });
    }
    if (problems.length > 0) throw new RuleProblem(problems);
    const points = await this.track(activity);
    const range = timeRangeSection(points, startMs + dto.startS * 1000, startMs + dto.endS * 1000);
    const [analysed] = analyzeSections(points, [{ ...range, index: activity.sections.length }], activity.athlete, {
      segmentStarts: activity.segmentStarts,
    });
    const section: CustomSection = {
      ...analysed,
      id: new Types.ObjectId().toHexString(),
      name: dto.name,
      createdBy: caller.id,
      createdAt: new Date(),
    };
    if (!(await this.activities.addSection(id, section))) throw new NotFoundException(NOT_FOUND);
    return { activity, section };
  }

  async removeSection(caller: AuthUser, id: string, sectionId: string): Promise<void> {
    const activity = await this.get(caller, id);
    await this.access.findManageable(caller, activity.playerId, NOT_FOUND);
    if (!(await this.activities.removeSection(id, sectionId))) throw new NotFoundException('Section not found.');
  }

  async compare(caller: AuthUser, id: string, otherId: string): Promise<[ActivityRecord, ActivityRecord]> {
    return [await this.get(caller, id), await this.get(caller, otherId)];
  }

  private async track(activity: ActivityRecord): Promise<TrackPoint[]> {
    return decodeTrack(await this.files.get('track', activity.trackFileId));
  }

  private async plannedBlocks(activity: ActivityRecord): Promise<PlannedBlockSection[]> {
    const planned = await this.plannedSessionOf(activity.attachment);
    if (!planned || planned.playerId !== activity.playerId) return [];
    const points = await this.track(activity);
    const loggedRpe = planned.log?.status === 'done' ? planned.log.rpe : undefined;
    return plannedBlockSections(points, planned.session, activity.athlete, {
      segmentStarts: activity.segmentStarts,
      ...(loggedRpe !== undefined ? { loggedRpe } : {}),
    });
  }

  private async plannedSessionOf(attachment: ActivityAttachment | undefined) {
    if (!attachment) return null;
    let { programId, sessionId } = attachment;
    if (attachment.trainingLogId && !programId) {
      const log = await this.sessions.log(attachment.trainingLogId);
      programId = log?.programId;
      sessionId = log?.sessionId;
    }
    return programId && sessionId ? this.sessions.plannedSession(programId, sessionId) : null;
  }

  /** 422 unless the named log or programme session exists and is the player's. */
  private async checkAttachment(
    player: PlayerRecord,
    dto: { trainingLogId?: string; programId?: string; sessionId?: string },
    prefix = '',
  ): Promise<ActivityAttachment | undefined> {
    const { trainingLogId, programId, sessionId } = dto;
    if (!trainingLogId && !programId && !sessionId) return undefined;
    const problems = [];
    if (trainingLogId) {
      const log = await this.sessions.log(trainingLogId);
      if (!log || log.playerId !== player.id) {
        problems.push({ path: `${prefix}trainingLogId`, message: 'no training log of this player has this id' });
      } else if (programId && (log.programId !== programId || log.sessionId !== sessionId)) {
        problems.push({ path: `${prefix}programId`, message: 'the training log is of another session' });
      }
    }
    if (Boolean(programId) !== Boolean(sessionId)) {
      problems.push({
        path: `${prefix}${programId ? 'sessionId' : 'programId'}`,
        message: 'programId and sessionId go together',
      });
    } else if (programId && sessionId) {
      const planned = await this.sessions.plannedSession(programId, sessionId);
      if (!planned || planned.playerId !== player.id) {
        problems.push({ path: `${prefix}sessionId`, message: 'no programme of this player has this session' });
      }
    }
    if (problems.length > 0) throw new RuleProblem(problems);
    return {
      ...(trainingLogId ? { trainingLogId } : {}),
      ...(programId ? { programId } : {}),
      ...(sessionId ? { sessionId } : {}),
    };
  }

  private async removeAllOf(playerId: string): Promise<void> {
    const files = await this.activities.filesOfPlayer(playerId);
    await this.activities.deleteForPlayer(playerId);
    for (const f of files) {
      await Promise.all([this.files.delete('original', f.fileId), this.files.delete('track', f.trackFileId)]);
    }
  }
}

/** Custom sections per activity: enough for every drill of a session. */
const MAX_CUSTOM_SECTIONS = 50;
