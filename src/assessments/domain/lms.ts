/**
 * Cole's LMS method: a skewed, age-dependent distribution summarised at each age by L (Box-Cox power), M (median)
 * and S (coefficient of variation). Cole TJ, Green PJ. Smoothing reference centile curves: the LMS method and
 * penalized likelihood. Stat Med. 1992;11(10):1305-1319 (doi 10.1002/sim.4780111005).
 */
export interface LmsParameters {
  L: number;
  M: number;
  S: number;
}

/**
 * z-score of a measurement x (Cole & Green 1992): z = ((x/M)^L − 1) / (L·S) for L ≠ 0, and z = ln(x/M) / S for
 * L = 0. NaN when x, M or S cannot be used (x < 0, M ≤ 0, S ≤ 0, or a non-finite input).
 */
export function coleGreenLmsZ(x: number, { L, M, S }: LmsParameters): number {
  if (![x, L, M, S].every(Number.isFinite) || x < 0 || M <= 0 || S <= 0) return Number.NaN;
  if (L === 0) return Math.log(x / M) / S;
  return ((x / M) ** L - 1) / (L * S);
}

/**
 * The measurement at z-score z (Cole & Green 1992, the centile curve): x = M·(1 + L·S·z)^(1/L) for L ≠ 0, and
 * x = M·exp(S·z) for L = 0. NaN where the curve is undefined (1 + L·S·z ≤ 0).
 */
export function coleGreenLmsValue(z: number, { L, M, S }: LmsParameters): number {
  if (![z, L, M, S].every(Number.isFinite) || M <= 0 || S <= 0) return Number.NaN;
  if (L === 0) return M * Math.exp(S * z);
  const base = 1 + L * S * z;
  return base > 0 ? M * base ** (1 / L) : Number.NaN;
}
