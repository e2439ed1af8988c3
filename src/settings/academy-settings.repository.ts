import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '../common/errors/to-problem';
import { AcademySettings, AcademySettingsChange, DEFAULT_ACADEMY_SETTINGS } from './domain/academy-settings';
import { AcademySettingsDoc } from './schemas/academy-settings.schema';

const KEY = 'academy';
const FIELDS = ['name', 'timeZone', 'language', 'digits'] as const;

const toSettings = (d: AcademySettingsDoc): AcademySettings => ({
  name: d.name,
  timeZone: d.timeZone,
  language: d.language,
  digits: d.digits,
  updatedAt: d.updatedAt,
});

/** The only code that touches the academy settings collection. */
@Injectable()
export class AcademySettingsRepository {
  constructor(@InjectModel(AcademySettingsDoc.name) private readonly settings: Model<AcademySettingsDoc>) {}

  /** The stored settings, or the defaults until an admin first changes them (a read by primary key). */
  async current(): Promise<AcademySettings> {
    const doc = await this.settings.findById(KEY).lean<AcademySettingsDoc>().exec();
    return doc ? toSettings(doc) : { ...DEFAULT_ACADEMY_SETTINGS };
  }

  /** Sets the given fields; the first change stores the defaults for the others. */
  async update(change: AcademySettingsChange, at: Date): Promise<AcademySettings> {
    const set: Record<string, unknown> = { updatedAt: at };
    const setOnInsert: Record<string, unknown> = {};
    for (const field of FIELDS) {
      if (change[field] !== undefined) set[field] = change[field];
      else setOnInsert[field] = DEFAULT_ACADEMY_SETTINGS[field];
    }
    const write = () =>
      this.settings
        .findOneAndUpdate(
          { _id: KEY },
          { $set: set, $setOnInsert: setOnInsert },
          { upsert: true, returnDocument: 'after' },
        )
        .lean<AcademySettingsDoc>()
        .exec();
    // Two first changes at once: one inserts, the other's upsert collides and then updates.
    const doc = await write().catch((error: unknown) => {
      if (isDuplicateKey(error)) return write();
      throw error;
    });
    return toSettings(doc!);
  }
}
