import { calendarDateIn, canonicalTimeZone, utcOffsetMs, zonedDateTimeToUtc } from './zoned-time';

const iso = (d: Date) => d.toISOString();

describe('zonedDateTimeToUtc', () => {
  it('places London times in GMT in winter and BST in summer', () => {
    expect(iso(zonedDateTimeToUtc('2025-01-15', '18:00', 'Europe/London'))).toBe('2025-01-15T18:00:00.000Z');
    expect(iso(zonedDateTimeToUtc('2025-07-01', '18:00', 'Europe/London'))).toBe('2025-07-01T17:00:00.000Z');
  });

  it('reads a London time the spring change skips with the offset before it (01:30 is 02:30 BST)', () => {
    // 2025-03-30: clocks go from 01:00 GMT to 02:00 BST.
    expect(iso(zonedDateTimeToUtc('2025-03-30', '00:30', 'Europe/London'))).toBe('2025-03-30T00:30:00.000Z');
    expect(iso(zonedDateTimeToUtc('2025-03-30', '01:30', 'Europe/London'))).toBe('2025-03-30T01:30:00.000Z');
    expect(iso(zonedDateTimeToUtc('2025-03-30', '02:30', 'Europe/London'))).toBe('2025-03-30T01:30:00.000Z');
    expect(iso(zonedDateTimeToUtc('2025-03-30', '12:00', 'Europe/London'))).toBe('2025-03-30T11:00:00.000Z');
  });

  it('reads a London time the autumn change repeats as its earlier occurrence', () => {
    // 2025-10-26: clocks go from 02:00 BST back to 01:00 GMT, so 01:30 happens twice.
    expect(iso(zonedDateTimeToUtc('2025-10-26', '00:30', 'Europe/London'))).toBe('2025-10-25T23:30:00.000Z');
    expect(iso(zonedDateTimeToUtc('2025-10-26', '01:30', 'Europe/London'))).toBe('2025-10-26T00:30:00.000Z');
    expect(iso(zonedDateTimeToUtc('2025-10-26', '02:30', 'Europe/London'))).toBe('2025-10-26T02:30:00.000Z');
  });

  it('places Riyadh times three hours ahead of UTC all year, across midnight too', () => {
    expect(iso(zonedDateTimeToUtc('2025-07-01', '18:00', 'Asia/Riyadh'))).toBe('2025-07-01T15:00:00.000Z');
    expect(iso(zonedDateTimeToUtc('2025-01-15', '18:00', 'Asia/Riyadh'))).toBe('2025-01-15T15:00:00.000Z');
    expect(iso(zonedDateTimeToUtc('2025-01-01', '01:00', 'Asia/Riyadh'))).toBe('2024-12-31T22:00:00.000Z');
  });

  it('handles zones behind UTC and half-hour offsets', () => {
    // 2025-03-09: New York skips 02:00-03:00 EST; 02:30 reads as 03:30 EDT.
    expect(iso(zonedDateTimeToUtc('2025-03-09', '02:30', 'America/New_York'))).toBe('2025-03-09T07:30:00.000Z');
    expect(iso(zonedDateTimeToUtc('2025-07-04', '20:00', 'America/New_York'))).toBe('2025-07-05T00:00:00.000Z');
    expect(iso(zonedDateTimeToUtc('2025-07-04', '09:00', 'Asia/Kolkata'))).toBe('2025-07-04T03:30:00.000Z');
    expect(iso(zonedDateTimeToUtc('2025-07-04', '09:00', 'UTC'))).toBe('2025-07-04T09:00:00.000Z');
  });

  it('refuses text that is not a date and a time', () => {
    expect(() => zonedDateTimeToUtc('2025-7-4', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedDateTimeToUtc('2025-07-04', '24:00', 'UTC')).toThrow(RangeError);
  });
});

describe('calendarDateIn', () => {
  it('is the date on the zone’s wall clock at the instant', () => {
    const lateEvening = new Date('2025-06-30T21:30:00Z');
    expect(calendarDateIn('UTC', lateEvening)).toBe('2025-06-30');
    expect(calendarDateIn('Asia/Riyadh', lateEvening)).toBe('2025-07-01');
    expect(calendarDateIn('Europe/London', lateEvening)).toBe('2025-06-30');
    expect(calendarDateIn('Europe/London', new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
    expect(calendarDateIn('Europe/London', new Date('2025-12-31T23:30:00Z'))).toBe('2025-12-31');
    expect(calendarDateIn('America/Los_Angeles', new Date('2025-07-01T03:00:00Z'))).toBe('2025-06-30');
  });
});

describe('utcOffsetMs', () => {
  it('is the zone’s offset at the instant', () => {
    const hour = 3_600_000;
    expect(utcOffsetMs('Asia/Riyadh', new Date('2025-01-01T00:00:00Z'))).toBe(3 * hour);
    expect(utcOffsetMs('Europe/London', new Date('2025-01-01T00:00:00Z'))).toBe(0);
    expect(utcOffsetMs('Europe/London', new Date('2025-07-01T00:00:00Z'))).toBe(hour);
    expect(utcOffsetMs('America/New_York', new Date('2025-07-01T00:00:00Z'))).toBe(-4 * hour);
  });
});

describe('canonicalTimeZone', () => {
  it('spells IANA names canonically and refuses anything else', () => {
    expect(canonicalTimeZone('Europe/London')).toBe('Europe/London');
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Etc/GMT+3')).toBe('Etc/GMT+3');
    for (const name of ['Mars/Olympus_Mons', '+03:00', '', 'Europe/London\u0000', 'x'.repeat(200)]) {
      expect(canonicalTimeZone(name)).toBeNull();
    }
  });
});
