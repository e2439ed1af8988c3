import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** A player's Garmin account: its files pushed by Garmin are stored for that player. One each way. */
@Schema({ collection: 'garmin_links', timestamps: { createdAt: false, updatedAt: false } })
export class GarminLinkDoc {
  @Prop({ type: Types.ObjectId, required: true })
  playerId!: Types.ObjectId;

  @Prop({ required: true })
  garminUserId!: string;

  @Prop({ type: Types.ObjectId, required: true })
  linkedBy!: Types.ObjectId;

  @Prop({ type: Date, required: true })
  linkedAt!: Date;
}
export const GarminLinkSchema = SchemaFactory.createForClass(GarminLinkDoc);
GarminLinkSchema.index({ playerId: 1 }, { unique: true });
GarminLinkSchema.index({ garminUserId: 1 }, { unique: true });
