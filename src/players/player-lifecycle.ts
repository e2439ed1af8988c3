import { Injectable } from '@nestjs/common';

type PlayerDeletedHandler = (playerId: string) => Promise<void>;

/**
 * Lets modules that keep data about a player (assessments, VO2max tests, programmes) remove
 * it when the player is deleted, without the players module depending on them.
 */
@Injectable()
export class PlayerLifecycle {
  private readonly onDeleted: PlayerDeletedHandler[] = [];

  whenDeleted(handler: PlayerDeletedHandler): void {
    this.onDeleted.push(handler);
  }

  async deleted(playerId: string): Promise<void> {
    await Promise.all(this.onDeleted.map((handler) => handler(playerId)));
  }
}
