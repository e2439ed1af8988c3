import { Module } from '@nestjs/common';
import { PlayersModule } from '../players/players.module';
import { TeamsDataModule } from './teams-data.module';

@Module({
  imports: [PlayersModule, TeamsDataModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class TeamsModule {}
