import { Injectable } from '@nestjs/common';
import { Exercise } from './domain/exercise';
import { ExercisesRepository } from './exercises.repository';

/**
 * The way other modules (workouts) read exercises: system and custom, archived included
 * (callers decide what an archived exercise may still be used for).
 */
@Injectable()
export class ExerciseCatalog {
  constructor(private readonly repository: ExercisesRepository) {}

  find(id: string): Promise<Exercise | null> {
    return this.repository.findById(id);
  }

  /** The exercises of these ids that exist, by id (unknown ids are simply absent). */
  async findMany(ids: readonly string[]): Promise<Map<string, Exercise>> {
    const exercises = await this.repository.findMany(ids);
    return new Map(exercises.map((exercise) => [exercise.id, exercise]));
  }
}
