import fc from 'fast-check';
import { BODY_REGIONS, INJURY_STATUSES, POSITIONS, SEXES } from '../../common/domain/enums';
import { staticDrills } from '../../drills/static';
import { addDays } from '../../training/domain/calendar';
import { GeneratorInput } from '../../training/domain/generate-program';
import { Fixture, TrainingPlayer, WEEKDAYS } from '../../training/domain/program';
import { checkProgramSafety } from '../../training/domain/program-safety';
import { dayRole, eliteRefusal, fixtureProblems, generateEliteProgram } from './generate-elite-program';

const library = staticDrills();
const byId = new Map(library.map((d) => [d.id, d]));

const elitePlayer = (overrides: Partial<TrainingPlayer> = {}): TrainingPlayer => ({
  ageYears: 21,
  sex: 'male',
  level: 'elite',
  position: 'midfielder',
  injury: { status: 'fit', bodyRegions: [] },
  ...overrides,
});

const START = '2026-12-07'; // a Monday
const weekly: Fixture[] = [0, 1, 2, 3].map((w) => ({ date: addDays(START, w * 7 + 5), importance: 'normal' }));

function input(player: TrainingPlayer, request: Partial<GeneratorInput['request']> = {}): GeneratorInput {
  return {
    player,
    request: { weeks: 4, sessionsPerWeek: 5, availableDays: [...WEEKDAYS], startDate: START, seed: 11, ...request },
    weaknesses: [{ area: 'shooting', score: 25 }],
    assessmentDate: '2026-11-20',
    drills: library,
  };
}

function generate(player: TrainingPlayer, fixtures: Fixture[], request: Partial<GeneratorInput['request']> = {}) {
  const result = generateEliteProgram(input(player, request), { fixtures });
  if (!result.ok) throw new Error(result.reason);
  return result.program;
}

