import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, Types } from 'mongoose';

/** One testing session of one player: any subset of measurements, tests and ratings. */
@Schema({ collection: 'assessments', timestamps: true })
export class Assessment {
  @Prop({ type: Types.ObjectId, required: true })
  playerId!: Types.ObjectId;

  @Prop({ required: true })
  date!: Date;

  @Prop({ type: Types.ObjectId, required: true })
  assessedBy!: Types.ObjectId;

  @Prop()
  heightCm?: number;

  @Prop()
  weightKg?: number;

  @Prop()
  sittingHeightCm?: number;

  /** Physical test results, units in the keys (validated by the DTOs). */
  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  tests!: Record<string, number>;

  /** Coach ratings 1-10. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  ratings!: Record<string, number>;

  @Prop()
  notes?: string;

  createdAt!: Date;
  updatedAt!: Date;
}

export const AssessmentSchema = SchemaFactory.createForClass(Assessment);
AssessmentSchema.index({ playerId: 1, date: -1 });
