import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, Types } from 'mongoose';
import type { Fixture, FocusArea, PlannedWeek, ProgramAdjustment, ProgramKind, Weekday } from '../domain/program';
import { PROGRAM_KINDS } from '../domain/program';
import type { SafetyCheckResult } from '../domain/program-safety';

/**
 * A stored programme. The weeks are kept as one embedded document (they are written once and
 * always read whole); the fields programmes are listed and filtered by sit beside them.
 */
@Schema({ collection: 'programs', timestamps: true })
export class ProgramDoc {
  @Prop({ type: Types.ObjectId, required: true })
  playerId!: Types.ObjectId;

  @Prop({ type: String, required: true, enum: PROGRAM_KINDS })
  kind!: ProgramKind;

  @Prop({ required: true })
  startDate!: string;

  @Prop({ required: true })
  endDate!: string;

  @Prop({ required: true })
  sessionsPerWeek!: number;

  @Prop({ type: [String], required: true })
  availableDays!: Weekday[];

  @Prop({ type: [String], default: [] })
  focus!: FocusArea[];

  @Prop({ type: MongooseSchema.Types.Mixed, default: [] })
  fixtures!: Fixture[];

  /** What the programme changed from the usual plan for this player, and why. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: [] })
  adjustments!: ProgramAdjustment[];

  @Prop({ required: true })
  seed!: number;

  /** The assessment the programme was aimed from. */
  @Prop({ type: Types.ObjectId, required: true })
  assessmentId!: Types.ObjectId;

  /** Age in whole years on the start date, as the rules were applied. */
  @Prop({ required: true })
  ageYears!: number;

  @Prop({ type: String, required: true })
  drillSource!: 'database' | 'static';

  @Prop({ type: Number })
  drillVersion?: number;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  weeks!: PlannedWeek[];

  @Prop({ required: true })
  totalPlannedLoad!: number;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  safety!: { passed: boolean; checks: SafetyCheckResult[] };

  @Prop({ type: Types.ObjectId, required: true })
  createdBy!: Types.ObjectId;

  createdAt!: Date;
  updatedAt!: Date;
}
export const ProgramSchema = SchemaFactory.createForClass(ProgramDoc);
ProgramSchema.index({ playerId: 1, createdAt: -1 });
