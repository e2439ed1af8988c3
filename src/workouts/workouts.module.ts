import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ExercisesModule } from '../exercises/exercises.module';
import { PlayersModule } from '../players/players.module';
import { TrainingModule } from '../training/training.module';
import { WorkoutTemplateDoc, WorkoutTemplateSchema } from './schemas/workout-template.schema';
import { WorkoutDoc, WorkoutSchema } from './schemas/workout.schema';
import {
  FinishedWorkoutsRevisionDoc,
  FinishedWorkoutsRevisionSchema,
} from './schemas/finished-workouts-revision.schema';
import { FinishedWorkoutsRevisionsRepository } from './finished-workouts-revisions.repository';
import { WorkoutContent } from './workout-content';
import { WorkoutStatsController } from './workout-stats.controller';
import { WorkoutStatsService } from './workout-stats.service';
import { WorkoutTemplatesController } from './workout-templates.controller';
import { WorkoutTemplatesRepository } from './workout-templates.repository';
import { WorkoutTemplatesService } from './workout-templates.service';
import { WorkoutsController } from './workouts.controller';
import { WorkoutsRepository } from './workouts.repository';
import { WorkoutsService } from './workouts.service';

@Module({
  imports: [
    PlayersModule,
    ExercisesModule,
    TrainingModule,
    MongooseModule.forFeature([
      { name: WorkoutDoc.name, schema: WorkoutSchema },
      { name: WorkoutTemplateDoc.name, schema: WorkoutTemplateSchema },
      { name: FinishedWorkoutsRevisionDoc.name, schema: FinishedWorkoutsRevisionSchema },
    ]),
  ],
  controllers: [WorkoutsController, WorkoutTemplatesController, WorkoutStatsController],
  providers: [
    WorkoutsRepository,
    WorkoutTemplatesRepository,
    FinishedWorkoutsRevisionsRepository,
    WorkoutContent,
    WorkoutsService,
    WorkoutTemplatesService,
    WorkoutStatsService,
  ],
  exports: [WorkoutsService],
})
export class WorkoutsModule {}
