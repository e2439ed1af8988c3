import type { PlannedSession } from '../../training/domain/program';
import { plannedBlockRanges, plannedBlockSections } from './planned-blocks';
import { meridianRun, repeat, T0_MS } from './track-fixtures';

const drill = (minutes: number) => ({
  drillId: 'd',
  name: 'D',
  category: 'c',
  intensity: 'moderate' as const,
  minutes,
  reason: '',
});
const session = (minutes: number[][]): Pick<PlannedSession, 'blocks' | 'targetRpe'> => ({
  targetRpe: 6,
  blocks: minutes.map((m, i) => ({
    kind: i === 0 ? 'warm-up' : i === minutes.length - 1 ? 'cool-down' : 'main',
    drills: m.map(drill),
  })),
});
const athlete = { sex: 'female' as const, ageYears: 16 };

describe('planned blocks as sections', () => {
  // 40 minutes at 1 Hz, 4 m/s.
  const points = meridianRun(repeat(4, 2401), 1);

  it('lays the blocks end to end from the start at their planned minutes; the last runs to the end', () => {
    const ranges = plannedBlockRanges(points, session([[10], [10, 5], [5]]));
    const minutes = ranges.map((r) => [(r.startMs - T0_MS) / 60_000, (r.endMs - T0_MS) / 60_000]);
    expect(minutes).toEqual([
      [0, 10],
      [10, 25],
      [25, 40],
    ]);
  });

  it('a recording shorter than the plan clips the blocks to it', () => {
    const ranges = plannedBlockRanges(points, session([[30], [30], [10]]));
    expect(ranges.map((r) => (r.endMs - r.startMs) / 60_000)).toEqual([30, 10, 0]);
  });

  it('planned minutes and load (minutes × target RPE) against actual minutes and the logged share of load', () => {
    const sections = plannedBlockSections(points, session([[10], [10, 5], [5]]), athlete, { loggedRpe: 5 });
    expect(sections.map((s) => s.block)).toEqual(['warm-up', 'main', 'cool-down']);
    expect(sections.map((s) => s.planned)).toEqual([
      { minutes: 10, load: 60 },
      { minutes: 15, load: 90 },
      { minutes: 5, load: 30 },
    ]);
    expect(sections.map((s) => s.actual)).toEqual([
      { minutes: 10, load: 50 },
      { minutes: 15, load: 75 },
      { minutes: 15, load: 75 },
    ]);
    const distance = sections.reduce((sum, s) => sum + (s.metrics?.summary.distanceM ?? 0), 0);
    expect(distance).toBeCloseTo(9600, 0);
  });

  it('without a logged RPE the actual load is null', () => {
    const [first] = plannedBlockSections(points, session([[10], [5]]), athlete);
    expect(first.actual).toEqual({ minutes: 10, load: null });
  });
});
