import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AssessmentsModule } from '../assessments/assessments.module';
import { PlayersModule } from '../players/players.module';
import { TrainingModule } from '../training/training.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesRepository } from './activities.repository';
import { ActivitiesService } from './activities.service';
import { ActivityFilesStore } from './activity-files.store';
import { ActivityImportService } from './activity-import.service';
import { ActivityZipImport } from './activity-zip-import';
import { ActivityDoc, ActivitySchema } from './schemas/activity.schema';

@Module({
  imports: [
    PlayersModule,
    TrainingModule,
    AssessmentsModule,
    MongooseModule.forFeature([{ name: ActivityDoc.name, schema: ActivitySchema }]),
  ],
  controllers: [ActivitiesController],
  providers: [ActivitiesRepository, ActivityFilesStore, ActivityImportService, ActivitiesService, ActivityZipImport],
  exports: [ActivityImportService, ActivitiesRepository],
})
export class ActivitiesModule {}
