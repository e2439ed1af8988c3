import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { ActivitiesModule } from '../activities/activities.module';
import { JobsModule } from '../common/jobs/jobs.module';
import { PlayersModule } from '../players/players.module';
import { AdminDeviceSyncController } from './admin-device-sync.controller';
import { CallbackFetcher } from './callback-fetcher';
import { GarminDevicesController } from './garmin-devices.controller';
import { GarminFileSyncService } from './garmin-file-sync.service';
import { GarminLinksRepository } from './garmin-links.repository';
import { GarminLinksService } from './garmin-links.service';
import { GarminNotificationsRepository } from './garmin-notifications.repository';
import { GarminPushController } from './garmin-push.controller';
import { GarminPushService } from './garmin-push.service';
import { GARMIN_SYNC_CONFIG, garminSyncConfig } from './garmin-sync.config';
import { GarminLinkDoc, GarminLinkSchema } from './schemas/garmin-link.schema';
import { GarminNotificationDoc, GarminNotificationSchema } from './schemas/garmin-notification.schema';

/** Device sync: Garmin's push of activity files, fetched in the background and imported for linked players. */
@Module({
  imports: [
    PlayersModule,
    ActivitiesModule,
    JobsModule,
    MongooseModule.forFeature([
      { name: GarminLinkDoc.name, schema: GarminLinkSchema },
      { name: GarminNotificationDoc.name, schema: GarminNotificationSchema },
    ]),
  ],
  controllers: [GarminDevicesController, GarminPushController, AdminDeviceSyncController],
  providers: [
    { provide: GARMIN_SYNC_CONFIG, inject: [ConfigService], useFactory: garminSyncConfig },
    GarminLinksRepository,
    GarminNotificationsRepository,
    CallbackFetcher,
    GarminLinksService,
    GarminFileSyncService,
    GarminPushService,
  ],
})
export class DeviceSyncModule {}
