import { inTimeOrder, UpcomingEvent } from './upcoming';

describe('inTimeOrder', () => {
  it('orders by date, then time with untimed programme sessions last in their day', () => {
    const e = (kind: UpcomingEvent['kind'], id: string, date: string, time: string | null): UpcomingEvent => ({
      kind,
      id,
      date,
      time,
    });
    const events = [
      e('programme-session', 'w1-s2', '2026-03-03', null),
      e('fixture', 'f1', '2026-03-03', '15:00'),
      e('team-session', 't2', '2026-03-03', '09:00'),
      e('team-session', 't1', '2026-03-02', '18:00'),
      e('fixture', 'f0', '2026-03-03', '09:00'),
    ];
    expect(inTimeOrder(events).map((x) => x.id)).toEqual(['t1', 't2', 'f0', 'f1', 'w1-s2']);
  });
});
