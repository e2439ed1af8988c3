import { Module } from '@nestjs/common';
import { PlayersModule } from '../players/players.module';
import { UsersModule } from '../users/users.module';
import { FixturesController } from './fixtures.controller';
import { FixturesService } from './fixtures.service';
import { TeamsDataModule } from './teams-data.module';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

@Module({
  imports: [PlayersModule, UsersModule, TeamsDataModule],
  controllers: [TeamsController, FixturesController],
  providers: [TeamsService, FixturesService],
  exports: [],
})
export class TeamsModule {}
