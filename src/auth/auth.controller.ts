import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, ApiProblems } from '../common/decorators/api-problems.decorator';
import { AuthRateLimit } from '../common/decorators/rate-limit.decorators';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { UserDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { AuthService, IssuedTokens } from './auth.service';
import { AuthUser } from './domain/auth-user';
import { LoginDto, RefreshDto, RegisterDto, TokensDto } from './dto/auth.dto';

const toTokensDto = (t: IssuedTokens): TokensDto => ({ ...t, user: UserDto.from(t.user) });

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @ApiOperation({ summary: 'Create a player or parent account and log it in' })
  @ApiProblems(400, 409)
  @Public()
  @AuthRateLimit()
  @Post('register')
  async register(@Body() dto: RegisterDto): Promise<TokensDto> {
    return toTokensDto(await this.auth.register(dto));
  }

  @ApiOperation({ summary: 'Exchange email and password for tokens' })
  @ApiProblems(400, 401, 403)
  @Public()
  @AuthRateLimit()
  @HttpCode(HttpStatus.OK)
  @Post('login')
  async login(@Body() dto: LoginDto): Promise<TokensDto> {
    return toTokensDto(await this.auth.login(dto.email, dto.password));
  }

  @ApiOperation({
    summary: 'Rotate a refresh token',
    description:
      'Spends the given refresh token and returns a new pair. Reusing a spent token revokes the whole session.',
  })
  @ApiProblems(400, 401, 503)
  @Public()
  @AuthRateLimit()
  @HttpCode(HttpStatus.OK)
  @Post('refresh')
  async refresh(@Body() dto: RefreshDto): Promise<TokensDto> {
    return toTokensDto(await this.auth.refresh(dto.refreshToken));
  }

  @ApiOperation({ summary: 'Revoke the session of a refresh token (its access tokens stop working too)' })
  @ApiNoContentResponse({ description: 'Revoked (also answered for unknown tokens)' })
  @ApiProblems(400, 503)
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @Post('logout')
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  @ApiOperation({ summary: 'The current user' })
  @ApiAuth()
  @Get('me')
  async me(@CurrentUser() caller: AuthUser): Promise<UserDto> {
    return UserDto.from(await this.users.get(caller.id));
  }
}
