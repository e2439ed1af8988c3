import fc from 'fast-check';
import { ROLES } from '../../users/domain/role';
import {
  canManagePlayer,
  canManageTeam,
  canReportTraining,
  canViewPlayer,
  canViewTeam,
  Caller,
  PlayerAudience,
} from './player-access';

const player: PlayerAudience = { coachIds: ['c1'], teamCoachIds: ['t1'], guardianIds: ['g1'], userId: 'p1' };

describe('player access policy', () => {
  it.each<[string, Caller, boolean, boolean, boolean]>([
    ['admin', { id: 'a1', role: 'admin' }, true, true, true],
    ['their coach', { id: 'c1', role: 'coach' }, true, true, true],
    ["a coach of the player's team", { id: 't1', role: 'coach' }, true, true, true],
    ['another coach', { id: 'c2', role: 'coach' }, false, false, false],
    ['their guardian', { id: 'g1', role: 'parent' }, true, false, false],
    ['another parent', { id: 'g2', role: 'parent' }, false, false, false],
    ['the player', { id: 'p1', role: 'player' }, true, false, true],
    ['another player', { id: 'p2', role: 'player' }, false, false, false],
  ])('%s: view=%s manage=%s report training=%s', (_who, caller, view, manage, report) => {
    expect(canViewPlayer(caller, player)).toBe(view);
    expect(canManagePlayer(caller, player)).toBe(manage);
    expect(canReportTraining(caller, player)).toBe(report);
  });

  it('ids only grant access through the link that matches the role', () => {
    // A parent listed as a coach, or a coach listed as a guardian, gains nothing from it.
    expect(canViewPlayer({ id: 'c1', role: 'parent' }, player)).toBe(false);
    expect(canViewPlayer({ id: 'g1', role: 'coach' }, player)).toBe(false);
    expect(canViewPlayer({ id: 'c1', role: 'player' }, player)).toBe(false);
    expect(canViewPlayer({ id: 't1', role: 'parent' }, player)).toBe(false);
  });

  it('whoever may manage a player or record their training may also see it', () => {
    const id = fc.constantFrom('u1', 'u2', 'u3');
    fc.assert(
      fc.property(
        fc.record({ id, role: fc.constantFrom(...ROLES) }),
        fc.record({
          coachIds: fc.array(id),
          teamCoachIds: fc.array(id),
          guardianIds: fc.array(id),
          userId: fc.option(id),
        }),
        (caller, audience) =>
          (!canManagePlayer(caller, audience) || canViewPlayer(caller, audience)) &&
          (!canReportTraining(caller, audience) || canViewPlayer(caller, audience)),
      ),
    );
  });

  it('a team coach has exactly the access of a direct coach', () => {
    const id = fc.constantFrom('u1', 'u2', 'u3');
    fc.assert(
      fc.property(fc.record({ id, role: fc.constantFrom(...ROLES) }), fc.array(id), (caller, coachIds) => {
        const direct: PlayerAudience = { coachIds, teamCoachIds: [], guardianIds: [], userId: null };
        const throughTeam: PlayerAudience = { coachIds: [], teamCoachIds: coachIds, guardianIds: [], userId: null };
        return (
          canViewPlayer(caller, direct) === canViewPlayer(caller, throughTeam) &&
          canManagePlayer(caller, direct) === canManagePlayer(caller, throughTeam) &&
          canReportTraining(caller, direct) === canReportTraining(caller, throughTeam)
        );
      }),
    );
  });
});

describe('team access policy', () => {
  const team = { coachIds: ['c1'], playerIds: ['pA', 'pB'] };

  it.each<[string, Caller, readonly string[], boolean, boolean]>([
    ['admin', { id: 'a1', role: 'admin' }, [], true, true],
    ['its coach', { id: 'c1', role: 'coach' }, [], true, true],
    ['another coach', { id: 'c2', role: 'coach' }, [], false, false],
    ["a squad player's guardian", { id: 'g1', role: 'parent' }, ['pA'], true, false],
    ['another parent', { id: 'g2', role: 'parent' }, ['pZ'], false, false],
    ['a squad player', { id: 'u1', role: 'player' }, ['pB'], true, false],
    ['another player', { id: 'u2', role: 'player' }, ['pZ'], false, false],
  ])('%s: view=%s manage=%s', (_who, caller, linked, view, manage) => {
    expect(canViewTeam(caller, team, linked)).toBe(view);
    expect(canManageTeam(caller, team)).toBe(manage);
  });

  it('a coach gains nothing from players they are linked to some other way', () => {
    expect(canViewTeam({ id: 'c2', role: 'coach' }, team, ['pA'])).toBe(false);
  });
});
