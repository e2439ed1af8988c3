import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { GarminNotificationDto, GarminNotificationPageDto, ListGarminNotificationsQueryDto } from './dto/garmin.dto';
import { GarminPushService } from './garmin-push.service';

@ApiTags('admin')
@Roles('admin')
@Controller({ path: 'admin/device-sync/garmin', version: '1' })
export class AdminDeviceSyncController {
  constructor(private readonly push: GarminPushService) {}

  @ApiOperation({
    summary: "Garmin's notified files and what became of each, newest first",
    description: 'Filter by `status`: `failed` and `refused` ones say why in `lastError`.',
  })
  @ApiAuth(400, 403)
  @Get()
  async list(@Query() query: ListGarminNotificationsQueryDto): Promise<GarminNotificationPageDto> {
    const page = await this.push.list(query);
    return { ...page, items: page.items.map(GarminNotificationDto.from) };
  }

  @ApiOperation({
    summary: 'Fetch a failed file again, with a new round of attempts',
    description: 'Only a `failed` notification can be retried (422 otherwise); `id` is the notification’s `id`.',
  })
  @ApiAuth(400, 403, 404, 422, 503)
  @HttpCode(HttpStatus.OK)
  @Post(':id/retry')
  async retry(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
  ): Promise<GarminNotificationDto> {
    return GarminNotificationDto.from(await this.push.retry(id, caller.id));
  }
}
