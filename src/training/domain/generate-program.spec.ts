import fc from 'fast-check';
import { BODY_REGIONS, INJURY_STATUSES, LEVELS, POSITIONS, SEXES } from '../../common/domain/enums';
import { Drill, DRILL_CATEGORIES, INTENSITIES, validateDrillFile } from '../../drills/domain/drill-format';
import { staticDrills } from '../../drills/static';
import { weekdayOf } from './calendar';
import { chooseTrainingDays, generateProgram, GeneratorInput, mayBeHigh } from './generate-program';
import { FOCUS_AREAS, TrainingPlayer, WEEKDAYS } from './program';
import { checkProgramSafety } from './program-safety';
import { footContactCap } from './safety-rules';

const library = staticDrills();
const libraryMap = new Map(library.map((d) => [d.id, d]));

function player(overrides: Partial<TrainingPlayer> = {}): TrainingPlayer {
  return {
    ageYears: 15,
    sex: 'male',
    level: 'academy',
    position: 'midfielder',
    injury: { status: 'fit', bodyRegions: [] },
    ...overrides,
  };
}

function input(
  overrides: Partial<GeneratorInput> = {},
  request: Partial<GeneratorInput['request']> = {},
): GeneratorInput {
  return {
    player: player(),
    request: {
      weeks: 12,
      sessionsPerWeek: 4,
      availableDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      startDate: '2026-12-07',
      seed: 7,
      ...request,
    },
    weaknesses: [
      { area: 'dribbling', score: 22 },
      { area: 'speed', score: 31 },
      { area: 'passing', score: 40 },
    ],
    assessmentDate: '2026-11-20',
    drills: library,
    ...overrides,
  };
}

function generateOk(i: GeneratorInput) {
  const result = generateProgram(i);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.program;
}

const drillsOf = (program: ReturnType<typeof generateOk>) =>
  program.weeks.flatMap((w) => w.sessions.flatMap((s) => s.blocks.flatMap((b) => b.drills)));

// Arbitraries: players, requests and drill libraries of every shape the API can send.
const playerArb: fc.Arbitrary<TrainingPlayer> = fc
  .record({
    ageYears: fc.integer({ min: 6, max: 60 }),
    sex: fc.constantFrom(...SEXES),
    level: fc.constantFrom(...LEVELS),
    position: fc.constantFrom(...POSITIONS),
    status: fc.constantFrom(...INJURY_STATUSES),
    regions: fc.uniqueArray(fc.constantFrom(...BODY_REGIONS), { minLength: 1, maxLength: 4 }),
  })
  .map(({ status, regions, ...rest }) => ({
    ...rest,
    injury: { status, bodyRegions: status === 'fit' ? [] : regions },
  }));

