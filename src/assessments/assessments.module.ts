import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PlayersModule } from '../players/players.module';
import { Vo2Module } from '../vo2/vo2.module';
import { AssessmentSummaryService } from './assessment-summary.service';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentsService } from './assessments.service';
import { CohortPercentilesService } from './cohort-percentiles.service';
import { NormTablesRepository } from './norm-tables.repository';
import { NormsController } from './norms.controller';
import { NormsService } from './norms.service';
import { ProgressService } from './progress.service';
import { Assessment, AssessmentSchema } from './schemas/assessment.schema';
import { NormTableDoc, NormTableSchema } from './schemas/norm-table.schema';

@Module({
  imports: [
    PlayersModule,
    Vo2Module,
    MongooseModule.forFeature([
      { name: Assessment.name, schema: AssessmentSchema },
      { name: NormTableDoc.name, schema: NormTableSchema },
    ]),
  ],
  controllers: [AssessmentsController, NormsController],
  providers: [
    AssessmentsRepository,
    AssessmentsService,
    AssessmentSummaryService,
    ProgressService,
    NormTablesRepository,
    NormsService,
    CohortPercentilesService,
  ],
  exports: [AssessmentsService, AssessmentSummaryService, NormsService],
})
export class AssessmentsModule {}
