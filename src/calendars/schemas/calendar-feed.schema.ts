import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** A secret calendar URL of a player or a team; only the SHA-256 of its token is kept. */
@Schema({ collection: 'calendar_feeds', timestamps: { createdAt: true, updatedAt: false } })
export class CalendarFeedDoc {
  @Prop({ type: Types.ObjectId, required: true })
  ownerId!: Types.ObjectId;

  @Prop({ type: Types.ObjectId })
  playerId?: Types.ObjectId;

  @Prop({ type: Types.ObjectId })
  teamId?: Types.ObjectId;

  /** Hex SHA-256 of the token in the URL. */
  @Prop({ required: true })
  tokenHash!: string;

  createdAt!: Date;
}
export const CalendarFeedSchema = SchemaFactory.createForClass(CalendarFeedDoc);
CalendarFeedSchema.index({ tokenHash: 1 }, { unique: true });
CalendarFeedSchema.index({ ownerId: 1, createdAt: -1 });
