import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ActivitiesModule } from '../activities/activities.module';
import { PlayersModule } from '../players/players.module';
import { SettingsModule } from '../settings/settings.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { TrainingModule } from '../training/training.module';
import { UsersModule } from '../users/users.module';
import { WorkoutsModule } from '../workouts/workouts.module';
import { CalendarFeedFilesController, CalendarFeedsController } from './calendar-feeds.controller';
import { CalendarFeedsRepository } from './calendar-feeds.repository';
import { CalendarFeedsService } from './calendar-feeds.service';
import { CalendarService } from './calendar.service';
import { CalendarsController } from './calendars.controller';
import { CalendarFeedDoc, CalendarFeedSchema } from './schemas/calendar-feed.schema';

@Module({
  imports: [
    PlayersModule,
    TeamsDataModule,
    TrainingModule,
    WorkoutsModule,
    ActivitiesModule,
    SettingsModule,
    UsersModule,
    MongooseModule.forFeature([{ name: CalendarFeedDoc.name, schema: CalendarFeedSchema }]),
  ],
  controllers: [CalendarsController, CalendarFeedsController, CalendarFeedFilesController],
  providers: [CalendarService, CalendarFeedsRepository, CalendarFeedsService],
})
export class CalendarsModule {}
