/**
 * Calendar dates and wall-clock times in an IANA time zone, worked out with the platform's
 * time-zone database (Intl), so daylight-saving rules follow the zone's own history.
 */

const DAY_MS = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** IANA names start with a letter (`Europe/London`, `UTC`, `Etc/GMT+3`); offsets such as `+03:00` are not names. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(timeZone: string, instantMs: number): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) parts[part.type] = part.value;
  const yearOfEra = Number(parts.year);
  return {
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - yearOfEra : yearOfEra,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The wall clock read as if it were UTC, in milliseconds (setUTCFullYear: Date.UTC maps years 0-99 to 19xx). */
function wallClockMs(w: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(w.year, w.month - 1, w.day);
  date.setUTCHours(w.hour, w.minute, w.second, 0);
  return date.getTime();
}

/** The zone's offset from UTC at an instant, in milliseconds (Riyadh: +3 h). */
export function utcOffsetMs(timeZone: string, instant: Date): number {
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  return wallClockMs(wallClockAt(timeZone, ms)) - ms;
}

/** The IANA zone's canonical spelling (`europe/london` → `Europe/London`), or null when it is not one. */
export function canonicalTimeZone(name: string): string | null {
  if (!ZONE_NAME.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** The calendar date (`YYYY-MM-DD`) it is in the zone at the instant. */
export function calendarDateIn(timeZone: string, instant: Date): string {
  const w = wallClockAt(timeZone, instant.getTime());
  return `${w.year < 0 ? '-' : ''}${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * The UTC instant of a wall-clock time (`HH:MM`) on a date in the zone. Daylight-saving edges are
 * resolved the way RFC 5545 readers and Temporal's `compatible` option resolve them: a time the
 * clocks skip (a spring-forward gap) is read with the offset before the change, so it lands as
 * long after the change as it was meant after the hour before it (01:30 in London on the spring
 * change is 02:30 BST); a time that occurs twice (the autumn change) is its earlier occurrence.
 */
export function zonedDateTimeToUtc(date: string, hhmm: string, timeZone: string): Date {
  const d = DATE_ONLY.exec(date);
  const t = HH_MM.exec(hhmm);
  if (!d || !t) throw new RangeError(`not a date and time: ${date} ${hhmm}`);
  const wall = wallClockMs({
    year: Number(d[1]),
    month: Number(d[2]),
    day: Number(d[3]),
    hour: Number(t[1]),
    minute: Number(t[2]),
    second: 0,
  });
  // Offsets a day either side of the wall time: time-zone changes are never that close together.
  const before = utcOffsetMs(timeZone, new Date(wall - DAY_MS));
  const after = utcOffsetMs(timeZone, new Date(wall + DAY_MS));
  const candidates = [wall - before, wall - after].filter(
    (instant) => wallClockMs(wallClockAt(timeZone, instant)) === wall,
  );
  if (candidates.length === 0) return new Date(wall - before);
  return new Date(Math.min(...candidates));
}
