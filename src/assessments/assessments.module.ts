import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PlayersModule } from '../players/players.module';
import { Vo2Module } from '../vo2/vo2.module';
import { AssessmentSummaryService } from './assessment-summary.service';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentsService } from './assessments.service';
import { ProgressService } from './progress.service';
import { Assessment, AssessmentSchema } from './schemas/assessment.schema';

@Module({
  imports: [PlayersModule, Vo2Module, MongooseModule.forFeature([{ name: Assessment.name, schema: AssessmentSchema }])],
  controllers: [AssessmentsController],
  providers: [AssessmentsRepository, AssessmentsService, AssessmentSummaryService, ProgressService],
  exports: [AssessmentsService, AssessmentSummaryService],
})
export class AssessmentsModule {}
