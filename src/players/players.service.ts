import { Injectable, NotFoundException } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { ProblemException, RuleProblem } from '../common/errors/problem';
import { Page, skipFor } from '../common/pagination/pagination.dto';
import { parseCalendarDate } from '../common/validation/calendar-date';
import { Role } from '../users/domain/role';
import { UsersService } from '../users/users.service';
import { CreatePlayerDto, InjuryDto, ListPlayersQueryDto, UpdatePlayerDto } from './dto/player.dto';
import { PlayerAccessService } from './player-access.service';
import { PlayerLifecycle } from './player-lifecycle';
import { PlayerProfile, PlayerRecord } from './player.record';
import { LinkField, PlayersRepository } from './players.repository';

const LINKS: Record<'coach' | 'guardian', { field: LinkField; role: Role }> = {
  coach: { field: 'coachIds', role: 'coach' },
  guardian: { field: 'guardianIds', role: 'parent' },
};

function toProfile<T extends Partial<CreatePlayerDto>>(dto: T): Partial<PlayerProfile> {
  const { dateOfBirth, ...rest } = dto;
  return { ...rest, ...(dateOfBirth !== undefined ? { dateOfBirth: parseCalendarDate(dateOfBirth)! } : {}) };
}

/** A resting heart rate at or above the maximum cannot be both right (Banister's ratio would divide by ≤ 0). */
function checkHeartRates(profile: Pick<Partial<PlayerProfile>, 'hrMaxBpm' | 'hrRestBpm'>): void {
  const { hrMaxBpm, hrRestBpm } = profile;
  if (hrMaxBpm !== undefined && hrRestBpm !== undefined && hrRestBpm >= hrMaxBpm) {
    throw new RuleProblem([
      { path: 'hrRestBpm', message: `the resting heart rate must be below the maximum (${hrMaxBpm} bpm)` },
    ]);
  }
}

@Injectable()
export class PlayersService {
  constructor(
    private readonly players: PlayersRepository,
    private readonly access: PlayerAccessService,
    private readonly users: UsersService,
    private readonly lifecycle: PlayerLifecycle,
  ) {}

  /** A coach who creates a player coaches it. */
  create(caller: AuthUser, dto: CreatePlayerDto): Promise<PlayerRecord> {
    checkHeartRates(dto);
    const coachIds = caller.role === 'coach' ? [caller.id] : [];
    return this.players.create(toProfile(dto) as PlayerProfile, caller.id, coachIds);
  }

  async list(caller: AuthUser, query: ListPlayersQueryDto): Promise<Page<PlayerRecord>> {
    const { items, total } = await this.players.list(
      await this.access.scopeOf(caller),
      { level: query.level, position: query.position, name: query.name },
      skipFor(query),
      query.limit,
    );
    return { items, total, page: query.page, limit: query.limit };
  }

  get(caller: AuthUser, id: string): Promise<PlayerRecord> {
    return this.access.findViewable(caller, id);
  }

  async update(caller: AuthUser, id: string, dto: UpdatePlayerDto): Promise<PlayerRecord> {
    const player = await this.access.findManageable(caller, id);
    checkHeartRates({ hrMaxBpm: dto.hrMaxBpm ?? player.hrMaxBpm, hrRestBpm: dto.hrRestBpm ?? player.hrRestBpm });
    return this.orGone(await this.players.update(id, toProfile(dto)));
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    await this.access.findManageable(caller, id);
    await this.players.delete(id);
    await this.lifecycle.deleted(id);
  }

  async setInjury(caller: AuthUser, id: string, dto: InjuryDto): Promise<PlayerRecord> {
    await this.access.findManageable(caller, id);
    if (dto.status === 'injured' && dto.bodyRegions.length === 0) {
      throw new RuleProblem([{ path: 'bodyRegions', message: 'an injured player needs at least one body region' }]);
    }
    if (dto.status === 'fit' && dto.bodyRegions.length > 0) {
      throw new RuleProblem([{ path: 'bodyRegions', message: 'a fit player has no injured body regions' }]);
    }
    const now = new Date();
    const since = dto.since
      ? parseCalendarDate(dto.since)!
      : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    return this.orGone(
      await this.players.setInjury(id, {
        status: dto.status,
        bodyRegions: dto.bodyRegions,
        since,
        notes: dto.notes,
        updatedAt: now,
      }),
    );
  }

  async link(caller: AuthUser, id: string, kind: 'coach' | 'guardian', email: string): Promise<PlayerRecord> {
    await this.access.findManageable(caller, id);
    const { field, role } = LINKS[kind];
    const user = await this.users.findByEmail(email);
    if (!user) throw noAccountWith(role);
    if (user.role !== role) throw new ProblemException(422, `That account is a ${user.role}, not a ${role}.`);
    return this.orGone(await this.players.addLink(id, field, user.id));
  }

  async unlink(caller: AuthUser, id: string, kind: 'coach' | 'guardian', userId: string): Promise<PlayerRecord> {
    const player = await this.access.findManageable(caller, id);
    const { field } = LINKS[kind];
    if (!player[field].includes(userId)) throw new NotFoundException(`That user is not linked as ${kind}.`);
    return this.orGone(await this.players.removeLink(id, field, userId));
  }

  /** Links the player's own account; one account belongs to at most one player. */
  async linkAccount(caller: AuthUser, id: string, email: string): Promise<PlayerRecord> {
    await this.access.findManageable(caller, id);
    const user = await this.users.findByEmail(email);
    if (!user) throw noAccountWith('player');
    if (user.role !== 'player') throw new ProblemException(422, `That account is a ${user.role}, not a player.`);
    const owner = await this.players.findByUserId(user.id);
    if (owner && owner.id !== id) throw new ProblemException(409, 'That account already belongs to another player.');
    return this.orGone(await this.players.setAccount(id, user.id));
  }

  async unlinkAccount(caller: AuthUser, id: string): Promise<PlayerRecord> {
    await this.access.findManageable(caller, id);
    return this.orGone(await this.players.setAccount(id, null));
  }

  /** The player vanished between the access check and the write (deleted concurrently). */
  private orGone(player: PlayerRecord | null): PlayerRecord {
    if (!player) throw new NotFoundException('Player not found.');
    return player;
  }
}

/**
 * An email no account has: 422 naming the field, not 404, which would say the player itself
 * was not found.
 */
function noAccountWith(role: string): ProblemException {
  return new ProblemException(422, `No ${role} account with that email.`, {
    slug: 'unknown-account',
    errors: [{ path: 'email', message: `no ${role} account has this email` }],
  });
}
