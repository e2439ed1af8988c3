import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import {
  BODY_REGIONS,
  BodyRegion,
  DOMINANT_FEET,
  DominantFoot,
  INJURY_STATUSES,
  InjuryStatus,
  LEVELS,
  Level,
  POSITIONS,
  Position,
  SEXES,
  Sex,
} from '../../common/domain/enums';

@Schema({ _id: false })
export class Injury {
  @Prop({ type: String, required: true, enum: INJURY_STATUSES, default: 'fit' })
  status!: InjuryStatus;

  @Prop({ type: [String], enum: BODY_REGIONS, default: [] })
  bodyRegions!: BodyRegion[];

  @Prop()
  since?: Date;

  @Prop()
  notes?: string;

  @Prop()
  updatedAt?: Date;
}

@Schema({ collection: 'players', timestamps: true })
export class Player {
  @Prop({ required: true, trim: true })
  firstName!: string;

  @Prop({ required: true, trim: true })
  lastName!: string;

  @Prop({ required: true })
  dateOfBirth!: Date;

  @Prop({ type: String, required: true, enum: SEXES })
  sex!: Sex;

  @Prop({ type: String, required: true, enum: POSITIONS })
  position!: Position;

  @Prop({ type: String, required: true, enum: LEVELS })
  level!: Level;

  @Prop({ type: String, required: true, enum: DOMINANT_FEET })
  dominantFoot!: DominantFoot;

  @Prop()
  heightCm?: number;

  @Prop()
  weightKg?: number;

  @Prop()
  hrMaxBpm?: number;

  @Prop()
  hrRestBpm?: number;

  @Prop()
  maxSpeedMps?: number;

  @Prop({ type: Injury, default: () => ({ status: 'fit', bodyRegions: [] }) })
  injury!: Injury;

  @Prop({ type: [Types.ObjectId], default: [], index: true })
  coachIds!: Types.ObjectId[];

  @Prop({ type: [Types.ObjectId], default: [], index: true })
  guardianIds!: Types.ObjectId[];

  /** The player's own account, when they have one (young players often do not); one player per account. */
  @Prop({ type: Types.ObjectId, unique: true, sparse: true })
  userId?: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  createdBy!: Types.ObjectId;

  createdAt!: Date;
  updatedAt!: Date;
}

export type PlayerDocument = HydratedDocument<Player>;
export const PlayerSchema = SchemaFactory.createForClass(Player);
PlayerSchema.index({ lastName: 1, firstName: 1 });
// Cohorts: one sex, one birth year.
PlayerSchema.index({ sex: 1, dateOfBirth: 1 });
