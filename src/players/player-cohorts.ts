import { Injectable } from '@nestjs/common';
import { Level, Position, Sex } from '../common/domain/enums';
import { PlayersRepository } from './players.repository';

export interface CohortCriteria {
  sex: Sex;
  /** Calendar year of birth (the football age group). */
  birthYear: number;
  level?: Level;
  position?: Position;
}

/**
 * Which players make up a comparison group, for statistics that name no one (cohort percentiles). It answers ids
 * only, never profiles: seeing a player is still decided by PlayerAccessService alone.
 */
@Injectable()
export class PlayerCohorts {
  constructor(private readonly players: PlayersRepository) {}

  idsOf(criteria: CohortCriteria): Promise<string[]> {
    return this.players.idsInCohort({
      sex: criteria.sex,
      bornFrom: new Date(Date.UTC(criteria.birthYear, 0, 1)),
      bornBefore: new Date(Date.UTC(criteria.birthYear + 1, 0, 1)),
      level: criteria.level,
      position: criteria.position,
    });
  }
}
