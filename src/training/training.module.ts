import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AssessmentsModule } from '../assessments/assessments.module';
import { DrillsModule } from '../drills/drills.module';
import { PlayersModule } from '../players/players.module';
import { ProgramPlanner } from './program-planner';
import { ProgramsController } from './programs.controller';
import { ProgramsRepository } from './programs.repository';
import { ProgramsService } from './programs.service';
import { ProgramDoc, ProgramSchema } from './schemas/program.schema';
import { TrainingLogDoc, TrainingLogSchema } from './schemas/training-log.schema';
import { TrainingLoadController } from './training-load.controller';
import { TrainingLoadService } from './training-load.service';
import { TrainingLogsRepository } from './training-logs.repository';
import { LoadLedger } from './load-ledger';
import { TrainingSessions } from './training-sessions';
import { TrainingRevisionDoc, TrainingRevisionSchema } from './schemas/training-revision.schema';
import { TrainingRevisions } from './training-revisions.repository';

@Module({
  imports: [
    PlayersModule,
    AssessmentsModule,
    DrillsModule,
    MongooseModule.forFeature([
      { name: ProgramDoc.name, schema: ProgramSchema },
      { name: TrainingLogDoc.name, schema: TrainingLogSchema },
      { name: TrainingRevisionDoc.name, schema: TrainingRevisionSchema },
    ]),
  ],
  controllers: [ProgramsController, TrainingLoadController],
  providers: [
    ProgramsRepository,
    ProgramPlanner,
    ProgramsService,
    TrainingLogsRepository,
    TrainingLoadService,
    LoadLedger,
    TrainingSessions,
    TrainingRevisions,
  ],
  exports: [ProgramPlanner, LoadLedger, TrainingSessions, TrainingRevisions],
})
export class TrainingModule {}
