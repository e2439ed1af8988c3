import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems } from '../common/decorators/api-problems.decorator';
import { Public } from '../common/decorators/public.decorator';
import { ParseSlugPipe } from '../common/validation/parse-slug.pipe';
import { ValidatedQuery } from '../common/validation/validated-query.decorator';
import { negotiateLanguage } from './domain/drill-query';
import { DrillPageDto, DrillResponseDto, ListDrillsQueryDto } from './dto/drill.dto';
import { DrillsService } from './drills.service';

const ACCEPT_LANGUAGE = ApiHeader({
  name: 'Accept-Language',
  required: false,
  description: '`ar` for Arabic; English otherwise',
});

/**
 * The drill catalogue is public reference content (the static part ships with the code),
 * so it stays readable even when accounts cannot be checked, e.g. while the database is down.
 */
@ApiTags('drills')
@Public()
@Controller({ path: 'drills', version: '1' })
export class DrillsController {
  constructor(private readonly drills: DrillsService) {}

  @ApiOperation({
    summary: 'Search the drill library',
    description: 'Served from the database when an uploaded set is active, else from the static library (`source`).',
  })
  @ACCEPT_LANGUAGE
  @ApiProblems(400)
  @Get()
  @ApiOkResponse({ type: DrillPageDto })
  @ApiQuery({ type: ListDrillsQueryDto })
  async list(
    @ValidatedQuery(ListDrillsQueryDto) query: ListDrillsQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const language = negotiateLanguage(acceptLanguage);
    const body = await this.drills.listJson(query, language);
    void reply
      .header('content-language', language)
      .header('vary', 'Accept-Language')
      .type('application/json; charset=utf-8');
    return body;
  }

  @ApiOperation({
    summary: 'JSON Schema of the upload format',
    description: 'Check a file against it before uploading.',
  })
  @ApiOkResponse({ description: 'JSON Schema (draft 2020-12)', schema: { type: 'object' } })
  @ApiProblems()
  @Get('schema')
  schema(): Record<string, unknown> {
    return this.drills.uploadFormatSchema();
  }

  @ApiOperation({ summary: 'One drill' })
  @ACCEPT_LANGUAGE
  @ApiProblems(400, 404)
  @Get(':id')
  get(
    @Param('id', ParseSlugPipe) id: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DrillResponseDto> {
    const language = negotiateLanguage(acceptLanguage);
    void reply.header('content-language', language).header('vary', 'Accept-Language');
    return this.drills.get(id, language);
  }
}
