import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { Role, ROLES } from '../domain/role';

@Schema({ collection: 'users', timestamps: true })
export class User {
  /** Stored lower-cased; unique. */
  @Prop({ type: String, required: true, unique: true, lowercase: true, trim: true })
  email!: string;

  /** argon2id hash; never selected unless asked for. */
  @Prop({ required: true, select: false })
  passwordHash!: string;

  @Prop({ required: true, trim: true })
  displayName!: string;

  @Prop({ type: String, required: true, enum: ROLES, index: true })
  role!: Role;

  @Prop({ default: false })
  disabled!: boolean;

  createdAt!: Date;
  updatedAt!: Date;
}

export type UserDocument = HydratedDocument<User>;
export const UserSchema = SchemaFactory.createForClass(User);
