import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { canManagePlayer, canReportTraining, canViewPlayer } from './domain/player-access';
import { PlayerRecord } from './player.record';
import { PlayersRepository } from './players.repository';

/**
 * The access policy as a service, for every module that works on a player's data.
 * A player the caller may not see is answered exactly like one that does not exist.
 */
@Injectable()
export class PlayerAccessService {
  constructor(private readonly players: PlayersRepository) {}

  /**
   * The player when the caller may see them; 404 otherwise. `notFound` names what the caller
   * asked for (an assessment, a programme), so a record of a hidden player reads as missing too.
   */
  async findViewable(caller: AuthUser, playerId: string, notFound = 'Player not found.'): Promise<PlayerRecord> {
    const player = await this.players.findById(playerId);
    if (!player || !canViewPlayer(caller, player)) throw new NotFoundException(notFound);
    return player;
  }

  /** 404 when the caller cannot see the player; 403 when they can see but not change it. */
  async findManageable(caller: AuthUser, playerId: string, notFound?: string): Promise<PlayerRecord> {
    const player = await this.findViewable(caller, playerId, notFound);
    if (!canManagePlayer(caller, player)) {
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
    const player = await this.findViewable(caller, playerId, notFound);
    if (!canReportTraining(caller, player)) {
      throw new ForbiddenException("Only the player, the player's coaches and admins can record training.");
    }
    return player;
  }
}
