/**
 * The player's own maximum speed, which the efforts above 90 % of it are counted against: the fastest of
 * the speed measured on their profile, the fastest activity, and the fastest segment of a timed sprint
 * assessment. Pure.
 *
 * Timing gates give split times, so a sprint test measures mean speeds over its segments; the fastest
 * segment (typically 20–30 m, a "flying" 10 m) comes closest to maximal speed, which it can only
 * understate (Haugen & Buchheit 2016). The figure is therefore a lower bound, and efforts are counted
 * against the highest figure known.
 */

export const MAX_SPEED_REFERENCES = {
  haugen2016:
    'Haugen T, Buchheit M. Sprint running performance monitoring: methodological and practical considerations. ' +
    'Sports Med 2016;46(5):641-656.',
} as const;

export type SprintTimes = Partial<Record<'sprint10mS' | 'sprint20mS' | 'sprint30mS', number>>;

/** Mean speed (m/s) over a segment of `distanceM` run in `seconds`: the definition of speed. */
export function meanSpeedMps(distanceM: number, seconds: number): number | null {
  return Number.isFinite(distanceM) && Number.isFinite(seconds) && seconds > 0 && distanceM > 0
    ? distanceM / seconds
    : null;
}

/**
 * The fastest mean speed over any segment between two timing points of one sprint test (start, 10, 20, 30 m);
 * null without a time, or when the times do not grow with the distance (they cannot all be right).
 */
export function fastestSprintSegmentMps(times: SprintTimes): number | null {
  const all: [number, number | undefined][] = [
    [0, 0],
    [10, times.sprint10mS],
    [20, times.sprint20mS],
    [30, times.sprint30mS],
  ];
  const gates = all.filter((g): g is [number, number] => g[1] !== undefined);
  if (gates.some(([, s], i) => i > 0 && !(s > gates[i - 1][1]))) return null;
  let fastest: number | null = null;
  for (let i = 0; i < gates.length; i++) {
    for (let j = i + 1; j < gates.length; j++) {
      const [fromM, fromS] = gates[i];
      const [toM, toS] = gates[j];
      const speed = meanSpeedMps(toM - fromM, toS - fromS);
      if (speed !== null && (fastest === null || speed > fastest)) fastest = speed;
    }
  }
  return fastest;
}

/** The highest of the known figures (m/s), or undefined when none is known. */
export function ownMaxSpeedMps(candidates: readonly (number | null | undefined)[]): number | undefined {
  const known = candidates.filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0);
  return known.length > 0 ? Math.max(...known) : undefined;
}
