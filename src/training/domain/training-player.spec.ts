import type { PlayerRecord } from '../../players/player.record';
import { trainingPlayerOn } from './training-player';

describe('trainingPlayerOn', () => {
  it('sees the player as they are on the session day', () => {
    const record = {
      dateOfBirth: new Date('2012-12-09T00:00:00Z'),
      sex: 'female',
      level: 'elite',
      position: 'forward',
      injury: { status: 'injured', bodyRegions: ['ankle'] },
    } as unknown as PlayerRecord;
    expect(trainingPlayerOn(record, '2026-12-08')).toEqual({
      ageYears: 13,
      sex: 'female',
      level: 'elite',
      position: 'forward',
      injury: { status: 'injured', bodyRegions: ['ankle'] },
    });
    expect(trainingPlayerOn(record, '2026-12-09').ageYears).toBe(14);
  });
});
