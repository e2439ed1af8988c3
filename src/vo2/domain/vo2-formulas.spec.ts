import fc from 'fast-check';
import {
  acsm15MileRun,
  bangsboYoyoIr1,
  bangsboYoyoIr2,
  cooper1968,
  estimateVo2max,
  klineRockportWalk,
  legerShuttleAdults,
  legerShuttleChildren,
  LEGER_ADULT_AGE,
  legerStageSpeedKmh,
  shuttlesInLevel,
  SHUTTLES_PER_LEVEL,
  Vo2Inputs,
  VO2_PROTOCOLS,
} from './vo2-formulas';

const LB = 0.45359237;
const estimate = (inputs: Partial<Vo2Inputs>) => estimateVo2max({ age: 30, sex: 'male', ...inputs } as Vo2Inputs);
const vo2Of = (inputs: Partial<Vo2Inputs>) => {
  const result = estimate(inputs);
  if (!result.ok) throw new Error(`refused ${result.field}: ${result.reason}`);
  return result.vo2max;
};
const refusedField = (inputs: Partial<Vo2Inputs>) => {
  const result = estimate(inputs);
  return result.ok ? undefined : result.field;
};

describe('published equations reproduce their worked values', () => {
  it('Cooper 1968: 2400 m -> 42.4, and 2800 m -> 51.3 (the usual worked example: 2295.1 / 44.73)', () => {
    expect(cooper1968(2400)).toBeCloseTo(42.37, 2);
    expect(cooper1968(2800)).toBeCloseTo(51.31, 2);
    expect(vo2Of({ protocol: 'cooper-12min', distanceM: 2400 })).toBe(42.4);
  });

  it('Bangsbo 2008 Yo-Yo IR1 (d x 0.0084 + 36.4) and IR2 (d x 0.0136 + 45.3), hand-computed from the paper', () => {
    // The review gives the two equations but no worked example we could read; these are the equations evaluated by hand.
    expect(bangsboYoyoIr1(2000)).toBeCloseTo(53.2, 10);
    expect(bangsboYoyoIr1(3640)).toBeCloseTo(66.976, 10); // end of the IR1 recording (level 23.8)
    expect(bangsboYoyoIr2(1000)).toBeCloseTo(58.9, 10);
    expect(vo2Of({ protocol: 'yoyo-ir1', distanceM: 2000 })).toBe(53.2);
    expect(vo2Of({ protocol: 'yoyo-ir2', distanceM: 1000 })).toBe(58.9);
  });

  // Léger et al. 1988, abstract: "increased 0.5 km/h each minute from a starting speed of 8.5 km/h ... the last stage
  // number announced is used ... (speed = 8 + 0.5 stage no.)".
  it('Léger 1988 stage speed: 8.5 km/h at stage 1, +0.5 km/h per one-minute stage, 18.5 at level 21', () => {
    expect(legerStageSpeedKmh(1)).toBe(8.5);
    expect(legerStageSpeedKmh(2) - legerStageSpeedKmh(1)).toBe(0.5);
    expect(legerStageSpeedKmh(10)).toBe(13);
    expect(legerStageSpeedKmh(21)).toBe(18.5);
    // The shuttle within the level does not change the speed (last stage announced).
    expect(legerStageSpeedKmh(9, 1)).toBe(legerStageSpeedKmh(9, 11));
  });

  // Léger et al. 1988, abstract: "Y = 31.025 + 3.238X − 3.248A + 0.1536AX"; "for adults ... the same equation could be
  // used keeping age constant at 18". Léger & Gadoury 1989, abstract: that gives "SP-VO2max = −27.4 + 6.0 S-MAS".
  it('Léger 1988 children equation at age 18 is the Léger & Gadoury 1989 adult equation, -27.4 + 6.0 S', () => {
    // 31.025 − 3.248·18 = −27.439 and 3.238 + 0.1536·18 = 6.0028, which the 1989 paper rounds to −27.4 and 6.0.
    expect(legerShuttleChildren(0, 18)).toBeCloseTo(-27.439, 10);
    expect(legerShuttleChildren(11, 18) - legerShuttleChildren(10, 18)).toBeCloseTo(6.0028, 10);
    expect(legerShuttleAdults(0)).toBe(-27.4);
    expect(legerShuttleAdults(11) - legerShuttleAdults(10)).toBeCloseTo(6.0, 10);
  });

  it('property: the two Léger equations meet at 18, within 0.02 ml/kg/min over the whole test (8.5-18.5 km/h)', () => {
    fc.assert(
      fc.property(fc.double({ min: 8.5, max: 18.5, noNaN: true }), (s) => {
        expect(Math.abs(legerShuttleChildren(s, LEGER_ADULT_AGE) - legerShuttleAdults(s))).toBeLessThan(0.02);
      }),
    );
  });

  it('Léger 1988 children: a 12-year-old stopping at level 6 (11 km/h) -> 47.9 (hand calculation)', () => {
    // No worked example in the abstract; 31.025 + 3.238*11 - 3.248*12 + 0.1536*11*12 = 47.9422
    expect(legerShuttleChildren(11, 12)).toBeCloseTo(47.9422, 4);
    expect(vo2Of({ protocol: 'shuttle-20m', level: 6, shuttle: 4, age: 12 })).toBe(47.9);
  });

  it('Léger & Gadoury 1989 adults: -27.4 + 6.0 x 13 km/h (level 10) = 50.6 (hand calculation)', () => {
    expect(legerShuttleAdults(13)).toBeCloseTo(50.6, 10);
    expect(vo2Of({ protocol: 'shuttle-20m', level: 10, age: 25 })).toBe(50.6);
  });

  it('ACSM 1.5-mile run: 14 min 25 s (14.4 min) -> 37.0, the protocol worked example; 12:00 -> 43.8', () => {
    expect(acsm15MileRun(14.4)).toBeCloseTo(37.04, 2);
    expect(vo2Of({ protocol: 'run-1.5mile', timeMin: 14.4 })).toBe(37);
    expect(vo2Of({ protocol: 'run-1.5mile', timeMin: 12 })).toBe(43.8);
  });

  it('Kline 1987 Rockport: 57-year-old woman, 123 lb, 18:00, HR 112 -> 25.0 (published worked-example inputs)', () => {
    // 132.853 - 0.0769*123 - 0.3877*57 - 3.2649*18 - 0.1565*112 = 24.9992
    const inputs = { weightKg: 123 * LB, age: 57, sex: 'female' as const, timeMin: 18, heartRateBpm: 112 };
    expect(klineRockportWalk(inputs)).toBeCloseTo(24.9992, 4);
    expect(vo2Of({ protocol: 'rockport-walk', ...inputs })).toBe(25);
    // Being male adds exactly the published 6.315.
    expect(klineRockportWalk({ ...inputs, sex: 'male' }) - klineRockportWalk(inputs)).toBeCloseTo(6.315, 10);
  });

  it('converts kilograms to the pounds the Rockport equation expects', () => {
    const base = { age: 40, sex: 'male' as const, timeMin: 14, heartRateBpm: 130 };
    // 10 lb more costs exactly 0.769 ml/kg/min.
    expect(
      klineRockportWalk({ ...base, weightKg: 80 }) - klineRockportWalk({ ...base, weightKg: 80 + 10 * LB }),
    ).toBeCloseTo(0.769, 10);
  });
});

