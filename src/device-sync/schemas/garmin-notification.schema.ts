import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import {
  GARMIN_FILE_TYPES,
  GARMIN_NOTIFICATION_STATUSES,
  GarminFileType,
  GarminNotificationStatus,
} from '../domain/garmin-notification';

/** One activity file Garmin told us about, and what became of it. One per summary id (idempotency). */
@Schema({ collection: 'garmin_notifications', timestamps: { createdAt: 'receivedAt', updatedAt: 'updatedAt' } })
export class GarminNotificationDoc {
  @Prop({ required: true })
  summaryId!: string;

  @Prop({ required: true })
  garminUserId!: string;

  /** The player linked to the Garmin user when the file was handled; absent while unlinked. */
  @Prop({ type: Types.ObjectId })
  playerId?: Types.ObjectId;

  @Prop({ type: String, required: true, enum: GARMIN_FILE_TYPES })
  fileType!: GarminFileType;

  /** Holds Garmin's download token: never logged nor shown (admins see `callbackHost`). */
  @Prop({ required: true })
  callbackURL!: string;

  /** `host:port` of the callback URL, or null when it is no URL. */
  @Prop({ type: String, default: null })
  callbackHost!: string | null;

  @Prop()
  startTimeInSeconds?: number;

  @Prop()
  garminActivityId?: number;

  @Prop()
  activityName?: string;

  @Prop({ type: String, required: true, enum: GARMIN_NOTIFICATION_STATUSES })
  status!: GarminNotificationStatus;

  /** Fetch attempts made so far (over every retry round). */
  @Prop({ required: true, default: 0 })
  attempts!: number;

  @Prop({ type: String, default: null })
  lastError!: string | null;

  /** The stored activity: the one imported, or the one it duplicates. */
  @Prop({ type: Types.ObjectId, default: null })
  activityId!: Types.ObjectId | null;

  receivedAt!: Date;
  updatedAt!: Date;
}
export const GarminNotificationSchema = SchemaFactory.createForClass(GarminNotificationDoc);
GarminNotificationSchema.index({ summaryId: 1 }, { unique: true });
GarminNotificationSchema.index({ status: 1, receivedAt: -1 });
GarminNotificationSchema.index({ playerId: 1 });
