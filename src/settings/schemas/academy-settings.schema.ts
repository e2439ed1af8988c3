import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { LANGUAGES, Language } from '../../common/domain/language';
import { DIGIT_SYSTEMS, DigitSystem } from '../domain/academy-settings';

/** The academy's settings: one document, keyed `academy`. */
@Schema({ collection: 'academy_settings', timestamps: false, versionKey: false })
export class AcademySettingsDoc {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ required: true })
  timeZone!: string;

  @Prop({ type: String, required: true, enum: LANGUAGES })
  language!: Language;

  @Prop({ type: String, required: true, enum: DIGIT_SYSTEMS })
  digits!: DigitSystem;

  @Prop({ required: true })
  updatedAt!: Date;
}
export const AcademySettingsSchema = SchemaFactory.createForClass(AcademySettingsDoc);
