/** A team's schedule is read by date window, both ends inclusive (`YYYY-MM-DD`). */
export interface ScheduleWindow {
  from?: string;
  to?: string;
}

/** Rule problems of a window (422): `from` after `to`. */
export function windowProblems(window: ScheduleWindow): { path: string; message: string }[] {
  return window.from && window.to && window.from > window.to
    ? [{ path: 'from', message: 'from must not be after to' }]
    : [];
}

/**
 * One page of a schedule read whole: a team's fixtures and sessions in a window are a season's
 * worth at most, so they are read in date order and paged here.
 */
export function pageOf<T>(
  items: readonly T[],
  query: { page: number; limit: number },
): { items: T[]; total: number; page: number; limit: number } {
  const start = (query.page - 1) * query.limit;
  return { items: items.slice(start, start + query.limit), total: items.length, page: query.page, limit: query.limit };
}
