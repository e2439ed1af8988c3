import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { TeamsRepository } from '../teams/teams.repository';
import {
  PlayerAudience,
  PlayerScope,
  canManagePlayer,
  canReportTraining,
  canViewPlayer,
  playerScope,
} from './domain/player-access';
import { PlayerRecord } from './player.record';
import { PlayersRepository } from './players.repository';

/**
 * The access policy as a service, for every module that works on a player's data.
 * A player the caller may not see is answered exactly like one that does not exist.
 * Team membership is read on every check, so a coach removed from a team loses access at once.
 */
@Injectable()
export class PlayerAccessService {
  constructor(
    private readonly players: PlayersRepository,
    private readonly teams: TeamsRepository,
  ) {}

  /**
   * The player when the caller may see them; 404 otherwise. `notFound` names what the caller
   * asked for (an assessment, a programme), so a record of a hidden player reads as missing too.
   */
  async findViewable(caller: AuthUser, playerId: string, notFound = 'Player not found.'): Promise<PlayerRecord> {
    return (await this.viewable(caller, playerId, notFound)).player;
  }

  /** 404 when the caller cannot see the player; 403 when they can see but not change it. */
  async findManageable(caller: AuthUser, playerId: string, notFound?: string): Promise<PlayerRecord> {
    const { player, audience } = await this.viewable(caller, playerId, notFound);
    if (!canManagePlayer(caller, audience)) {
      throw new ForbiddenException("Only the player's coaches and admins can change this player.");
    }
    return player;
  }

  /**
   * The player for work the service does on its own (a device sync): whoever set that work up passed
   * `findManageable` then. Null when the player is gone.
   */
  findForBackgroundWork(playerId: string): Promise<PlayerRecord | null> {
    return this.players.findById(playerId);
  }

  /** 404 when the caller cannot see the player; 403 when they may not record the player's training. */
  async findReportable(caller: AuthUser, playerId: string, notFound?: string): Promise<PlayerRecord> {
    const { player, audience } = await this.viewable(caller, playerId, notFound);
    if (!canReportTraining(caller, audience)) {
      throw new ForbiddenException("Only the player, the player's coaches and admins can record training.");
    }
    return player;
  }

  /** Which players the caller's lists may show, team players included. */
  async scopeOf(caller: AuthUser): Promise<PlayerScope> {
    return playerScope(caller, caller.role === 'coach' ? await this.teams.playerIdsCoachedBy(caller.id) : []);
  }

  /** The players the caller is linked to as guardian or as the player's own account (none for staff). */
  async linkedPlayerIds(caller: AuthUser): Promise<string[]> {
    if (caller.role !== 'parent' && caller.role !== 'player') return [];
    return this.players.idsInScope(playerScope(caller));
  }

  private async viewable(
    caller: AuthUser,
    playerId: string,
    notFound = 'Player not found.',
  ): Promise<{ player: PlayerRecord; audience: PlayerAudience }> {
    const player = await this.players.findById(playerId);
    if (!player) throw new NotFoundException(notFound);
    const audience = await this.audienceFor(caller, player);
    if (!canViewPlayer(caller, audience)) throw new NotFoundException(notFound);
    return { player, audience };
  }

  /** Team coaches are looked up only when they can matter: a coach who is not a direct coach. */
  private async audienceFor(caller: AuthUser, player: PlayerRecord): Promise<PlayerAudience> {
    const needsTeams = caller.role === 'coach' && !player.coachIds.includes(caller.id);
    return { ...player, teamCoachIds: needsTeams ? await this.teams.coachIdsForPlayer(player.id) : [] };
  }
}
