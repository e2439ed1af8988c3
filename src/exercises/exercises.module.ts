import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ExerciseCatalog } from './exercise-catalog';
import { ExercisesController } from './exercises.controller';
import { ExercisesRepository } from './exercises.repository';
import { ExercisesService } from './exercises.service';
import { ExerciseEntity, ExerciseSchema } from './schemas/exercise.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: ExerciseEntity.name, schema: ExerciseSchema }])],
  controllers: [ExercisesController],
  providers: [ExercisesRepository, ExercisesService, ExerciseCatalog],
  exports: [ExerciseCatalog],
})
export class ExercisesModule {}
