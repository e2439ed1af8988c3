import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { PlayersModule } from '../players/players.module';
import { SettingsModule } from '../settings/settings.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { TrainingModule } from '../training/training.module';
import { WorkoutsModule } from '../workouts/workouts.module';
import { DashboardsController } from './dashboards.controller';
import { DashboardsService } from './dashboards.service';
import { SquadRecords } from './squad-records';

@Module({
  imports: [PlayersModule, TeamsDataModule, TrainingModule, AssessmentsModule, WorkoutsModule, SettingsModule],
  controllers: [DashboardsController],
  providers: [DashboardsService, SquadRecords],
})
export class DashboardsModule {}
