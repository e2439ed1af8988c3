import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FixtureDoc, FixtureSchema } from './schemas/fixture.schema';
import { TeamSessionDoc, TeamSessionSchema } from './schemas/team-session.schema';
import { TeamDoc, TeamSchema } from './schemas/team.schema';
import { TeamScheduleRepository } from './team-schedule.repository';
import { TeamsRepository } from './teams.repository';

/**
 * The teams' collections, on their own so that the access policy (players module) can ask about
 * membership and the modules built on teams (dashboards, calendars) can read schedules without
 * depending on the teams' routes.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: TeamDoc.name, schema: TeamSchema },
      { name: FixtureDoc.name, schema: FixtureSchema },
      { name: TeamSessionDoc.name, schema: TeamSessionSchema },
    ]),
  ],
  providers: [TeamsRepository, TeamScheduleRepository],
  exports: [TeamsRepository, TeamScheduleRepository],
})
export class TeamsDataModule {}
