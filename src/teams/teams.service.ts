import { Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { ProblemException } from '../common/errors/problem';
import { isDuplicateKey } from '../common/errors/to-problem';
import { Page, skipFor } from '../common/pagination/pagination.dto';
import { PlayerAccessService } from '../players/player-access.service';
import { PlayerLifecycle } from '../players/player-lifecycle';
import { PlayersRepository } from '../players/players.repository';
import { TeamAccessService } from '../players/team-access.service';
import { UsersService } from '../users/users.service';
import { TeamProfile, TeamRecord } from './domain/team';
import { CreateTeamDto, ListTeamsQueryDto, TeamDto, UpdateTeamDto } from './dto/team.dto';
import { TeamScheduleRepository } from './team-schedule.repository';
import { TeamsRepository } from './teams.repository';

/** Teams and their members: who plays in a squad and who coaches it. */
@Injectable()
export class TeamsService implements OnModuleInit {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly schedule: TeamScheduleRepository,
    private readonly teamAccess: TeamAccessService,
    private readonly playerAccess: PlayerAccessService,
    private readonly players: PlayersRepository,
    private readonly users: UsersService,
    private readonly lifecycle: PlayerLifecycle,
  ) {}

  onModuleInit(): void {
    this.lifecycle.whenDeleted((playerId) => this.teams.removePlayerEverywhere(playerId));
  }

  /** A coach who creates a team coaches it. */
  async create(caller: AuthUser, dto: CreateTeamDto): Promise<TeamDto> {
    const coachIds = caller.role === 'coach' ? [caller.id] : [];
    try {
      return this.view(await this.teams.create(dto, caller.id, coachIds));
    } catch (error) {
      throw this.duplicateName(error, dto);
    }
  }

  async list(caller: AuthUser, query: ListTeamsQueryDto): Promise<Page<TeamDto>> {
    const { items, total } = await this.teams.list(
      await this.teamAccess.scopeOf(caller),
      { season: query.season },
      skipFor(query),
      query.limit,
    );
    return { items: await this.viewAll(items), total, page: query.page, limit: query.limit };
  }

  async get(caller: AuthUser, id: string): Promise<TeamDto> {
    return this.view(await this.teamAccess.findViewable(caller, id));
  }

  async update(caller: AuthUser, id: string, dto: UpdateTeamDto): Promise<TeamDto> {
    const team = await this.teamAccess.findManageable(caller, id);
    try {
      return this.view(this.orGone(await this.teams.update(id, dto)));
    } catch (error) {
      throw this.duplicateName(error, { name: dto.name ?? team.name, season: dto.season ?? team.season });
    }
  }

  /** The team's fixtures and sessions go with it; the players' logs of its sessions stay in their history. */
  async remove(caller: AuthUser, id: string): Promise<void> {
    await this.teamAccess.findManageable(caller, id);
    await this.teams.delete(id);
    await this.schedule.deleteForTeam(id);
  }

  /** Adding a player needs the right to manage that player too, so a team cannot be used to reach someone's players. */
  async addPlayer(caller: AuthUser, id: string, playerId: string): Promise<TeamDto> {
    await this.teamAccess.findManageable(caller, id);
    await this.playerAccess.findManageable(caller, playerId).catch((error: unknown) => {
      throw asFieldProblem(error);
    });
    return this.view(this.orGone(await this.teams.addMember(id, 'playerIds', playerId)));
  }

  async removePlayer(caller: AuthUser, id: string, playerId: string): Promise<TeamDto> {
    const team = await this.teamAccess.findManageable(caller, id);
    if (!team.playerIds.includes(playerId)) throw notMember('player', 'playerId');
    return this.view(this.orGone(await this.teams.removeMember(id, 'playerIds', playerId)));
  }

  async addCoach(caller: AuthUser, id: string, email: string): Promise<TeamDto> {
    await this.teamAccess.findManageable(caller, id);
    const coach = await this.coachWithEmail(email);
    return this.view(this.orGone(await this.teams.addMember(id, 'coachIds', coach.id)));
  }

  /** Effective at once: the access policy reads team membership on every request. */
  async removeCoach(caller: AuthUser, id: string, email: string): Promise<TeamDto> {
    const team = await this.teamAccess.findManageable(caller, id);
    const coach = await this.users.findByEmail(email);
    if (!coach || !team.coachIds.includes(coach.id)) throw notMember('coach', 'email');
    return this.view(this.orGone(await this.teams.removeMember(id, 'coachIds', coach.id)));
  }

  private async coachWithEmail(email: string) {
    const user = await this.users.findByEmail(email);
    if (!user) {
      throw new ProblemException(422, 'No coach account with that email.', {
        slug: 'unknown-account',
        errors: [{ path: 'email', message: 'no coach account has this email' }],
      });
    }
    if (user.role !== 'coach') {
      throw new ProblemException(422, `That account is a ${user.role}, not a coach.`, {
        errors: [{ path: 'email', message: `this account is a ${user.role}, not a coach` }],
      });
    }
    return user;
  }

  private async view(team: TeamRecord): Promise<TeamDto> {
    return (await this.viewAll([team]))[0];
  }

  /** Squads and coaches of a page of teams in two queries. */
  private async viewAll(teams: readonly TeamRecord[]): Promise<TeamDto[]> {
    const [players, coaches] = await Promise.all([
      this.players.findByIds([...new Set(teams.flatMap((t) => t.playerIds))]),
      this.users.findByIds([...new Set(teams.flatMap((t) => t.coachIds))]),
    ]);
    return teams.map((team) =>
      TeamDto.from(
        team,
        players.filter((p) => team.playerIds.includes(p.id)),
        coaches,
      ),
    );
  }

  private duplicateName(error: unknown, team: Pick<TeamProfile, 'name' | 'season'>): unknown {
    if (!isDuplicateKey(error)) return error;
    return new ProblemException(409, `There is already a team called "${team.name}" in ${team.season}.`, {
      slug: 'duplicate-team',
    });
  }

  /** The team vanished between the access check and the write (deleted concurrently). */
  private orGone(team: TeamRecord | null): TeamRecord {
    if (!team) throw new NotFoundException('Team not found.');
    return team;
  }
}

/** Not a member: 404 naming the field, so it does not read as the team itself missing. */
function notMember(kind: 'player' | 'coach', path: string): ProblemException {
  return new ProblemException(404, `That ${kind} is not in the team.`, {
    errors: [{ path, message: `not a ${kind} of this team` }],
  });
}

/**
 * A player id in the body the caller cannot see reads like an unknown email does when linking an account:
 * 422 naming the field, not 404, which would say the team was not found.
 */
function asFieldProblem(error: unknown): unknown {
  if (!(error instanceof NotFoundException)) return error;
  return new ProblemException(422, 'No player you can see has that id.', {
    slug: 'unknown-player',
    errors: [{ path: 'playerId', message: 'no player you can see has this id' }],
  });
}
