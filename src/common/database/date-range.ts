/**
 * A filter on `date` between two optional inclusive bounds; empty when neither is given.
 * Works for stored Dates and for `YYYY-MM-DD` strings, which sort as the days they name.
 */
export function dateRangeFilter<T extends Date | string>(from?: T, to?: T): { date?: { $gte?: T; $lte?: T } } {
  if (!from && !to) return {};
  return { date: { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) } };
}
