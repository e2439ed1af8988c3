import { Injectable, NotFoundException } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { ProblemException } from '../common/errors/problem';
import { isDuplicateKey } from '../common/errors/to-problem';
import { PlayerAccessService } from '../players/player-access.service';
import { PlayerLifecycle } from '../players/player-lifecycle';
import { GarminLinksRepository } from './garmin-links.repository';
import { GarminNotificationsRepository } from './garmin-notifications.repository';
import { GarminLinkRecord } from './garmin-sync.record';

const NO_LINK = 'No Garmin account is linked to this player.';

/** Which player a Garmin user's files belong to: linked by whoever may manage the player. */
@Injectable()
export class GarminLinksService {
  constructor(
    private readonly links: GarminLinksRepository,
    private readonly notifications: GarminNotificationsRepository,
    private readonly access: PlayerAccessService,
    lifecycle: PlayerLifecycle,
  ) {
    lifecycle.whenDeleted(async (playerId) => {
      await Promise.all([this.links.deleteForPlayer(playerId), this.notifications.deleteForPlayer(playerId)]);
    });
  }

  /** Links (or relinks) the player to a Garmin user; 409 when that Garmin user is another player's. */
  async link(caller: AuthUser, playerId: string, garminUserId: string): Promise<GarminLinkRecord> {
    await this.access.findManageable(caller, playerId);
    const holder = await this.links.findByGarminUser(garminUserId);
    if (holder) {
      if (holder.playerId !== playerId) throw linkedElsewhere();
      return holder;
    }
    try {
      return await this.links.link(playerId, garminUserId, caller.id);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Linked at the same moment by another request: to this player (same answer) or another (409).
      const winner = await this.links.findByGarminUser(garminUserId);
      if (winner?.playerId === playerId) return winner;
      if (winner) throw linkedElsewhere();
      throw error;
    }
  }

  async get(caller: AuthUser, playerId: string): Promise<GarminLinkRecord> {
    await this.access.findViewable(caller, playerId);
    const link = await this.links.findByPlayer(playerId);
    if (!link) throw new NotFoundException(NO_LINK);
    return link;
  }

  /** Files Garmin pushes for the Garmin user afterwards are recorded as unlinked; stored activities stay. */
  async unlink(caller: AuthUser, playerId: string): Promise<void> {
    await this.access.findManageable(caller, playerId);
    if (!(await this.links.deleteForPlayer(playerId))) throw new NotFoundException(NO_LINK);
  }
}

function linkedElsewhere(): ProblemException {
  return new ProblemException(409, 'That Garmin account is linked to another player; unlink it there first.', {
    slug: 'garmin-user-linked',
    errors: [{ path: 'garminUserId', message: 'is linked to another player' }],
  });
}
