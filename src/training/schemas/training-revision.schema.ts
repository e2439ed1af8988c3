import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * One per player: bumped after every change to what the player did or has planned as the training and
 * activities modules store it (training logs, team sessions' logs included; programmes; activities).
 * Figures worked out at one revision stay true until the next, so every instance can keep them and sees a
 * change at its next request. Finished workouts have their own (finished_workouts_revisions).
 */
@Schema({ collection: 'training_revisions', versionKey: false })
export class TrainingRevisionDoc {
  /** The player's id. */
  @Prop({ type: Types.ObjectId })
  _id!: Types.ObjectId;

  @Prop({ required: true, default: 0 })
  revision!: number;
}
export const TrainingRevisionSchema = SchemaFactory.createForClass(TrainingRevisionDoc);
