import { checkExerciseLibrary, ExerciseContent } from '../domain/exercise-format';
import conditioningAndSled from './conditioning-and-sled.json';
import coreAndTrunk from './core-and-trunk.json';
import injuryPrevention from './injury-prevention.json';
import mobilityAndBodyweight from './mobility-and-bodyweight.json';
import powerAndPlyometrics from './power-and-plyometrics.json';
import strengthLower from './strength-lower.json';
import strengthUpper from './strength-upper.json';

/** The exercise library shipped with the code, by theme; each file is a JSON array in the exercise format. */
export const STATIC_EXERCISE_FILES: Record<string, unknown> = {
  'strength-lower.json': strengthLower,
  'strength-upper.json': strengthUpper,
  'core-and-trunk.json': coreAndTrunk,
  'injury-prevention.json': injuryPrevention,
  'power-and-plyometrics.json': powerAndPlyometrics,
  'conditioning-and-sled.json': conditioningAndSled,
  'mobility-and-bodyweight.json': mobilityAndBodyweight,
};

let loaded: readonly ExerciseContent[] | undefined;

/**
 * The system library, validated with the same schema and rules as custom exercises (plus
 * Arabic for each, ids and names used once). A bad file fails loudly at first use, which is boot.
 */
export function staticExercises(): readonly ExerciseContent[] {
  if (loaded) return loaded;
  const all: unknown[] = Object.entries(STATIC_EXERCISE_FILES).flatMap(([file, content]) => {
    if (!Array.isArray(content)) throw new Error(`The static exercise file ${file} is not a JSON array.`);
    return content as unknown[];
  });
  const result = checkExerciseLibrary(all);
  if (!result.ok) {
    throw new Error(`The static exercise library is invalid: ${JSON.stringify(result.problems.slice(0, 5))}`);
  }
  loaded = Object.freeze(result.exercises.map((exercise) => Object.freeze(exercise)));
  return loaded;
}
