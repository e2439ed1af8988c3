import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, Types } from 'mongoose';
import type { Drill } from '../domain/drill-format';
import { UPLOAD_MODES, UploadMode } from '../domain/drill-set-change';

/**
 * One drill of one stored version. A version's drills are all written before the version
 * becomes active, so readers never see a half-written set.
 */
@Schema({ collection: 'drill_set_items', versionKey: false })
export class DrillSetItem {
  @Prop({ required: true })
  version!: number;

  /** Order within the set, so the library reads back as it was uploaded. */
  @Prop({ required: true })
  position!: number;

  /** The validated drill, in the upload format. */
  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  drill!: Drill;
}
export const DrillSetItemSchema = SchemaFactory.createForClass(DrillSetItem);
DrillSetItemSchema.index({ version: 1, position: 1 }, { unique: true });

/** What was uploaded when, by whom: one document per stored version. */
@Schema({ collection: 'drill_set_versions', versionKey: false })
export class DrillSetVersion {
  @Prop({ required: true, unique: true })
  version!: number;

  @Prop({ type: String, required: true, enum: UPLOAD_MODES })
  mode!: UploadMode;

  @Prop({ type: Types.ObjectId, required: true })
  uploadedBy!: Types.ObjectId;

  @Prop({ required: true })
  uploadedByEmail!: string;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  drillCount!: number;

  @Prop({ required: true })
  added!: number;

  @Prop({ required: true })
  updated!: number;

  @Prop({ required: true })
  removed!: number;
}
export const DrillSetVersionSchema = SchemaFactory.createForClass(DrillSetVersion);

/**
 * Single documents keyed by name: `active` points at the served version (switching it is
 * one atomic update), `sequence` hands out version numbers.
 */
@Schema({ collection: 'drill_library_state', versionKey: false })
export class DrillLibraryState {
  @Prop({ type: String, required: true })
  _id!: 'active' | 'sequence';

  @Prop({ required: true })
  version!: number;

  @Prop()
  activatedAt?: Date;

  @Prop({ type: Types.ObjectId })
  activatedBy?: Types.ObjectId;
}
export const DrillLibraryStateSchema = SchemaFactory.createForClass(DrillLibraryState);
