import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { INTENSITIES, Intensity } from '../../drills/domain/drill-format';

@Schema({ _id: false })
export class TeamSessionDrillDoc {
  @Prop({ required: true })
  drillId!: string;

  @Prop({ required: true })
  minutes!: number;
}
const TeamSessionDrillSchema = SchemaFactory.createForClass(TeamSessionDrillDoc);

@Schema({ collection: 'team_sessions', timestamps: { createdAt: true, updatedAt: false } })
export class TeamSessionDoc {
  @Prop({ type: Types.ObjectId, required: true })
  teamId!: Types.ObjectId;

  /** `YYYY-MM-DD` in the academy's time zone. */
  @Prop({ required: true })
  date!: string;

  /** `HH:MM` local time. */
  @Prop({ required: true })
  startTime!: string;

  @Prop({ required: true })
  durationMin!: number;

  @Prop({ type: String, required: true, enum: INTENSITIES })
  intensity!: Intensity;

  @Prop({ required: true })
  targetRpe!: number;

  @Prop({ type: [TeamSessionDrillSchema], default: [] })
  drills!: TeamSessionDrillDoc[];

  @Prop()
  notes?: string;

  @Prop({ type: Types.ObjectId, required: true })
  createdBy!: Types.ObjectId;

  createdAt!: Date;
}
export const TeamSessionSchema = SchemaFactory.createForClass(TeamSessionDoc);
TeamSessionSchema.index({ teamId: 1, date: 1 });
