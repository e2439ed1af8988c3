/** What an activity was, as the player or coach calls it; `match` marks a match day in the load report. */
export const ACTIVITY_KINDS = ['training', 'match', 'run', 'ride', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Longest title and section name a client may give. */
export const ACTIVITY_TITLE_MAX = 120;

/**
 * The kind a file's own sport suggests when the uploader names none: the FIT/TCX sport names for cycling
 * and running as the vendors write them; anything else (football, training, unknown) is `training`.
 */
export function kindOfSport(sport: string | undefined): ActivityKind {
  const s = (sport ?? '').toLowerCase();
  if (/bik|cycl|ride/.test(s)) return 'ride';
  if (/run/.test(s)) return 'run';
  return 'training';
}
