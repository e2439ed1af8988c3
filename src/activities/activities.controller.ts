import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { AcceptsUpload, readUploadedForm } from '../common/upload/read-uploaded-file';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { createValidationPipe } from '../common/validation/validation';
import type { Environment } from '../config/environment';
import { compareMetrics } from './domain/compare';
import { activityDto, activitySummaryDto, customSectionDto } from './activity-response';
import { ActivitiesService } from './activities.service';
import { ActivityZipImport } from './activity-zip-import';
import {
  ACTIVITY_UPLOAD_FIELDS,
  ActivitiesQueryDto,
  ActivityComparisonDto,
  ActivityDto,
  ActivityPageDto,
  ActivityStreamsDto,
  ActivityUploadFieldsDto,
  CreateSectionDto,
  CustomSectionDto,
  StreamsQueryDto,
  UpdateActivityDto,
  ZipImportReportDto,
} from './dto/activity.dto';

const UPLOAD_FORM_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'GPX, TCX, FIT or vest CSV, gzip-compressed or not' },
    kind: { type: 'string', enum: ['training', 'match', 'run', 'ride', 'other'] },
    title: { type: 'string', minLength: 1, maxLength: 120 },
    trainingLogId: { type: 'string', pattern: '^[0-9a-f]{24}$' },
    programId: { type: 'string', pattern: '^[0-9a-f]{24}$' },
    sessionId: { type: 'string', maxLength: 40 },
  },
};

const GPX_MEDIA_TYPE = 'application/gpx+xml';
const GEOJSON_MEDIA_TYPE = 'application/geo+json';

/** A file name safe inside a Content-Disposition header. */
const safeFilename = (name: string) => name.replace(/[^\w.-]+/g, '_').slice(0, 100) || 'activity';

@ApiTags('activities')
@Controller({ version: '1' })
export class ActivitiesController {
  private readonly maxUploadBytes: number;
  private readonly fieldsPipe = createValidationPipe();

  constructor(
    private readonly activities: ActivitiesService,
    private readonly zipImport: ActivityZipImport,
    config: ConfigService<Environment, true>,
  ) {
    this.maxUploadBytes = config.get('ACTIVITY_UPLOAD_MAX_BYTES', { infer: true });
  }

