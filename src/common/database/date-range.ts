/** A filter on `date` between two optional inclusive bounds; empty when neither is given. */
export function dateRangeFilter(from?: Date, to?: Date): { date?: { $gte?: Date; $lte?: Date } } {
  if (!from && !to) return {};
  return { date: { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) } };
}
