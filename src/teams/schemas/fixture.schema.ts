import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { FIXTURE_IMPORTANCE, FixtureImportance } from '../../training/domain/program';
import { VENUES, Venue } from '../domain/team';

@Schema({ collection: 'team_fixtures', timestamps: { createdAt: true, updatedAt: false } })
export class FixtureDoc {
  @Prop({ type: Types.ObjectId, required: true })
  teamId!: Types.ObjectId;

  /** `YYYY-MM-DD` in the academy's time zone. */
  @Prop({ required: true })
  date!: string;

  /** `HH:MM` local time. */
  @Prop({ required: true })
  kickOff!: string;

  @Prop({ required: true })
  opponent!: string;

  @Prop({ type: String, required: true, enum: VENUES })
  venue!: Venue;

  @Prop({ type: String, required: true, enum: FIXTURE_IMPORTANCE })
  importance!: FixtureImportance;

  @Prop({ type: Types.ObjectId, required: true })
  createdBy!: Types.ObjectId;

  createdAt!: Date;
}
export const FixtureSchema = SchemaFactory.createForClass(FixtureDoc);
// A team plays at most one match a day.
FixtureSchema.index({ teamId: 1, date: 1 }, { unique: true });
