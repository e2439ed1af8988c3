import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { NormUploadDto, NormVersionDto, NormVersionPageDto } from '../assessments/dto/norm.dto';
import { NormUpload } from '../assessments/domain/norm-upload';
import { NormsService } from '../assessments/norms.service';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { PaginationQueryDto } from '../common/pagination/pagination.dto';
import { ParseSlugPipe } from '../common/validation/parse-slug.pipe';

@ApiTags('admin')
@Roles('admin')
@Controller({ path: 'admin/norms', version: '1' })
export class AdminNormsController {
  constructor(private readonly norms: NormsService) {}

  @ApiOperation({
    summary: 'Upload a norm table (LMS, percentile or mean/SD rows) as the next version of its name',
    description:
      'The format of the shipped reference files: `source` (citation, doi, population), `test` (the assessment ' +
      'field it scores), `unit`, `format`, `notes`, `rows`, plus an optional `name` (versions share it; default the ' +
      'test in lower case) and `ageDefinition`. A 400 lists every schema problem; a 422 every rule problem: missing L/M/S, mean or ' +
      'sd for the format, centiles not ascending, values implausible for the unit, rows covering the same sex and ' +
      'age, or ages another uploaded reference for the test already covers. Uploaded references take precedence ' +
      'over the shipped ones where both cover a player.',
  })
  @ApiAuth(400, 422)
  @Post()
  upload(@Body() dto: NormUploadDto, @CurrentUser() caller: AuthUser): Promise<NormVersionDto> {
    return this.norms.upload(dto as unknown as NormUpload & { name?: string }, caller);
  }

  @ApiOperation({ summary: 'Every uploaded version, newest first, with its status (active, superseded, withdrawn)' })
  @ApiAuth(400)
  @Get()
  versions(@Query() query: PaginationQueryDto): Promise<NormVersionPageDto> {
    return this.norms.versions(query.page, query.limit);
  }

  @ApiOperation({ summary: 'Withdraw the version of a norm table in use; the other references apply again' })
  @ApiAuth(400, 404)
  @HttpCode(HttpStatus.OK)
  @Delete(':name')
  withdraw(@Param('name', ParseSlugPipe) name: string, @CurrentUser() caller: AuthUser): Promise<NormVersionDto> {
    return this.norms.withdraw(name, caller);
  }
}
