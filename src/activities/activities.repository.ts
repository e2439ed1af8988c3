import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { dateRangeFilter } from '../common/database/date-range';
import type { ExternalLoadEntry } from '../training/domain/external-load';
import type { ActivityKind } from './domain/activity';
import type { ActivityAttachment, ActivityData, ActivityRecord, CustomSection } from './activity.record';
import { ActivityDoc } from './schemas/activity.schema';
import { TrainingRevisions } from '../training/training-revisions.repository';

type ActivityLean = ActivityDoc & { _id: Types.ObjectId };

export interface ActivityListFilter {
  from?: string;
  to?: string;
  kind?: ActivityKind;
  minDistanceM?: number;
  maxDistanceM?: number;
  hasHeartRate?: boolean;
}

/** An activity as a calendar shows it: when it started and how long it lasted. */
export type ActivityTimeEntry = Pick<
  ActivityRecord,
  'id' | 'playerId' | 'kind' | 'title' | 'startedAt' | 'distanceM' | 'attachment'
> & {
  elapsedS: number;
};

/** What a change may write: the rest is fixed by the file. */
export type ActivityChange = Partial<Pick<ActivityRecord, 'title' | 'kind'>> & {
  attachment?: ActivityAttachment | null;
};

/** Lists leave out the sections: each carries a whole set of metrics. */
const LIST_PROJECTION = { laps: 0, splits: 0, sections: 0 } as const;

