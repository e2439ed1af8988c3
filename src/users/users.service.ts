import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { ProblemException } from '../common/errors/problem';
import { Page, PaginationQueryDto, skipFor } from '../common/pagination/pagination.dto';
import { AccountLifecycle } from './account-lifecycle';
import { Role } from './domain/role';
import { PasswordHasher } from './password-hasher';
import { UserRecord, UsersRepository, UserWithHash } from './users.repository';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly lifecycle: AccountLifecycle,
  ) {}

  async create(input: { email: string; password: string; displayName: string; role: Role }): Promise<UserRecord> {
    const passwordHash = await this.hasher.hash(input.password);
    return this.users.create({ email: input.email, passwordHash, displayName: input.displayName, role: input.role });
  }

  async get(id: string): Promise<UserRecord> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException('User not found.');
    return user;
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.users.findById(id);
  }

  /** For password checks only: the one read that returns the hash. */
  findWithPasswordHash(email: string): Promise<UserWithHash | null> {
    return this.users.findByEmailWithHash(email);
  }

  /** Accounts by id (the coaches of a team); ids with no account are left out. */
  findByIds(ids: readonly string[]): Promise<UserRecord[]> {
    return this.users.findByIds(ids);
  }

  findByEmail(email: string): Promise<UserRecord | null> {
    return this.users.findByEmail(email);
  }

  async list(query: PaginationQueryDto & { role?: Role }): Promise<Page<UserRecord>> {
    const { items, total } = await this.users.list({ role: query.role }, skipFor(query), query.limit);
    return { items, total, page: query.page, limit: query.limit };
  }

  async changeRole(actorId: string, userId: string, role: Role): Promise<UserRecord> {
    if (actorId === userId) {
      throw new ProblemException(422, 'Admins cannot change their own role; ask another admin.');
    }
    const user = await this.users.update(userId, { role });
    if (!user) throw new NotFoundException('User not found.');
    await this.lifecycle.changed(userId, { kind: 'role', role });
    this.logger.log({ userId, role, by: actorId }, 'Role changed');
    return user;
  }

  async setDisabled(actorId: string, userId: string, disabled: boolean): Promise<UserRecord> {
    if (actorId === userId) {
      throw new ProblemException(422, 'Admins cannot disable their own account.');
    }
    const user = await this.users.update(userId, { disabled });
    if (!user) throw new NotFoundException('User not found.');
    // Disabling ends every session: re-enabling later does not revive tokens issued before.
    await this.lifecycle.changed(userId, { kind: disabled ? 'disabled' : 'enabled' });
    this.logger.log({ userId, disabled, by: actorId }, 'Account status changed');
    return user;
  }

  /**
   * Makes sure an admin with this email exists. Idempotent: an existing account is
   * promoted and re-enabled, and its password is left alone.
   */
  async ensureAdmin(email: string, password: string): Promise<{ user: UserRecord; created: boolean }> {
    const existing = await this.users.findByEmail(email);
    if (existing) {
      if (existing.role === 'admin' && !existing.disabled) return { user: existing, created: false };
      const user = (await this.users.update(existing.id, { role: 'admin', disabled: false }))!;
      await this.lifecycle.changed(user.id, { kind: 'role', role: 'admin' });
      return { user, created: false };
    }
    try {
      return {
        user: await this.create({ email, password, displayName: 'Administrator', role: 'admin' }),
        created: true,
      };
    } catch (error) {
      // Another instance booting at the same moment created it first.
      if ((error as { code?: number }).code === 11000) return this.ensureAdmin(email, password);
      throw error;
    }
  }
}
