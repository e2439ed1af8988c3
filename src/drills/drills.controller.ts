import { Controller, Get, Headers, Param, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblems } from '../common/decorators/api-problems.decorator';
import { ApiConditionalGet, RENDERED_HEADERS, sendRendered } from '../common/http/conditional-reply';
import { Public } from '../common/decorators/public.decorator';
import { ParseSlugPipe } from '../common/validation/parse-slug.pipe';
import { ValidatedQuery } from '../common/validation/validated-query.decorator';
import { respondIn } from '../common/http/content-language';
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
 * It changes only when a set is activated: every answer carries an ETag, and a client or cache
 * holding the current one gets a 304.
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
  @ApiConditionalGet()
  @ApiProblems(400)
  @Get()
  @ApiOkResponse({ type: DrillPageDto, headers: RENDERED_HEADERS })
  @ApiQuery({ type: ListDrillsQueryDto })
  async list(
    @ValidatedQuery(ListDrillsQueryDto) query: ListDrillsQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | ''> {
    const language = respondIn(acceptLanguage, reply);
    return sendRendered(request, reply, await this.drills.listBody(query, language));
  }

  @ApiOperation({
    summary: 'JSON Schema of the upload format',
    description: 'Check a file against it before uploading.',
  })
  @ApiOkResponse({ description: 'JSON Schema (draft 2020-12)', schema: { type: 'object' }, headers: RENDERED_HEADERS })
  @ApiConditionalGet()
  @ApiProblems()
  @Get('schema')
  schema(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Buffer | '' {
    return sendRendered(request, reply, this.drills.uploadFormatSchema());
  }

  @ApiOperation({ summary: 'One drill' })
  @ACCEPT_LANGUAGE
  @ApiConditionalGet()
  @ApiProblems(400, 404)
  @Get(':id')
  @ApiOkResponse({ type: DrillResponseDto, headers: RENDERED_HEADERS })
  async get(
    @Param('id', ParseSlugPipe) id: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | ''> {
    const language = respondIn(acceptLanguage, reply);
    return sendRendered(request, reply, await this.drills.drillBody(id, language));
  }
}
