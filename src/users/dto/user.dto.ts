import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { PageDto, PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { Role, ROLES } from '../domain/role';
import { UserRecord } from '../users.repository';
import { IsOmittable } from '../../common/validation/omittable';

export class UserDto {
  @ApiProperty({ example: '65a1b2c3d4e5f60718293a4b' })
  id!: string;

  @ApiProperty({ example: 'coach@example.com' })
  email!: string;

  @ApiProperty({ example: 'Sam Coach' })
  displayName!: string;

  @ApiProperty({ enum: ROLES, example: 'coach' })
  role!: Role;

  @ApiProperty({ example: false })
  disabled!: boolean;

  @ApiProperty({ example: '2026-09-01T08:30:00.000Z' })
  createdAt!: Date;

  static from(user: UserRecord): UserDto {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      disabled: user.disabled,
      createdAt: user.createdAt,
    };
  }
}

export class UserPageDto extends PageDto {
  @ApiProperty({ type: [UserDto] })
  items!: UserDto[];
}

export class ListUsersQueryDto extends PaginationQueryDto {
  @ApiProperty({ enum: ROLES, required: false })
  @IsOmittable()
  @IsIn(ROLES)
  role?: Role;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class ChangeStatusDto {
  /** A disabled user is refused on every request, even with an unexpired token. */
  @IsBoolean()
  disabled!: boolean;
}
