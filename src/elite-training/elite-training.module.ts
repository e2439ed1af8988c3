import { Module } from '@nestjs/common';
import { TrainingModule } from '../training/training.module';
import { EliteProgramsController } from './elite-programs.controller';
import { EliteProgramsService } from './elite-programs.service';

@Module({
  imports: [TrainingModule],
  controllers: [EliteProgramsController],
  providers: [EliteProgramsService],
})
export class EliteTrainingModule {}