describe('estimateVo2max', () => {
  it('answers with the value rounded to one decimal, the formula and its reference', () => {
    expect(estimate({ protocol: 'cooper-12min', distanceM: 2400 })).toEqual({
      ok: true,
      vo2max: 42.4,
      protocol: 'cooper-12min',
      formula: 'cooper1968',
      reference: expect.stringContaining('Cooper KH'),
    });
  });

  const oneOfEach: [Partial<Vo2Inputs>, string][] = [
    [{ protocol: 'cooper-12min', distanceM: 2400 }, 'cooper1968'],
    [{ protocol: 'yoyo-ir1', distanceM: 1200 }, 'bangsboYoyoIr1'],
    [{ protocol: 'yoyo-ir2', distanceM: 600 }, 'bangsboYoyoIr2'],
    [{ protocol: 'shuttle-20m', level: 8, age: 14 }, 'legerShuttleChildren'],
    [{ protocol: 'shuttle-20m', level: 8, age: 30 }, 'legerShuttleAdults'],
    [{ protocol: 'run-1.5mile', timeMin: 11.5 }, 'acsm15MileRun'],
    [{ protocol: 'rockport-walk', age: 45, weightKg: 80, timeMin: 15, heartRateBpm: 120 }, 'klineRockportWalk'],
    [{ protocol: 'lab', vo2max: 58.27 }, 'measured'],
  ];

  it.each(oneOfEach)('estimates %o with %s', (inputs, formula) => {
    const result = estimate(inputs);
    expect(result).toMatchObject({ ok: true, protocol: inputs.protocol, formula });
    expect(result.ok && result.reference.length).toBeGreaterThan(10);
  });

  it('has an estimate test for every protocol', () => {
    expect(new Set(oneOfEach.map(([inputs]) => inputs.protocol))).toEqual(new Set(VO2_PROTOCOLS));
  });

  it('returns a lab value as measured, rounded to one decimal', () => {
    expect(vo2Of({ protocol: 'lab', vo2max: 58.27 })).toBe(58.3);
  });

  it('uses the children shuttle equation below 18 and the adult one from 18', () => {
    expect(estimate({ protocol: 'shuttle-20m', level: 8, age: 17.9 })).toMatchObject({
      formula: 'legerShuttleChildren',
    });
    expect(estimate({ protocol: 'shuttle-20m', level: 8, age: 18 })).toMatchObject({ formula: 'legerShuttleAdults' });
    expect(vo2Of({ protocol: 'shuttle-20m', level: 8, age: 18 })).toBe(Math.round(legerShuttleAdults(12) * 10) / 10);
  });

  it('refuses results the protocol does not use, naming them', () => {
    expect(estimate({ protocol: 'cooper-12min', distanceM: 2400, heartRateBpm: 1e308 })).toMatchObject({
      ok: false,
      field: 'heartRateBpm',
    });
    expect(estimate({ protocol: 'lab', vo2max: 40, timeMin: 10 })).toMatchObject({ ok: false, field: 'timeMin' });
    expect(estimate({ protocol: 'shuttle-20m', level: 8, shuttle: 2, distanceM: 1 })).toMatchObject({
      ok: false,
      field: 'distanceM',
    });
    for (const field of ['distanceM', 'level', 'shuttle', 'timeMin', 'heartRateBpm', 'weightKg'] as const) {
      expect(estimate({ protocol: 'lab', vo2max: 40, [field]: 1 })).toMatchObject({ ok: false, field });
    }
  });

  it.each([
    ['an unknown protocol', { protocol: 'bleep' as never }, 'protocol'],
    ['an unknown sex', { sex: 'other' as never, protocol: 'lab', vo2max: 40 }, 'sex'],
    ['a missing age', { age: undefined, protocol: 'lab', vo2max: 40 }, 'age'],
    ['an age of 4', { age: 4, protocol: 'lab', vo2max: 40 }, 'age'],
    ['an age of 101', { age: 101, protocol: 'lab', vo2max: 40 }, 'age'],
    ['a NaN age', { age: Number.NaN, protocol: 'lab', vo2max: 40 }, 'age'],
    ['a missing Cooper distance', { protocol: 'cooper-12min' }, 'distanceM'],
    ['a Cooper distance of 999 m', { protocol: 'cooper-12min', distanceM: 999 }, 'distanceM'],
    ['a Cooper distance of 5001 m', { protocol: 'cooper-12min', distanceM: 5001 }, 'distanceM'],
    ['an infinite Cooper distance', { protocol: 'cooper-12min', distanceM: Infinity }, 'distanceM'],
    ['a string Cooper distance', { protocol: 'cooper-12min', distanceM: '2400' as never }, 'distanceM'],
    ['a Yo-Yo IR1 distance of 0', { protocol: 'yoyo-ir1', distanceM: 0 }, 'distanceM'],
    ['a Yo-Yo IR1 distance past the test (3680 m)', { protocol: 'yoyo-ir1', distanceM: 3680 }, 'distanceM'],
    ['a Yo-Yo IR2 distance past the test (2720 m)', { protocol: 'yoyo-ir2', distanceM: 2720 }, 'distanceM'],
    ['a missing shuttle level', { protocol: 'shuttle-20m' }, 'level'],
    ['shuttle level 0', { protocol: 'shuttle-20m', level: 0 }, 'level'],
    ['shuttle level 22', { protocol: 'shuttle-20m', level: 22 }, 'level'],
    ['a fractional shuttle level', { protocol: 'shuttle-20m', level: 7.5 }, 'level'],
    ['shuttle 0', { protocol: 'shuttle-20m', level: 5, shuttle: 0 }, 'shuttle'],
    ['shuttle 17', { protocol: 'shuttle-20m', level: 21, shuttle: 17 }, 'shuttle'],
    ['shuttle 8 at level 1 (which has 7)', { protocol: 'shuttle-20m', level: 1, shuttle: 8 }, 'shuttle'],
    ['a shuttle runner aged 5', { protocol: 'shuttle-20m', level: 5, age: 5 }, 'age'],
    ['a 1.5-mile time of 5.9 min', { protocol: 'run-1.5mile', timeMin: 5.9 }, 'timeMin'],
    ['a 1.5-mile time of 31 min', { protocol: 'run-1.5mile', timeMin: 31 }, 'timeMin'],
    ['a missing 1.5-mile time', { protocol: 'run-1.5mile' }, 'timeMin'],
    [
      'a Rockport walker aged 29',
      { protocol: 'rockport-walk', age: 29, weightKg: 70, timeMin: 15, heartRateBpm: 120 },
      'age',
    ],
    [
      'a Rockport walker aged 70',
      { protocol: 'rockport-walk', age: 70, weightKg: 70, timeMin: 15, heartRateBpm: 120 },
      'age',
    ],
    ['a missing Rockport weight', { protocol: 'rockport-walk', age: 40, timeMin: 15, heartRateBpm: 120 }, 'weightKg'],
    [
      'a Rockport weight of 29 kg',
      { protocol: 'rockport-walk', age: 40, weightKg: 29, timeMin: 15, heartRateBpm: 120 },
      'weightKg',
    ],
    [
      'a Rockport time of 7.9 min',
      { protocol: 'rockport-walk', age: 40, weightKg: 70, timeMin: 7.9, heartRateBpm: 120 },
      'timeMin',
    ],
    [
      'a Rockport heart rate of 59',
      { protocol: 'rockport-walk', age: 40, weightKg: 70, timeMin: 15, heartRateBpm: 59 },
      'heartRateBpm',
    ],
    [
      'a Rockport heart rate of 221',
      { protocol: 'rockport-walk', age: 40, weightKg: 70, timeMin: 15, heartRateBpm: 221 },
      'heartRateBpm',
    ],
    [
      'a missing Rockport heart rate',
      { protocol: 'rockport-walk', age: 40, weightKg: 70, timeMin: 15 },
      'heartRateBpm',
    ],
    ['a lab value of 9.9', { protocol: 'lab', vo2max: 9.9 }, 'vo2max'],
    ['a lab value of 95.1', { protocol: 'lab', vo2max: 95.1 }, 'vo2max'],
    ['a missing lab value', { protocol: 'lab' }, 'vo2max'],
  ] as [string, Partial<Vo2Inputs>, string][])('refuses %s, naming the field', (_what, inputs, field) => {
    const result = estimate(inputs);
    expect(result).toEqual({ ok: false, field, reason: expect.any(String) });
    expect(!result.ok && result.reason).toContain(field);
  });

  it('refuses in-range inputs whose combination leaves 10-95 ml/kg/min, blaming the performance field', () => {
    // Heaviest, oldest, slowest, highest heart rate: the Rockport equation goes negative.
    expect(refusedField({ protocol: 'rockport-walk', age: 69, weightKg: 200, timeMin: 30, heartRateBpm: 220 })).toBe(
      'timeMin',
    );
    // 5000 m in 12 minutes would be 100.5 ml/kg/min.
    expect(refusedField({ protocol: 'cooper-12min', distanceM: 5000 })).toBe('distanceM');
  });

  it('never returns a value outside 10-95, nor an unrounded one (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VO2_PROTOCOLS),
        fc.record({
          age: fc.double({ min: 0, max: 120, noNaN: true }),
          distanceM: fc.double({ min: 0, max: 6000, noNaN: true }),
          level: fc.integer({ min: 0, max: 23 }),
          shuttle: fc.integer({ min: 0, max: 17 }),
          timeMin: fc.double({ min: 0, max: 40, noNaN: true }),
          heartRateBpm: fc.double({ min: 40, max: 240, noNaN: true }),
          weightKg: fc.double({ min: 20, max: 220, noNaN: true }),
          vo2max: fc.double({ min: 0, max: 120, noNaN: true }),
        }),
        fc.constantFrom('female' as const, 'male' as const),
        (protocol, fields, sex) => {
          const result = estimateVo2max({ protocol, sex, ...fields });
          if (!result.ok) return result.field.length > 0 && result.reason.length > 0;
          return result.vo2max >= 10 && result.vo2max <= 95 && Math.round(result.vo2max * 10) / 10 === result.vo2max;
        },
      ),
    );
  });
});

