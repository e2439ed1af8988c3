import { sessionRpeLoad } from '../training/domain/load-monitoring';
import { WorkoutDto, WorkoutEntryDto } from './dto/workout.dto';
import { WorkoutView } from './workouts.service';

/** The answer for a workout: the record, its load once finished, its warnings and previous performances. */
export function toWorkoutDto({ workout, warnings, previous }: WorkoutView): WorkoutDto {
  const { revision: _revision, ...rest } = workout;
  const finished =
    workout.status === 'finished' && workout.durationMin !== undefined && workout.sessionRpe !== undefined;
  return {
    ...rest,
    exercises: workout.exercises.map((entry): WorkoutEntryDto => {
      if (!previous) return entry;
      const last = previous.get(entry.exerciseId);
      return {
        ...entry,
        previous: last ? { workoutId: last.workoutId, date: last.date, sets: last.entry.sets } : null,
      };
    }),
    ...(finished ? { load: sessionRpeLoad(workout.durationMin!, workout.sessionRpe!) } : {}),
    warnings,
  };
}
