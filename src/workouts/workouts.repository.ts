import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { dateRangeFilter } from '../common/database/date-range';
import { LoadEntry } from '../training/domain/load-monitoring';
import { Workout, WorkoutEntry, WorkoutStatus } from './domain/workout';
import { summarizeEntry, summarizeWorkout, WorkoutVolumeSummary } from './domain/workout-volume';
import { WorkoutData, WorkoutRecord } from './workout.record';
import { WorkoutDoc } from './schemas/workout.schema';

type WorkoutLean = WorkoutDoc & { _id: Types.ObjectId };

/** The parts of a workout a change may write; everything else is fixed at creation. */
export type WorkoutChange = Pick<Workout, 'date' | 'name' | 'status' | 'exercises'> &
  Partial<Pick<Workout, 'durationMin' | 'sessionRpe' | 'notes' | 'finishedAt'>>;

export interface WorkoutListFilter {
  from?: string;
  to?: string;
  status?: WorkoutStatus;
  exerciseId?: string;
}

/** A workout as a calendar shows it: its day, name and status. */
export type WorkoutDateEntry = Pick<
  Workout,
  'id' | 'playerId' | 'date' | 'name' | 'status' | 'durationMin' | 'finishedAt'
>;

/** What an exercise's history reads of a finished workout. */
const HISTORY_PROJECTION = {
  date: 1,
  name: 1,
  status: 1,
  exercises: 1,
  durationMin: 1,
  sessionRpe: 1,
  finishedAt: 1,
} as const;

/** The domain workout of a stored document (all of it, or the fields of HISTORY_PROJECTION). */
const toWorkout = (doc: Pick<WorkoutLean, '_id' | keyof typeof HISTORY_PROJECTION>, playerId: string): Workout => ({
  id: doc._id.toHexString(),
  playerId,
  date: doc.date,
  name: doc.name,
  status: doc.status,
  exercises: doc.exercises ?? [],
  ...(doc.durationMin !== undefined && doc.durationMin !== null ? { durationMin: doc.durationMin } : {}),
  ...(doc.sessionRpe !== undefined && doc.sessionRpe !== null ? { sessionRpe: doc.sessionRpe } : {}),
  ...(doc.finishedAt ? { finishedAt: doc.finishedAt } : {}),
});

