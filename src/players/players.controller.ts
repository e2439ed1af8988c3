import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/domain/auth-user';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import {
  CreatePlayerDto,
  InjuryDto,
  LinkUserDto,
  ListPlayersQueryDto,
  PlayerDto,
  PlayerPageDto,
  UpdatePlayerDto,
} from './dto/player.dto';
import { PlayersService } from './players.service';

@ApiTags('players')
@Controller({ path: 'players', version: '1' })
export class PlayersController {
  constructor(private readonly players: PlayersService) {}

  @ApiOperation({ summary: 'Create a player (the creating coach becomes its coach)' })
  @ApiAuth(400, 422)
  @Roles('coach', 'admin')
  @Post()
  async create(@CurrentUser() caller: AuthUser, @Body() dto: CreatePlayerDto): Promise<PlayerDto> {
    return PlayerDto.from(await this.players.create(caller, dto));
  }

  @ApiOperation({ summary: 'Players the caller may see, by last name' })
  @ApiAuth(400)
  @Get()
  async list(@CurrentUser() caller: AuthUser, @Query() query: ListPlayersQueryDto): Promise<PlayerPageDto> {
    const page = await this.players.list(caller, query);
    return { ...page, items: page.items.map(PlayerDto.from) };
  }

  @ApiOperation({ summary: 'One player' })
  @ApiAuth(400, 404)
  @Get(':id')
  async get(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<PlayerDto> {
    return PlayerDto.from(await this.players.get(caller, id));
  }

  @ApiOperation({ summary: 'Change profile fields' })
  @ApiAuth(400, 403, 404, 422)
  @Patch(':id')
  async update(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: UpdatePlayerDto,
  ): Promise<PlayerDto> {
    return PlayerDto.from(await this.players.update(caller, id, dto));
  }

  @ApiOperation({ summary: 'Delete a player' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiAuth(400, 403, 404)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete(':id')
  async remove(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<void> {
    await this.players.remove(caller, id);
  }

  @ApiOperation({ summary: 'Replace the injury record' })
  @ApiAuth(400, 403, 404, 422)
  @Put(':id/injury')
  async setInjury(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: InjuryDto,
  ): Promise<PlayerDto> {
    return PlayerDto.from(await this.players.setInjury(caller, id, dto));
  }

  @ApiOperation({ summary: 'Link a parent account as guardian' })
  @ApiAuth(400, 403, 404, 422)
  @HttpCode(HttpStatus.OK)
  @Post(':id/guardians')
  async addGuardian(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: LinkUserDto,
  ): Promise<PlayerDto> {
    return PlayerDto.from(await this.players.link(caller, id, 'guardian', dto.email));
  }

  @ApiOperation({ summary: 'Unlink a guardian' })
  @ApiAuth(400, 403, 404)
  @Delete(':id/guardians/:userId')
  async removeGuardian(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Param('userId', ParseObjectIdPipe) userId: string,
  ): Promise<PlayerDto> {
    return PlayerDto.from(await this.players.unlink(caller, id, 'guardian', userId));
  }

  @ApiOperation({ summary: 'Link a coach account' })
  @ApiAuth(400, 403, 404, 422)
  @HttpCode(HttpStatus.OK)
  @Post(':id/coaches')
  async addCoach(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: LinkUserDto,
  ): Promise<PlayerDto> {
    return PlayerDto.from(await this.players.link(caller, id, 'coach', dto.email));
  }

  @ApiOperation({ summary: 'Unlink a coach' })
  @ApiAuth(400, 403, 404)
  @Delete(':id/coaches/:userId')
  async removeCoach(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Param('userId', ParseObjectIdPipe) userId: string,
  ): Promise<PlayerDto> {
    return PlayerDto.from(await this.players.unlink(caller, id, 'coach', userId));
  }

  @ApiOperation({ summary: "Link the player's own account (a `player` account)" })
  @ApiAuth(400, 403, 404, 409, 422)
  @HttpCode(HttpStatus.OK)
  @Put(':id/account')
  async linkAccount(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: LinkUserDto,
  ): Promise<PlayerDto> {
    return PlayerDto.from(await this.players.linkAccount(caller, id, dto.email));
  }

  @ApiOperation({ summary: "Unlink the player's own account" })
  @ApiAuth(400, 403, 404)
  @Delete(':id/account')
  async unlinkAccount(@CurrentUser() caller: AuthUser, @Param('id', ParseObjectIdPipe) id: string): Promise<PlayerDto> {
    return PlayerDto.from(await this.players.unlinkAccount(caller, id));
  }
}
