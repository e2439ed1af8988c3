import fc from 'fast-check';
import {
  BANISTER_COEFFICIENTS,
  banister1991Trimp,
  banisterHrRatio,
  banisterTrimpFromSamples,
  edwards1993Trimp,
  HEART_RATE_MAX_STEP_S,
  HEART_RATE_REFERENCES,
  HEART_RATE_ZONES,
  HeartRateSample,
  heartRateSummary,
  heartRateZone,
  isHeartRate,
  resolveHrMax,
  tanaka2001HrMax,
  timeInZones,
} from './heart-rate';

/** Readings `stepS` apart from t = 0. */
const series = (heartRates: (number | null)[], stepS = 1): HeartRateSample[] =>
  heartRates.map((heartRate, i) => ({ timeMs: i * stepS * 1000, heartRate }));

describe('published formulas reproduce worked values', () => {
  it('Tanaka: 208 − 0.7 × 20 = 194; 208 − 0.7 × 40 = 180', () => {
    expect(tanaka2001HrMax(20)).toBeCloseTo(194, 10);
    expect(tanaka2001HrMax(40)).toBeCloseTo(180, 10);
  });

  it('Edwards: 10 min in zone 3 and 5 min in zone 5 = 10 × 3 + 5 × 5 = 55', () => {
    expect(edwards1993Trimp([0, 0, 600, 0, 300])).toBe(55);
    // 1 min in each zone: 1 + 2 + 3 + 4 + 5 = 15.
    expect(edwards1993Trimp([60, 60, 60, 60, 60])).toBe(15);
  });

  it('ΔHR ratio: rest 60, max 200, exercise 144 → (144 − 60) / (200 − 60) = 84 / 140 = 0.6', () => {
    expect(banisterHrRatio(144, 60, 200)).toBeCloseTo(0.6, 12);
  });

  it('Banister, man, 30 min at a ratio of 0.6: 30 × 0.6 × 0.64 × e^1.152 = 11.52 × 3.164516 = 36.4552', () => {
    // e^1.152 = e × e^0.152 = 2.718282 × 1.164160 = 3.164516; 30 × 0.6 = 18; 18 × 0.64 = 11.52.
    expect(banister1991Trimp(30, 144, 60, 200, 'male')).toBeCloseTo(36.4552, 4);
  });

  it('Banister, woman, 30 min at a ratio of 0.6: 30 × 0.6 × 0.86 × e^1.002 = 15.48 × 2.723724 = 42.1632', () => {
    // e^1.002 = e × e^0.002 = 2.718282 × 1.002002 = 2.723724; 18 × 0.86 = 15.48.
    expect(banister1991Trimp(30, 144, 60, 200, 'female')).toBeCloseTo(42.1632, 4);
  });

  it('Banister at rest is 0, and below rest it is floored at 0 (not negative)', () => {
    expect(banister1991Trimp(60, 60, 60, 200, 'male')).toBe(0);
    expect(banister1991Trimp(60, 50, 60, 200, 'female')).toBe(0);
  });

  it('Banister at HRmax, man, 10 min: 10 × 1 × 0.64 × e^1.92 = 6.4 × 6.820958 = 43.6541 (ratio not capped above)', () => {
    expect(banister1991Trimp(10, 200, 60, 200, 'male')).toBeCloseTo(43.6541, 4);
    expect(banister1991Trimp(10, 210, 60, 200, 'male')).toBeGreaterThan(43.6541);
  });

  it('uses the coefficients 0.64/1.92 (men) and 0.86/1.67 (women) and cites its sources', () => {
    expect(BANISTER_COEFFICIENTS).toEqual({ male: { a: 0.64, b: 1.92 }, female: { a: 0.86, b: 1.67 } });
    expect(HEART_RATE_REFERENCES.tanaka2001).toContain('J Am Coll Cardiol 2001;37(1):153-156');
    expect(HEART_RATE_REFERENCES.morton1990).toContain('J Appl Physiol 1990;69(3):1171-1177');
    expect(HEART_RATE_REFERENCES.edwards1993).toContain('The Heart Rate Monitor Book');
    expect(HEART_RATE_REFERENCES.banister1991).toContain('Physiological Testing of the High-Performance Athlete');
  });

  it('zones are 50-60 … 90-100 % HRmax with weights 1-5', () => {
    expect(HEART_RATE_ZONES.map((z) => [z.fromPct, z.toPct, z.weight])).toEqual([
      [50, 60, 1],
      [60, 70, 2],
      [70, 80, 3],
      [80, 90, 4],
      [90, 100, 5],
    ]);
  });
});

