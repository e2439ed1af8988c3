import { Module } from '@nestjs/common';
import { DrillsModule } from '../drills/drills.module';
import { PlayersModule } from '../players/players.module';
import { TrainingModule } from '../training/training.module';
import { UsersModule } from '../users/users.module';
import { FixturesController } from './fixtures.controller';
import { FixturesService } from './fixtures.service';
import { TeamSessionsController } from './team-sessions.controller';
import { TeamSessionsService } from './team-sessions.service';
import { TeamsDataModule } from './teams-data.module';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

@Module({
  imports: [PlayersModule, UsersModule, TeamsDataModule, DrillsModule, TrainingModule],
  controllers: [TeamsController, FixturesController, TeamSessionsController],
  providers: [TeamsService, FixturesService, TeamSessionsService],
  exports: [],
})
export class TeamsModule {}
