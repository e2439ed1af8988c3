import fc from 'fast-check';
import { BODY_REGIONS, BodyRegion, LEVELS, POSITIONS, SEXES } from '../../common/domain/enums';
import { Drill, DRILL_CATEGORIES, INTENSITIES, validateDrillFile } from '../../drills/domain/drill-format';
import { staticDrills } from '../../drills/static';
import { DrillPool, ShortageKind } from './drill-pool';
import { generateProgram } from './generate-program';
import { TrainingPlayer, Weekday, WEEKDAYS } from './program';
import { CoverageGap, CoverageGapCode, COVERED_INJURIES, programCoverageGaps } from './program-coverage';
import { checkProgramSafety } from './program-safety';
import { PROGRAM_MAX_AGE, PROGRAM_MIN_AGE, restDaysRequired } from './safety-rules';

const library = staticDrills();
const libraryMap = new Map(library.map((d) => [d.id, d]));
const AGES = PROGRAM_MAX_AGE - PROGRAM_MIN_AGE + 1;

function player(
  ageYears: number,
  sex: TrainingPlayer['sex'],
  level: TrainingPlayer['level'],
  position: TrainingPlayer['position'],
  regions: readonly BodyRegion[],
): TrainingPlayer {
  return {
    ageYears,
    sex,
    level,
    position,
    injury: { status: regions.length > 0 ? 'injured' : 'fit', bodyRegions: [...regions] },
  };
}

/** Every player of the space but age: sex x level x position x (fit, one region, two regions). */
const PROFILES = SEXES.flatMap((sex) =>
  LEVELS.flatMap((level) =>
    POSITIONS.flatMap((position) => COVERED_INJURIES.map((regions) => ({ sex, level, position, regions }))),
  ),
);

function expectSafeProgram(p: TrainingPlayer, request: Parameters<typeof generateProgram>[0]['request']): void {
  const result = generateProgram({ player: p, request, weaknesses: [], assessmentDate: '2026-11-01', drills: library });
  // A refusal names the player, so a failure says who was left without a programme.
  expect(result.ok ? 'ok' : result.reason).toBe('ok');
  if (!result.ok) return;
  expect(checkProgramSafety(result.program, p, libraryMap).violations).toEqual([]);
}

