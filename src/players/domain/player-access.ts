import { Role } from '../../users/domain/role';

/** Who is asking. */
export interface Caller {
  id: string;
  role: Role;
}

/** The parts of a player that decide who may see it. */
export interface PlayerAudience {
  coachIds: readonly string[];
  guardianIds: readonly string[];
  userId?: string | null;
}

/**
 * Which players a caller can see: all of them (admin), or those linked to the caller
 * as coach, guardian or the player's own account. Every domain module filters by this.
 */
export type PlayerScope =
  | { kind: 'all' }
  | { kind: 'coach'; userId: string }
  | { kind: 'guardian'; userId: string }
  | { kind: 'self'; userId: string };

export function playerScope(caller: Caller): PlayerScope {
  switch (caller.role) {
    case 'admin':
      return { kind: 'all' };
    case 'coach':
      return { kind: 'coach', userId: caller.id };
    case 'parent':
      return { kind: 'guardian', userId: caller.id };
    case 'player':
      return { kind: 'self', userId: caller.id };
  }
}

export function canViewPlayer(caller: Caller, player: PlayerAudience): boolean {
  const scope = playerScope(caller);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'coach':
      return player.coachIds.includes(scope.userId);
    case 'guardian':
      return player.guardianIds.includes(scope.userId);
    case 'self':
      return player.userId === scope.userId;
  }
}

/** Writing (profile, injury, links, and later assessments and programmes): admins and the player's coaches. */
export function canManagePlayer(caller: Caller, player: PlayerAudience): boolean {
  return caller.role === 'admin' || (caller.role === 'coach' && player.coachIds.includes(caller.id));
}

/**
 * Recording what a player actually did (session logs, RPE): the player's coaches and admins, and the
 * player themself, who is the one asked for the session RPE.
 */
export function canReportTraining(caller: Caller, player: PlayerAudience): boolean {
  return canManagePlayer(caller, player) || (caller.role === 'player' && player.userId === caller.id);
}
