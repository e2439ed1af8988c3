import { Drill, validateDrillFile } from '../../drills/domain/drill-format';
import { drillInput } from '../../drills/domain/test-drills';
import { staticDrills } from '../../drills/static';
import { generateProgram, GeneratorInput } from './generate-program';
import { PlannedProgram, PlannedSession, TrainingPlayer } from './program';
import { checkProgramSafety, SAFETY_RULES, SafetyRule } from './program-safety';
import { finishSession, finishWeek } from './session-builder';

const library = staticDrills();
const byId = new Map(library.map((d) => [d.id, d]));

const fit = (overrides: Partial<TrainingPlayer> = {}): TrainingPlayer => ({
  ageYears: 15,
  sex: 'male',
  level: 'academy',
  position: 'midfielder',
  injury: { status: 'fit', bodyRegions: [] },
  ...overrides,
});

function safeProgram(player: TrainingPlayer, request: Partial<GeneratorInput['request']> = {}): PlannedProgram {
  const result = generateProgram({
    player,
    request: {
      weeks: 8,
      sessionsPerWeek: 3,
      availableDays: ['mon', 'wed', 'fri', 'sat'],
      startDate: '2026-12-07',
      seed: 3,
      ...request,
    },
    weaknesses: [],
    assessmentDate: '2026-11-01',
    drills: library,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.program;
}

/** A deep copy with `change` applied to one session, durations and loads recomputed so only the intended rule breaks. */
function withSession(
  program: PlannedProgram,
  week: number,
  session: number,
  change: (s: PlannedSession) => PlannedSession,
): PlannedProgram {
  const copy: PlannedProgram = structuredClone(program);
  copy.weeks[week].sessions[session] = finishSession(change(copy.weeks[week].sessions[session]));
  copy.weeks[week] = finishWeek(copy.weeks[week]);
  return copy;
}

function asPlanned(drill: Drill, minutes = drill.durationMin) {
  return {
    drillId: drill.id,
    name: drill.name,
    category: drill.category,
    intensity: drill.intensity,
    minutes,
    reason: 'test',
  };
}

function rulesBroken(
  program: PlannedProgram,
  player: TrainingPlayer,
  lib: ReadonlyMap<string, Drill> = byId,
): SafetyRule[] {
  return [...new Set(checkProgramSafety(program, player, lib).violations.map((v) => v.rule))];
}

function addMainDrill(program: PlannedProgram, drillId: string, week = 0, session = 0): PlannedProgram {
  return withSession(program, week, session, (s) => ({
    ...s,
    blocks: s.blocks.map((b, i) => (i === 1 ? { ...b, drills: [...b.drills, asPlanned(byId.get(drillId)!, 1)] } : b)),
  }));
}

describe('checkProgramSafety', () => {
  const player = fit();
  const program = safeProgram(player);

  it('passes a generated programme and lists every rule as a named, cited check', () => {
    const report = checkProgramSafety(program, player, byId);
    expect(report).toMatchObject({ passed: true, violations: [] });
    expect(report.checks.map((c) => c.rule)).toEqual([...SAFETY_RULES]);
    for (const check of report.checks) {
      expect(check).toMatchObject({
        passed: true,
        title: expect.any(String),
        reference: expect.stringMatching(/\w{8}/),
      });
    }
  });

  describe('1. age eligibility', () => {
    it('flags a drill outside its age range, sex or level, and a player outside 6-60', () => {
      expect(rulesBroken(addMainDrill(program, 'ply-kids-hopscotch'), player)).toEqual(['age-eligibility']);
      expect(rulesBroken(addMainDrill(program, 'acl-single-leg-squat-control'), fit({ sex: 'male' }))).toEqual([]);
      const female = byId.get('acl-f-glute-band-activation')!;
      expect(rulesBroken(addMainDrill(program, female.id), player)).toContain('age-eligibility');
      expect(rulesBroken(program, fit({ ageYears: 61 }))).toContain('age-eligibility');
      const grassrootsOnly = validateDrillFile([drillInput(1, { levels: ['grassroots'], durationMin: 10 })]);
      if (!grassrootsOnly.ok) throw new Error('fixture');
      const lib = new Map([...byId, [grassrootsOnly.drills[0].id, grassrootsOnly.drills[0]]]);
      const changed = withSession(program, 0, 0, (s) => ({
        ...s,
        blocks: s.blocks.map((b, i) =>
          i === 1 ? { ...b, drills: [...b.drills, asPlanned(grassrootsOnly.drills[0], 1)] } : b,
        ),
      }));
      expect(rulesBroken(changed, player, lib)).toEqual(['age-eligibility']);
    });
  });

  describe('2. weekly volume', () => {
    it('flags a session longer than the age band allows', () => {
      const long = withSession(program, 1, 0, (s) => ({
        ...s,
        blocks: s.blocks.map((b, i) => (i === 1 ? { ...b, drills: b.drills.map((d) => ({ ...d, minutes: 60 })) } : b)),
      }));
      expect(rulesBroken(long, player)).toContain('weekly-volume');
    });

    it('flags a week over the age in hours (Jayanthi et al.)', () => {
      const six = safeProgram(fit({ ageYears: 6 }), {
        sessionsPerWeek: 5,
        availableDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      });
      expect(rulesBroken(six, fit({ ageYears: 6 }))).toEqual([]);
      const broken = rulesBroken(six, fit({ ageYears: 6 }));
      expect(broken).toEqual([]);
      const heavy = withSession(six, 0, 0, (s) => ({
        ...s,
        blocks: s.blocks.map((b, i) => (i === 1 ? { ...b, drills: b.drills.map((d) => ({ ...d, minutes: 100 })) } : b)),
      }));
      const report = checkProgramSafety(heavy, fit({ ageYears: 6 }), byId);
      expect(report.violations.some((v) => v.rule === 'weekly-volume' && /more than 360/.test(v.message))).toBe(true);
    });
  });

  describe('3. recovery', () => {
    it('flags a week without enough rest days (two under 12)', () => {
      const nine = fit({ ageYears: 9 });
      const busy = safeProgram(nine, {
        sessionsPerWeek: 5,
        availableDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      });
      expect(rulesBroken(busy, nine)).toEqual([]);
      const crowded = structuredClone(busy);
      const extra = { ...crowded.weeks[0].sessions[0], id: 'extra', intensity: 'moderate' as const, targetRpe: 5 };
      const free = [
        '2026-12-07',
        '2026-12-08',
        '2026-12-09',
        '2026-12-10',
        '2026-12-11',
        '2026-12-12',
        '2026-12-13',
      ].find((d) => !crowded.weeks[0].sessions.some((s) => s.date === d))!;
      crowded.weeks[0].sessions.push(finishSession({ ...extra, date: free }));
      crowded.sessionsPerWeek = 6;
      crowded.weeks[0] = finishWeek(crowded.weeks[0]);
      const report = checkProgramSafety(crowded, nine, byId);
      expect(
        report.violations.some((v) => v.rule === 'recovery' && /1 rest day\(s\), at least 2/.test(v.message)),
      ).toBe(true);
    });

    it('flags high intensity on consecutive days under 16, and three high days in a row for anyone', () => {
      const days = (age: number, availableDays: GeneratorInput['request']['availableDays']) =>
        safeProgram(fit({ ageYears: age }), { weeks: 1, sessionsPerWeek: availableDays.length, availableDays });
      const allHigh = (p: PlannedProgram) =>
        p.weeks[0].sessions.reduce(
          (out, _, i) => withSession(out, 0, i, (s) => ({ ...s, intensity: 'high', targetRpe: 7 })),
          p,
        );
      const under16 = days(15, ['mon', 'tue']);
      expect(under16.weeks[0].sessions.map((s) => s.intensity)).toEqual(['high', 'moderate']);
      expect(rulesBroken(allHigh(under16), fit({ ageYears: 15 }))).toEqual(['recovery']);
      expect(rulesBroken(allHigh(days(16, ['mon', 'tue'])), fit({ ageYears: 16 }))).toEqual([]);
      const adult = days(20, ['mon', 'tue', 'wed']);
      expect(adult.weeks[0].sessions.map((s) => s.intensity)).toEqual(['high', 'high', 'moderate']);
      const three = checkProgramSafety(allHigh(adult), fit({ ageYears: 20 }), byId);
      expect(three.violations).toEqual([
        expect.objectContaining({ rule: 'recovery', message: expect.stringMatching(/3 high-intensity days in a row/) }),
      ]);
    });
  });

  describe('4. progression', () => {
    it('flags a loading week more than 10 % above the last loading week', () => {
      const jump = withSession(program, 1, 0, (s) => ({
        ...s,
        blocks: s.blocks.map((b, i) =>
          i === 1 ? { ...b, drills: b.drills.map((d) => ({ ...d, minutes: d.minutes + 15 })) } : b,
        ),
      }));
      const violations = checkProgramSafety(jump, player, byId).violations.filter((v) => v.rule === 'progression');
      expect(violations[0]).toMatchObject({ week: 2, message: expect.stringMatching(/more than 10 %/) });
    });

    it('flags a deload week that is not lighter, and four loading weeks in a row', () => {
      const heavyDeload = structuredClone(program);
      heavyDeload.weeks[3] = { ...heavyDeload.weeks[3], plannedLoad: heavyDeload.weeks[2].plannedLoad };
      expect(
        checkProgramSafety(heavyDeload, player, byId)
          .violations.map((v) => v.message)
          .join(),
      ).toMatch(/deload week load/);
      const noDeload = structuredClone(program);
      noDeload.weeks[3] = { ...noDeload.weeks[3], deload: false, plannedLoad: noDeload.weeks[2].plannedLoad };
      expect(
        checkProgramSafety(noDeload, player, byId)
          .violations.map((v) => v.message)
          .join(),
      ).toMatch(/4 loading weeks in a row/);
    });
  });

  describe('5. injury', () => {
    it('flags drills that load an injured region and intensity above moderate', () => {
      const injured = fit({ injury: { status: 'injured', bodyRegions: ['hamstring'] } });
      const safe = safeProgram(injured);
      expect(rulesBroken(safe, injured)).toEqual([]);
      expect(rulesBroken(addMainDrill(safe, 'str-glute-bridge-slider-curl'), injured)).toEqual(['injury']);
      const high = withSession(safe, 0, 0, (s) => ({ ...s, intensity: 'high', targetRpe: 7 }));
      expect(rulesBroken(high, injured)).toContain('injury');
    });

    it('flags high intensity in the first two weeks of a return, and two high sessions in the third', () => {
      const returning = fit({ injury: { status: 'returning', bodyRegions: ['knee'] } });
      const safe = safeProgram(returning);
      expect(rulesBroken(safe, returning)).toEqual([]);
      const early = withSession(safe, 1, 0, (s) => ({ ...s, intensity: 'high', targetRpe: 7 }));
      expect(checkProgramSafety(early, returning, byId).violations).toContainEqual(
        expect.objectContaining({ rule: 'injury', week: 2, message: expect.stringMatching(/week 2 of a return/) }),
      );
      let third = safe;
      for (const i of [0, 2]) third = withSession(third, 2, i, (s) => ({ ...s, intensity: 'high', targetRpe: 7 }));
      expect(checkProgramSafety(third, returning, byId).violations.map((v) => v.message)).toContain(
        '2 high-intensity sessions in the third week back',
      );
    });
  });

  describe('6. youth strength', () => {
    it('flags external load under 14 and maximal strength under 16', () => {
      const thirteen = fit({ ageYears: 13 });
      const p13 = safeProgram(thirteen);
      const external = rulesBroken(addMainDrill(p13, 'str-goblet-squat'), thirteen);
      expect(external).toContain('youth-strength');
      const p15 = safeProgram(fit({ ageYears: 15 }));
      const report = checkProgramSafety(addMainDrill(p15, 'str-back-squat-max'), fit({ ageYears: 15 }), byId);
      expect(report.violations.map((v) => v.message)).toContain('str-back-squat-max is maximal strength work under 16');
    });

    it('flags too many foot contacts in one session and jumping drills without a count', () => {
      let jumpy = program;
      for (const id of ['ply-pogo-jumps', 'ply-quick-line-hops', 'ply-mini-hurdle-hops']) {
        jumpy = withSession(jumpy, 0, 1, (s) => ({
          ...s,
          blocks: s.blocks.map((b, i) => (i === 1 ? { ...b, drills: [...b.drills, asPlanned(byId.get(id)!)] } : b)),
        }));
      }
      expect(
        checkProgramSafety(jumpy, player, byId)
          .violations.map((v) => v.message)
          .join(),
      ).toMatch(/foot contacts, more than 100/);
      const uncounted = { ...byId.get('ply-pogo-jumps')!, id: 'uncounted-jumps', tags: [] };
      const lib = new Map([...byId, [uncounted.id, uncounted]]);
      const withUncounted = withSession(program, 0, 0, (s) => ({
        ...s,
        blocks: s.blocks.map((b, i) => (i === 1 ? { ...b, drills: [...b.drills, asPlanned(uncounted, 1)] } : b)),
      }));
      expect(checkProgramSafety(withUncounted, player, lib).violations.map((v) => v.message)).toContain(
        'uncounted-jumps is plyometric without a foot-contact count',
      );
    });
  });

  describe('7. structure', () => {
    it('flags a session without a warm-up first or a cool-down last', () => {
      const noWarmUp = withSession(program, 0, 0, (s) => ({ ...s, blocks: s.blocks.slice(1) }));
      expect(rulesBroken(noWarmUp, player)).toContain('structure');
      const noCoolDown = withSession(program, 0, 0, (s) => ({ ...s, blocks: s.blocks.slice(0, -1) }));
      expect(rulesBroken(noCoolDown, player)).toContain('structure');
      const wrongOpener = withSession(program, 0, 0, (s) => ({
        ...s,
        blocks: [{ kind: 'warm-up', drills: [asPlanned(byId.get('tech-pass-rondo-4v1')!, 10)] }, ...s.blocks.slice(1)],
      }));
      expect(checkProgramSafety(wrongOpener, player, byId).violations.map((v) => v.message)).toContain(
        'warm-up holds drills that are not warm-up or injury-prevention drills',
      );
    });

    it('lets injury protection pause ACL-prevention work only when said so, and only when nothing spares the injury', () => {
      const injured = fit({
        sex: 'female',
        ageYears: 13,
        injury: { status: 'injured', bodyRegions: ['knee', 'hamstring'] },
      });
      const paused = safeProgram(injured);
      expect(paused.adjustments.map((a) => a.code)).toEqual(['acl-prevention-paused']);
      expect(rulesBroken(paused, injured)).toEqual([]);
      // Without the note the coach would not know the ACL work is missing.
      expect(checkProgramSafety({ ...paused, adjustments: [] }, injured, byId).violations).toContainEqual(
        expect.objectContaining({ rule: 'structure', message: expect.stringMatching(/does not say so/) }),
      );
      // A shoulder injury leaves ACL-prevention work that spares it: no pause, so the note is false.
      const shoulder = fit({ sex: 'female', ageYears: 13, injury: { status: 'injured', bodyRegions: ['shoulder'] } });
      const kept = safeProgram(shoulder);
      expect(rulesBroken(kept, shoulder)).toEqual([]);
      expect(rulesBroken({ ...kept, adjustments: paused.adjustments }, shoulder)).toEqual(['structure']);
    });

    it('flags a week without ACL-prevention work for a female player 12+', () => {
      const girl = fit({ sex: 'female', ageYears: 14 });
      const safe = safeProgram(girl);
      expect(rulesBroken(safe, girl)).toEqual([]);
      const without = structuredClone(safe);
      without.weeks[2].sessions = without.weeks[2].sessions.map((s) =>
        finishSession({
          ...s,
          blocks: s.blocks.map((b) => ({
            ...b,
            drills: b.drills.filter((d) => !byId.get(d.drillId)!.tags.includes('acl-prevention')),
          })),
        }),
      );
      without.weeks[2] = finishWeek(without.weeks[2]);
      expect(checkProgramSafety(without, girl, byId).violations).toContainEqual(
        expect.objectContaining({ rule: 'structure', week: 3, message: 'no ACL-prevention work this week' }),
      );
      // The same programme is fine for a boy: the rule is for female players.
      expect(rulesBroken(without, { ...girl, sex: 'male' })).not.toContain('structure');
    });
  });

  describe('8. drill source', () => {
    it('flags a drill that is not in the library served', () => {
      const lib = new Map(byId);
      const first = program.weeks[0].sessions[0].blocks[1].drills[0].drillId;
      lib.delete(first);
      expect(rulesBroken(program, player, lib)).toContain('drill-source');
    });
  });

  describe('match days', () => {
    it('flags high intensity next to a match and training on match day', () => {
      const withFixture = structuredClone(program);
      const session = withFixture.weeks[0].sessions[0];
      withFixture.fixtures = [{ date: session.date, importance: 'normal' }];
      expect(rulesBroken(withFixture, player)).toContain('match-days');
      const dayBefore = structuredClone(program);
      const high = dayBefore.weeks[0].sessions.find((s) => s.intensity === 'high')!;
      dayBefore.fixtures = [
        { date: new Date(Date.parse(high.date) + 86_400_000).toISOString().slice(0, 10), importance: 'key' },
      ];
      expect(checkProgramSafety(dayBefore, player, byId).violations).toContainEqual(
        expect.objectContaining({ rule: 'match-days', message: 'high session the day before or after a match' }),
      );
    });
  });

  describe('consistency', () => {
    it('flags loads and durations that do not add up, and drills above the session intensity', () => {
      const wrong = structuredClone(program);
      wrong.weeks[0].sessions[0].plannedLoad += 1;
      expect(rulesBroken(wrong, player)).toEqual(['consistency']);
      const moderate = program.weeks[0].sessions.findIndex((s) => s.intensity === 'moderate');
      const tooHard = addMainDrill(program, 'end-ssg-4v4', 0, moderate);
      expect(checkProgramSafety(tooHard, player, byId).violations.map((v) => v.message)).toContain(
        'high drill in a moderate session',
      );
    });
  });
});