describe('with the static library, every player gets a programme that passes the safety check', () => {
  it('every sex, level, position and injury of one or two regions, at ages cycling through 6-60', () => {
    expect(PROFILES).toHaveLength(2 * 3 * 4 * (1 + 12 + 66));
    PROFILES.forEach(({ sex, level, position, regions }, i) => {
      // 17 and 55 are coprime: consecutive profiles step through every age.
      const age = PROGRAM_MIN_AGE + ((i * 17) % AGES);
      expectSafeProgram(player(age, sex, level, position, regions), {
        weeks: 5,
        sessionsPerWeek: 3,
        availableDays: ['mon', 'wed', 'fri', 'sat'],
        startDate: '2026-12-07',
        seed: i,
      });
    });
  });

  it('the whole space with random requests (sampled)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: PROGRAM_MIN_AGE, max: PROGRAM_MAX_AGE }),
        fc.constantFrom(...PROFILES),
        fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (age, { sex, level, position, regions }, days: Weekday[], sessions, weeks, seed) => {
          const sessionsPerWeek = Math.min(sessions, days.length, 7 - restDaysRequired(age));
          expectSafeProgram(player(age, sex, level, position, regions), {
            weeks,
            sessionsPerWeek,
            availableDays: days,
            startDate: '2026-12-07',
            seed,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every one of the 104,280 players finds a warm-up, a cool-down and main work in its pool', () => {
    const blocking = programCoverageGaps(library).filter((g) => g.code !== 'acl-prevention-paused');
    expect(blocking).toEqual([]);
  });
});

describe('programCoverageGaps', () => {
  it('names the players a set leaves without a programme: no cool-down for ages 6-7', () => {
    const lateCoolDowns = library.map((d) => (d.category === 'cool-down' && d.minAge < 8 ? { ...d, minAge: 8 } : d));
    const gaps = programCoverageGaps(lateCoolDowns);
    expect(gaps[0]).toEqual({
      code: 'no-cool-down',
      message: 'No cool-down drill for players aged 6–7: they cannot get a programme.',
      players: {
        minAge: 6,
        maxAge: 7,
        sexes: [...SEXES],
        levels: [...LEVELS],
        positions: [...POSITIONS],
        injuredRegions: [],
      },
    });
    // Injured players of those ages lack one too, which the fit players' warning already says.
    expect(gaps.filter((g) => g.code === 'no-cool-down')).toHaveLength(1);
  });

  it('tells which injuries pause ACL-prevention work with the static library', () => {
    const paused = programCoverageGaps(library);
    expect(paused.every((g) => g.code === 'acl-prevention-paused')).toBe(true);
    expect(paused).toContainEqual({
      code: 'acl-prevention-paused',
      message: expect.stringMatching(/spares the knee and hamstring for female players aged 12–60/),
      players: {
        minAge: 12,
        maxAge: 60,
        sexes: ['female'],
        levels: [...LEVELS],
        positions: [...POSITIONS],
        injuredRegions: ['knee', 'hamstring'],
      },
    });
  });

  it('names the region a set cannot spare, and the levels and positions concerned', () => {
    const noKneeFreeMain = library.filter((d) => !(d.category === 'tactical' && d.bodyRegions.length === 0));
    const set = noKneeFreeMain.map((d) =>
      ['warm-up', 'injury-prevention', 'cool-down'].includes(d.category)
        ? d
        : { ...d, bodyRegions: [...new Set([...d.bodyRegions, 'knee' as const])] },
    );
    const gap = programCoverageGaps(set).find((g) => g.code === 'no-main-part');
    expect(gap).toEqual({
      code: 'no-main-part',
      message:
        'No main-part drill at moderate intensity or below that spares the knee for players aged 6–60: they cannot get a programme while injured there.',
      players: expect.objectContaining({ minAge: 6, maxAge: 60, injuredRegions: ['knee'] }),
    });
    const academyOnly = library.map((d) => (d.category === 'cool-down' ? { ...d, levels: ['academy' as const] } : d));
    expect(programCoverageGaps(academyOnly)[0]).toMatchObject({
      code: 'no-cool-down',
      message: 'No cool-down drill for players aged 6–60 at grassroots and elite level: they cannot get a programme.',
      players: { levels: ['grassroots', 'elite'], positions: [...POSITIONS] },
    });
  });

  it('an empty set serves nobody: one warning', () => {
    expect(programCoverageGaps([])).toEqual([
      expect.objectContaining({ code: 'no-warm-up', players: expect.objectContaining({ minAge: 6, maxAge: 60 }) }),
    ]);
  });

  const CODE_OF: Record<ShortageKind, CoverageGapCode> = {
    'warm-up': 'no-warm-up',
    'cool-down': 'no-cool-down',
    main: 'no-main-part',
    'acl-prevention': 'no-acl-prevention',
  };
  /** What the drill pool itself says for this player. */
  function poolCode(drills: readonly Drill[], p: TrainingPlayer): CoverageGapCode | null {
    const pool = new DrillPool(drills, p);
    const shortage = pool.shortage('moderate');
    if (shortage) return CODE_OF[shortage];
    return pool.aclPreventionPaused ? 'acl-prevention-paused' : null;
  }
  function reportedCode(gaps: readonly CoverageGap[], p: TrainingPlayer): CoverageGapCode | null {
    const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
    const gap = gaps.find(
      ({ players: k }) =>
        k.minAge <= p.ageYears &&
        p.ageYears <= k.maxAge &&
        k.sexes.includes(p.sex) &&
        k.levels.includes(p.level) &&
        k.positions.includes(p.position) &&
        same(k.injuredRegions, p.injury.bodyRegions),
    );
    return gap?.code ?? null;
  }

  const randomDrill = fc
    .record({
      category: fc.oneof(
        fc.constantFrom('warm-up', 'injury-prevention', 'cool-down'),
        fc.constantFrom(...DRILL_CATEGORIES),
      ),
      minAge: fc.integer({ min: 5, max: 50 }),
      span: fc.integer({ min: 0, max: 55 }),
      sex: fc.constantFrom('any', 'female', 'male'),
      levels: fc.uniqueArray(fc.constantFrom(...LEVELS), { minLength: 1 }),
      positions: fc.uniqueArray(fc.constantFrom(...POSITIONS), { maxLength: 2 }),
      intensity: fc.constantFrom(...INTENSITIES),
      bodyRegions: fc.uniqueArray(fc.constantFrom(...BODY_REGIONS), { maxLength: 4 }),
      tags: fc.subarray(['acl-prevention', 'external-load', 'max-strength', 'plyometric', 'foot-contacts:20']),
    })
    .map(({ span, ...d }) => ({ ...d, maxAge: Math.min(60, d.minAge + span), durationMin: 10 }));
  const randomSet = fc.array(randomDrill, { maxLength: 40 }).map((list) => {
    const result = validateDrillFile(list.map((d, i) => ({ id: `d-${i}`, name: `D ${i}`, description: 'x', ...d })));
    return result.ok ? result.drills : [];
  });

  it('says for each player exactly what its drill pool lacks (random sets and players)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          randomSet,
          fc.subarray([...library]).chain((part) => randomSet.map((extra) => [...part, ...extra])),
        ),
        fc.array(
          fc.record({
            age: fc.integer({ min: PROGRAM_MIN_AGE, max: PROGRAM_MAX_AGE }),
            profile: fc.constantFrom(...PROFILES),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        (drills, players) => {
          const gaps = programCoverageGaps(drills);
          for (const { age, profile } of players) {
            const p = player(age, profile.sex, profile.level, profile.position, profile.regions);
            const code = poolCode(drills, p);
            // A gap the same player has when fit, or with one of the two regions alone, is reported there.
            const smaller = [[], ...(p.injury.bodyRegions.length === 2 ? p.injury.bodyRegions.map((r) => [r]) : [])];
            const implied =
              p.injury.bodyRegions.length > 0 &&
              smaller.some(
                (regions) =>
                  poolCode(drills, {
                    ...p,
                    injury: { status: regions.length ? 'injured' : 'fit', bodyRegions: regions },
                  }) === code,
              );
            expect({ player: p, code: reportedCode(gaps, p) }).toEqual({ player: p, code: implied ? null : code });
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
