import { Body, Controller, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems, problemResponse } from '../common/decorators/api-problems.decorator';
import { Public } from '../common/decorators/public.decorator';
import { ProblemException } from '../common/errors/problem';
import { toProblem } from '../common/errors/to-problem';
import { GarminActivityFilesPushDto, GarminPushReceiptDto } from './dto/garmin.dto';
import { GARMIN_PUSH_DISABLED, GARMIN_PUSH_SECRET_HEADER, GarminPushService } from './garmin-push.service';

@ApiTags('device sync')
@Controller({ path: 'integrations/garmin/activity-files', version: '1' })
export class GarminPushController {
  constructor(private readonly push: GarminPushService) {}

  @ApiOperation({
    summary: "Garmin's push of activity files (called by Garmin, with the shared secret)",
    description:
      "Garmin's Activity API push: each notification names a Garmin user, a summary id and a callback URL. " +
      'Each is recorded and answered at once; the files of linked users are fetched in the background and ' +
      'stored as the player’s activities (admins follow them under /admin/device-sync/garmin). A summary id ' +
      'is processed once: a repeated push is acknowledged as it stands. Files of unknown users are recorded ' +
      'as unlinked and not fetched. Needs GARMIN_PUSH_SECRET on the server, sent in the X-Garmin-Push-Secret header.',
  })
  @ApiHeader({ name: GARMIN_PUSH_SECRET_HEADER, required: true, description: 'The shared secret (GARMIN_PUSH_SECRET)' })
  @ApiProblems(400, 401)
  @ApiResponse({
    status: 503,
    ...problemResponse(
      503,
      'GARMIN_PUSH_SECRET is not set on this server, or (with REDIS_URL) a notification is recorded but could not be queued: send it again',
      toProblem(new ProblemException(503, GARMIN_PUSH_DISABLED)),
    ),
  })
  @Public()
  @HttpCode(HttpStatus.OK)
  @Post()
  async receive(
    @Headers(GARMIN_PUSH_SECRET_HEADER) secret: string | undefined,
    @Body() dto: GarminActivityFilesPushDto,
  ): Promise<GarminPushReceiptDto> {
    return { activityFiles: await this.push.receive(secret, dto) };
  }
}
