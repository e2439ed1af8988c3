import { canChangeExercise } from './exercise-access';

const coach = { id: '64b000000000000000000001', role: 'coach' as const };
const otherCoach = { id: '64b000000000000000000002', role: 'coach' as const };
const admin = { id: '64b000000000000000000003', role: 'admin' as const };
const player = { id: '64b000000000000000000004', role: 'player' as const };

describe('canChangeExercise', () => {
  it.each([
    ['an admin, a system exercise', admin, 'system', true],
    ['a coach, a system exercise', coach, 'system', false],
    ['the owner', coach, coach.id, true],
    ['another coach', otherCoach, coach.id, false],
    ['an admin, a custom exercise', admin, coach.id, true],
    ['a player, even as owner id', player, player.id, false],
  ])('%s → %s', (_case, caller, owner, expected) => expect(canChangeExercise(caller, { owner })).toBe(expected));
});