const toRecord = (doc: ActivityLean): ActivityRecord => ({
  id: doc._id.toHexString(),
  playerId: doc.playerId.toHexString(),
  kind: doc.kind,
  title: doc.title,
  format: doc.format,
  source: doc.source,
  ...(doc.device ? { device: doc.device } : {}),
  startedAt: doc.startedAt,
  date: doc.date,
  distanceM: doc.distanceM,
  hasHeartRate: doc.hasHeartRate,
  quality: doc.quality,
  metrics: doc.metrics,
  laps: doc.laps ?? [],
  splits: doc.splits ?? { distance: [], time: [] },
  sections: doc.sections ?? [],
  athlete: doc.athlete,
  ...(doc.attachment ? { attachment: doc.attachment } : {}),
  file: doc.file,
  trackFileId: doc.trackFileId,
  segmentStarts: doc.segmentStarts ?? [],
  importedBy: doc.importedBy ? doc.importedBy.toHexString() : null,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

/** The only code that touches the activities collection (the files themselves: ActivityFilesStore). */
@Injectable()
export class ActivitiesRepository {
  constructor(
    @InjectModel(ActivityDoc.name) private readonly activities: Model<ActivityDoc>,
    private readonly revisions: TrainingRevisions,
  ) {}

  async create(data: ActivityData): Promise<ActivityRecord> {
    const doc = await this.activities.create({
      ...data,
      playerId: new Types.ObjectId(data.playerId),
      ...(data.importedBy ? { importedBy: new Types.ObjectId(data.importedBy) } : { importedBy: undefined }),
    });
    await this.revisions.bump(data.playerId);
    return toRecord(doc.toObject() as ActivityLean);
  }

  async findById(id: string): Promise<ActivityRecord | null> {
    const doc = await this.activities.findById(id).lean<ActivityLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  /** An activity of the player with the same file or the same device and start (each on its own index). */
  async findDuplicate(playerId: string, sha256: string, deviceKey: string): Promise<ActivityRecord | null> {
    const player = new Types.ObjectId(playerId);
    for (const filter of [
      { playerId: player, 'file.sha256': sha256 },
      { playerId: player, deviceKey },
    ]) {
      const doc = await this.activities.findOne(filter).select(LIST_PROJECTION).lean<ActivityLean>().exec();
      if (doc) return toRecord(doc);
    }
    return null;
  }

  /** Newest first, without sections. */
  async listForPlayer(
    playerId: string,
    filter: ActivityListFilter,
    skip: number,
    limit: number,
  ): Promise<{ items: ActivityRecord[]; total: number }> {
    const distance =
      filter.minDistanceM !== undefined || filter.maxDistanceM !== undefined
        ? {
            distanceM: {
              ...(filter.minDistanceM !== undefined ? { $gte: filter.minDistanceM } : {}),
              ...(filter.maxDistanceM !== undefined ? { $lte: filter.maxDistanceM } : {}),
            },
          }
        : {};
    const query = {
      playerId: new Types.ObjectId(playerId),
      ...dateRangeFilter(filter.from, filter.to),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.hasHeartRate !== undefined ? { hasHeartRate: filter.hasHeartRate } : {}),
      ...distance,
    };
    const [docs, total] = await Promise.all([
      this.activities
        .find(query)
        .select(LIST_PROJECTION)
        .sort({ startedAt: -1, _id: -1 })
        .skip(skip)
        .limit(limit)
        .lean<ActivityLean[]>()
        .exec(),
      this.activities.countDocuments(query).exec(),
    ]);
    return { items: docs.map(toRecord), total };
  }

  async update(id: string, change: ActivityChange): Promise<ActivityRecord | null> {
    const { attachment, ...set } = change;
    const update =
      attachment === null
        ? { $set: set, $unset: { attachment: 1 } }
        : { $set: { ...set, ...(attachment ? { attachment } : {}) } };
    const doc = await this.activities.findByIdAndUpdate(id, update, { new: true }).lean<ActivityLean>().exec();
    if (doc) await this.revisions.bump(doc.playerId);
    return doc ? toRecord(doc) : null;
  }

  async addSection(id: string, section: CustomSection): Promise<ActivityRecord | null> {
    const doc = await this.activities
      .findByIdAndUpdate(id, { $push: { sections: section } }, { new: true })
      .lean<ActivityLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  async removeSection(id: string, sectionId: string): Promise<boolean> {
    const result = await this.activities.updateOne(
      { _id: id, 'sections.id': sectionId },
      { $pull: { sections: { id: sectionId } } },
    );
    return result.modifiedCount === 1;
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.activities
      .findOneAndDelete({ _id: id })
      .select({ playerId: 1 })
      .lean<{ playerId: Types.ObjectId }>()
      .exec();
    if (deleted) await this.revisions.bump(deleted.playerId);
    return deleted !== null;
  }

  /** Activities of these players that started at or after `from` and before `to`, oldest first, for calendars. */
  async startedBetween(playerIds: readonly string[], from: Date, to: Date): Promise<ActivityTimeEntry[]> {
    if (playerIds.length === 0) return [];
    const docs = await this.activities
      .find({ playerId: { $in: playerIds.map((id) => new Types.ObjectId(id)) }, startedAt: { $gte: from, $lt: to } })
      .select({
        playerId: 1,
        kind: 1,
        title: 1,
        startedAt: 1,
        distanceM: 1,
        'metrics.summary.elapsedS': 1,
        attachment: 1,
      })
      .sort({ startedAt: 1, _id: 1 })
      .lean<
        Pick<
          ActivityLean,
          '_id' | 'playerId' | 'kind' | 'title' | 'startedAt' | 'distanceM' | 'metrics' | 'attachment'
        >[]
      >()
      .exec();
    return docs.map((d) => ({
      id: d._id.toHexString(),
      playerId: d.playerId.toHexString(),
      kind: d.kind,
      title: d.title,
      startedAt: d.startedAt,
      elapsedS: d.metrics.summary.elapsedS,
      distanceM: d.distanceM,
      ...(d.attachment ? { attachment: d.attachment } : {}),
    }));
  }

  /** The stored files of every activity of the player (to delete them with the player). */
  async filesOfPlayer(playerId: string): Promise<{ fileId: string; trackFileId: string }[]> {
    const docs = await this.activities
      .find({ playerId: new Types.ObjectId(playerId) })
      .select({ file: 1, trackFileId: 1 })
      .lean<Pick<ActivityLean, 'file' | 'trackFileId'>[]>()
      .exec();
    return docs.map((d) => ({ fileId: d.file.id, trackFileId: d.trackFileId }));
  }

  async deleteForPlayer(playerId: string): Promise<void> {
    await this.activities.deleteMany({ playerId: new Types.ObjectId(playerId) }).exec();
    await this.revisions.bump(playerId);
  }

  /** The fastest speed of any of the player's activities (m/s), or null without one. */
  async fastestSpeedMps(playerId: string): Promise<number | null> {
    const doc = await this.activities
      .findOne({ playerId: new Types.ObjectId(playerId), 'metrics.summary.maxSpeedMps': { $gt: 0 } })
      .sort({ 'metrics.summary.maxSpeedMps': -1 })
      .select({ 'metrics.summary.maxSpeedMps': 1 })
      .lean<{ metrics: { summary: { maxSpeedMps: number } } }>()
      .exec();
    return doc?.metrics.summary.maxSpeedMps ?? null;
  }

  /** `externalLoadEntries` of many players in one read, by player id. */
  async externalLoadEntriesOf(playerIds: readonly string[], to: string): Promise<Map<string, ExternalLoadEntry[]>> {
    const byPlayer = new Map<string, ExternalLoadEntry[]>();
    if (playerIds.length === 0) return byPlayer;
    const docs = await this.activities
      .find({ playerId: { $in: playerIds.map((id) => new Types.ObjectId(id)) }, date: { $lte: to } })
      .select({ playerId: 1, date: 1, kind: 1, distanceM: 1, 'metrics.running': 1 })
      .lean<Pick<ActivityLean, 'playerId' | 'date' | 'kind' | 'distanceM' | 'metrics'>[]>()
      .exec();
    for (const d of docs) {
      const id = d.playerId.toHexString();
      const entries = byPlayer.get(id) ?? [];
      if (entries.length === 0) byPlayer.set(id, entries);
      const running = d.metrics.running;
      entries.push({
        date: d.date,
        distanceM: d.distanceM,
        highSpeedRunningM: running.highSpeedRunningM,
        sprintDistanceM: running.sprints.distanceM,
        accelerations: running.accelerations.count,
        match: d.kind === 'match',
      });
    }
    return byPlayer;
  }

  /** What each activity on or before `to` adds to the player's external load. */
  async externalLoadEntries(playerId: string, to: string): Promise<ExternalLoadEntry[]> {
    const docs = await this.activities
      .find({ playerId: new Types.ObjectId(playerId), date: { $lte: to } })
      .select({ date: 1, kind: 1, distanceM: 1, 'metrics.running': 1 })
      .lean<Pick<ActivityLean, 'date' | 'kind' | 'distanceM' | 'metrics'>[]>()
      .exec();
    return docs.map((d) => {
      const running = d.metrics.running;
      return {
        date: d.date,
        distanceM: d.distanceM,
        highSpeedRunningM: running.highSpeedRunningM,
        sprintDistanceM: running.sprints.distanceM,
        accelerations: running.accelerations.count,
        match: d.kind === 'match',
      };
    });
  }
}
