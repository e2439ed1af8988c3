import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, Types } from 'mongoose';

/** One version of an admin-uploaded norm table: the validated upload as sent, kept after it is superseded or withdrawn. */
@Schema({ collection: 'norm_tables', timestamps: false })
export class NormTableDoc {
  /** Versions of one reference share a name. */
  @Prop({ required: true })
  name!: string;

  @Prop({ required: true })
  version!: number;

  @Prop({ required: true })
  test!: string;

  /** The upload in the norm-file format (source, test, unit, format, notes, rows). */
  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  upload!: Record<string, unknown>;

  @Prop({ type: Types.ObjectId, required: true })
  uploadedBy!: Types.ObjectId;

  @Prop({ required: true })
  uploadedAt!: Date;

  @Prop()
  withdrawnAt?: Date;

  @Prop({ type: Types.ObjectId })
  withdrawnBy?: Types.ObjectId;
}

export const NormTableSchema = SchemaFactory.createForClass(NormTableDoc);
NormTableSchema.index({ name: 1, version: 1 }, { unique: true, name: 'name_version' });