describe('20 m shuttle-run levels', () => {
  it('has 21 levels of 7 to 16 shuttles, never fewer as the test speeds up', () => {
    expect(SHUTTLES_PER_LEVEL).toHaveLength(21);
    expect(shuttlesInLevel(1)).toBe(7);
    expect(shuttlesInLevel(21)).toBe(16);
    expect(shuttlesInLevel(22)).toBeUndefined();
    expect(shuttlesInLevel(2.5)).toBeUndefined();
    SHUTTLES_PER_LEVEL.forEach((n, i) => expect(n).toBeGreaterThanOrEqual(SHUTTLES_PER_LEVEL[Math.max(0, i - 1)]));
  });

  it("keeps each level close to Léger's one minute", () => {
    SHUTTLES_PER_LEVEL.forEach((shuttles, i) => {
      const seconds = (shuttles * 20) / ((legerStageSpeedKmh(i + 1) * 1000) / 3600);
      expect(seconds).toBeGreaterThan(55);
      expect(seconds).toBeLessThan(70);
    });
  });

  it('accepts every shuttle a level has', () => {
    SHUTTLES_PER_LEVEL.forEach((shuttles, i) => {
      expect(estimate({ protocol: 'shuttle-20m', level: i + 1, shuttle: shuttles, age: 25 }).ok).toBe(true);
      expect(refusedField({ protocol: 'shuttle-20m', level: i + 1, shuttle: shuttles + 1, age: 25 })).toBe('shuttle');
    });
  });
});

