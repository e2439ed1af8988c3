import { trainingLoadReport } from '../training/domain/external-load';
import type { LoadEntry } from '../training/domain/load-monitoring';
import { LoadDigests } from './load-digests';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
const sessions: LoadEntry[] = Array.from({ length: 40 }, (_, i) => ({
  date: day(i),
  durationMin: 60,
  rpe: 4 + (i % 4),
  status: 'done',
  kind: 'training',
}));
const external = [
  { date: day(38), distanceM: 7000, highSpeedRunningM: 400, sprintDistanceM: 90, accelerations: 20, match: false },
];

describe('LoadDigests', () => {
  it("answers the load report's current figures and warnings, whatever the report's window", () => {
    const digest = new LoadDigests().of(sessions, external, day(39));
    const report = trainingLoadReport(sessions, external, { to: day(39) });
    expect(digest.current).toEqual(report.current);
    expect(digest.warnings).toEqual(report.warnings);
    expect(digest.external).toEqual({
      hasData: true,
      current: report.external.current,
      warnings: report.external.warnings,
    });
  });

  it('keeps an answer for the same entries and date, and works out another for any change', () => {
    const digests = new LoadDigests();
    const first = digests.of(sessions, external, day(39));
    expect(digests.of([...sessions], [...external], day(39))).toBe(first);
    const heavier = [...sessions.slice(0, -1), { ...sessions[sessions.length - 1], rpe: 10 }];
    const changed = digests.of(heavier, external, day(39));
    expect(changed).not.toBe(first);
    expect(changed.current.last7DaysLoad).toBeGreaterThan(first.current.last7DaysLoad);
    expect(digests.of(sessions, external, day(38))).not.toBe(first);
    expect(digests.of(sessions, [], day(39)).external.hasData).toBe(false);
  });
});
