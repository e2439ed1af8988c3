import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * One per player: bumped after every change to the player's finished workouts (finish, reopen, a
 * finished workout replaced or deleted). Statistics computed at one revision stay true until the next,
 * so every instance can keep them, and sees a change at its next request.
 */
@Schema({ collection: 'finished_workouts_revisions', versionKey: false })
export class FinishedWorkoutsRevisionDoc {
  /** The player's id. */
  @Prop({ type: Types.ObjectId })
  _id!: Types.ObjectId;

  @Prop({ required: true, default: 0 })
  revision!: number;
}
export const FinishedWorkoutsRevisionSchema = SchemaFactory.createForClass(FinishedWorkoutsRevisionDoc);