const toRecord = (doc: WorkoutLean): WorkoutRecord => ({
  ...toWorkout(doc, doc.playerId.toHexString()),
  ...(doc.notes ? { notes: doc.notes } : {}),
  ...(doc.templateId ? { templateId: doc.templateId.toHexString() } : {}),
  createdBy: doc.createdBy.toHexString(),
  revision: doc.revision,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

/** The only code that touches the workouts collection. */
@Injectable()
export class WorkoutsRepository {
  constructor(@InjectModel(WorkoutDoc.name) private readonly workouts: Model<WorkoutDoc>) {}

  async create(data: WorkoutData): Promise<WorkoutRecord> {
    const doc = await this.workouts.create({
      ...data,
      entryVolumes: summarizeWorkout(data).entries,
      playerId: new Types.ObjectId(data.playerId),
      createdBy: new Types.ObjectId(data.createdBy),
      ...(data.templateId ? { templateId: new Types.ObjectId(data.templateId) } : {}),
      revision: 0,
    });
    return toRecord(doc.toObject() as WorkoutLean);
  }

  /** Through the driver: the hot path of every set logged, and a stored workout needs no casting back. */
  async findById(id: string): Promise<WorkoutRecord | null> {
    const doc = await this.workouts.collection.findOne<WorkoutLean>({ _id: new Types.ObjectId(id) });
    return doc ? toRecord(doc) : null;
  }

  /**
   * Writes `change` over the workout only if it is still at `revision`; the new record, or null when
   * someone else wrote first. Fields of `change` that are undefined are removed. Only what differs is
   * sent: edits share the entries they leave alone, so logging a set rewrites one entry, not the workout.
   */
  async replaceAtRevision(current: WorkoutRecord, change: WorkoutChange): Promise<WorkoutRecord | null> {
    const set: Record<string, unknown> = {};
    const unset: Record<string, 1> = {};
    const updatedAt = new Date();
    for (const key of ['date', 'name', 'status', 'durationMin', 'sessionRpe', 'notes', 'finishedAt'] as const) {
      if (change[key] === current[key]) continue;
      if (change[key] === undefined) unset[key] = 1;
      else set[key] = change[key];
    }
    if (change.exercises !== current.exercises) {
      if (change.exercises.length === current.exercises.length) {
        change.exercises.forEach((entry, i) => {
          if (entry === current.exercises[i]) return;
          set[`exercises.${i}`] = entry;
          set[`entryVolumes.${i}`] = summarizeEntry(entry);
        });
      } else {
        set.exercises = change.exercises;
        set.entryVolumes = change.exercises.map(summarizeEntry);
      }
    }
    set.updatedAt = updatedAt;
    // Through the driver, like the read: the values were built from validated input and stored shapes.
    const result = await this.workouts.collection.updateOne(
      { _id: new Types.ObjectId(current.id), revision: current.revision },
      { $set: set, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}), $inc: { revision: 1 } },
    );
    if (result.matchedCount !== 1) return null;
    const next: WorkoutRecord = { ...current, ...change, revision: current.revision + 1, updatedAt };
    for (const key of Object.keys(unset) as (keyof WorkoutRecord)[]) delete next[key];
    return next;
  }

  /** Newest first. */
  async listForPlayer(
    playerId: string,
    filter: WorkoutListFilter,
    skip: number,
    limit: number,
  ): Promise<{ items: WorkoutRecord[]; total: number }> {
    const query = {
      playerId: new Types.ObjectId(playerId),
      ...dateRangeFilter(filter.from, filter.to),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.exerciseId ? { 'exercises.exerciseId': filter.exerciseId } : {}),
    };
    const [docs, total] = await Promise.all([
      this.workouts.find(query).sort({ date: -1, _id: -1 }).skip(skip).limit(limit).lean<WorkoutLean[]>().exec(),
      this.workouts.countDocuments(query).exec(),
    ]);
    return { items: docs.map(toRecord), total };
  }

  /** Every finished workout on or before `to` with an entry of the exercise, for its history. */
  async finishedWith(playerId: string, exerciseId: string, to: string): Promise<Workout[]> {
    const docs = await this.workouts
      .find({
        playerId: new Types.ObjectId(playerId),
        status: 'finished',
        date: { $lte: to },
        'exercises.exerciseId': exerciseId,
      })
      .select(HISTORY_PROJECTION)
      .lean<WorkoutLean[]>()
      .exec();
    return docs.map((doc) => toWorkout(doc, playerId));
  }

  /** What every finished workout on or before `to` adds up to, for the statistics: no sets are read. */
  async volumeSummariesUpTo(playerId: string, to: string): Promise<WorkoutVolumeSummary[]> {
    const docs = await this.workouts
      .find({ playerId: new Types.ObjectId(playerId), status: 'finished', date: { $lte: to } })
      .select({ date: 1, status: 1, durationMin: 1, entryVolumes: 1, _id: 0 })
      .lean<Pick<WorkoutDoc, 'date' | 'status' | 'durationMin' | 'entryVolumes'>[]>()
      .exec();
    return docs.map(({ date, status, durationMin, entryVolumes }) => ({
      date,
      status,
      ...(durationMin !== undefined && durationMin !== null ? { durationMin } : {}),
      entries: entryVolumes ?? [],
    }));
  }

  /**
   * The player's most recent finished performance of each exercise before `date` (that day included),
   * leaving out one workout (the one being shown).
   */
  async lastPerformances(
    playerId: string,
    exerciseIds: readonly string[],
    date: string,
    excludeId: string,
  ): Promise<Map<string, { workoutId: string; date: string; entry: WorkoutEntry }>> {
    const found = await Promise.all(
      [...new Set(exerciseIds)].map(async (exerciseId) => {
        const doc = await this.workouts
          .findOne({
            playerId: new Types.ObjectId(playerId),
            status: 'finished',
            date: { $lte: date },
            _id: { $ne: new Types.ObjectId(excludeId) },
            'exercises.exerciseId': exerciseId,
          })
          .sort({ date: -1, finishedAt: -1, _id: -1 })
          .select({ date: 1, exercises: 1 })
          .lean<Pick<WorkoutLean, '_id' | 'date' | 'exercises'>>()
          .exec();
        const entries = doc?.exercises.filter((e) => e.exerciseId === exerciseId) ?? [];
        // The last entry of that exercise in the workout: the sets done most recently.
        const entry = entries[entries.length - 1];
        return doc && entry
          ? ([exerciseId, { workoutId: doc._id.toHexString(), date: doc.date, entry }] as const)
          : null;
      }),
    );
    return new Map(found.filter((f) => f !== null));
  }

  /** Finished workouts as load entries: one session (minutes x session RPE) each, on its date. */
  async loadEntries(playerId: string, to: string): Promise<LoadEntry[]> {
    const docs = await this.workouts
      .find({ playerId: new Types.ObjectId(playerId), status: 'finished', date: { $lte: to } })
      .select({ date: 1, durationMin: 1, sessionRpe: 1, _id: 0 })
      .lean<Pick<WorkoutDoc, 'date' | 'durationMin' | 'sessionRpe'>[]>()
      .exec();
    return docs.map(({ date, durationMin, sessionRpe }) => ({
      date,
      durationMin: durationMin ?? 0,
      rpe: sessionRpe ?? 0,
      status: 'done',
      kind: 'training',
    }));
  }

  /** `loadEntries` of many players in one read, by player id. */
  async loadEntriesOf(playerIds: readonly string[], to: string): Promise<Map<string, LoadEntry[]>> {
    const byPlayer = new Map<string, LoadEntry[]>();
    if (playerIds.length === 0) return byPlayer;
    const docs = await this.workouts
      .find({
        playerId: { $in: playerIds.map((id) => new Types.ObjectId(id)) },
        status: 'finished',
        date: { $lte: to },
      })
      .select({ playerId: 1, date: 1, durationMin: 1, sessionRpe: 1, _id: 0 })
      .lean<Pick<WorkoutDoc, 'playerId' | 'date' | 'durationMin' | 'sessionRpe'>[]>()
      .exec();
    for (const { playerId, date, durationMin, sessionRpe } of docs) {
      const id = playerId.toHexString();
      const entries = byPlayer.get(id) ?? [];
      if (entries.length === 0) byPlayer.set(id, entries);
      entries.push({ date, durationMin: durationMin ?? 0, rpe: sessionRpe ?? 0, status: 'done', kind: 'training' });
    }
    return byPlayer;
  }

  /** Tonnage (kg) of the finished workouts of these players within the dates (inclusive), one row per workout. */
  async finishedTonnageBetween(
    playerIds: readonly string[],
    from: string,
    to: string,
  ): Promise<{ playerId: string; date: string; tonnageKg: number }[]> {
    if (playerIds.length === 0) return [];
    const docs = await this.workouts
      .find({
        playerId: { $in: playerIds.map((id) => new Types.ObjectId(id)) },
        status: 'finished',
        date: { $gte: from, $lte: to },
      })
      .select({ playerId: 1, date: 1, entryVolumes: 1, _id: 0 })
      .lean<Pick<WorkoutDoc, 'playerId' | 'date' | 'entryVolumes'>[]>()
      .exec();
    return docs.map(({ playerId, date, entryVolumes }) => ({
      playerId: playerId.toHexString(),
      date,
      tonnageKg: (entryVolumes ?? []).reduce((sum, entry) => sum + entry.tonnageKg, 0),
    }));
  }

  /** The workouts of these players within the dates (inclusive), whatever their status, in date order, without their sets. */
  async datedBetween(playerIds: readonly string[], from: string, to: string): Promise<WorkoutDateEntry[]> {
    if (playerIds.length === 0) return [];
    const docs = await this.workouts
      .find({ playerId: { $in: playerIds.map((id) => new Types.ObjectId(id)) }, date: { $gte: from, $lte: to } })
      .select({ playerId: 1, date: 1, name: 1, status: 1, durationMin: 1, finishedAt: 1 })
      .sort({ date: 1, _id: 1 })
      .lean<Pick<WorkoutLean, '_id' | 'playerId' | 'date' | 'name' | 'status' | 'durationMin' | 'finishedAt'>[]>()
      .exec();
    return docs.map((d) => ({
      id: d._id.toHexString(),
      playerId: d.playerId.toHexString(),
      date: d.date,
      name: d.name,
      status: d.status,
      ...(d.durationMin !== undefined && d.durationMin !== null ? { durationMin: d.durationMin } : {}),
      ...(d.finishedAt ? { finishedAt: d.finishedAt } : {}),
    }));
  }

  async delete(id: string): Promise<boolean> {
    return (await this.workouts.deleteOne({ _id: new Types.ObjectId(id) }).exec()).deletedCount === 1;
  }

  async deleteForPlayer(playerId: string): Promise<void> {
    await this.workouts.deleteMany({ playerId: new Types.ObjectId(playerId) }).exec();
  }
}
