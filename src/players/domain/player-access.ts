import { Role } from '../../users/domain/role';

/** Who is asking. */
export interface Caller {
  id: string;
  role: Role;
}

/** The parts of a player that decide who may see it. */
export interface PlayerAudience {
  coachIds: readonly string[];
  /** The coaches of the teams the player plays in: they coach the player exactly as `coachIds` do. */
  teamCoachIds: readonly string[];
  guardianIds: readonly string[];
  userId?: string | null;
}

/**
 * Which players a caller can see: all of them (admin), or those linked to the caller
 * as coach (directly or through a team), guardian or the player's own account.
 * Every domain module filters by this.
 */
export type PlayerScope =
  | { kind: 'all' }
  | { kind: 'coach'; userId: string; teamPlayerIds: readonly string[] }
  | { kind: 'guardian'; userId: string }
  | { kind: 'self'; userId: string };

/** `teamPlayerIds`: the players of the teams a coach coaches (ignored for other roles). */
export function playerScope(caller: Caller, teamPlayerIds: readonly string[] = []): PlayerScope {
  switch (caller.role) {
    case 'admin':
      return { kind: 'all' };
    case 'coach':
      return { kind: 'coach', userId: caller.id, teamPlayerIds };
    case 'parent':
      return { kind: 'guardian', userId: caller.id };
    case 'player':
      return { kind: 'self', userId: caller.id };
  }
}

/** A coach coaches a player directly or through one of the player's teams. */
export function coachesPlayer(caller: Caller, player: PlayerAudience): boolean {
  return caller.role === 'coach' && (player.coachIds.includes(caller.id) || player.teamCoachIds.includes(caller.id));
}

export function canViewPlayer(caller: Caller, player: PlayerAudience): boolean {
  const scope = playerScope(caller);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'coach':
      return coachesPlayer(caller, player);
    case 'guardian':
      return player.guardianIds.includes(scope.userId);
    case 'self':
      return player.userId === scope.userId;
  }
}

/** Writing (profile, injury, links, and later assessments and programmes): admins and the player's coaches. */
export function canManagePlayer(caller: Caller, player: PlayerAudience): boolean {
  return caller.role === 'admin' || coachesPlayer(caller, player);
}

/**
 * Recording what a player actually did (session logs, RPE): the player's coaches and admins, and the
 * player themself, who is the one asked for the session RPE.
 */
export function canReportTraining(caller: Caller, player: PlayerAudience): boolean {
  return canManagePlayer(caller, player) || (caller.role === 'player' && player.userId === caller.id);
}

/** The parts of a team that decide who may see it. */
export interface TeamAudience {
  coachIds: readonly string[];
  playerIds: readonly string[];
}

/**
 * Who sees a team (its fixtures, sessions, calendar): admins, its coaches, and the players in it and
 * their guardians. `linkedPlayerIds` are the players the caller is linked to as guardian or account.
 */
export function canViewTeam(caller: Caller, team: TeamAudience, linkedPlayerIds: readonly string[]): boolean {
  if (canManageTeam(caller, team)) return true;
  if (caller.role !== 'parent' && caller.role !== 'player') return false;
  return linkedPlayerIds.some((id) => team.playerIds.includes(id));
}

/** Changing a team (profile, members, fixtures, sessions) and reading its squad-wide figures: admins and its coaches. */
export function canManageTeam(caller: Caller, team: TeamAudience): boolean {
  return caller.role === 'admin' || (caller.role === 'coach' && team.coachIds.includes(caller.id));
}
