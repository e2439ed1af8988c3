import ical, { ICalCalendarMethod } from 'ical-generator';
import type { CalendarEvent } from './calendar-event';

/** The domain of the events' UIDs (RFC 5545 §3.8.4.7): globally unique, the same on every fetch. */
const UID_DOMAIN = 'football-coaching-api';
const PRODUCT = { company: 'Football Coaching API', product: 'Calendar feeds', language: 'EN' };

const DAY_MS = 86_400_000;

/** UTC midnight of a `YYYY-MM-DD` date, which ical-generator writes as that DATE for all-day events. */
function dateOnly(date: string): Date {
  const d = new Date(0);
  d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return d;
}

function description(event: CalendarEvent): string | undefined {
  const lines: string[] = [];
  if (event.status) lines.push(`Status: ${event.status}`);
  if (event.durationMin !== undefined) lines.push(`Duration: ${event.durationMin} min`);
  if (event.rpe !== undefined && event.status === 'done') lines.push(`RPE: ${event.rpe}`);
  if (event.importance === 'key') lines.push('Key fixture');
  if (event.distanceM !== undefined) lines.push(`Distance: ${(event.distanceM / 1000).toFixed(2)} km`);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** The stable UID of an event: its kind and id, which never change while the event exists. */
export function eventUid(event: Pick<CalendarEvent, 'kind' | 'id'>): string {
  return `${event.kind}-${event.id.replace(':', '-')}@${UID_DOMAIN}`;
}

/**
 * An iCalendar document (RFC 5545) of the events. Timed events are written as UTC instants, which
 * every client places in its own zone correctly; the academy's zone is named (X-WR-TIMEZONE) for
 * clients that show it. All-day events are DATE values on the academy's calendar date.
 */
export function icsFeed(input: {
  name: string;
  timeZone: string;
  events: readonly CalendarEvent[];
  now: Date;
}): string {
  const calendar = ical({ name: input.name, prodId: PRODUCT, method: ICalCalendarMethod.PUBLISH });
  calendar.x([{ key: 'X-WR-TIMEZONE', value: input.timeZone }]);
  for (const event of input.events) {
    const common = {
      id: eventUid(event),
      summary: event.title,
      stamp: input.now,
      description: description(event),
      location: event.kind === 'fixture' && event.venue ? (event.venue === 'home' ? 'Home' : 'Away') : undefined,
    };
    if (event.allDay || !event.start) {
      const start = dateOnly(event.date);
      calendar.createEvent({ ...common, allDay: true, start, end: new Date(start.getTime() + DAY_MS) });
    } else {
      calendar.createEvent({
        ...common,
        start: new Date(event.start),
        ...(event.end ? { end: new Date(event.end) } : {}),
      });
    }
  }
  return calendar.toString();
}
