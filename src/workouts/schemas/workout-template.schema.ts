import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, Types } from 'mongoose';
import { WorkoutEntry } from '../domain/workout';

/** A coach's reusable workout: entries with target sets, planned for any player later. */
@Schema({ collection: 'workout_templates', timestamps: true })
export class WorkoutTemplateDoc {
  @Prop({ required: true })
  name!: string;

  @Prop()
  description?: string;

  @Prop({ type: MongooseSchema.Types.Mixed, default: [] })
  exercises!: WorkoutEntry[];

  @Prop({ type: Types.ObjectId, required: true })
  owner!: Types.ObjectId;

  createdAt!: Date;
  updatedAt!: Date;
}
export const WorkoutTemplateSchema = SchemaFactory.createForClass(WorkoutTemplateDoc);
WorkoutTemplateSchema.index({ owner: 1, name: 1 });
