import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { AGE_GROUPS, AgeGroup, TEAM_SEXES, TeamSex } from '../domain/team';

@Schema({ collection: 'teams', timestamps: true })
export class TeamDoc {
  @Prop({ required: true })
  name!: string;

  @Prop({ required: true })
  season!: string;

  @Prop({ type: String, required: true, enum: AGE_GROUPS })
  ageGroup!: AgeGroup;

  @Prop({ type: String, required: true, enum: TEAM_SEXES })
  sex!: TeamSex;

  @Prop({ type: [Types.ObjectId], default: [] })
  playerIds!: Types.ObjectId[];

  @Prop({ type: [Types.ObjectId], default: [] })
  coachIds!: Types.ObjectId[];

  @Prop({ type: Types.ObjectId, required: true })
  createdBy!: Types.ObjectId;

  createdAt!: Date;
  updatedAt!: Date;
}
export const TeamSchema = SchemaFactory.createForClass(TeamDoc);
// One team of a name per season; the access policy asks "which teams have this player / this coach".
TeamSchema.index({ season: 1, name: 1 }, { unique: true });
TeamSchema.index({ playerIds: 1 });
TeamSchema.index({ coachIds: 1 });
