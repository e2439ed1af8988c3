import { Injectable } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { TeamScheduleRepository } from '../teams/team-schedule.repository';
import { TeamsRepository } from '../teams/teams.repository';
import { addDays } from '../training/domain/calendar';
import { Fixture } from '../training/domain/program';
import { ProgramGenerator, ProgramPlanner } from '../training/program-planner';
import { ProgramRecord } from '../training/program.record';
import { CreateEliteProgramDto } from '../training/dto/program.dto';
import { ageRefusal } from '../training/domain/generate-program';
import { eliteRefusal, fixtureProblems, generateEliteProgram } from './domain/generate-elite-program';
import { matchDaysOf } from './domain/team-fixtures';

type EliteRequest = CreateEliteProgramDto & { fixtures: Fixture[] };

const refusal: ProgramGenerator<EliteRequest>['refusal'] = (player) => ageRefusal(player) ?? eliteRefusal(player);
const generate: ProgramGenerator<EliteRequest>['generate'] = (input, request) =>
  generateEliteProgram(input, { fixtures: request.fixtures });

/** Fixtures sent with the request: problems name the request's own entries. */
const FROM_REQUEST: ProgramGenerator<EliteRequest> = {
  refusal,
  requestProblems: (request) => fixtureProblems(request.startDate, request.weeks, request.fixtures),
  generate,
};

/** Fixtures read from the player's teams: problems name the team fixture, which the request does not hold. */
const FROM_TEAMS: ProgramGenerator<EliteRequest> = {
  refusal,
  requestProblems: (request) => {
    const end = programEnd(request);
    if (request.fixtures.length === 0) {
      return [
        {
          path: 'fixtures',
          message:
            `the request has no fixtures and no team of the player has a fixture from ${request.startDate} to ${end}: ` +
            'send fixtures, or add them to a team (POST /teams/{teamId}/fixtures)',
        },
      ];
    }
    return fixtureProblems(request.startDate, request.weeks, request.fixtures).map((problem) => {
      const index = Number(problem.path.split('.')[1]);
      return { path: 'fixtures', message: `the team fixture on ${request.fixtures[index].date} ${problem.message}` };
    });
  },
  generate,
};

function programEnd(request: Pick<CreateEliteProgramDto, 'startDate' | 'weeks'>): string {
  return addDays(request.startDate, request.weeks * 7 - 1);
}

/** Elite programmes: the same planning path as every programme, with the match-cycle generator. */
@Injectable()
export class EliteProgramsService {
  constructor(
    private readonly planner: ProgramPlanner,
    private readonly teams: TeamsRepository,
    private readonly schedules: TeamScheduleRepository,
  ) {}

  /**
   * Without fixtures in the request, the programme follows the fixtures of the player's teams. They
   * are read before the planner checks access, which decides the answer first: a hidden player is a
   * 404 whatever the teams hold.
   */
  async generate(caller: AuthUser, playerId: string, dto: CreateEliteProgramDto): Promise<ProgramRecord> {
    if (dto.fixtures) return this.planner.plan(caller, playerId, { ...dto, fixtures: dto.fixtures }, FROM_REQUEST);
    const teamIds = (await this.teams.forPlayer(playerId)).map((team) => team.id);
    const teamFixtures = await this.schedules.fixturesOf(teamIds, { from: dto.startDate, to: programEnd(dto) });
    return this.planner.plan(caller, playerId, { ...dto, fixtures: matchDaysOf(teamFixtures) }, FROM_TEAMS);
  }
}
