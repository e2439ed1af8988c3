import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { NormUpload } from './domain/norm-upload';
import { NormTableDoc } from './schemas/norm-table.schema';

export interface NormTableRecord {
  id: string;
  name: string;
  version: number;
  test: string;
  upload: NormUpload;
  uploadedBy: string;
  uploadedAt: Date;
  withdrawnAt: Date | null;
}

type Lean = NormTableDoc & { _id: Types.ObjectId };

const toRecord = (d: Lean): NormTableRecord => ({
  id: d._id.toHexString(),
  name: d.name,
  version: d.version,
  test: d.test,
  upload: d.upload as unknown as NormUpload,
  uploadedBy: d.uploadedBy.toHexString(),
  uploadedAt: d.uploadedAt,
  withdrawnAt: d.withdrawnAt ?? null,
});

const isDuplicateKey = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

/** The only access to stored norm-table versions. */
@Injectable()
export class NormTablesRepository {
  constructor(@InjectModel(NormTableDoc.name) private readonly model: Model<NormTableDoc>) {}

  /** Every version, newest upload first. */
  async all(): Promise<NormTableRecord[]> {
    const docs = await this.model.find().sort({ uploadedAt: -1, version: -1 }).lean<Lean[]>().exec();
    return docs.map(toRecord);
  }

  /**
   * The versions in use: the latest of each name unless it is withdrawn, newest upload first. The version list is
   * read without the tables, so superseded uploads cost nothing.
   */
  async active(): Promise<NormTableRecord[]> {
    const heads = await this.model
      .find()
      .select({ name: 1, version: 1, withdrawnAt: 1 })
      .lean<Pick<Lean, '_id' | 'name' | 'version' | 'withdrawnAt'>[]>()
      .exec();
    const latest = new Map<string, (typeof heads)[number]>();
    for (const h of heads) {
      const seen = latest.get(h.name);
      if (!seen || h.version > seen.version) latest.set(h.name, h);
    }
    const ids = [...latest.values()].filter((h) => !h.withdrawnAt).map((h) => h._id);
    if (ids.length === 0) return [];
    const docs = await this.model
      .find({ _id: { $in: ids } })
      .sort({ uploadedAt: -1, version: -1 })
      .lean<Lean[]>()
      .exec();
    return docs.map(toRecord);
  }

  /** Stores the next version of `name` (a concurrent upload of the same name just takes the version after it). */
  async insertNextVersion(name: string, upload: NormUpload, uploadedBy: string): Promise<NormTableRecord> {
    for (let attempt = 0; ; attempt++) {
      const latest = await this.model.findOne({ name }).sort({ version: -1 }).lean<Lean>().exec();
      try {
        const created = await this.model.create({
          name,
          version: (latest?.version ?? 0) + 1,
          test: upload.test,
          upload: JSON.parse(JSON.stringify(upload)) as Record<string, unknown>,
          uploadedBy: new Types.ObjectId(uploadedBy),
          uploadedAt: new Date(),
        });
        return toRecord(created.toObject() as Lean);
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= 4) throw error;
      }
    }
  }

  /** Marks the latest version of `name` withdrawn; null when it has none or it is already withdrawn. */
  async withdrawLatest(name: string, by: string): Promise<NormTableRecord | null> {
    const latest = await this.model.findOne({ name }).sort({ version: -1 }).lean<Lean>().exec();
    if (!latest || latest.withdrawnAt) return null;
    const doc = await this.model
      .findOneAndUpdate(
        { _id: latest._id, withdrawnAt: { $exists: false } },
        { $set: { withdrawnAt: new Date(), withdrawnBy: new Types.ObjectId(by) } },
        { returnDocument: 'after' },
      )
      .lean<Lean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }
}
