import { Injectable } from '@nestjs/common';

/** What changed about an account that the callers holding its tokens must see at once. */
export type AccountChange = { kind: 'disabled' } | { kind: 'enabled' } | { kind: 'role'; role: string };

type AccountChangedHandler = (userId: string, change: AccountChange) => Promise<void>;

/**
 * Lets the auth module end sessions and forget cached callers when an account is disabled or
 * its role changes, without the users module depending on it. Handlers run before the change
 * is reported done, so an admin's "disabled" answer means the account's tokens are refused.
 */
@Injectable()
export class AccountLifecycle {
  private readonly onChanged: AccountChangedHandler[] = [];

  whenChanged(handler: AccountChangedHandler): void {
    this.onChanged.push(handler);
  }

  async changed(userId: string, change: AccountChange): Promise<void> {
    await Promise.all(this.onChanged.map((handler) => handler(userId, change)));
  }
}
