import { Module } from '@nestjs/common';
import { TeamsDataModule } from '../teams/teams-data.module';
import { TrainingModule } from '../training/training.module';
import { EliteProgramsController } from './elite-programs.controller';
import { EliteProgramsService } from './elite-programs.service';

@Module({
  imports: [TrainingModule, TeamsDataModule],
  controllers: [EliteProgramsController],
  providers: [EliteProgramsService],
})
export class EliteTrainingModule {}
