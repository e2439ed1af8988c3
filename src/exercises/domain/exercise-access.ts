import type { Role } from '../../users/domain/role';
import type { Exercise } from './exercise';
import { SYSTEM_OWNER } from './exercise-format';

/** Roles that create custom exercises. */
export const EXERCISE_AUTHOR_ROLES = ['coach', 'admin'] as const satisfies readonly Role[];

/**
 * Who may change (or archive) an exercise: the shipped library only admins; a custom exercise
 * its owner and admins. Everyone signed in reads every exercise (one deployment is one academy).
 */
export function canChangeExercise(caller: { id: string; role: Role }, exercise: Pick<Exercise, 'owner'>): boolean {
  if (caller.role === 'admin') return true;
  if (exercise.owner === SYSTEM_OWNER) return false;
  return caller.role === 'coach' && exercise.owner === caller.id;
}
