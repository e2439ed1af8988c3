import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AcademySettingsController } from './academy-settings.controller';
import { AcademySettingsRepository } from './academy-settings.repository';
import { AcademySettingsService } from './academy-settings.service';
import { AcademySettingsDoc, AcademySettingsSchema } from './schemas/academy-settings.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: AcademySettingsDoc.name, schema: AcademySettingsSchema }])],
  controllers: [AcademySettingsController],
  providers: [AcademySettingsRepository, AcademySettingsService],
  exports: [AcademySettingsService],
})
export class SettingsModule {}
