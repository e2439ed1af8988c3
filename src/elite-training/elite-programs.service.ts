import { Injectable } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { ProgramGenerator, ProgramPlanner } from '../training/program-planner';
import { ProgramRecord } from '../training/program.record';
import { CreateEliteProgramDto } from '../training/dto/program.dto';
import { ageRefusal } from '../training/domain/generate-program';
import { eliteRefusal, fixtureProblems, generateEliteProgram } from './domain/generate-elite-program';

const ELITE: ProgramGenerator<CreateEliteProgramDto> = {
  refusal: (player) => ageRefusal(player) ?? eliteRefusal(player),
  requestProblems: (request) => fixtureProblems(request.startDate, request.weeks, request.fixtures),
  generate: (input, request) => generateEliteProgram(input, { fixtures: request.fixtures }),
};

/** Elite programmes: the same planning path as every programme, with the match-cycle generator. */
@Injectable()
export class EliteProgramsService {
  constructor(private readonly planner: ProgramPlanner) {}

  generate(caller: AuthUser, playerId: string, dto: CreateEliteProgramDto): Promise<ProgramRecord> {
    return this.planner.plan(caller, playerId, dto, ELITE);
  }
}