describe('elite programmes', () => {
  it('places sessions by match day: MD-4 strength, MD-3 endurance, MD-2 speed, MD-1 activation, MD+1 recovery, MD+2 off', () => {
    const program = generate(elitePlayer(), weekly);
    const week2 = program.weeks[1].sessions.map((s) => [s.date, s.matchDay, s.type, s.intensity]);
    // Saturday matches: Sunday MD+1, Monday MD+2 (off), Tuesday MD-4 ... Friday MD-1.
    expect(week2).toEqual([
      ['2026-12-15', 'MD-4', 'strength-power', 'high'],
      ['2026-12-16', 'MD-3', 'endurance', 'high'],
      ['2026-12-17', 'MD-2', 'speed-agility', 'moderate'],
      ['2026-12-18', 'MD-1', 'activation', 'low'],
      ['2026-12-20', 'MD+1', 'recovery', 'low'],
    ]);
    expect(program.fixtures).toEqual(weekly);
    expect(checkProgramSafety(program, elitePlayer(), byId)).toMatchObject({ passed: true, violations: [] });
  });

  it('reads the match cycle from the nearest fixtures', () => {
    const fixtures = ['2026-12-12', '2026-12-16'];
    expect(dayRole('2026-12-12', fixtures)).toBe('match');
    expect(dayRole('2026-12-13', fixtures)).toMatchObject({ matchDay: 'MD+1' });
    expect(dayRole('2026-12-14', fixtures)).toBe('off');
    expect(dayRole('2026-12-15', fixtures)).toMatchObject({ matchDay: 'MD-1' });
    expect(dayRole('2026-12-08', fixtures)).toMatchObject({ matchDay: 'MD-4' });
    expect(dayRole('2026-12-07', fixtures)).toBeNull();
    expect(dayRole('2026-12-20', [])).toBeNull();
  });

  it('adds position-specific conditioning and keeps high intensity away from match eves and mornings after', () => {
    for (const position of POSITIONS) {
      const program = generate(elitePlayer({ position }), weekly);
      const reasons = program.weeks.flatMap((w) =>
        w.sessions.flatMap((s) => s.blocks.flatMap((b) => b.drills.map((d) => d.reason))),
      );
      expect(reasons).toContain(`Position-specific conditioning for a ${position}`);
      for (const s of program.weeks.flatMap((w) => w.sessions)) {
        if (s.matchDay === 'MD-1' || s.matchDay === 'MD+1') expect(['low', 'moderate']).toContain(s.intensity);
      }
    }
  });

  it('tapers before a key match: the build-up keeps its intensity at a fraction of its volume', () => {
    const normal = generate(elitePlayer(), weekly);
    const key = generate(
      elitePlayer(),
      weekly.map((f, i) => (i === 2 ? { ...f, importance: 'key' } : f)),
    );
    const md4 = (p: typeof normal) => p.weeks[2].sessions.find((s) => s.matchDay === 'MD-4')!;
    expect(md4(key).intensity).toBe(md4(normal).intensity);
    expect(md4(key).plannedDurationMin).toBeLessThan(md4(normal).plannedDurationMin * 0.8);
  });

  it('refuses players under 16 or below elite level', () => {
    expect(eliteRefusal(elitePlayer({ ageYears: 15 }))).toMatch(/aged 16 and over/);
    expect(eliteRefusal(elitePlayer({ level: 'academy' }))).toMatch(/elite-level/);
    expect(eliteRefusal(elitePlayer())).toBeNull();
    const result = generateEliteProgram(input(elitePlayer({ level: 'grassroots' })), { fixtures: weekly });
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/Elite programmes are for elite-level players/),
    });
  });

  it('finds fixtures outside the programme and two on one day', () => {
    expect(fixtureProblems(START, 2, [{ date: '2026-12-21', importance: 'normal' }])).toEqual([
      { path: 'fixtures.0.date', message: 'must fall within the programme (2026-12-07 to 2026-12-20)' },
    ]);
    expect(fixtureProblems(START, 2, [{ date: '2026-12-06', importance: 'key' }])).toHaveLength(1);
    expect(
      fixtureProblems(START, 2, [
        { date: '2026-12-12', importance: 'normal' },
        { date: '2026-12-12', importance: 'key' },
      ]),
    ).toEqual([{ path: 'fixtures.1.date', message: 'only one match a day' }]);
    expect(fixtureProblems(START, 2, weekly.slice(0, 2))).toEqual([]);
    const threeInARow = ['2026-12-08', '2026-12-09', '2026-12-10'].map((date) => ({
      date,
      importance: 'normal' as const,
    }));
    expect(fixtureProblems(START, 2, threeInARow)).toEqual([
      { path: 'fixtures.2.date', message: 'a third match on consecutive days leaves no recovery' },
    ]);
    expect(fixtureProblems(START, 2, threeInARow.slice(1))).toEqual([]);
  });

  it('every elite programme it returns passes every safety invariant', () => {
    const playerArb = fc
      .record({
        ageYears: fc.integer({ min: 16, max: 60 }),
        sex: fc.constantFrom(...SEXES),
        position: fc.constantFrom(...POSITIONS),
        status: fc.constantFrom(...INJURY_STATUSES),
        regions: fc.uniqueArray(fc.constantFrom(...BODY_REGIONS), { minLength: 1, maxLength: 3 }),
      })
      .map(({ status, regions, ...rest }) => ({
        ...rest,
        level: 'elite' as const,
        injury: { status, bodyRegions: status === 'fit' ? [] : regions },
      }));
    const scenarioArb = fc
      .record({
        weeks: fc.integer({ min: 1, max: 12 }),
        sessions: fc.integer({ min: 1, max: 6 }),
        availableDays: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
        seed: fc.nat(),
        matchDays: fc.uniqueArray(fc.integer({ min: 0, max: 83 }), { maxLength: 30 }),
        keys: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
      })
      .map(({ weeks, sessions, availableDays, seed, matchDays, keys }) => ({
        request: {
          weeks,
          sessionsPerWeek: Math.min(sessions, availableDays.length),
          availableDays,
          startDate: START,
          seed,
        },
        fixtures: matchDays
          .filter((d) => d < weeks * 7)
          .map((d, i) => ({ date: addDays(START, d), importance: keys[i] ? ('key' as const) : ('normal' as const) })),
      }));
    let built = 0;
    fc.assert(
      fc.property(playerArb, scenarioArb, fc.subarray([...library], { minLength: 100 }), (player, scenario, drills) => {
        const result = generateEliteProgram(
          { player, request: scenario.request, weaknesses: [], assessmentDate: '2026-11-01', drills },
          { fixtures: scenario.fixtures },
        );
        if (!result.ok) return;
        built += 1;
        const report = checkProgramSafety(result.program, player, new Map(drills.map((d) => [d.id, d])));
        expect(report.violations).toEqual([]);
      }),
      { numRuns: 800 },
    );
    // The property means little unless most scenarios yield a programme.
    expect(built).toBeGreaterThan(300);
  });
});

describe('elite programmes: injury protection before ACL prevention', () => {
  it('plans for an injured elite woman whose every ACL-prevention drill loads the injury, and says so', () => {
    const injured = elitePlayer({
      sex: 'female',
      ageYears: 19,
      injury: { status: 'injured', bodyRegions: ['knee', 'hamstring'] },
    });
    const program = generate(injured, weekly);
    expect(program.adjustments).toEqual([
      expect.objectContaining({ code: 'acl-prevention-paused', bodyRegions: ['knee', 'hamstring'] }),
    ]);
    const drills = program.weeks.flatMap((w) => w.sessions.flatMap((s) => s.blocks.flatMap((b) => b.drills)));
    for (const d of drills) expect(byId.get(d.drillId)!.bodyRegions).not.toEqual(expect.arrayContaining(['knee']));
    expect(drills.some((d) => byId.get(d.drillId)!.tags.includes('acl-prevention'))).toBe(false);
    expect(checkProgramSafety(program, injured, byId)).toMatchObject({ passed: true, violations: [] });
  });

  it('gives her ACL-prevention work every week again once fit', () => {
    const program = generate(elitePlayer({ sex: 'female', ageYears: 19 }), weekly);
    expect(program.adjustments).toEqual([]);
    for (const week of program.weeks) {
      const ids = week.sessions.flatMap((s) => s.blocks.flatMap((b) => b.drills.map((d) => d.drillId)));
      expect(ids.some((id) => byId.get(id)!.tags.includes('acl-prevention'))).toBe(true);
    }
  });
});
