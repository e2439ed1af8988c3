import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TeamsDataModule } from '../teams/teams-data.module';
import { UsersModule } from '../users/users.module';
import { PlayerAccessService } from './player-access.service';
import { PlayerCohorts } from './player-cohorts';
import { PlayerLifecycle } from './player-lifecycle';
import { PlayersController } from './players.controller';
import { PlayersRepository } from './players.repository';
import { PlayersService } from './players.service';
import { Player, PlayerSchema } from './schemas/player.schema';
import { TeamAccessService } from './team-access.service';

@Module({
  imports: [UsersModule, TeamsDataModule, MongooseModule.forFeature([{ name: Player.name, schema: PlayerSchema }])],
  controllers: [PlayersController],
  providers: [
    PlayersRepository,
    PlayersService,
    PlayerAccessService,
    TeamAccessService,
    PlayerLifecycle,
    PlayerCohorts,
  ],
  exports: [PlayerAccessService, TeamAccessService, PlayerLifecycle, PlayerCohorts, PlayersRepository],
})
export class PlayersModule {}
