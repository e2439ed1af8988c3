import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Length, MaxLength } from 'class-validator';
import { UserDto } from '../../users/dto/user.dto';
import { SELF_REGISTER_ROLES } from '../../users/domain/role';
import { IsOmittable } from '../../common/validation/omittable';
import { Trimmed } from '../../common/validation/trimmed';

export class RegisterDto {
  @ApiProperty({ example: 'parent@example.com' })
  @Trimmed({ lowerCase: true })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  /** 10 to 128 characters. */
  @ApiProperty({ example: 'correct horse battery staple', minLength: 10, maxLength: 128 })
  @IsString()
  @Length(10, 128)
  password!: string;

  @ApiProperty({ example: 'Alex Parent' })
  @Trimmed()
  @IsString()
  @Length(1, 100)
  displayName!: string;

  /** Only `player` and `parent` can be self-registered; coaches and admins are appointed by an admin. */
  @ApiProperty({ enum: SELF_REGISTER_ROLES, default: 'player', required: false })
  @IsOmittable()
  @IsIn(SELF_REGISTER_ROLES, { message: 'role must be one of: player, parent' })
  role: (typeof SELF_REGISTER_ROLES)[number] = 'player';
}

export class LoginDto {
  @ApiProperty({ example: 'parent@example.com' })
  @Trimmed({ lowerCase: true })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @Length(1, 128)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh' })
  @IsString()
  @Length(20, 200)
  refreshToken!: string;
}

export class TokensDto {
  /** Short-lived JWT for the `Authorization: Bearer` header. */
  accessToken!: string;

  /** Opaque, single-use: every refresh returns a new one and spends the old one. */
  refreshToken!: string;

  /** Seconds until the access token expires. */
  @ApiProperty({ type: 'integer', example: 900 })
  expiresIn!: number;

  user!: UserDto;
}
