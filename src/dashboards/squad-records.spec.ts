import { LoadLedger } from '../training/load-ledger';
import type { TrainingRevisions } from '../training/training-revisions.repository';
import type { TrainingSessions } from '../training/training-sessions';
import type { WorkoutsService } from '../workouts/workouts.service';
import { SquadRecords } from './squad-records';

/** A squad whose revisions the test moves, counting what is read. */
function squad() {
  const training = new Map([
    ['p1', 1],
    ['p2', 1],
  ]);
  const finished = new Map([
    ['p1', 0],
    ['p2', 0],
  ]);
  const reads: string[][] = [];
  const ledger = new LoadLedger();
  ledger.contribute(
    async () => [],
    async (ids) => {
      reads.push([...ids]);
      return new Map(
        ids.map((id) => [id, [{ date: '2026-03-01', durationMin: 60, rpe: 5, status: 'done', kind: 'training' }]]),
      );
    },
  );
  const sessions = {
    plannedBetween: async () => [],
    logsBetween: async (ids: readonly string[]) =>
      ids.map((playerId) => ({ playerId, status: 'done', teamSessionId: 'ts1', notes: 'kept out' })),
  } as unknown as TrainingSessions;
  const revisions = { currentOf: async () => new Map(training) } as unknown as TrainingRevisions;
  const workouts = { finishedRevisions: async () => new Map(finished) } as unknown as WorkoutsService;
  return { records: new SquadRecords(ledger, sessions, revisions, workouts), training, finished, reads };
}

const window = { date: '2026-03-02', from: '2026-02-03', to: '2026-03-09' };

describe('SquadRecords', () => {
  it('reads the squad once, then only the players whose revisions moved', async () => {
    const { records, training, finished, reads } = squad();
    const first = await records.of(['p1', 'p2'], window);
    expect(first.get('p1')!.load.current.last7DaysLoad).toBe(300);
    expect(first.get('p2')!.logs).toEqual([{ playerId: 'p2', status: 'done', teamSessionId: 'ts1' }]);
    expect(reads).toEqual([['p1', 'p2']]);

    const again = await records.of(['p1', 'p2'], window);
    expect(again.get('p1')).toBe(first.get('p1'));
    expect(reads).toHaveLength(1);

    training.set('p2', 2);
    await records.of(['p1', 'p2'], window);
    finished.set('p1', 1);
    await records.of(['p1', 'p2'], window);
    expect(reads).toEqual([['p1', 'p2'], ['p2'], ['p1']]);

    await records.of(['p1', 'p2'], { ...window, date: '2026-03-03' });
    expect(reads[reads.length - 1]).toEqual(['p1', 'p2']);
  });
});
