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

@Module({
  imports: [
    PlayersModule,
    AssessmentsModule,
    DrillsModule,
    MongooseModule.forFeature([{ name: ProgramDoc.name, schema: ProgramSchema }]),
  ],
  controllers: [ProgramsController],
  providers: [ProgramsRepository, ProgramPlanner, ProgramsService],
  exports: [ProgramPlanner, ProgramsService],
})
export class TrainingModule {}
