export interface Point {
  date: Date;
  value: number;
}

/** An average month (365.25 / 12 days), so trends read the same whatever the calendar months spanned. */
export const DAYS_PER_MONTH = 30.4375;
const MS_PER_MONTH = DAYS_PER_MONTH * 24 * 60 * 60 * 1000;

/**
 * Ordinary least-squares slope of value on time, in units per month. Uses every point, so one odd test moves
 * the trend less than a first-to-last difference would. Null when fewer than two distinct dates (no time axis).
 */
export function leastSquaresSlopePerMonth(points: readonly Point[]): number | null {
  const usable = points.filter(isUsable);
  if (new Set(usable.map((p) => p.date.getTime())).size < 2) return null;
  // Months from the first point keep the numbers small; a shift of the origin does not change the slope.
  const origin = usable[0].date.getTime();
  const xs = usable.map((p) => (p.date.getTime() - origin) / MS_PER_MONTH);
  const ys = usable.map((p) => p.value);
  const meanX = mean(xs);
  const meanY = mean(ys);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - meanX) * (ys[i] - meanY);
    sxx += (xs[i] - meanX) ** 2;
  }
  return sxy / sxx;
}

export interface ChangeSummary<P extends Point = Point> {
  first: P;
  last: P;
  changeSinceFirst: number;
  /** Last minus the one before it; 0 with a single point. */
  changeSinceLast: number;
  /** Relative to the size of the first value; null when the first value is 0. */
  changePctSinceFirst: number | null;
}

/** First and last by date (ties keep input order); null when there is nothing to summarise. */
export function changeSummary<P extends Point>(points: readonly P[]): ChangeSummary<P> | null {
  const sorted = points.filter(isUsable).sort((a, b) => a.date.getTime() - b.date.getTime());
  if (sorted.length === 0) return null;
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const previous = sorted.length > 1 ? sorted[sorted.length - 2] : last;
  const changeSinceFirst = last.value - first.value;
  return {
    first,
    last,
    changeSinceFirst,
    changeSinceLast: last.value - previous.value,
    // |first| so a negative baseline does not flip the sign of an improvement.
    changePctSinceFirst: first.value === 0 ? null : (changeSinceFirst / Math.abs(first.value)) * 100,
  };
}

function isUsable(p: Point): boolean {
  return Number.isFinite(p.value) && Number.isFinite(p.date.getTime());
}

function mean(xs: readonly number[]): number {
  return xs.reduce((sum, x) => sum + x, 0) / xs.length;
}

/**
 * Standard normal CDF Φ(z) = (1 + erf(z / √2)) / 2, with erf from Abramowitz M, Stegun IA, Handbook of Mathematical
 * Functions (1964), formula 7.1.26 (|error| ≤ 1.5e-7, far below a one-decimal percentile).
 */
export function standardNormalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

function erf(x: number): number {
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const y = 1 - poly * Math.exp(-ax * ax);
  return x < 0 ? -y : y;
}
