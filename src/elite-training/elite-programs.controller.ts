import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth, ApiSafetyFailure } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { CreateEliteProgramDto, ProgramDto } from '../training/dto/program.dto';
import { EliteProgramsService } from './elite-programs.service';

@ApiTags('training')
@Controller({ version: '1' })
export class EliteProgramsController {
  constructor(private readonly elite: EliteProgramsService) {}

  @ApiOperation({
    summary: 'Generate an elite programme around a fixture list (elite-level players aged 16+)',
    description:
      'Microcycles by match day: MD+1 recovery, MD+2 off, MD-4 strength and high load, MD-3 endurance, MD-2 speed, ' +
      'MD-1 activation; no high intensity on MD-1 or MD+1; position-specific conditioning; a taper in the week ' +
      'before `key` matches. The same safety checks as every programme. 422 for players under 16 or below elite level. ' +
      "Without `fixtures`, the fixtures of every team the player plays in within the programme's weeks are used " +
      "(one match a day, `key` when either team's is; the stored `fixtures` show them); 422 when there are none.",
  })
  @ApiAuth(400, 403, 404, 422)
  @ApiSafetyFailure()
  @Post('players/:playerId/elite-programs')
  async create(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Body() dto: CreateEliteProgramDto,
  ): Promise<ProgramDto> {
    return ProgramDto.fromRecord(await this.elite.generate(caller, playerId, dto));
  }
}
