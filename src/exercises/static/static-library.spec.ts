import { BODY_PARTS, MODALITIES } from '../domain/exercise';
import { checkExerciseLibrary } from '../domain/exercise-format';
import { exerciseRuleViolations } from '../domain/exercise-rules';
import { STATIC_EXERCISE_FILES, staticExercises } from './index';

describe('the shipped exercise library', () => {
  const all = Object.values(STATIC_EXERCISE_FILES).flatMap((file) => file as unknown[]);

  it('passes the exercise format and its rules, every file', () => {
    const result = checkExerciseLibrary(all);
    expect(result.ok ? [] : result.problems).toEqual([]);
    for (const [file, content] of Object.entries(STATIC_EXERCISE_FILES)) {
      expect([file, Array.isArray(content) && (content as unknown[]).length > 0]).toEqual([file, true]);
    }
  });

  it('holds at least 80 exercises with unique ids', () => {
    const exercises = staticExercises();
    expect(exercises.length).toBeGreaterThanOrEqual(80);
    expect(new Set(exercises.map((e) => e.id)).size).toBe(exercises.length);
  });

  it('has every exercise in Arabic', () => {
    const withoutArabic = staticExercises().filter((e) => !e.translations.ar?.name || !e.translations.ar.description);
    expect(withoutArabic.map((e) => e.id)).toEqual([]);
  });

  it('keeps every rule (checked again directly)', () => {
    for (const exercise of staticExercises())
      expect([exercise.id, exerciseRuleViolations(exercise)]).toEqual([exercise.id, []]);
  });

  it('covers every modality and most body parts', () => {
    const modalities = new Set(staticExercises().map((e) => e.modality));
    expect(MODALITIES.filter((m) => m !== 'other' && !modalities.has(m))).toEqual([]);
    const parts = new Set(staticExercises().flatMap((e) => e.bodyParts));
    expect(BODY_PARTS.filter((p) => !parts.has(p)).length).toBeLessThanOrEqual(2);
  });
});
