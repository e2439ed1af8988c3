import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, Types } from 'mongoose';
import { ACTIVITY_KINDS, ActivityKind } from '../domain/activity';
import { ACTIVITY_FORMATS, ActivityFormat, type ActivityDevice } from '../parsing/parsed-activity';
import type { ActivityMetrics } from '../domain/activity-analysis';
import type { Section } from '../domain/sections';
import type { TrackQuality } from '../domain/track-cleaning';
import type { ActivityAttachment, ActivitySource, AnalysedAthlete, CustomSection } from '../activity.record';

/**
 * A stored activity: what the analysis found (metrics, sections) in the document; the original file and
 * the cleaned track in GridFS (a 10 Hz match is megabytes), read only for downloads, streams and sections.
 */
@Schema({ collection: 'activities', timestamps: true })
export class ActivityDoc {
  @Prop({ type: Types.ObjectId, required: true })
  playerId!: Types.ObjectId;

  @Prop({ type: String, required: true, enum: ACTIVITY_KINDS })
  kind!: ActivityKind;

  @Prop({ required: true })
  title!: string;

  @Prop({ type: String, required: true, enum: ACTIVITY_FORMATS })
  format!: ActivityFormat;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  source!: ActivitySource;

  @Prop({ type: MongooseSchema.Types.Mixed })
  device?: ActivityDevice;

  /**
   * Device and start time (`device:…`): a second file of the same recording (another format, another
   * export) is a duplicate. A file naming no device keys by its hash (`file:…`), so the key always exists.
   */
  @Prop({ required: true })
  deviceKey!: string;

  @Prop({ required: true })
  startedAt!: Date;

  @Prop({ required: true })
  date!: string;

  @Prop({ required: true })
  distanceM!: number;

  @Prop({ required: true })
  hasHeartRate!: boolean;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  quality!: TrackQuality;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  metrics!: ActivityMetrics;

  @Prop({ type: MongooseSchema.Types.Mixed, default: [] })
  laps!: Section[];

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  splits!: { distance: Section[]; time: Section[] };

  @Prop({ type: MongooseSchema.Types.Mixed, default: [] })
  sections!: CustomSection[];

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  athlete!: AnalysedAthlete;

  @Prop({ type: MongooseSchema.Types.Mixed })
  attachment?: ActivityAttachment;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  file!: { id: string; filename?: string; bytes: number; sha256: string };

  @Prop({ required: true })
  trackFileId!: string;

  @Prop({ type: [Number], default: [] })
  segmentStarts!: number[];

  @Prop({ type: Types.ObjectId })
  importedBy?: Types.ObjectId;

  createdAt!: Date;
  updatedAt!: Date;
}

export const ActivitySchema = SchemaFactory.createForClass(ActivityDoc);
ActivitySchema.index({ playerId: 1, startedAt: -1 });
// The same file twice for one player: refused by the database too, not only by the check before the insert.
ActivitySchema.index({ playerId: 1, 'file.sha256': 1 }, { unique: true });
ActivitySchema.index({ playerId: 1, deviceKey: 1 }, { unique: true });
