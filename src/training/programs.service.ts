import { Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { AuthUser } from '../auth/domain/auth-user';
import { Page, skipFor } from '../common/pagination/pagination.dto';
import { PlayerAccessService } from '../players/player-access.service';
import { PlayerLifecycle } from '../players/player-lifecycle';
import { ageRefusal, generateProgram } from './domain/generate-program';
import { CreateProgramDto } from './dto/program.dto';
import { ProgramGenerator, ProgramPlanner } from './program-planner';
import { ProgramRecord, ProgramSummary } from './program.record';
import { ProgramsRepository } from './programs.repository';

const STANDARD: ProgramGenerator = {
  refusal: ageRefusal,
  generate: (input) => generateProgram(input),
};

/** Standard programmes, and reading and deleting programmes of every kind under the player access policy. */
@Injectable()
export class ProgramsService implements OnModuleInit {
  constructor(
    private readonly programs: ProgramsRepository,
    private readonly planner: ProgramPlanner,
    private readonly access: PlayerAccessService,
    private readonly lifecycle: PlayerLifecycle,
  ) {}

  onModuleInit(): void {
    this.lifecycle.whenDeleted((playerId) => this.programs.deleteForPlayer(playerId));
  }

  generate(caller: AuthUser, playerId: string, dto: CreateProgramDto): Promise<ProgramRecord> {
    return this.planner.plan(caller, playerId, dto, STANDARD);
  }

  async list(caller: AuthUser, playerId: string, page: number, limit: number): Promise<Page<ProgramSummary>> {
    await this.access.findViewable(caller, playerId);
    const { items, total } = await this.programs.listForPlayer(playerId, skipFor({ page, limit }), limit);
    return { items, total, page, limit };
  }

  /** The programme when the caller may see its player; 404 otherwise, as if it did not exist. */
  async get(caller: AuthUser, id: string): Promise<ProgramRecord> {
    const program = await this.programs.findById(id);
    if (!program) throw new NotFoundException('Programme not found.');
    await this.access.findViewable(caller, program.playerId, 'Programme not found.');
    return program;
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    const program = await this.get(caller, id);
    await this.access.findManageable(caller, program.playerId);
    await this.programs.delete(id);
  }
}