  @ApiOperation({
    summary: 'Upload an activity file: GPX, TCX, FIT or a 10 Hz vest CSV (the player, their coaches, admins)',
    description:
      'Multipart field `file`, recognised by its content (gzip-compressed or not), with optional fields `kind` ' +
      "(default: from the file's sport, run or ride, else training), `title`, and the session it belongs to " +
      '(`trainingLogId`, or `programId` with `sessionId`). ' +
      'Duplicate, backwards and jumping points and gaps are cleaned and counted in `quality`. ' +
      'A file that cannot be read is a 400 whose problem `type` names why (`/problems/not-xml`, `/problems/xml-entities`, ' +
      '`/problems/corrupt-fit`, `/problems/truncated-fit`, `/problems/no-timestamps`, `/problems/outside-globe`, ...); ' +
      'the same file again, or the same device and start time, is a 409 naming the activity (`errors[0].id`). ' +
      'Nothing is stored unless the answer is 201.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_FORM_SCHEMA })
  @ApiCreatedResponse({ type: ActivityDto })
  @ApiAuth(400, 403, 404, 409, 413, 415, 422)
  @AcceptsUpload()
  @Post('players/:playerId/activities')
  async upload(
    @Req() request: FastifyRequest,
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
  ): Promise<ActivityDto> {
    const form = await readUploadedForm(request, {
      field: 'file',
      maxBytes: this.maxUploadBytes,
      fields: ACTIVITY_UPLOAD_FIELDS,
    });
    const fields = (await this.fieldsPipe.transform(form.fields, {
      type: 'body',
      metatype: ActivityUploadFieldsDto,
    })) as ActivityUploadFieldsDto;
    const activity = await this.activities.upload(
      caller,
      playerId,
      { bytes: form.file, filename: form.filename },
      fields,
    );
    return activityDto(activity);
  }

  @ApiOperation({
    summary: 'Import a ZIP of activity files, e.g. a watch or Strava bulk export (the player, their coaches, admins)',
    description:
      'Multipart field `file`: a ZIP. Every file in it is imported like a single upload and reported on its own: ' +
      'imported (with the activity), duplicate (with the existing activity) or refused (with the reason). ' +
      'Folders and macOS metadata are skipped. A file that is not a ZIP, or holds too many files, is a 400.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOkResponse({ type: ZipImportReportDto })
  @ApiAuth(400, 403, 404, 413, 415)
  @HttpCode(HttpStatus.OK)
  @AcceptsUpload()
  @Post('players/:playerId/activities/import')
  async importZip(
    @Req() request: FastifyRequest,
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
  ): Promise<ZipImportReportDto> {
    const form = await readUploadedForm(request, { field: 'file', maxBytes: this.maxUploadBytes, fields: [] });
    return this.zipImport.importZip(caller, playerId, form.file);
  }

  @ApiOperation({ summary: "A player's activities, newest first (without sections)" })
  @ApiAuth(400, 404, 422)
  @Get('players/:playerId/activities')
  async list(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Query() query: ActivitiesQueryDto,
  ): Promise<ActivityPageDto> {
    const page = await this.activities.list(caller, playerId, query);
    return { ...page, items: page.items.map(activitySummaryDto) };
  }

  @ApiOperation({
    summary: 'One activity: summary, football running and heart-rate metrics, quality and sections',
    description:
      "Sections: the file's laps, splits every 1 km and every 5 min, coach-defined sections, and, when attached to a " +
      'programme session, one per planned block laid end to end from the start at its planned minutes (the last block ' +
      "runs to the end); a block's actual load is its share by minutes of the logged session-RPE load.",
  })
  @ApiAuth(400, 404)
  @Get('activities/:id')
  async get(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<ActivityDto> {
    const { activity, plannedBlocks } = await this.activities.getWithBlocks(caller, id);
    return activityDto(activity, plannedBlocks);
  }

  @ApiOperation({ summary: 'Change the title, kind or attached session (the player, their coaches, admins)' })
  @ApiAuth(400, 403, 404, 422)
  @Patch('activities/:id')
  async update(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: UpdateActivityDto,
  ): Promise<ActivityDto> {
    await this.activities.update(caller, id, dto);
    const { activity, plannedBlocks } = await this.activities.getWithBlocks(caller, id);
    return activityDto(activity, plannedBlocks);
  }

  @ApiOperation({ summary: 'Delete an activity and its stored file (the player, their coaches, admins)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiAuth(400, 403, 404)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete('activities/:id')
  async remove(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<void> {
    await this.activities.remove(caller, id);
  }

  @ApiOperation({ summary: 'Download the original file, as it was uploaded' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file as received', schema: { type: 'string', format: 'binary' } })
  @ApiAuth(400, 404)
  @Get('activities/:id/file')
  async original(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { activity, bytes } = await this.activities.original(caller, id);
    const name = safeFilename(activity.file.filename ?? `activity-${activity.id}.${activity.format}`);
    void reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${name}"`);
    return bytes;
  }

  @ApiOperation({ summary: 'The cleaned track as GPX 1.1 (heart rate as Garmin TrackPointExtension)' })
  @ApiProduces(GPX_MEDIA_TYPE)
  @ApiOkResponse({ description: 'A GPX 1.1 document', schema: { type: 'string' } })
  @ApiAuth(400, 404)
  @Get('activities/:id/gpx')
  async gpx(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { activity, gpx } = await this.activities.gpx(caller, id);
    void reply
      .header('content-type', `${GPX_MEDIA_TYPE}; charset=utf-8`)
      .header('content-disposition', `attachment; filename="activity-${activity.id}.gpx"`);
    return gpx;
  }

  @ApiOperation({ summary: 'The track for maps: a GeoJSON FeatureCollection (RFC 7946) with one LineString' })
  @ApiProduces(GEOJSON_MEDIA_TYPE)
  @ApiOkResponse({ description: 'GeoJSON (RFC 7946)', schema: { type: 'object' } })
  @ApiAuth(400, 404)
  @Get('activities/:id/geojson')
  async geojson(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<object> {
    const collection = await this.activities.geojson(caller, id);
    void reply.header('content-type', `${GEOJSON_MEDIA_TYPE}; charset=utf-8`);
    return collection;
  }

  @ApiOperation({
    summary: 'Streams for charts, downsampled by Largest-Triangle-Three-Buckets (Steinarsson 2013)',
    description: 'All streams share the same points, so they stay aligned. `types` default: all.',
  })
  @ApiAuth(400, 404)
  @Get('activities/:id/streams')
  async streams(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Query() query: StreamsQueryDto,
  ): Promise<ActivityStreamsDto> {
    return this.activities.streams(caller, id, query.types, query.resolution);
  }

  @ApiOperation({
    summary: "Define a section by time range, with the same metrics as the whole (the player's coaches, admins)",
  })
  @ApiCreatedResponse({ type: CustomSectionDto })
  @ApiAuth(400, 403, 404, 422)
  @Post('activities/:id/sections')
  async addSection(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: CreateSectionDto,
  ): Promise<CustomSectionDto> {
    const { activity, section } = await this.activities.addSection(caller, id, dto);
    return customSectionDto(section, activity.startedAt);
  }

  @ApiOperation({ summary: "Delete a coach's section (the player's coaches, admins)" })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiAuth(400, 403, 404)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete('activities/:id/sections/:sectionId')
  async removeSection(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Param('sectionId', ParseObjectIdPipe) sectionId: string,
  ): Promise<void> {
    await this.activities.removeSection(caller, id, sectionId);
  }

  @ApiOperation({ summary: 'Two activities side by side: every metric, the other one, and their difference' })
  @ApiAuth(400, 404)
  @Get('activities/:id/compare/:otherId')
  async compare(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Param('otherId', ParseObjectIdPipe) otherId: string,
  ): Promise<ActivityComparisonDto> {
    const [activity, other] = await this.activities.compare(caller, id, otherId);
    return {
      activity: activitySummaryDto(activity),
      other: activitySummaryDto(other),
      metrics: compareMetrics(activity.metrics, other.metrics),
    };
  }
}