const requestArb = fc
  .record({
    weeks: fc.integer({ min: 1, max: 16 }),
    availableDays: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
    sessions: fc.integer({ min: 1, max: 6 }),
    startDate: fc.date({ min: new Date('2026-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
    focus: fc.option(fc.uniqueArray(fc.constantFrom(...FOCUS_AREAS), { minLength: 1, maxLength: 4 }), {
      nil: undefined,
    }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  })
  .map(({ sessions, startDate, ...rest }) => ({
    ...rest,
    sessionsPerWeek: Math.min(sessions, rest.availableDays.length),
    startDate: startDate.toISOString().slice(0, 10),
  }));

const weaknessesArb = fc.uniqueArray(
  fc.record({ area: fc.constantFrom(...FOCUS_AREAS, 'unknown-area'), score: fc.integer({ min: 0, max: 100 }) }),
  { maxLength: 3, selector: (w) => w.area },
);

/** Random drills in the upload format, validated like an upload (so defaults apply). */
const randomDrillArb = fc
  .record({
    // Session openers and closers more often than chance, so made-up libraries often yield a programme.
    category: fc.oneof(
      fc.constantFrom('warm-up', 'injury-prevention', 'cool-down'),
      fc.constantFrom(...DRILL_CATEGORIES),
    ),
    minAge: fc.integer({ min: 5, max: 40 }),
    span: fc.integer({ min: 0, max: 40 }),
    sex: fc.constantFrom('any', 'female', 'male'),
    levels: fc.uniqueArray(fc.constantFrom(...LEVELS), { minLength: 1 }),
    positions: fc.uniqueArray(fc.constantFrom(...POSITIONS), { maxLength: 2 }),
    durationMin: fc.integer({ min: 1, max: 60 }),
    intensity: fc.constantFrom(...INTENSITIES),
    bodyRegions: fc.uniqueArray(fc.constantFrom(...BODY_REGIONS), { minLength: 1, maxLength: 5 }),
    tags: fc.subarray([
      'external-load',
      'max-strength',
      'acl-prevention',
      'plyometric',
      'fifa-11-plus',
      'fifa-11-kids',
      'foot-contacts:40',
      'foot-contacts:150',
    ]),
  })
  .map(({ span, ...d }) => ({ ...d, maxAge: Math.min(60, d.minAge + span) }));

const randomLibraryArb = fc.array(randomDrillArb, { minLength: 0, maxLength: 60 }).map((list) => {
  if (list.length === 0) return [];
  const result = validateDrillFile(
    list.map((d, i) => ({ id: `random-${i}`, name: `Random ${i}`, description: 'x', ...d })),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.drills;
});

/** Libraries from sparse (a random handful of static drills) to full, and random made-up ones. */
const libraryArb: fc.Arbitrary<readonly Drill[]> = fc.oneof(
  fc.constant(library),
  fc.subarray([...library], { minLength: 0 }),
  randomLibraryArb,
  fc.tuple(fc.subarray([...library]), randomLibraryArb).map(([a, b]) => [...a, ...b]),
);

describe('generateProgram: every programme it returns passes every safety invariant', () => {
  it('for random players, requests and libraries (including sparse and made-up ones)', () => {
    fc.assert(
      fc.property(playerArb, requestArb, weaknessesArb, libraryArb, (p, request, weaknesses, drills) => {
        const result = generateProgram({ player: p, request, weaknesses, assessmentDate: '2026-01-01', drills });
        if (!result.ok) {
          expect(result.reason.length).toBeGreaterThan(10);
          return;
        }
        const report = checkProgramSafety(result.program, p, new Map(drills.map((d) => [d.id, d])));
        expect(report.violations).toEqual([]);
        expect(report.passed).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('never refuses a fit player of any age, sex, level or position with the static library', () => {
    fc.assert(
      fc.property(playerArb, requestArb, (p, request) => {
        const fit = { ...p, injury: { status: 'fit' as const, bodyRegions: [] } };
        const maxSessions = 7 - (fit.ageYears < 12 ? 2 : 1);
        const result = generateProgram({
          player: fit,
          request: { ...request, sessionsPerWeek: Math.min(request.sessionsPerWeek, maxSessions) },
          weaknesses: [],
          assessmentDate: '2026-01-01',
          drills: library,
        });
        expect(result.ok ? 'ok' : result.reason).toBe('ok');
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the same input and seed give the same programme; another seed another one', () => {
    fc.assert(
      fc.property(playerArb, requestArb, (p, request) => {
        const i = { player: p, request, weaknesses: [], assessmentDate: '2026-01-01', drills: library };
        expect(generateProgram(i)).toEqual(generateProgram(i));
      }),
      { numRuns: 100 },
    );
    const a = generateOk(input({}, { seed: 1 }));
    const b = generateOk(input({}, { seed: 2 }));
    expect(drillsOf(a).map((d) => d.drillId)).not.toEqual(drillsOf(b).map((d) => d.drillId));
  });
});

describe('generateProgram: shape', () => {
  const program = generateOk(input());

  it('plans the requested weeks and sessions on available days, each from warm-up to cool-down', () => {
    expect(program.weeks).toHaveLength(12);
    expect(program.startDate).toBe('2026-12-07');
    expect(program.endDate).toBe('2027-02-28');
    for (const week of program.weeks) {
      expect(week.sessions).toHaveLength(4);
      for (const session of week.sessions) {
        expect(['mon', 'tue', 'wed', 'thu', 'fri', 'sat']).toContain(weekdayOf(session.date));
        expect(session.blocks[0].kind).toBe('warm-up');
        expect(session.blocks[session.blocks.length - 1].kind).toBe('cool-down');
        expect(session.plannedLoad).toBe(session.plannedDurationMin * session.targetRpe);
        for (const drill of session.blocks.flatMap((b) => b.drills)) expect(drill.reason).not.toBe('');
      }
    }
  });

  it('deloads every fourth week and otherwise rises by at most 10 %', () => {
    expect(program.weeks.map((w) => w.deload)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
    ]);
    expect(program.weeks[3].plannedLoad).toBeLessThan(program.weeks[2].plannedLoad);
    expect(program.weeks[1].plannedLoad).toBeGreaterThan(program.weeks[0].plannedLoad);
    expect(program.weeks[1].plannedLoad).toBeLessThanOrEqual(program.weeks[0].plannedLoad * 1.1);
  });

  it('aims main parts at the weakest areas and says so', () => {
    const reasons = program.weeks[0].sessions.flatMap((s) =>
      s.blocks.filter((b) => b.kind === 'main').flatMap((b) => b.drills.map((d) => d.reason)),
    );
    expect(
      reasons.some((r) => /dribbling, one of the weakest areas in the assessment of 2026-11-20 \(22\/100\)/.test(r)),
    ).toBe(true);
    expect(drillsOf(program).some((d) => d.category === 'dribbling')).toBe(true);
  });

  it('uses the requested focus over the assessment', () => {
    const focused = generateOk(input({}, { focus: ['shooting'] }));
    expect(focused.focus).toEqual(['shooting']);
    const main = focused.weeks[0].sessions[0].blocks.find((b) => b.kind === 'main')!;
    expect(main.drills[0]).toMatchObject({ category: 'shooting', reason: 'Requested focus: shooting' });
  });

  it('gives goalkeepers goalkeeping work and FIFA 11+ warm-ups from 14', () => {
    const keeper = generateOk(input({ player: player({ position: 'goalkeeper' }) }));
    expect(keeper.focus).toContain('goalkeeping');
    expect(drillsOf(keeper).some((d) => d.category === 'goalkeeping')).toBe(true);
    expect(keeper.weeks[0].sessions[0].blocks[0].drills[0].reason).toMatch(/FIFA 11\+/);
  });

  it('gives female players 12+ ACL-prevention work every week, and FIFA 11+ Kids to 7-13-year-olds', () => {
    const girl = generateOk(input({ player: player({ sex: 'female', ageYears: 12 }) }));
    for (const week of girl.weeks) {
      const ids = week.sessions.flatMap((s) => s.blocks.flatMap((b) => b.drills.map((d) => d.drillId)));
      expect(ids.some((id) => libraryMap.get(id)!.tags.includes('acl-prevention'))).toBe(true);
    }
    expect(girl.weeks[0].sessions[0].blocks[0].drills[0].reason).toMatch(/FIFA 11\+ Kids/);
  });

  it('counts an ACL-prevention drill already in the warm-up as the week’s ACL work', () => {
    const small = validateDrillFile([
      {
        id: 'acl-warm-up',
        name: 'ACL warm-up',
        description: 'x',
        category: 'warm-up',
        minAge: 6,
        maxAge: 60,
        durationMin: 15,
        intensity: 'moderate',
        bodyRegions: ['knee'],
        tags: ['acl-prevention'],
      },
      {
        id: 'passing',
        name: 'Passing',
        description: 'x',
        category: 'passing',
        minAge: 6,
        maxAge: 60,
        durationMin: 20,
        intensity: 'moderate',
        bodyRegions: ['foot'],
      },
      {
        id: 'cool-down',
        name: 'Cool-down',
        description: 'x',
        category: 'cool-down',
        minAge: 6,
        maxAge: 60,
        durationMin: 10,
        intensity: 'low',
        bodyRegions: ['calf'],
      },
    ]);
    if (!small.ok) throw new Error('fixture');
    const girl = player({ sex: 'female', ageYears: 16 });
    const program = generateOk(input({ player: girl, drills: small.drills }));
    expect(checkProgramSafety(program, girl, new Map(small.drills.map((d) => [d.id, d]))).passed).toBe(true);
  });

  it('spreads sessions over the available days', () => {
    expect(chooseTrainingDays(WEEKDAYS, 3)).toEqual(['mon', 'wed', 'fri']);
    expect(chooseTrainingDays(['mon', 'tue', 'wed', 'sat'], 2)).toEqual(['tue', 'sat']);
    expect(chooseTrainingDays(['thu'], 1)).toEqual(['thu']);
  });

  it('places high days within the recovery rules', () => {
    const highs = new Set(['2026-12-07']);
    expect(mayBeHigh('2026-12-08', highs, 15)).toBe(false);
    expect(mayBeHigh('2026-12-08', highs, 16)).toBe(true);
    highs.add('2026-12-08');
    expect(mayBeHigh('2026-12-09', highs, 30)).toBe(false);
    expect(mayBeHigh('2026-12-10', highs, 30)).toBe(true);
  });
});

describe('generateProgram: injuries, age limits and refusals', () => {
  it('keeps an injured player off the injured regions, at moderate intensity at most', () => {
    const injured = player({ injury: { status: 'injured', bodyRegions: ['hamstring'] } });
    const program = generateOk(input({ player: injured }));
    for (const drill of drillsOf(program)) {
      expect(libraryMap.get(drill.drillId)!.bodyRegions).not.toContain('hamstring');
      expect(['low', 'moderate']).toContain(drill.intensity);
    }
    expect(program.weeks.flatMap((w) => w.sessions).every((s) => s.intensity === 'moderate')).toBe(true);
  });

  it('refuses with a reason when nothing safe remains for an injured player', () => {
    const everything = player({ injury: { status: 'injured', bodyRegions: [...BODY_REGIONS] } });
    const result = generateProgram(input({ player: everything }));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/Nothing safe remains.*injured regions/) });
  });

  it('grades a returning player: no high intensity in weeks 1-2, at most one high session in week 3', () => {
    const program = generateOk(input({ player: player({ injury: { status: 'returning', bodyRegions: ['knee'] } }) }));
    const highs = program.weeks.map((w) => w.sessions.filter((s) => s.intensity === 'high').length);
    expect(highs.slice(0, 3)).toEqual([0, 0, 1]);
    expect(highs[4]).toBeGreaterThan(1);
    expect(program.weeks[1].plannedLoad).toBeLessThanOrEqual(program.weeks[0].plannedLoad * 1.1);
  });

  it('refuses players under 6 or over 60', () => {
    for (const ageYears of [5, 61]) {
      const result = generateProgram(input({ player: player({ ageYears }) }));
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(/aged 6 to 60/) });
    }
  });

  it('refuses more sessions than the rest days allow (two rest days under 12)', () => {
    const result = generateProgram(
      input({ player: player({ ageYears: 10 }) }, { sessionsPerWeek: 6, availableDays: [...WEEKDAYS] }),
    );
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/2 full rest days a week: at most 5/) });
    expect(
      generateProgram(input({ player: player({ ageYears: 12 }) }, { sessionsPerWeek: 6, availableDays: [...WEEKDAYS] }))
        .ok,
    ).toBe(true);
  });

  it('keeps youth plyometrics and strength within the caps', () => {
    for (const ageYears of [9, 13, 15]) {
      const program = generateOk(input({ player: player({ ageYears }) }, { focus: ['power', 'strength'] }));
      const ids = drillsOf(program).map((d) => libraryMap.get(d.drillId)!);
      if (ageYears < 14) expect(ids.some((d) => d.tags.includes('external-load'))).toBe(false);
      expect(ids.some((d) => d.tags.includes('max-strength'))).toBe(false);
      expect(checkProgramSafety(program, player({ ageYears }), libraryMap).passed).toBe(true);
    }
    expect(footContactCap(9, 'elite')).toBeLessThan(footContactCap(16, 'elite'));
  });
});

describe('generateProgram: injury protection takes precedence over ACL prevention', () => {
  const aclDrill = (id: string) => libraryMap.get(id)!.tags.includes('acl-prevention');
  const girl = (injury: TrainingPlayer['injury']) =>
    player({ ageYears: 13, sex: 'female', level: 'grassroots', injury });
  const aclWeeks = (program: ReturnType<typeof generateOk>) =>
    program.weeks.map((w) => w.sessions.some((s) => s.blocks.some((b) => b.drills.some((d) => aclDrill(d.drillId)))));

  it('plans for a 13-year-old girl injured at the knee and hamstring: no ACL drill loading them, and says so', () => {
    const injured = girl({ status: 'injured', bodyRegions: ['knee', 'hamstring'] });
    const program = generateOk(input({ player: injured }));
    for (const drill of drillsOf(program)) {
      expect(libraryMap.get(drill.drillId)!.bodyRegions).not.toContain('knee');
      expect(libraryMap.get(drill.drillId)!.bodyRegions).not.toContain('hamstring');
    }
    expect(aclWeeks(program).some(Boolean)).toBe(false);
    expect(program.adjustments).toEqual([
      {
        code: 'acl-prevention-paused',
        message: expect.stringMatching(/ACL-prevention work is left out.*knee, hamstring.*resumes/),
        bodyRegions: ['knee', 'hamstring'],
      },
    ]);
    expect(checkProgramSafety(program, injured, libraryMap)).toMatchObject({ passed: true, violations: [] });
  });

  it('resumes ACL-prevention work every week once the injury is cleared (fit or returning)', () => {
    for (const injury of [
      { status: 'fit' as const, bodyRegions: [] },
      { status: 'returning' as const, bodyRegions: ['knee' as const, 'hamstring' as const] },
    ]) {
      const program = generateOk(input({ player: girl(injury) }));
      expect(program.adjustments).toEqual([]);
      expect(aclWeeks(program).every(Boolean)).toBe(true);
    }
  });

  it('keeps ACL-prevention work that spares the injury (a shoulder injury pauses nothing)', () => {
    const program = generateOk(input({ player: girl({ status: 'injured', bodyRegions: ['shoulder'] }) }));
    expect(program.adjustments).toEqual([]);
    expect(aclWeeks(program).every(Boolean)).toBe(true);
  });

  it('says which regions the note protects only for players who need ACL work (boys get no note)', () => {
    const boy = player({
      ageYears: 13,
      sex: 'male',
      injury: { status: 'injured', bodyRegions: ['knee', 'hamstring'] },
    });
    expect(generateOk(input({ player: boy })).adjustments).toEqual([]);
  });

  it('says what would help when a session cannot be filled (an ACL drill over the foot-contact cap)', () => {
    const set = validateDrillFile([
      {
        id: 'w',
        name: 'W',
        description: 'x',
        category: 'warm-up',
        minAge: 6,
        maxAge: 60,
        durationMin: 15,
        intensity: 'moderate',
        bodyRegions: ['hip'],
      },
      {
        id: 'm',
        name: 'M',
        description: 'x',
        category: 'passing',
        minAge: 6,
        maxAge: 60,
        durationMin: 20,
        intensity: 'moderate',
        bodyRegions: ['foot'],
      },
      {
        id: 'c',
        name: 'C',
        description: 'x',
        category: 'cool-down',
        minAge: 6,
        maxAge: 60,
        durationMin: 10,
        intensity: 'low',
        bodyRegions: ['calf'],
      },
      {
        id: 'acl-jumps',
        name: 'ACL jumps',
        description: 'x',
        category: 'injury-prevention',
        minAge: 6,
        maxAge: 60,
        durationMin: 10,
        intensity: 'moderate',
        bodyRegions: ['knee'],
        tags: ['acl-prevention', 'plyometric', 'foot-contacts:1000'],
      },
    ]);
    if (!set.ok) throw new Error('fixture');
    const result = generateProgram(input({ player: player({ sex: 'female', ageYears: 16 }), drills: set.drills }));
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /no ACL-prevention drill fits a (moderate|high) session\. An admin can add such a drill/,
      ),
    });
  });

  it('tells the coach what to do when nothing safe remains', () => {
    const everything = player({ injury: { status: 'injured', bodyRegions: [...BODY_REGIONS] } });
    const result = generateProgram(input({ player: everything }));
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/no warm-up.*An admin can add such a drill.*PUT \/players\/:id\/injury/),
    });
  });
});
