import type { PlannedSession } from '../../training/domain/program';
import type { FixtureRecord, TeamSessionRecord } from '../../teams/domain/team';
import { buildCalendar, CalendarSources } from './calendar-event';

const created = { createdBy: 'coach', createdAt: new Date('2025-01-01T00:00:00Z') };
const team = { id: 't1', name: 'U14 Girls' };
const teamSession = (id: string, date: string, startTime: string): TeamSessionRecord => ({
  id,
  teamId: 't1',
  date,
  startTime,
  durationMin: 90,
  intensity: 'moderate',
  targetRpe: 5,
  drills: [],
  ...created,
});
const fixture = (id: string, date: string, kickOff: string, venue: 'home' | 'away'): FixtureRecord => ({
  id,
  teamId: 't1',
  date,
  kickOff,
  opponent: 'Rovers',
  venue,
  importance: 'key',
  ...created,
});
const planned = (id: string, date: string): PlannedSession => ({
  id,
  date,
  type: 'speed-agility',
  intensity: 'moderate',
  plannedDurationMin: 45,
  targetRpe: 5,
  plannedLoad: 225,
  blocks: [],
});

const sources = (over: Partial<CalendarSources> = {}): CalendarSources => ({
  timeZone: 'Europe/London',
  teams: [team],
  teamSessions: [],
  fixtures: [],
  ...over,
});

describe('buildCalendar', () => {
  it('places times of day in the academy zone as UTC instants, across the clock change', () => {
    const events = buildCalendar(
      sources({
        teamSessions: [teamSession('s1', '2025-03-29', '18:00'), teamSession('s2', '2025-03-31', '18:00')],
        fixtures: [fixture('f1', '2025-03-30', '10:30', 'away')],
      }),
    );
    expect(events.map((e) => [e.kind, e.title, e.date, e.start, e.end, e.allDay])).toEqual([
      [
        'team-session',
        'U14 Girls training',
        '2025-03-29',
        '2025-03-29T18:00:00.000Z',
        '2025-03-29T19:30:00.000Z',
        false,
      ],
      ['fixture', 'Rovers vs U14 Girls', '2025-03-30', '2025-03-30T09:30:00.000Z', undefined, false],
      [
        'team-session',
        'U14 Girls training',
        '2025-03-31',
        '2025-03-31T17:00:00.000Z',
        '2025-03-31T18:30:00.000Z',
        false,
      ],
    ]);
    expect(events[1]).toMatchObject({
      fixtureId: 'f1',
      teamId: 't1',
      opponent: 'Rovers',
      venue: 'away',
      importance: 'key',
    });
  });

  it('shows a log of a planned or team session once, on the session, and other logs as their own events', () => {
    const log = { playerId: 'p1', kind: 'training' as const, durationMin: 50, rpe: 6 };
    const events = buildCalendar(
      sources({
        timeZone: 'Asia/Riyadh',
        playerId: 'p1',
        planned: [
          { programId: 'prog', playerId: 'p1', session: planned('w1-s1', '2025-05-01') },
          { programId: 'prog', playerId: 'p1', session: planned('w1-s2', '2025-05-03') },
        ],
        teamSessions: [teamSession('s1', '2025-05-02', '17:00'), teamSession('s2', '2025-05-04', '17:00')],
        logs: [
          { ...log, id: 'l1', date: '2025-05-01', status: 'done', programId: 'prog', sessionId: 'w1-s1' },
          { ...log, id: 'l2', date: '2025-05-02', status: 'injured', teamSessionId: 's1' },
          { ...log, id: 'l3', date: '2025-05-02', status: 'done' },
        ],
      }),
    );
    expect(events.map((e) => [e.kind, e.id, e.status, e.trainingLogId])).toEqual([
      ['planned-session', 'prog:w1-s1', 'done', 'l1'],
      ['logged-session', 'l3', 'done', 'l3'],
      ['team-session', 's1', 'injured', 'l2'],
      ['planned-session', 'prog:w1-s2', 'planned', undefined],
      ['team-session', 's2', 'planned', undefined],
    ]);
    expect(events[0]).toMatchObject({ title: 'Speed agility session', durationMin: 50, rpe: 6, allDay: true });
    expect(events[2]).toMatchObject({ start: '2025-05-02T14:00:00.000Z', end: '2025-05-02T15:30:00.000Z' });
    expect(events[3]).toMatchObject({ durationMin: 45, programId: 'prog', sessionId: 'w1-s2' });
  });

  it('dates an activity by the academy calendar and orders timed events by start', () => {
    const events = buildCalendar(
      sources({
        timeZone: 'Asia/Riyadh',
        teamSessions: [teamSession('s1', '2025-07-01', '07:00')],
        workouts: [
          { id: 'w1', playerId: 'p1', date: '2025-07-01', name: 'Gym A', status: 'finished', durationMin: 40 },
        ],
        activities: [
          {
            id: 'a1',
            playerId: 'p1',
            kind: 'run',
            title: 'Morning run',
            startedAt: new Date('2025-06-30T22:30:00Z'),
            elapsedS: 1800,
            distanceM: 5000,
          },
        ],
      }),
    );
    expect(events.map((e) => [e.kind, e.date, e.start])).toEqual([
      ['workout', '2025-07-01', undefined],
      ['activity', '2025-07-01', '2025-06-30T22:30:00.000Z'],
      ['team-session', '2025-07-01', '2025-07-01T04:00:00.000Z'],
    ]);
    expect(events[1]).toMatchObject({ end: '2025-06-30T23:00:00.000Z', activityKind: 'run', distanceM: 5000 });
    expect(events[0]).toMatchObject({ title: 'Gym A', workoutId: 'w1', status: 'finished', allDay: true });
  });

  it('leaves the status off team sessions on a team calendar', () => {
    const [event] = buildCalendar(sources({ teamSessions: [teamSession('s1', '2025-05-02', '17:00')] }));
    expect(event.status).toBeUndefined();
  });
});
