import { analyzeTrack } from './activity-analysis';
import { compareMetrics } from './compare';
import { meridianRun, repeat } from './track-fixtures';

const athlete = { sex: 'male' as const, ageYears: 20 };

describe('compareMetrics', () => {
  const slow = analyzeTrack(meridianRun(repeat(3, 601), 1), athlete);
  const fast = analyzeTrack(meridianRun(repeat(6, 601), 1), athlete);
  const diff = compareMetrics(slow, fast);
  const row = (metric: string) => diff.find((d) => d.metric === metric)!;

  it('gives every number of the metrics with the other value, the difference and the change in %', () => {
    expect(row('summary.distanceM').value).toBeCloseTo(1800, 0);
    expect(row('summary.distanceM').other).toBeCloseTo(3600, 0);
    expect(row('summary.distanceM').difference).toBeCloseTo(1800, 0);
    expect(row('summary.distanceM').differencePct).toBeCloseTo(100, 0);
    expect(row('running.zonesM.highSpeedRunning')).toMatchObject({ value: 0, differencePct: null });
    expect(row('running.zonesM.highSpeedRunning').other).toBeCloseTo(3600, 0);
  });

  it('a figure one side lacks compares as null, field by field', () => {
    const withHr = analyzeTrack(
      meridianRun(repeat(3, 61), 1).map((p) => ({ ...p, heartRate: 150 })),
      athlete,
    );
    const rows = compareMetrics(slow, withHr).filter((d) => d.metric.startsWith('heartRate.'));
    expect(rows.map((r) => r.metric)).toContain('heartRate.edwardsTrimp');
    expect(rows.find((r) => r.metric === 'heartRate.edwardsTrimp')).toMatchObject({ value: null, difference: null });
    expect(rows.some((r) => r.metric === 'heartRate')).toBe(false);
  });
});
