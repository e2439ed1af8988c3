import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { LOAD_ENTRY_KINDS, LOAD_ENTRY_STATUSES, LoadEntryKind, LoadEntryStatus } from '../domain/load-monitoring';

/** What a player actually did: a planned session (done or skipped), an unplanned session or a match. */
@Schema({ collection: 'training_logs', timestamps: { createdAt: true, updatedAt: false } })
export class TrainingLogDoc {
  @Prop({ type: Types.ObjectId, required: true })
  playerId!: Types.ObjectId;

  /** `YYYY-MM-DD`: loads are counted per calendar day. */
  @Prop({ required: true })
  date!: string;

  @Prop({ type: String, required: true, enum: LOAD_ENTRY_KINDS })
  kind!: LoadEntryKind;

  @Prop({ type: String, required: true, enum: LOAD_ENTRY_STATUSES })
  status!: LoadEntryStatus;

  @Prop({ required: true })
  durationMin!: number;

  @Prop({ required: true })
  rpe!: number;

  @Prop({ required: true })
  load!: number;

  @Prop({ type: Types.ObjectId })
  programId?: Types.ObjectId;

  @Prop()
  sessionId?: string;

  @Prop({ type: Types.ObjectId })
  teamSessionId?: Types.ObjectId;

  /**
   * `programId:sessionId` for planned sessions, `team-session:teamSessionId:playerId` for a player's log of a
   * team session: one log each (unique, absent otherwise).
   */
  @Prop()
  plannedKey?: string;

  @Prop()
  notes?: string;

  @Prop({ type: Types.ObjectId, required: true })
  loggedBy!: Types.ObjectId;

  createdAt!: Date;
}
export const TrainingLogSchema = SchemaFactory.createForClass(TrainingLogDoc);
TrainingLogSchema.index({ playerId: 1, date: -1 });
TrainingLogSchema.index({ plannedKey: 1 }, { unique: true, sparse: true });
TrainingLogSchema.index({ teamSessionId: 1 }, { sparse: true });
