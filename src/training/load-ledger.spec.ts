import { ExternalLoadEntry } from './domain/external-load';
import { LoadEntry } from './domain/load-monitoring';
import { ExternalLoadSource, LoadLedger, LoadSource } from './load-ledger';

const session = (date: string, kind: LoadEntry['kind'] = 'training'): LoadEntry => ({
  date,
  durationMin: 60,
  rpe: 6,
  status: 'done',
  kind,
});
const activity = (date: string, distanceM: number, match = false): ExternalLoadEntry => ({
  date,
  distanceM,
  highSpeedRunningM: 300,
  sprintDistanceM: 60,
  accelerations: 25,
  match,
});

/** A source holding entries for players by id; it answers those on or before `to`, and records what it was asked. */
function fakeSource<E extends { date: string }>(byPlayer: Record<string, E[]>) {
  const calls: [string, string][] = [];
  const source = async (playerId: string, to: string): Promise<E[]> => {
    calls.push([playerId, to]);
    return (byPlayer[playerId] ?? []).filter((e) => e.date <= to);
  };
  return { source, calls };
}

describe('LoadLedger', () => {
  it('without sources answers no entries of either kind', async () => {
    const ledger = new LoadLedger();
    expect(await ledger.entries('p1', '2025-03-09')).toEqual([]);
    expect(await ledger.externalEntries('p1', '2025-03-09')).toEqual([]);
  });

  it('gathers every source of each kind, the two kinds apart, asking each for the player and the day', async () => {
    const logs = fakeSource({
      p1: [session('2025-03-03'), session('2025-03-08', 'match')],
      p2: [session('2025-03-04')],
    });
    const workouts = fakeSource({ p1: [session('2025-03-05'), session('2025-03-12')] });
    const gps = fakeSource({ p1: [activity('2025-03-03', 6200), activity('2025-03-08', 10400, true)] });
    const vest = fakeSource({ p1: [activity('2025-03-06', 5100)], p2: [activity('2025-03-06', 4800)] });
    const ledger = new LoadLedger();
    ledger.contribute(logs.source satisfies LoadSource);
    ledger.contributeExternal(gps.source satisfies ExternalLoadSource);
    ledger.contribute(workouts.source);
    ledger.contributeExternal(vest.source);

    expect(await ledger.entries('p1', '2025-03-09')).toEqual([
      session('2025-03-03'),
      session('2025-03-08', 'match'),
      session('2025-03-05'),
    ]);
    expect(await ledger.externalEntries('p1', '2025-03-09')).toEqual([
      activity('2025-03-03', 6200),
      activity('2025-03-08', 10400, true),
      activity('2025-03-06', 5100),
    ]);
    expect(await ledger.externalEntries('p2', '2025-03-09')).toEqual([activity('2025-03-06', 4800)]);
    // Session entries are read from session sources only, activities from activity sources only.
    expect(logs.calls).toEqual([['p1', '2025-03-09']]);
    expect(workouts.calls).toEqual([['p1', '2025-03-09']]);
    expect(gps.calls).toEqual([
      ['p1', '2025-03-09'],
      ['p2', '2025-03-09'],
    ]);
    expect(vest.calls).toEqual(gps.calls);
  });

  it('fails when a source fails, rather than answering part of the load', async () => {
    const ledger = new LoadLedger();
    ledger.contributeExternal(fakeSource({ p1: [activity('2025-03-03', 6200)] }).source);
    ledger.contributeExternal(async () => {
      throw new Error('activity store unavailable');
    });
    await expect(ledger.externalEntries('p1', '2025-03-09')).rejects.toThrow('activity store unavailable');
    expect(await ledger.entries('p1', '2025-03-09')).toEqual([]);
  });

  it('answers a squad with one read per source that has a squad read, player by player otherwise', async () => {
    const ledger = new LoadLedger();
    const logs = fakeSource({ p1: [session('2025-03-03')], p2: [session('2025-03-04')] });
    const squadCalls: [readonly string[], string][] = [];
    ledger.contribute(logs.source, async (ids, to) => {
      squadCalls.push([ids, to]);
      return new Map([['p1', [session('2025-03-03')]]]);
    });
    const workouts = fakeSource({ p2: [session('2025-03-05')] });
    ledger.contribute(workouts.source);
    ledger.contributeExternal(fakeSource({ p1: [activity('2025-03-06', 5100)] }).source);

    const entries = await ledger.squadEntries(['p1', 'p2', 'p3'], '2025-03-09');
    expect([...entries.keys()]).toEqual(['p1', 'p2', 'p3']);
    expect(entries.get('p1')).toEqual([session('2025-03-03')]);
    expect(entries.get('p2')).toEqual([session('2025-03-05')]);
    expect(entries.get('p3')).toEqual([]);
    expect(squadCalls).toEqual([[['p1', 'p2', 'p3'], '2025-03-09']]);
    expect(logs.calls).toEqual([]);
    expect(workouts.calls).toEqual([
      ['p1', '2025-03-09'],
      ['p2', '2025-03-09'],
      ['p3', '2025-03-09'],
    ]);
    const external = await ledger.squadExternalEntries(['p1', 'p2'], '2025-03-09');
    expect(external).toEqual(
      new Map([
        ['p1', [activity('2025-03-06', 5100)]],
        ['p2', []],
      ]),
    );
  });
});
