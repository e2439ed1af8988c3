import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { PaginationQueryDto } from '../common/pagination/pagination.dto';
import { AcceptsUpload, readUploadedFile } from '../common/upload/read-uploaded-file';
import { ParsePositiveIntPipe } from '../common/validation/parse-positive-int.pipe';
import { Environment } from '../config/environment';
import { DrillLibraryService } from '../drills/drill-library.service';
import {
  DrillSetVersionDto,
  DrillSetVersionPageDto,
  DrillUploadReportDto,
  UploadDrillsQueryDto,
} from '../drills/dto/drill.dto';

/** Media types a drill file part may declare. */
const DRILL_FILE_TYPES = ['application/json', 'text/json'];

@ApiTags('admin')
@Roles('admin')
@Controller({ path: 'admin/drills', version: '1' })
export class AdminDrillsController {
  private readonly maxUploadBytes: number;

  constructor(
    private readonly library: DrillLibraryService,
    config: ConfigService<Environment, true>,
  ) {
    this.maxUploadBytes = config.get('DRILLS_UPLOAD_MAX_BYTES', { infer: true });
  }

  @ApiOperation({
    summary: 'Upload a drill library file (JSON)',
    description:
      'Multipart field `file`: a JSON array of drills or `{ "drills": [...] }` (see GET /api/v1/drills/schema). ' +
      'All or nothing: one invalid drill rejects the file with every problem listed (`errors[].index/id/path/message`). ' +
      'A valid file becomes a new version and is switched in atomically.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
    encoding: { file: { contentType: DRILL_FILE_TYPES.join(', ') } },
  })
  @ApiAuth(400, 409, 413, 415)
  @HttpCode(HttpStatus.OK)
  @AcceptsUpload()
  @Post('upload')
  async upload(
    @Req() request: FastifyRequest,
    @Query() query: UploadDrillsQueryDto,
    @CurrentUser() caller: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DrillUploadReportDto> {
    const file = await readUploadedFile(request, {
      field: 'file',
      maxBytes: this.maxUploadBytes,
      mediaTypes: DRILL_FILE_TYPES,
    });
    const report = await this.library.upload(file, query.mode, query.dryRun, caller);
    if (report.stored) void reply.status(HttpStatus.CREATED);
    return report;
  }

  @ApiOperation({ summary: 'Stored versions, newest first, with uploader, time and counts' })
  @ApiAuth(400)
  @Get('versions')
  versions(@Query() query: PaginationQueryDto): Promise<DrillSetVersionPageDto> {
    return this.library.versions(query.page, query.limit);
  }

  @ApiOperation({ summary: 'Serve a stored version again (rollback)' })
  @ApiAuth(400, 404)
  @HttpCode(HttpStatus.OK)
  @Post('versions/:version/activate')
  activate(
    @Param('version', ParsePositiveIntPipe) version: number,
    @CurrentUser() caller: AuthUser,
  ): Promise<DrillSetVersionDto> {
    return this.library.activate(version, caller);
  }

  @ApiOperation({ summary: 'Download the served set in the upload format' })
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'A JSON array of drills, ready to edit and upload again' })
  @ApiAuth()
  @Get('export')
  async export(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown[]> {
    const { drills, version, source } = await this.library.export();
    const name = source === 'database' ? `drills-v${version}.json` : 'drills-static.json';
    void reply.header('content-disposition', `attachment; filename="${name}"`);
    return [...drills];
  }
}
