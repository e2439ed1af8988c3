import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { Drill } from './domain/drill-format';
import { UploadMode } from './domain/drill-set-change';
import { DrillLibraryState, DrillSetItem, DrillSetVersion } from './schemas/drill-library.schema';

export interface DrillSetVersionRecord {
  version: number;
  mode: UploadMode;
  uploadedBy: string;
  uploadedByEmail: string;
  createdAt: Date;
  drillCount: number;
  added: number;
  updated: number;
  removed: number;
}

export interface ActivePointer {
  version: number;
  activatedAt?: Date;
}

type VersionLean = DrillSetVersion & { _id: Types.ObjectId };

const toVersionRecord = (doc: VersionLean): DrillSetVersionRecord => ({
  version: doc.version,
  mode: doc.mode,
  uploadedBy: doc.uploadedBy.toHexString(),
  uploadedByEmail: doc.uploadedByEmail,
  createdAt: doc.createdAt,
  drillCount: doc.drillCount,
  added: doc.added,
  updated: doc.updated,
  removed: doc.removed,
});

/** The only code that touches the drill library collections. */
@Injectable()
export class DrillLibraryRepository {
  constructor(
    @InjectModel(DrillSetItem.name) private readonly items: Model<DrillSetItem>,
    @InjectModel(DrillSetVersion.name) private readonly versions: Model<DrillSetVersion>,
    @InjectModel(DrillLibraryState.name) private readonly state: Model<DrillLibraryState>,
  ) {}

  /** The cheap check every instance makes: one tiny document by primary key. */
  async activePointer(): Promise<ActivePointer | null> {
    const doc = await this.state.findById('active').lean<DrillLibraryState>().exec();
    return doc ? { version: doc.version, activatedAt: doc.activatedAt } : null;
  }

  async loadSet(version: number): Promise<Drill[]> {
    const docs = await this.items
      .find({ version }, { drill: 1, _id: 0 })
      .sort({ position: 1 })
      .lean<{ drill: Drill }[]>()
      .exec();
    return docs.map((d) => d.drill);
  }

  async nextVersionNumber(): Promise<number> {
    const doc = await this.state
      .findOneAndUpdate({ _id: 'sequence' }, { $inc: { version: 1 } }, { upsert: true, returnDocument: 'after' })
      .lean<DrillLibraryState>()
      .exec();
    return doc!.version;
  }

  /** Writes a whole set under a version no reader looks at yet. */
  async writeSet(version: number, drills: readonly Drill[]): Promise<void> {
    const batch = 2000;
    for (let start = 0; start < drills.length; start += batch) {
      const docs = drills.slice(start, start + batch).map((drill, i) => ({ version, position: start + i, drill }));
      await this.items.collection.insertMany(docs, { ordered: false });
    }
  }

  async recordVersion(record: Omit<DrillSetVersionRecord, 'uploadedBy'> & { uploadedBy: string }): Promise<void> {
    await this.versions.create({ ...record, uploadedBy: new Types.ObjectId(record.uploadedBy) });
  }

  async findVersion(version: number): Promise<DrillSetVersionRecord | null> {
    const doc = await this.versions.findOne({ version }).lean<VersionLean>().exec();
    return doc ? toVersionRecord(doc) : null;
  }

  async listVersions(skip: number, limit: number): Promise<{ items: DrillSetVersionRecord[]; total: number }> {
    const [docs, total] = await Promise.all([
      this.versions.find().sort({ version: -1 }).skip(skip).limit(limit).lean<VersionLean[]>().exec(),
      this.versions.countDocuments().exec(),
    ]);
    return { items: docs.map(toVersionRecord), total };
  }

  /**
   * Points readers at `version` in one atomic single-document update. With `expected`,
   * only when the pointer still holds that version (null: no version active yet);
   * returns false when another activation got there first.
   */
  async activate(version: number, by: string, expected?: number | null): Promise<boolean> {
    const update = { $set: { version, activatedAt: new Date(), activatedBy: new Types.ObjectId(by) } };
    if (expected === undefined) {
      await this.state.updateOne({ _id: 'active' }, update, { upsert: true }).exec();
      return true;
    }
    if (expected === null) {
      try {
        await this.state.create({ _id: 'active', ...update.$set });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false;
        throw error;
      }
    }
    const result = await this.state.updateOne({ _id: 'active', version: expected }, update).exec();
    return result.modifiedCount === 1;
  }

  /** Removes a set that was written but never recorded (a failed upload). */
  async deleteSet(version: number): Promise<void> {
    await this.items.deleteMany({ version }).exec();
  }

  /** Deletes all but the newest `keep` versions, never the active one. */
  async pruneVersions(keep: number, active: number): Promise<number[]> {
    const old = await this.versions
      .find({ version: { $ne: active } }, { version: 1 })
      .sort({ version: -1 })
      .skip(Math.max(keep - 1, 0))
      .lean<{ version: number }[]>()
      .exec();
    const versions = old.map((d) => d.version);
    if (versions.length === 0) return [];
    await this.items.deleteMany({ version: { $in: versions } }).exec();
    await this.versions.deleteMany({ version: { $in: versions } }).exec();
    return versions;
  }
}
