import type { Fixture, FixtureImportance } from '../../training/domain/program';

/**
 * The match days of a player who plays in several teams: one match a day, in date order. Two teams
 * playing the same day are one match for the player (they can play only one), and it is `key` when
 * either team's match is, so the taper before it is never dropped.
 */
export function matchDaysOf(fixtures: readonly { date: string; importance: FixtureImportance }[]): Fixture[] {
  const byDate = new Map<string, FixtureImportance>();
  for (const { date, importance } of fixtures) {
    byDate.set(date, byDate.get(date) === 'key' ? 'key' : importance);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, importance]) => ({ date, importance }));
}
