import { Injectable, NotFoundException } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { ProblemException, RuleProblem } from '../common/errors/problem';
import { isDuplicateKey } from '../common/errors/to-problem';
import { Page, pageOf } from '../common/pagination/pagination.dto';
import { TeamAccessService } from '../players/team-access.service';
import { FixtureRecord } from './domain/team';
import { dateWindowProblems } from '../common/domain/date-window';
import { CreateTeamFixtureDto, TeamScheduleQueryDto } from './dto/fixture.dto';
import { TeamScheduleRepository } from './team-schedule.repository';

/** A team's fixture list: its coaches and admins keep it, everyone who sees the team reads it. */
@Injectable()
export class FixturesService {
  constructor(
    private readonly access: TeamAccessService,
    private readonly schedules: TeamScheduleRepository,
  ) {}

  async create(caller: AuthUser, teamId: string, dto: CreateTeamFixtureDto): Promise<FixtureRecord> {
    await this.access.findManageable(caller, teamId);
    try {
      return await this.schedules.createFixture({
        teamId,
        date: dto.date,
        kickOff: dto.kickOff,
        opponent: dto.opponent,
        venue: dto.venue,
        importance: dto.importance,
        createdBy: caller.id,
      });
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new ProblemException(
          409,
          `The team already has a fixture on ${dto.date}: a team plays one match a day.`,
          {
            slug: 'fixture-exists',
          },
        );
      }
      throw error;
    }
  }

  async list(caller: AuthUser, teamId: string, query: TeamScheduleQueryDto): Promise<Page<FixtureRecord>> {
    await this.access.findViewable(caller, teamId);
    const problems = dateWindowProblems(query);
    if (problems.length > 0) throw new RuleProblem(problems);
    return pageOf(await this.schedules.fixturesOf([teamId], { from: query.from, to: query.to }), query);
  }

  async remove(caller: AuthUser, teamId: string, fixtureId: string): Promise<void> {
    await this.access.findManageable(caller, teamId);
    const fixture = await this.schedules.findFixture(fixtureId);
    if (!fixture || fixture.teamId !== teamId) throw new NotFoundException('Fixture not found.');
    await this.schedules.deleteFixture(fixtureId);
  }
}
