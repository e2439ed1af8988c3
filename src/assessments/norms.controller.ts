import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { PaginationQueryDto } from '../common/pagination/pagination.dto';
import { NormReferencePageDto } from './dto/norm.dto';
import { NormsService } from './norms.service';

@ApiTags('assessments')
@Controller({ path: 'norms', version: '1' })
export class NormsController {
  constructor(private readonly norms: NormsService) {}

  @ApiOperation({
    summary: 'Every norm reference in use, in order of precedence, with its coverage (test × sexes × ages)',
    description:
      'Uploaded references come first (newest upload first), then the shipped ones. A percentile is read from the ' +
      'first reference that covers the test, sex and age.',
  })
  @ApiAuth(400)
  @Get()
  list(@Query() query: PaginationQueryDto): Promise<NormReferencePageDto> {
    return this.norms.list(query.page, query.limit);
  }
}