describe('monotonicity (property)', () => {
  const sex = fc.constantFrom('female' as const, 'male' as const);
  /** Two ok estimates, in the order given; undefined when either was refused. */
  const both = (a: Partial<Vo2Inputs>, b: Partial<Vo2Inputs>) => {
    const [x, y] = [estimate(a), estimate(b)];
    return x.ok && y.ok ? [x.vo2max, y.vo2max] : undefined;
  };

  it('more distance -> higher VO2max (Cooper, Yo-Yo IR1, Yo-Yo IR2)', () => {
    for (const [formula, min, max] of [
      [cooper1968, 1000, 5000],
      [bangsboYoyoIr1, 40, 3640],
      [bangsboYoyoIr2, 40, 2680],
    ] as const) {
      fc.assert(
        fc.property(fc.double({ min, max, noNaN: true }), fc.double({ min, max, noNaN: true }), (a, b) => {
          fc.pre(a + 0.01 < b); // a real gap: floating point cannot order values 1e-14 apart
          return formula(a) < formula(b);
        }),
      );
    }
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 4400 }), fc.integer({ min: 1, max: 300 }), (d, more) => {
        const pair = both(
          { protocol: 'cooper-12min', distanceM: d },
          { protocol: 'cooper-12min', distanceM: d + more },
        );
        return pair !== undefined && pair[0] <= pair[1];
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('yoyo-ir1' as const, 'yoyo-ir2' as const),
        fc.integer({ min: 1, max: 66 }),
        fc.integer({ min: 1, max: 66 }),
        (protocol, boutsA, boutsB) => {
          fc.pre(boutsA < boutsB);
          const pair = both({ protocol, distanceM: 40 * boutsA }, { protocol, distanceM: 40 * boutsB });
          return pair !== undefined && pair[0] < pair[1];
        },
      ),
    );
  });

  it('higher shuttle level -> higher VO2max, for children and adults', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 21 }),
        fc.integer({ min: 1, max: 21 }),
        fc.double({ min: 6, max: 100, noNaN: true }),
        sex,
        (a, b, age, s) => {
          fc.pre(a < b);
          expect(legerStageSpeedKmh(a)).toBeLessThan(legerStageSpeedKmh(b));
          const pair = both(
            { protocol: 'shuttle-20m', level: a, age, sex: s },
            { protocol: 'shuttle-20m', level: b, age, sex: s },
          );
          // Refusals only for implausible results; among accepted ones the order must hold (ties from rounding).
          return pair === undefined || pair[0] <= pair[1];
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 8.5, max: 18.5, noNaN: true }),
        fc.double({ min: 6, max: 17.99, noNaN: true }),
        (s, age) => {
          return (
            legerShuttleChildren(s + 0.5, age) > legerShuttleChildren(s, age) &&
            legerShuttleAdults(s + 0.5) > legerShuttleAdults(s)
          );
        },
      ),
    );
  });

  it('faster time -> higher VO2max (1.5-mile run, Rockport walk)', () => {
    fc.assert(
      fc.property(fc.double({ min: 6, max: 30, noNaN: true }), fc.double({ min: 6, max: 30, noNaN: true }), (a, b) => {
        fc.pre(a + 0.01 < b);
        const pair = both({ protocol: 'run-1.5mile', timeMin: a }, { protocol: 'run-1.5mile', timeMin: b });
        return acsm15MileRun(a) > acsm15MileRun(b) && pair !== undefined && pair[0] >= pair[1];
      }),
    );
    fc.assert(
      fc.property(
        fc.record({
          age: fc.integer({ min: 30, max: 69 }),
          weightKg: fc.double({ min: 30, max: 200, noNaN: true }),
          heartRateBpm: fc.double({ min: 60, max: 220, noNaN: true }),
          sex,
        }),
        fc.double({ min: 8, max: 30, noNaN: true }),
        fc.double({ min: 8, max: 30, noNaN: true }),
        (walker, a, b) => {
          fc.pre(a + 0.01 < b);
          if (!(klineRockportWalk({ ...walker, timeMin: a }) > klineRockportWalk({ ...walker, timeMin: b })))
            return false;
          const pair = both(
            { protocol: 'rockport-walk', ...walker, timeMin: a },
            { protocol: 'rockport-walk', ...walker, timeMin: b },
          );
          return pair === undefined || pair[0] >= pair[1];
        },
      ),
    );
  });

  it('lower heart rate -> higher VO2max (Rockport walk)', () => {
    fc.assert(
      fc.property(
        fc.record({
          age: fc.integer({ min: 30, max: 69 }),
          weightKg: fc.double({ min: 30, max: 200, noNaN: true }),
          timeMin: fc.double({ min: 8, max: 30, noNaN: true }),
          sex,
        }),
        fc.double({ min: 60, max: 220, noNaN: true }),
        fc.double({ min: 60, max: 220, noNaN: true }),
        (walker, low, high) => {
          fc.pre(low + 0.01 < high);
          if (
            !(
              klineRockportWalk({ ...walker, heartRateBpm: low }) > klineRockportWalk({ ...walker, heartRateBpm: high })
            )
          ) {
            return false;
          }
          const pair = both(
            { protocol: 'rockport-walk', ...walker, heartRateBpm: low },
            { protocol: 'rockport-walk', ...walker, heartRateBpm: high },
          );
          return pair === undefined || pair[0] >= pair[1];
        },
      ),
    );
  });
});
