import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsMongoId, IsString, Length, Matches } from 'class-validator';
import { POSITIONS, Position } from '../../common/domain/enums';
import { PageDto, PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { IsOmittable } from '../../common/validation/omittable';
import { Trimmed } from '../../common/validation/trimmed';
import type { PlayerRecord } from '../../players/player.record';
import type { UserRecord } from '../../users/users.repository';
import { AGE_GROUPS, AgeGroup, TEAM_SEXES, TeamRecord, TeamSex } from '../domain/team';

/** `2026`, `2026-27`, `2026/27` or `2026-2027`. */
export const SEASON_PATTERN = /^\d{4}([-/](\d{2}|\d{4}))?$/;

export class CreateTeamDto {
  @ApiProperty({ example: 'U14 Girls A' })
  @Trimmed()
  @IsString()
  @Length(1, 80)
  name!: string;

  /** The season the squad plays, e.g. `2026-27`; one team of a name per season. */
  @ApiProperty({ example: '2026-27', pattern: SEASON_PATTERN.source })
  @Trimmed()
  @IsString()
  @Matches(SEASON_PATTERN, { message: 'season must be a year (2026) or a pair of years (2026-27, 2026/27)' })
  season!: string;

  @ApiProperty({ enum: AGE_GROUPS })
  @IsIn(AGE_GROUPS)
  ageGroup!: AgeGroup;

  @ApiProperty({ enum: TEAM_SEXES })
  @IsIn(TEAM_SEXES)
  sex!: TeamSex;
}

/** Any subset of the profile; `null` is refused like any other wrong type (omit a field to keep it). */
export class UpdateTeamDto extends PartialType(CreateTeamDto, { skipNullProperties: false }) {}

export class ListTeamsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ example: '2026-27', pattern: SEASON_PATTERN.source })
  @IsOmittable()
  @IsString()
  @Matches(SEASON_PATTERN, { message: 'season must be a year (2026) or a pair of years (2026-27, 2026/27)' })
  season?: string;
}

export class TeamPlayerDto {
  @ApiProperty({ example: '665f1c2b9a1e4a3d2c1b0a99' })
  @IsMongoId()
  playerId!: string;
}

export class TeamCoachDto {
  /** Email of an existing coach account. */
  @ApiProperty({ example: 'coach@example.com' })
  @Trimmed({ lowerCase: true })
  @IsEmail()
  email!: string;
}

export class SquadPlayerDto {
  id!: string;
  firstName!: string;
  lastName!: string;
  @ApiProperty({ enum: POSITIONS })
  position!: Position;
}

export class TeamCoachSummaryDto {
  id!: string;
  displayName!: string;
}

export class TeamDto {
  id!: string;
  name!: string;
  season!: string;
  @ApiProperty({ enum: AGE_GROUPS })
  ageGroup!: AgeGroup;
  @ApiProperty({ enum: TEAM_SEXES })
  sex!: TeamSex;
  /** The squad, by last name. */
  @ApiProperty({ type: [SquadPlayerDto] })
  players!: SquadPlayerDto[];
  @ApiProperty({ type: [TeamCoachSummaryDto] })
  coaches!: TeamCoachSummaryDto[];
  createdBy!: string;
  createdAt!: Date;
  updatedAt!: Date;

  static from(team: TeamRecord, players: readonly PlayerRecord[], coaches: readonly UserRecord[]): TeamDto {
    const { playerIds: _playerIds, coachIds, ...rest } = team;
    const coachById = new Map(coaches.map((c) => [c.id, c]));
    return {
      ...rest,
      players: players.map(({ id, firstName, lastName, position }) => ({ id, firstName, lastName, position })),
      // In the order they joined; an account that has gone leaves no entry.
      coaches: coachIds.flatMap((id) => {
        const coach = coachById.get(id);
        return coach ? [{ id, displayName: coach.displayName }] : [];
      }),
    };
  }
}

export class TeamPageDto extends PageDto {
  @ApiProperty({ type: [TeamDto] })
  items!: TeamDto[];
}
