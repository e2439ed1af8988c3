import { ageInYears, PlayerRecord } from '../../players/player.record';
import { dayOf } from './calendar';
import type { TrainingPlayer } from './program';

const MS_PER_DAY = 86_400_000;

/**
 * The player as the generator and the safety check see them on a day (`YYYY-MM-DD`): age in whole
 * years then, injury as it stands.
 */
export function trainingPlayerOn(
  player: Pick<PlayerRecord, 'dateOfBirth' | 'sex' | 'level' | 'position' | 'injury'>,
  date: string,
): TrainingPlayer {
  return {
    ageYears: ageInYears(player.dateOfBirth, new Date(dayOf(date) * MS_PER_DAY)),
    sex: player.sex,
    level: player.level,
    position: player.position,
    injury: { status: player.injury.status, bodyRegions: player.injury.bodyRegions },
  };
}
