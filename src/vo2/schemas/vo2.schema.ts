import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, Types } from 'mongoose';
import { SEXES, Sex } from '../../common/domain/enums';
import { VO2_PROTOCOLS, Vo2Protocol } from '../domain/vo2-formulas';
import type { Vo2BandCutoff, Vo2TableReference } from '../domain/vo2-norms';

/** A norm table for one sex and age band: band cut-offs and percentiles, with its source. */
@Schema({ collection: 'vo2_benchmarks', timestamps: true })
export class Vo2BenchmarkDoc {
  @Prop({ type: String, required: true, enum: SEXES })
  sex!: Sex;

  @Prop({ required: true })
  ageMin!: number;

  @Prop({ required: true })
  ageMax!: number;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  bands!: Vo2BandCutoff[];

  @Prop({ type: MongooseSchema.Types.Mixed, default: [] })
  percentiles!: { p: number; vo2max: number }[];

  @Prop({ required: true })
  source!: string;
}
export const Vo2BenchmarkSchema = SchemaFactory.createForClass(Vo2BenchmarkDoc);
Vo2BenchmarkSchema.index({ sex: 1, ageMin: 1 });

/** A stored field or lab test; the estimate is frozen when it is written. */
@Schema({ collection: 'vo2_tests', timestamps: true })
export class Vo2TestDoc {
  @Prop({ type: Types.ObjectId, required: true })
  playerId!: Types.ObjectId;

  @Prop({ required: true })
  date!: Date;

  @Prop({ type: String, required: true, enum: VO2_PROTOCOLS })
  protocol!: Vo2Protocol;

  /** The protocol's inputs as measured (distanceM, level, timeMin, ...). */
  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  inputs!: Record<string, number>;

  @Prop({ required: true })
  ageYears!: number;

  @Prop({ required: true })
  vo2max!: number;

  @Prop({ required: true })
  formula!: string;

  @Prop({ required: true })
  reference!: string;

  @Prop({ type: String })
  band?: string | null;

  @Prop({ type: Number })
  percentile?: number | null;

  /** The table the band and percentile were read from (absent on tests stored before it was kept). */
  @Prop({ type: MongooseSchema.Types.Mixed })
  percentileReference?: Vo2TableReference | null;

  @Prop({ type: Types.ObjectId, required: true })
  recordedBy!: Types.ObjectId;

  createdAt!: Date;
}
export const Vo2TestSchema = SchemaFactory.createForClass(Vo2TestDoc);
Vo2TestSchema.index({ playerId: 1, date: -1 });
