/**
 * Great-circle geometry on a spherical Earth. Pure.
 */

export const GEO_REFERENCES = {
  sinnott1984: 'Sinnott RW. Virtues of the haversine. Sky and Telescope 1984;68(2):159.',
  moritz1980: 'Moritz H. Geodetic Reference System 1980. Bulletin Géodésique 1980;54(3):395-405.',
} as const;

/**
 * Mean Earth radius: IUGG / GRS 80 mean radius R1 = 6,371,008.8 m (Moritz 1980), used rounded to 6,371 km.
 * The spherical model errs by up to about 0.5 % against the ellipsoid, far below GPS noise over a pitch.
 */
export const EARTH_MEAN_RADIUS_M = 6_371_000;

const toRad = (deg: number): number => (deg * Math.PI) / 180;

// Sinnott, Sky and Telescope 1984;68(2):159 — d = 2R·asin(√(sin²(Δφ/2) + cos φ1·cos φ2·sin²(Δλ/2))).
export function haversineDistanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  // min(1, ·) guards rounding just above 1 for antipodal points.
  return 2 * EARTH_MEAN_RADIUS_M * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** Latitude in [−90, 90] and longitude in [−180, 180] degrees, both finite. */
export function isOnGlobe(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}
