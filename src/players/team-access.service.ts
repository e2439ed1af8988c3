import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import type { TeamRecord } from '../teams/domain/team';
import { TeamListScope, TeamsRepository } from '../teams/teams.repository';
import { canManageTeam, canViewTeam } from './domain/player-access';
import { PlayerAccessService } from './player-access.service';

/**
 * The access policy for teams, beside the players' one it is built on: a team the caller may not see
 * is answered exactly like one that does not exist.
 */
@Injectable()
export class TeamAccessService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly players: PlayerAccessService,
  ) {}

  async findViewable(caller: AuthUser, teamId: string, notFound = 'Team not found.'): Promise<TeamRecord> {
    const team = await this.teams.findById(teamId);
    if (!team) throw new NotFoundException(notFound);
    if (canManageTeam(caller, team)) return team;
    if (!canViewTeam(caller, team, await this.players.linkedPlayerIds(caller))) throw new NotFoundException(notFound);
    return team;
  }

  /** 404 when the caller cannot see the team; 403 when they can see but not change it (a squad player, a parent). */
  async findManageable(caller: AuthUser, teamId: string, notFound?: string): Promise<TeamRecord> {
    const team = await this.findViewable(caller, teamId, notFound);
    if (!canManageTeam(caller, team)) throw new ForbiddenException("Only the team's coaches and admins can do this.");
    return team;
  }

  /** Which teams the caller's lists may show. */
  async scopeOf(caller: AuthUser): Promise<TeamListScope> {
    if (caller.role === 'admin') return { kind: 'all' };
    return {
      kind: 'members',
      coachId: caller.role === 'coach' ? caller.id : undefined,
      playerIds: await this.players.linkedPlayerIds(caller),
    };
  }
}
