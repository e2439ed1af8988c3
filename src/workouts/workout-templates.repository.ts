import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { WorkoutEntry } from './domain/workout';
import { WorkoutTemplateRecord } from './workout.record';
import { WorkoutTemplateDoc } from './schemas/workout-template.schema';

type TemplateLean = WorkoutTemplateDoc & { _id: Types.ObjectId };

const toRecord = (doc: TemplateLean): WorkoutTemplateRecord => ({
  id: doc._id.toHexString(),
  name: doc.name,
  ...(doc.description ? { description: doc.description } : {}),
  exercises: doc.exercises ?? [],
  owner: doc.owner.toHexString(),
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

export interface TemplateContent {
  name: string;
  description?: string;
  exercises: WorkoutEntry[];
}

/** The only code that touches the workout templates. */
@Injectable()
export class WorkoutTemplatesRepository {
  constructor(@InjectModel(WorkoutTemplateDoc.name) private readonly templates: Model<WorkoutTemplateDoc>) {}

  async create(owner: string, content: TemplateContent): Promise<WorkoutTemplateRecord> {
    const doc = await this.templates.create({ ...content, owner: new Types.ObjectId(owner) });
    return toRecord(doc.toObject() as TemplateLean);
  }

  async findById(id: string): Promise<WorkoutTemplateRecord | null> {
    const doc = await this.templates.findById(id).lean<TemplateLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  /** By name; `owner` narrows to one coach's templates (absent: every template, for admins). */
  async list(
    owner: string | undefined,
    skip: number,
    limit: number,
  ): Promise<{ items: WorkoutTemplateRecord[]; total: number }> {
    const filter = owner ? { owner: new Types.ObjectId(owner) } : {};
    const [docs, total] = await Promise.all([
      this.templates.find(filter).sort({ name: 1, _id: 1 }).skip(skip).limit(limit).lean<TemplateLean[]>().exec(),
      this.templates.countDocuments(filter).exec(),
    ]);
    return { items: docs.map(toRecord), total };
  }

  async replace(id: string, content: TemplateContent): Promise<WorkoutTemplateRecord | null> {
    const { description, ...rest } = content;
    const doc = await this.templates
      .findOneAndUpdate(
        { _id: new Types.ObjectId(id) },
        description === undefined ? { $set: rest, $unset: { description: 1 } } : { $set: { ...rest, description } },
        { returnDocument: 'after' },
      )
      .lean<TemplateLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.templates.deleteOne({ _id: new Types.ObjectId(id) }).exec()).deletedCount === 1;
  }
}