describe('input checks', () => {
  it.each([0, -1, NaN, Infinity])('Tanaka rejects age %p', (age) => {
    expect(() => tanaka2001HrMax(age)).toThrow(RangeError);
  });

  it('Banister rejects a negative duration, rest at or above max and an unknown sex', () => {
    expect(() => banister1991Trimp(-1, 150, 60, 200, 'male')).toThrow(RangeError);
    expect(() => banister1991Trimp(30, 150, 200, 200, 'male')).toThrow(RangeError);
    expect(() => banister1991Trimp(30, 150, 60, 200, 'other' as 'male')).toThrow(RangeError);
    expect(() => banisterTrimpFromSamples([], 60, 0, 'male')).toThrow(RangeError);
  });

  it('Edwards needs five non-negative durations', () => {
    expect(() => edwards1993Trimp([1, 2, 3])).toThrow(RangeError);
    expect(() => edwards1993Trimp([0, 0, -1, 0, 0])).toThrow(RangeError);
  });

  it('accepts 1-254 bpm (FIT uint8 without its invalid 255) and nothing else', () => {
    expect([1, 254, 60.5].every(isHeartRate)).toBe(true);
    expect([0, 255, -5, NaN, null, undefined].some(isHeartRate)).toBe(false);
  });
});

describe('resolveHrMax', () => {
  it('prefers the measured maximum, else Tanaka from age, else null', () => {
    expect(resolveHrMax(201, 20)).toEqual({ hrMax: 201, source: 'measured' });
    expect(resolveHrMax(undefined, 20)?.hrMax).toBeCloseTo(194, 10);
    expect(resolveHrMax(null, 20)?.source).toBe('tanaka2001');
    expect(resolveHrMax(null, null)).toBeNull();
    expect(() => resolveHrMax(300, 20)).toThrow(RangeError);
  });
});

describe('heartRateZone and timeInZones', () => {
  it('bounds are inclusive below: of HRmax 200, 99 → none, 100 → 1, 139 → 2, 140 → 3, 179 → 4, 180 → 5, 210 → 5', () => {
    expect([99, 100, 139, 140, 179, 180, 210].map((hr) => heartRateZone(hr, 200))).toEqual([null, 1, 2, 3, 4, 5, 5]);
  });

  it('counts each reading for the time to the next, the last one for nothing', () => {
    // 1-s readings: 100 z1, 139 z2, 140 z3, 179 z4, 180 z5, 99 none, 210 z5, 150 (last, 0 s).
    expect(timeInZones(series([100, 139, 140, 179, 180, 99, 210, 150]), 200)).toEqual([1, 1, 1, 1, 2]);
  });

  it(`counts a gap for at most ${HEART_RATE_MAX_STEP_S} s`, () => {
    // 150 bpm (z3 of 200) at 0 s, then 60 s of nothing, then a reading: 10 s in zone 3, not 60.
    expect(timeInZones(series([150, 150], 60), 200)).toEqual([0, 0, HEART_RATE_MAX_STEP_S, 0, 0]);
  });

  it('drops samples without a valid reading (missing, 0, 255) and reads them in time order', () => {
    const samples: HeartRateSample[] = [
      { timeMs: 2000, heartRate: 150 },
      { timeMs: 0, heartRate: 150 },
      { timeMs: 1000, heartRate: 255 },
      { timeMs: 1500, heartRate: 0 },
      { timeMs: 1800 },
    ];
    // Valid readings at 0 s and 2 s: the first stands for 2 s in zone 3.
    expect(timeInZones(samples, 200)).toEqual([0, 0, 2, 0, 0]);
  });

  it('Edwards from readings: 10 min at 150 then 5 min at 190 (HRmax 200) = 10 × 3 + 5 × 5 = 55', () => {
    const hr = [...Array<number>(600).fill(150), ...Array<number>(300).fill(190), 190];
    expect(edwards1993Trimp(timeInZones(series(hr), 200))).toBeCloseTo(55, 10);
  });
});

describe('heartRateSummary', () => {
  it('is null without a valid reading', () => {
    expect(heartRateSummary([])).toBeNull();
    expect(heartRateSummary(series([null, 0, 255]))).toBeNull();
  });

  it('time-weights the mean: 100 for 10 s, 200 for 10 s → 150; max 200', () => {
    expect(heartRateSummary(series([100, 200, 150], 10))).toEqual({ avg: 150, max: 200 });
  });

  it('caps gaps: 100 for 2 s, 160 for 60 s capped to 10 → (200 + 1600) / 12 = 150', () => {
    const samples = [
      { timeMs: 0, heartRate: 100 },
      { timeMs: 2000, heartRate: 160 },
      { timeMs: 62000, heartRate: 120 },
    ];
    expect(heartRateSummary(samples)).toEqual({ avg: 150, max: 160 });
  });

  it('a single reading is its own mean', () => {
    expect(heartRateSummary([{ timeMs: 0, heartRate: 77 }])).toEqual({ avg: 77, max: 77 });
  });
});

