import type { LoadEntry } from '../../training/domain/load-monitoring';
import { adherence, PlannedFor, PlannedLogIndex, unlogged, windowMetrics } from './attendance';

const programme = (date: string, sessionId: string, playerId = 'p1'): PlannedFor => ({
  source: 'programme',
  playerId,
  date,
  programId: 'prog',
  sessionId,
});
const team = (date: string, teamSessionId: string, playerId = 'p1'): PlannedFor => ({
  source: 'team',
  playerId,
  date,
  teamSessionId,
});

describe('planned sessions and their logs', () => {
  const planned = [
    programme('2026-03-02', 'w1-s1'),
    programme('2026-03-04', 'w1-s2'),
    team('2026-03-05', 'ts1'),
    programme('2026-03-06', 'w1-s3'),
    team('2026-03-07', 'ts2'),
  ];
  const logs = new PlannedLogIndex([
    { playerId: 'p1', status: 'done', programId: 'prog', sessionId: 'w1-s1' },
    { playerId: 'p1', status: 'skipped', programId: 'prog', sessionId: 'w1-s2' },
    { playerId: 'p1', status: 'done', teamSessionId: 'ts1' },
    // Another player's log of the same team session is not this player's.
    { playerId: 'p2', status: 'done', teamSessionId: 'ts2' },
    // A log of no planned session.
    { playerId: 'p1', status: 'done' },
  ]);

  it('matches programme sessions by programme and session, team sessions by session and player', () => {
    expect(planned.map((p) => logs.statusOf(p))).toEqual(['done', 'skipped', 'done', undefined, undefined]);
  });

  it('counts adherence as done over planned within the window, both ends included', () => {
    // 2 done (w1-s1, ts1) of 5 planned: 0.4.
    expect(adherence(planned, logs, { from: '2026-03-02', to: '2026-03-07' })).toEqual({
      planned: 5,
      done: 2,
      rate: 0.4,
    });
    // 3 to 5 March: w1-s2 skipped, ts1 done: 1 / 2. 1 to 5 March: 2 / 3 = 0.666... to 2 decimals.
    expect(adherence(planned, logs, { from: '2026-03-03', to: '2026-03-05' })).toEqual({
      planned: 2,
      done: 1,
      rate: 0.5,
    });
    expect(adherence(planned, logs, { from: '2026-03-01', to: '2026-03-05' })).toEqual({
      planned: 3,
      done: 2,
      rate: 0.67,
    });
    expect(adherence(planned, logs, { from: '2026-03-08', to: '2026-03-10' })).toEqual({
      planned: 0,
      done: 0,
      rate: null,
    });
  });

  it('finds the planned sessions with no log at all', () => {
    expect(unlogged(planned, logs, { from: '2026-03-01', to: '2026-03-06' })).toEqual([
      programme('2026-03-06', 'w1-s3'),
    ]);
  });

  it("sums a window's sessions, minutes, load, activities and tonnage", () => {
    const sessions: LoadEntry[] = [
      { date: '2026-03-02', durationMin: 60, rpe: 5, status: 'done', kind: 'training' },
      { date: '2026-03-04', durationMin: 0, rpe: 0, status: 'skipped', kind: 'training' },
      { date: '2026-03-07', durationMin: 90, rpe: 8, status: 'done', kind: 'match' },
      { date: '2026-03-09', durationMin: 30, rpe: 3, status: 'done', kind: 'training' },
    ];
    const external = [
      {
        date: '2026-03-07',
        distanceM: 9800.4,
        highSpeedRunningM: 700.2,
        sprintDistanceM: 150,
        accelerations: 30,
        match: true,
      },
      {
        date: '2026-03-10',
        distanceM: 5000,
        highSpeedRunningM: 100,
        sprintDistanceM: 0,
        accelerations: 10,
        match: false,
      },
    ];
    const workouts = [
      { date: '2026-03-03', tonnageKg: 1250.25 },
      { date: '2026-03-05', tonnageKg: 800 },
    ];
    expect(
      windowMetrics({ from: '2026-03-01', to: '2026-03-07' }, { sessions, external, workouts, planned, logs }),
    ).toEqual({
      from: '2026-03-01',
      to: '2026-03-07',
      plannedSessions: 5,
      plannedSessionsDone: 2,
      sessionsDone: 2,
      minutes: 150,
      // 60 x 5 + 90 x 8 = 1020 AU.
      sessionRpeLoad: 1020,
      activities: 1,
      distanceM: 9800,
      highSpeedRunningM: 700,
      workouts: 2,
      tonnageKg: 2050.3,
    });
  });
});
