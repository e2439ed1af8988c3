import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { GarminLinkDto, LinkGarminDto } from './dto/garmin.dto';
import { GarminLinksService } from './garmin-links.service';

@ApiTags('device sync')
@Controller({ path: 'players/:playerId/devices/garmin', version: '1' })
export class GarminDevicesController {
  constructor(private readonly links: GarminLinksService) {}

  @ApiOperation({
    summary: "Link the player's Garmin account (the player's coaches, admins)",
    description:
      "Files Garmin pushes for this Garmin user id are fetched and stored as the player's activities. " +
      'Replaces the player’s previous link; a Garmin user id linked to another player is a 409.',
  })
  @ApiAuth(400, 403, 404, 409)
  @Put()
  async link(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
    @Body() dto: LinkGarminDto,
  ): Promise<GarminLinkDto> {
    return GarminLinkDto.from(await this.links.link(caller, playerId, dto.garminUserId));
  }

  @ApiOperation({ summary: "The player's Garmin link (404 when there is none)" })
  @ApiAuth(400, 404)
  @Get()
  async get(
    @CurrentUser() caller: AuthUser,
    @Param('playerId', ParseObjectIdPipe) playerId: string,
  ): Promise<GarminLinkDto> {
    return GarminLinkDto.from(await this.links.get(caller, playerId));
  }

  @ApiOperation({
    summary: "Unlink the player's Garmin account (the player's coaches, admins)",
    description: 'Activities already stored stay; files pushed afterwards are recorded as unlinked.',
  })
  @ApiNoContentResponse({ description: 'Unlinked' })
  @ApiAuth(400, 403, 404)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete()
  async unlink(@CurrentUser() caller: AuthUser, @Param('playerId', ParseObjectIdPipe) playerId: string): Promise<void> {
    await this.links.unlink(caller, playerId);
  }
}