describe('banisterTrimpFromSamples', () => {
  it('at a steady 144 bpm for 30 min (1-s readings) equals the session form: 36.4552 for a man', () => {
    const samples = series([...Array<number>(1800).fill(144), 144]);
    expect(banisterTrimpFromSamples(samples, 60, 200, 'male')).toBeCloseTo(36.4552, 4);
  });

  it('is 0 without readings and for readings at or below rest', () => {
    expect(banisterTrimpFromSamples([], 60, 200, 'male')).toBe(0);
    expect(banisterTrimpFromSamples(series([50, 55, 60]), 60, 200, 'female')).toBe(0);
  });
});

describe('properties', () => {
  const sampleArb = fc
    .array(
      fc.record({
        dtMs: fc.integer({ min: 0, max: 20_000 }),
        heartRate: fc.option(fc.integer({ min: 0, max: 260 }), { nil: null }),
      }),
      { maxLength: 60 },
    )
    .map((steps) => {
      let t = 0;
      return steps.map(({ dtMs, heartRate }) => ({ timeMs: (t += dtMs), heartRate }));
    });
  const hrMaxArb = fc.integer({ min: 150, max: 220 });
  const sexArb = fc.constantFrom('male' as const, 'female' as const);

  it('zone times are never negative and sum to at most the span of the readings', () => {
    fc.assert(
      fc.property(sampleArb, hrMaxArb, (samples, hrMax) => {
        const zones = timeInZones(samples, hrMax);
        const times = samples.filter((s) => isHeartRate(s.heartRate)).map((s) => s.timeMs);
        const spanS = times.length ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
        expect(zones.every((s) => s >= 0)).toBe(true);
        expect(zones.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(spanS + 1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it('TRIMPs are never negative', () => {
    fc.assert(
      fc.property(sampleArb, hrMaxArb, fc.integer({ min: 30, max: 100 }), sexArb, (samples, hrMax, hrRest, sex) => {
        expect(edwards1993Trimp(timeInZones(samples, hrMax))).toBeGreaterThanOrEqual(0);
        expect(banisterTrimpFromSamples(samples, hrRest, hrMax, sex)).toBeGreaterThanOrEqual(0);
        const avg = heartRateSummary(samples)?.avg ?? hrRest;
        expect(banister1991Trimp(30, avg, hrRest, hrMax, sex)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 100 },
    );
  });

  it('TRIMPs do not fall when every reading rises (monotone in intensity)', () => {
    fc.assert(
      fc.property(
        sampleArb,
        hrMaxArb,
        fc.integer({ min: 30, max: 100 }),
        sexArb,
        fc.integer({ min: 0, max: 40 }),
        (samples, hrMax, hrRest, sex, rise) => {
          // Keep readings valid after the rise: only 1-200 bpm readings, raised by up to 40.
          const base = samples.map((s) => ({
            ...s,
            heartRate: isHeartRate(s.heartRate) && s.heartRate <= 200 ? s.heartRate : null,
          }));
          const up = base.map((s) => ({ ...s, heartRate: s.heartRate === null ? null : s.heartRate + rise }));
          const eps = 1e-9;
          expect(edwards1993Trimp(timeInZones(up, hrMax))).toBeGreaterThanOrEqual(
            edwards1993Trimp(timeInZones(base, hrMax)) - eps,
          );
          expect(banisterTrimpFromSamples(up, hrRest, hrMax, sex)).toBeGreaterThanOrEqual(
            banisterTrimpFromSamples(base, hrRest, hrMax, sex) - eps,
          );
          expect(banister1991Trimp(30, 120 + rise, hrRest, hrMax, sex)).toBeGreaterThanOrEqual(
            banister1991Trimp(30, 120, hrRest, hrMax, sex),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the per-sample sum is never below the session form at the same time-weighted mean (convexity)', () => {
    fc.assert(
      fc.property(sampleArb, hrMaxArb, fc.integer({ min: 30, max: 100 }), sexArb, (samples, hrMax, hrRest, sex) => {
        const summary = heartRateSummary(samples);
        if (summary === null) return;
        const totalMin = timeInZonesTotalMinutes(samples);
        const session = banister1991Trimp(totalMin, summary.avg, hrRest, hrMax, sex);
        expect(banisterTrimpFromSamples(samples, hrRest, hrMax, sex)).toBeGreaterThanOrEqual(session - 1e-9);
      }),
      { numRuns: 100 },
    );
  });
});

/** Minutes the valid readings stand for (the weighting of `timeInZones`, every reading in a zone). */
function timeInZonesTotalMinutes(samples: readonly HeartRateSample[]): number {
  // With HRmax 2 bpm every valid reading (≥ 1 bpm = 50 %) is in a zone, so the zones hold all the time.
  return timeInZones(samples, 2).reduce((a, b) => a + b, 0) / 60;
}

describe('heartRateSummary on a long recording', () => {
  it('takes the peak of 300,000 readings without overflowing the stack', () => {
    const samples = Array.from({ length: 300_000 }, (_, i) => ({ timeMs: i * 100, heartRate: 100 + (i % 80) }));
    expect(heartRateSummary(samples)?.max).toBe(179);
  });
});
