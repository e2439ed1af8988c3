/** Calendar dates from `from` to `to`, both inclusive and both optional (`YYYY-MM-DD`). */
export interface DateWindow {
  from?: string;
  to?: string;
}

/** The one rule between a window's bounds, a 422 wherever dates are read by window: `from` after `to`. */
export function dateWindowProblems(window: DateWindow): { path: string; message: string }[] {
  return window.from && window.to && window.from > window.to
    ? [{ path: 'from', message: 'from must not be after to' }]
    : [];
}
