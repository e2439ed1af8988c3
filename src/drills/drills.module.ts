import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DrillLibraryRepository } from './drill-library.repository';
import { DrillLibraryService } from './drill-library.service';
import { DrillProvider } from './drill-provider';
import { DrillsController } from './drills.controller';
import { DrillsService } from './drills.service';
import {
  DrillLibraryState,
  DrillLibraryStateSchema,
  DrillSetItem,
  DrillSetItemSchema,
  DrillSetVersion,
  DrillSetVersionSchema,
} from './schemas/drill-library.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: DrillSetItem.name, schema: DrillSetItemSchema },
      { name: DrillSetVersion.name, schema: DrillSetVersionSchema },
      { name: DrillLibraryState.name, schema: DrillLibraryStateSchema },
    ]),
  ],
  controllers: [DrillsController],
  providers: [DrillLibraryRepository, DrillProvider, DrillsService, DrillLibraryService],
  exports: [DrillProvider, DrillLibraryService],
})
export class DrillsModule {}
