import type { Exercise } from './exercise';
import type { ExerciseContent } from './exercise-format';

/** A valid shipped-library exercise (a loaded barbell lift for 14+); override any field. */
export function exerciseContent(overrides: Partial<ExerciseContent> = {}): ExerciseContent {
  return {
    id: 'test-back-squat',
    name: 'Test back squat',
    description: 'Bar on the upper back, squat to parallel and stand up.',
    bodyParts: ['quadriceps', 'glutes'],
    modality: 'barbell',
    equipment: ['barbell', 'squat-rack'],
    mechanics: 'compound',
    unilateral: false,
    measure: 'reps-weight',
    externalLoad: true,
    minAge: 14,
    tags: ['max-strength'],
    translations: { ar: { name: 'قرفصاء خلفية تجريبية', description: 'البار على أعلى الظهر.' } },
    ...overrides,
  };
}

/** A valid whole exercise (custom, owned by an account); override any field. */
export function exercise(overrides: Partial<Exercise> = {}): Exercise {
  return { ...exerciseContent(), owner: '64b000000000000000000001', archived: false, ...overrides };
}
