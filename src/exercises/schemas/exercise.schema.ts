import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import {
  BODY_PARTS,
  BodyPart,
  ExerciseTranslation,
  MEASURES,
  Measure,
  MECHANICS,
  Mechanics,
  MODALITIES,
  Modality,
} from '../domain/exercise';

/**
 * Every exercise, shipped or custom, in one collection under a string id: system exercises
 * keep their slug, custom ones get an ObjectId's hex string.
 */
@Schema({ collection: 'exercises', versionKey: false, timestamps: true })
export class ExerciseEntity {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ required: true })
  description!: string;

  @Prop({ type: [String], enum: BODY_PARTS, required: true })
  bodyParts!: BodyPart[];

  @Prop({ type: String, enum: MODALITIES, required: true })
  modality!: Modality;

  @Prop({ type: [String], default: [] })
  equipment!: string[];

  @Prop({ type: String, enum: MECHANICS, required: true })
  mechanics!: Mechanics;

  @Prop({ required: true })
  unilateral!: boolean;

  @Prop({ type: String, enum: MEASURES, required: true })
  measure!: Measure;

  @Prop({ required: true })
  externalLoad!: boolean;

  @Prop({ required: true })
  minAge!: number;

  @Prop({ type: [String], default: [] })
  tags!: string[];

  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  translations!: { ar?: ExerciseTranslation };

  /** `system` or the id (hex) of the account that created it. */
  @Prop({ required: true })
  owner!: string;

  @Prop({ required: true, default: false })
  archived!: boolean;

  /** The English name as search compares it: one exercise of a name per owner. */
  @Prop({ required: true })
  nameKey!: string;

  /** Normalized English name, ' | ', normalized Arabic name (see domain/search-text.ts). */
  @Prop({ required: true })
  searchText!: string;

  /** When an admin last changed a system exercise; the boot sync leaves such ones alone. */
  @Prop()
  editedAt?: Date;

  createdAt!: Date;
  updatedAt!: Date;
}

export const ExerciseSchema = SchemaFactory.createForClass(ExerciseEntity);
ExerciseSchema.index({ owner: 1, nameKey: 1 }, { unique: true });
// Lists: the non-archived ones, by name.
ExerciseSchema.index({ archived: 1, nameKey: 1 });
