import type { CalendarEvent } from './calendar-event';
import { eventUid, icsFeed } from './ics-feed';

/* eslint-disable @typescript-eslint/no-explicit-any -- node-ical's components are loosely typed */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseICS } = require('node-ical').sync as { parseICS: (text: string) => Record<string, any> };

const events: CalendarEvent[] = [
  {
    kind: 'planned-session',
    id: 'prog:w1-s1',
    title: 'Speed agility session',
    date: '2025-03-30',
    allDay: true,
    status: 'done',
    durationMin: 50,
    rpe: 6,
  },
  {
    kind: 'fixture',
    id: 'f1',
    title: 'Rovers vs U14, the; derby',
    date: '2025-03-30',
    start: '2025-03-30T10:00:00.000Z',
    allDay: false,
    venue: 'away',
    importance: 'key',
  },
  {
    kind: 'team-session',
    id: 's1',
    title: 'U14 training',
    date: '2025-03-31',
    start: '2025-03-31T17:00:00.000Z',
    end: '2025-03-31T18:30:00.000Z',
    allDay: false,
  },
];

describe('icsFeed', () => {
  const text = icsFeed({
    name: 'U14 (Academy)',
    timeZone: 'Europe/London',
    events,
    now: new Date('2025-03-01T00:00:00Z'),
  });
  const parsed = Object.values(parseICS(text)).filter((c: any) => c.type === 'VEVENT');
  const byUid = (event: CalendarEvent) => parsed.find((v: any) => v.uid === eventUid(event));

  it('is an RFC 5545 calendar with CRLF lines, named, and naming the academy zone', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(text).toContain('X-WR-CALNAME:U14 (Academy)');
    expect(text).toContain('X-WR-TIMEZONE:Europe/London');
    expect(parsed).toHaveLength(3);
  });

  it('writes timed events as their UTC instants and the others as all-day dates', () => {
    const fixture = byUid(events[1]);
    expect(new Date(fixture.start).toISOString()).toBe('2025-03-30T10:00:00.000Z');
    expect(fixture.summary).toBe('Rovers vs U14, the; derby');
    expect(fixture.location).toBe('Away');
    const session = byUid(events[2]);
    expect([new Date(session.start).toISOString(), new Date(session.end).toISOString()]).toEqual([
      '2025-03-31T17:00:00.000Z',
      '2025-03-31T18:30:00.000Z',
    ]);
    const planned = byUid(events[0]);
    expect(planned.datetype).toBe('date');
    expect(text).toContain('DTSTART;VALUE=DATE:20250330');
    expect(text).toContain('DTEND;VALUE=DATE:20250331');
    expect(planned.description).toBe('Status: done\nDuration: 50 min\nRPE: 6');
  });

  it('gives each event a UID made of its kind and id, the same on every build', () => {
    expect(parsed.map((v: any) => v.uid)).toEqual([
      'planned-session-prog-w1-s1@football-coaching-api',
      'fixture-f1@football-coaching-api',
      'team-session-s1@football-coaching-api',
    ]);
    const later = icsFeed({ name: 'U14', timeZone: 'UTC', events, now: new Date('2025-04-01T00:00:00Z') });
    expect(later.match(/^UID:.*$/gm)).toEqual(text.match(/^UID:.*$/gm));
  });
});
