import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RevisionCounters } from '../common/database/revision-counters';
import { FinishedWorkoutsRevisionDoc } from './schemas/finished-workouts-revision.schema';

/** The only code that touches the per-player revisions of finished workouts. */
@Injectable()
export class FinishedWorkoutsRevisionsRepository extends RevisionCounters {
  constructor(@InjectModel(FinishedWorkoutsRevisionDoc.name) revisions: Model<FinishedWorkoutsRevisionDoc>) {
    super(revisions);
  }
}
