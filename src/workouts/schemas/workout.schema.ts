import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, Types } from 'mongoose';
import { WORKOUT_STATUSES, WorkoutEntry, WorkoutStatus } from '../domain/workout';
import type { EntryVolume } from '../domain/workout-volume';

/**
 * A stored workout. Its entries and sets are one embedded document, written whole under a revision
 * number: every change reads the workout, applies a pure edit and writes it back only if nobody
 * else wrote in between, so two phones editing one workout never lose a set.
 */
@Schema({ collection: 'workouts', timestamps: true })
export class WorkoutDoc {
  @Prop({ type: Types.ObjectId, required: true })
  playerId!: Types.ObjectId;

  /** `YYYY-MM-DD`: loads and statistics count per calendar day. */
  @Prop({ required: true })
  date!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ type: String, required: true, enum: WORKOUT_STATUSES })
  status!: WorkoutStatus;

  @Prop({ type: MongooseSchema.Types.Mixed, default: [] })
  exercises!: WorkoutEntry[];

  /**
   * What each entry adds up to (`summarizeWorkout`), rewritten with the entries on every write: the
   * statistics read these instead of every set.
   */
  @Prop({ type: MongooseSchema.Types.Mixed, default: [] })
  entryVolumes!: EntryVolume[];

  @Prop()
  durationMin?: number;

  @Prop()
  sessionRpe?: number;

  @Prop()
  notes?: string;

  @Prop()
  finishedAt?: Date;

  /** The template it was planned from, if any. */
  @Prop({ type: Types.ObjectId })
  templateId?: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  createdBy!: Types.ObjectId;

  /** Bumped by every write: the optimistic-concurrency check. */
  @Prop({ required: true, default: 0 })
  revision!: number;

  createdAt!: Date;
  updatedAt!: Date;
}
export const WorkoutSchema = SchemaFactory.createForClass(WorkoutDoc);
WorkoutSchema.index({ playerId: 1, date: -1 });
WorkoutSchema.index({ playerId: 1, 'exercises.exerciseId': 1, date: -1 });
