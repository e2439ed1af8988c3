import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

export const REVOKE_REASONS = ['logout', 'reuse', 'disabled'] as const;
export type RevokeReason = (typeof REVOKE_REASONS)[number];

/**
 * A login session: one refresh-token family. The current refresh token is stored as a
 * SHA-256 hash (tokens are 256-bit random, so a slow hash adds nothing); spent hashes are
 * kept so that replaying one is recognised as theft and revokes the whole family.
 */
@Schema({ collection: 'sessions', timestamps: true })
export class Session {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId!: Types.ObjectId;

  @Prop({ required: true, unique: true })
  currentTokenHash!: string;

  @Prop({ type: [String], default: [], index: true })
  spentTokenHashes!: string[];

  /** Absolute end of the family; documents past it are removed by a TTL index. */
  @Prop({ required: true, expires: 0 })
  expiresAt!: Date;

  @Prop()
  revokedAt?: Date;

  @Prop({ type: String, enum: REVOKE_REASONS })
  revokedReason?: RevokeReason;
}

export type SessionDocument = HydratedDocument<Session>;
export const SessionSchema = SchemaFactory.createForClass(Session);
