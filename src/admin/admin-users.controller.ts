import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { ChangeRoleDto, ChangeStatusDto, ListUsersQueryDto, UserDto, UserPageDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';

@ApiTags('admin')
@Roles('admin')
@Controller({ path: 'admin/users', version: '1' })
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @ApiOperation({ summary: 'All accounts, newest first' })
  @ApiAuth(400)
  @Get()
  async list(@Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    const page = await this.users.list(query);
    return { ...page, items: page.items.map(UserDto.from) };
  }

  @ApiOperation({ summary: "Change a user's role" })
  @ApiAuth(400, 404, 422, 503)
  @Patch(':id/role')
  async changeRole(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<UserDto> {
    return UserDto.from(await this.users.changeRole(caller.id, id, dto.role));
  }

  @ApiOperation({ summary: 'Disable or re-enable an account (disabled accounts are refused at once)' })
  @ApiAuth(400, 404, 422, 503)
  @Patch(':id/status')
  async changeStatus(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: ChangeStatusDto,
  ): Promise<UserDto> {
    return UserDto.from(await this.users.setDisabled(caller.id, id, dto.disabled));
  }
}
