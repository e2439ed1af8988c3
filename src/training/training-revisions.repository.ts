import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RevisionCounters } from '../common/database/revision-counters';
import { TrainingRevisionDoc } from './schemas/training-revision.schema';

/** The only code that touches the per-player training revisions (see TrainingRevisionDoc). */
@Injectable()
export class TrainingRevisions extends RevisionCounters {
  constructor(@InjectModel(TrainingRevisionDoc.name) revisions: Model<TrainingRevisionDoc>) {
    super(revisions);
  }
}
