import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { AcademySettingsService } from './academy-settings.service';
import { AcademySettingsDto, UpdateAcademySettingsDto } from './dto/academy-settings.dto';

@ApiTags('admin')
@Roles('admin')
@Controller({ path: 'admin/settings', version: '1' })
export class AcademySettingsController {
  constructor(private readonly settings: AcademySettingsService) {}

  @ApiOperation({
    summary: "The academy's settings: name, time zone, default language and report digits",
    description: 'The defaults (`Academy`, `UTC`, `en`, `latn`, `updatedAt: null`) until an admin first changes them.',
  })
  @ApiAuth()
  @Get()
  async get(): Promise<AcademySettingsDto> {
    return AcademySettingsDto.from(await this.settings.current());
  }

  @ApiOperation({
    summary: "Change some of the academy's settings",
    description:
      'Fields left out keep their value. The time zone is an IANA name (stored in its canonical spelling, ' +
      '`europe/london` as `Europe/London`; a name the time zone database does not know is a 422); it places ' +
      'every date and time of day the API works out.',
  })
  @ApiAuth(400, 422)
  @Patch()
  async update(@Body() dto: UpdateAcademySettingsDto): Promise<AcademySettingsDto> {
    return AcademySettingsDto.from(await this.settings.update(dto));
  }
}
