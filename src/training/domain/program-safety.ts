import { Drill } from '../../drills/domain/drill-format';
import { addDays, daysBetween, weekdayOf } from './calendar';
import { PlannedProgram, PlannedSession, TrainingPlayer } from './program';
import {
  ACL_PREVENTION_MIN_AGE,
  aclPreventionPaused,
  atMost,
  COOL_DOWN_CATEGORIES,
  drillFootContacts,
  EXTERNAL_LOAD_MIN_AGE,
  footContactCap,
  INJURED_INTENSITY_CAP,
  isHighIntensity,
  isPlyometric,
  MAX_HIGH_DAYS_IN_A_ROW,
  MAX_LOADING_WEEKS_IN_A_ROW,
  MAX_STRENGTH_MIN_AGE,
  MAX_WEEKLY_LOAD_RISE,
  needsAclPrevention,
  NO_CONSECUTIVE_HIGH_UNDER_AGE,
  plannedFootContacts,
  PROGRAM_MAX_AGE,
  PROGRAM_MIN_AGE,
  restDaysRequired,
  RETURN_LIMITED_WEEK,
  RETURN_NO_HIGH_WEEKS,
  SAFETY_REFERENCES,
  SESSION_RPE,
  sessionCapMin,
  TAGS,
  WARM_UP_CATEGORIES,
  weeklyMinutesCap,
} from './safety-rules';

/**
 * The safety invariants every stored programme must satisfy, checked from the programme alone
 * (plus the player and the drill set it was built from), independently of how it was generated.
 */

export const SAFETY_RULES = [
  'age-eligibility',
  'weekly-volume',
  'recovery',
  'progression',
  'injury',
  'youth-strength',
  'structure',
  'drill-source',
  'match-days',
  'consistency',
] as const;
export type SafetyRule = (typeof SAFETY_RULES)[number];

export const SAFETY_RULE_INFO: Record<SafetyRule, { title: string; reference: string }> = {
  'age-eligibility': {
    title: `Ages ${PROGRAM_MIN_AGE}-${PROGRAM_MAX_AGE}; every drill fits the player's age, sex and level`,
    reference: SAFETY_REFERENCES.drillContract,
  },
  'weekly-volume': {
    title: 'Weekly hours no more than the age in years; session length capped by age band',
    reference: SAFETY_REFERENCES.jayanthi2013,
  },
  recovery: {
    title:
      'Full rest days every week (two under 12); no high intensity on consecutive days under 16; never three in a row',
    reference: `${SAFETY_REFERENCES.brenner2007} ${SAFETY_REFERENCES.bergeron2015}`,
  },
  progression: {
    title: 'Weekly load rises at most 10 % between loading weeks; a lighter week at least every fourth week',
    reference: `${SAFETY_REFERENCES.gabbett2016} ${SAFETY_REFERENCES.bompaHaff2009}`,
  },
  injury: {
    title: 'Injured: no load on injured regions, moderate intensity at most; returning: graded return',
    reference: SAFETY_REFERENCES.ardern2016,
  },
  'youth-strength': {
    title: 'No heavy external load under 14 or maximal strength under 16; plyometric foot contacts capped',
    reference: `${SAFETY_REFERENCES.lloyd2014} ${SAFETY_REFERENCES.chu1998}`,
  },
  structure: {
    title:
      `Every session opens with an injury-prevention warm-up and ends with a cool-down; weekly ACL prevention for female players ${ACL_PREVENTION_MIN_AGE}+, ` +
      'paused (and said so) while an injury leaves no ACL-prevention drill that spares it',
    reference: `${SAFETY_REFERENCES.soligard2008} ${SAFETY_REFERENCES.webster2018} ${SAFETY_REFERENCES.ardern2016}`,
  },
  'drill-source': {
    title: 'Every drill comes from the drill library served',
    reference: SAFETY_REFERENCES.drillProvider,
  },
  'match-days': {
    title: 'No high-intensity training the day before or after a match, and none on match day',
    reference: SAFETY_REFERENCES.bergeron2015,
  },
  consistency: {
    title: 'Durations, loads, dates and intensities add up',
    reference: 'Session-RPE load = duration x RPE (Foster et al. 2001).',
  },
};

export interface SafetyViolation {
  rule: SafetyRule;
  message: string;
  week?: number;
  sessionId?: string;
  drillId?: string;
}

export interface SafetyCheckResult {
  rule: SafetyRule;
  title: string;
  reference: string;
  passed: boolean;
}

export interface SafetyReport {
  passed: boolean;
  checks: SafetyCheckResult[];
  violations: SafetyViolation[];
}

type Library = ReadonlyMap<string, Drill>;

/** Every violated invariant of `program` for `player`; an empty list means the programme is safe. */
export function checkProgramSafety(program: PlannedProgram, player: TrainingPlayer, library: Library): SafetyReport {
  const violations: SafetyViolation[] = [];
  const add = (v: SafetyViolation) => violations.push(v);
  checkAge(program, player, library, add);
  checkVolume(program, player, add);
  checkRecovery(program, player, add);
  checkProgression(program, add);
  checkInjury(program, player, library, add);
  checkYouthStrength(program, player, library, add);
  checkStructure(program, player, library, add);
  checkDrillSource(program, library, add);
  checkMatchDays(program, add);
  checkConsistency(program, library, add);
  const failed = new Set(violations.map((v) => v.rule));
  return {
    passed: violations.length === 0,
    checks: SAFETY_RULES.map((rule) => ({ rule, ...SAFETY_RULE_INFO[rule], passed: !failed.has(rule) })),
    violations,
  };
}

type Add = (v: SafetyViolation) => void;

function* everyDrill(program: PlannedProgram) {
  for (const week of program.weeks) {
    for (const session of week.sessions) {
      for (const block of session.blocks) {
        for (const drill of block.drills) yield { week, session, block, drill };
      }
    }
  }
}

function sessions(program: PlannedProgram): { week: number; session: PlannedSession }[] {
  return program.weeks.flatMap((w) => w.sessions.map((session) => ({ week: w.index, session })));
}

function checkAge(program: PlannedProgram, player: TrainingPlayer, library: Library, add: Add): void {
  const age = player.ageYears;
  if (age < PROGRAM_MIN_AGE || age > PROGRAM_MAX_AGE) {
    add({ rule: 'age-eligibility', message: `player aged ${age} is outside ${PROGRAM_MIN_AGE}-${PROGRAM_MAX_AGE}` });
  }
  for (const { week, session, drill } of everyDrill(program)) {
    const d = library.get(drill.drillId);
    if (!d) continue;
    const where = { rule: 'age-eligibility' as const, week: week.index, sessionId: session.id, drillId: d.id };
    if (age < d.minAge || age > d.maxAge) add({ ...where, message: `${d.id} is for ages ${d.minAge}-${d.maxAge}` });
    if (d.sex !== 'any' && d.sex !== player.sex) add({ ...where, message: `${d.id} is for ${d.sex} players` });
    if (!d.levels.includes(player.level)) add({ ...where, message: `${d.id} is not for ${player.level} level` });
  }
}

function checkVolume(program: PlannedProgram, player: TrainingPlayer, add: Add): void {
  const cap = sessionCapMin(player.ageYears);
  const weekly = weeklyMinutesCap(player.ageYears);
  for (const week of program.weeks) {
    const minutes = week.sessions.reduce((s, x) => s + x.plannedDurationMin, 0);
    if (minutes > weekly) {
      add({
        rule: 'weekly-volume',
        week: week.index,
        message: `${minutes} min planned, more than ${weekly} (age in hours)`,
      });
    }
    for (const session of week.sessions) {
      if (session.plannedDurationMin > cap) {
        add({
          rule: 'weekly-volume',
          week: week.index,
          sessionId: session.id,
          message: `${session.plannedDurationMin} min session, longer than ${cap} min for age ${player.ageYears}`,
        });
      }
    }
  }
}

function checkRecovery(program: PlannedProgram, player: TrainingPlayer, add: Add): void {
  const age = player.ageYears;
  const busy = new Set<string>([
    ...sessions(program).map(({ session }) => session.date),
    ...program.fixtures.map((f) => f.date),
  ]);
  const rest = restDaysRequired(age);
  program.weeks.forEach((week) => {
    let free = 0;
    for (let d = 0; d < 7; d++) if (!busy.has(addDays(week.startDate, d))) free += 1;
    if (free < rest)
      add({ rule: 'recovery', week: week.index, message: `${free} rest day(s), at least ${rest} required` });
  });
  // Matches are high-intensity days too.
  const high = new Set<string>([
    ...sessions(program)
      .filter(({ session }) => isHighIntensity(session.intensity))
      .map(({ session }) => session.date),
    ...program.fixtures.map((f) => f.date),
  ]);
  for (const date of high) {
    if (age < NO_CONSECUTIVE_HIGH_UNDER_AGE && high.has(addDays(date, 1))) {
      add({
        rule: 'recovery',
        message: `high intensity on consecutive days ${date} and ${addDays(date, 1)} (under 16)`,
      });
    }
    let run = 1;
    while (high.has(addDays(date, run))) run += 1;
    if (run > MAX_HIGH_DAYS_IN_A_ROW && !high.has(addDays(date, -1))) {
      add({ rule: 'recovery', message: `${run} high-intensity days in a row from ${date}` });
    }
  }
}

function checkProgression(program: PlannedProgram, add: Add): void {
  let lastLoading: number | null = null;
  let loadingRun = 0;
  program.weeks.forEach((week, i) => {
    if (week.deload) {
      const previous = program.weeks[i - 1]?.plannedLoad;
      // Lighter than the week before; a week with nothing planned is as light as a week gets.
      if (previous !== undefined && week.plannedLoad > 0 && week.plannedLoad >= previous) {
        add({
          rule: 'progression',
          week: week.index,
          message: `deload week load ${week.plannedLoad} is not below the week before (${previous})`,
        });
      }
      loadingRun = 0;
      return;
    }
    loadingRun += 1;
    if (loadingRun > MAX_LOADING_WEEKS_IN_A_ROW) {
      add({ rule: 'progression', week: week.index, message: `${loadingRun} loading weeks in a row without a deload` });
    }
    if (lastLoading !== null && week.plannedLoad > lastLoading * (1 + MAX_WEEKLY_LOAD_RISE)) {
      add({
        rule: 'progression',
        week: week.index,
        message: `load ${week.plannedLoad} rises more than 10 % over the last loading week (${lastLoading})`,
      });
    }
    lastLoading = week.plannedLoad;
  });
}

function checkInjury(program: PlannedProgram, player: TrainingPlayer, library: Library, add: Add): void {
  const { status, bodyRegions } = player.injury;
  if (status === 'fit') return;
  for (const { week, session } of sessions(program)) {
    const where = { rule: 'injury' as const, week, sessionId: session.id };
    if (status === 'injured' && !atMost(session.intensity, INJURED_INTENSITY_CAP)) {
      add({ ...where, message: `${session.intensity} session for an injured player` });
    }
    if (status === 'returning' && week <= RETURN_NO_HIGH_WEEKS && isHighIntensity(session.intensity)) {
      add({ ...where, message: `${session.intensity} session in week ${week} of a return to play` });
    }
    if (status === 'returning' && week === RETURN_LIMITED_WEEK && session.intensity === 'max') {
      add({ ...where, message: `max session in week ${week} of a return to play` });
    }
  }
  if (status === 'returning') {
    const week = program.weeks[RETURN_LIMITED_WEEK - 1];
    const highs = week?.sessions.filter((s) => isHighIntensity(s.intensity)).length ?? 0;
    if (highs > 1)
      add({
        rule: 'injury',
        week: RETURN_LIMITED_WEEK,
        message: `${highs} high-intensity sessions in the third week back`,
      });
  }
  for (const { week, session, drill } of everyDrill(program)) {
    const d = library.get(drill.drillId);
    if (!d) continue;
    const where = { rule: 'injury' as const, week: week.index, sessionId: session.id, drillId: d.id };
    if (status === 'injured') {
      const loaded = d.bodyRegions.filter((r) => bodyRegions.includes(r));
      if (loaded.length > 0) add({ ...where, message: `${d.id} loads the injured ${loaded.join(', ')}` });
      if (!atMost(d.intensity, INJURED_INTENSITY_CAP))
        add({ ...where, message: `${d.id} is ${d.intensity} intensity` });
    }
    if (status === 'returning' && week.index <= RETURN_NO_HIGH_WEEKS && isHighIntensity(d.intensity)) {
      add({ ...where, message: `${d.id} is ${d.intensity} intensity in week ${week.index} of a return to play` });
    }
  }
}

function checkYouthStrength(program: PlannedProgram, player: TrainingPlayer, library: Library, add: Add): void {
  const age = player.ageYears;
  const cap = footContactCap(age, player.level);
  for (const { week, session } of sessions(program)) {
    let contacts = 0;
    for (const block of session.blocks) {
      for (const drill of block.drills) {
        const d = library.get(drill.drillId);
        if (!d) continue;
        const where = { rule: 'youth-strength' as const, week, sessionId: session.id, drillId: d.id };
        if (age < EXTERNAL_LOAD_MIN_AGE && d.tags.includes(TAGS.externalLoad)) {
          add({ ...where, message: `${d.id} uses external load under ${EXTERNAL_LOAD_MIN_AGE}` });
        }
        if (age < MAX_STRENGTH_MIN_AGE && d.tags.includes(TAGS.maxStrength)) {
          add({ ...where, message: `${d.id} is maximal strength work under ${MAX_STRENGTH_MIN_AGE}` });
        }
        if (isPlyometric(d) && drillFootContacts(d) === null) {
          add({ ...where, message: `${d.id} is plyometric without a foot-contact count` });
        }
        contacts += plannedFootContacts(d, drill.minutes);
      }
    }
    if (contacts > cap) {
      add({
        rule: 'youth-strength',
        week,
        sessionId: session.id,
        message: `${contacts} foot contacts, more than ${cap}`,
      });
    }
  }
}

function checkStructure(program: PlannedProgram, player: TrainingPlayer, library: Library, add: Add): void {
  const categoryOf = (id: string) => library.get(id)?.category;
  for (const { week, session } of sessions(program)) {
    const where = { rule: 'structure' as const, week, sessionId: session.id };
    const first = session.blocks[0];
    const last = session.blocks[session.blocks.length - 1];
    if (!first || first.kind !== 'warm-up' || first.drills.length === 0) {
      add({ ...where, message: 'does not open with a warm-up' });
    } else if (!first.drills.every((d) => WARM_UP_CATEGORIES.includes(categoryOf(d.drillId) ?? ''))) {
      add({ ...where, message: 'warm-up holds drills that are not warm-up or injury-prevention drills' });
    }
    if (!last || last === first || last.kind !== 'cool-down' || last.drills.length === 0) {
      add({ ...where, message: 'does not end with a cool-down' });
    } else if (!last.drills.every((d) => COOL_DOWN_CATEGORIES.includes(categoryOf(d.drillId) ?? ''))) {
      add({ ...where, message: 'cool-down holds drills that are not cool-down drills' });
    }
    if (session.blocks.slice(1, -1).some((b) => b.kind !== 'main')) {
      add({ ...where, message: 'only main blocks may sit between the warm-up and the cool-down' });
    }
  }
  if (needsAclPrevention(player)) {
    // Injury protection first: while no ACL-prevention drill spares the injury, the work is paused and said so.
    const paused = aclPreventionPaused(player, library.values());
    const noted = program.adjustments.some((a) => a.code === 'acl-prevention-paused');
    if (paused !== noted) {
      add({
        rule: 'structure',
        message: paused
          ? 'ACL-prevention work is paused for the injury but the programme does not say so'
          : 'the programme says ACL-prevention work is paused, but the library has ACL-prevention work that spares the injury',
      });
    }
    if (paused) return;
    for (const week of program.weeks) {
      const acl = week.sessions.some((s) =>
        s.blocks.some((b) => b.drills.some((d) => library.get(d.drillId)?.tags.includes(TAGS.aclPrevention))),
      );
      if (!acl) add({ rule: 'structure', week: week.index, message: 'no ACL-prevention work this week' });
    }
  }
}

function checkDrillSource(program: PlannedProgram, library: Library, add: Add): void {
  for (const { week, session, drill } of everyDrill(program)) {
    const d = library.get(drill.drillId);
    if (!d) {
      add({
        rule: 'drill-source',
        week: week.index,
        sessionId: session.id,
        drillId: drill.drillId,
        message: `${drill.drillId} is not in the library`,
      });
    } else if (d.name !== drill.name) {
      add({
        rule: 'drill-source',
        week: week.index,
        sessionId: session.id,
        drillId: d.id,
        message: `${d.id} is named differently in the library`,
      });
    }
  }
}

function checkMatchDays(program: PlannedProgram, add: Add): void {
  const fixtures = new Set(program.fixtures.map((f) => f.date));
  for (const { week, session } of sessions(program)) {
    const where = { rule: 'match-days' as const, week, sessionId: session.id };
    if (fixtures.has(session.date)) add({ ...where, message: `training on match day ${session.date}` });
    const nextToMatch = fixtures.has(addDays(session.date, 1)) || fixtures.has(addDays(session.date, -1));
    if (nextToMatch && isHighIntensity(session.intensity)) {
      add({ ...where, message: `${session.intensity} session the day before or after a match` });
    }
  }
}

function checkConsistency(program: PlannedProgram, library: Library, add: Add): void {
  const dates = new Set<string>();
  program.weeks.forEach((week, i) => {
    const where = { rule: 'consistency' as const, week: week.index };
    if (week.index !== i + 1 || week.startDate !== addDays(program.startDate, i * 7)) {
      add({ ...where, message: 'weeks are not consecutive from the start date' });
    }
    if (week.sessions.length > program.sessionsPerWeek) {
      add({
        ...where,
        message: `${week.sessions.length} sessions, more than the ${program.sessionsPerWeek} requested`,
      });
    }
    let load = 0;
    for (const session of week.sessions) {
      const at = { ...where, sessionId: session.id };
      const offset = daysBetween(week.startDate, session.date);
      if (offset < 0 || offset > 6) add({ ...at, message: `${session.date} is outside the week` });
      if (!program.availableDays.includes(weekdayOf(session.date)))
        add({ ...at, message: `${session.date} is not an available day` });
      if (dates.has(session.date)) add({ ...at, message: `second session on ${session.date}` });
      dates.add(session.date);
      const minutes = session.blocks.reduce((s, b) => s + b.drills.reduce((t, d) => t + d.minutes, 0), 0);
      if (minutes !== session.plannedDurationMin)
        add({ ...at, message: `duration ${session.plannedDurationMin} is not the drills' ${minutes} min` });
      if (session.targetRpe !== SESSION_RPE[session.intensity])
        add({ ...at, message: `target RPE ${session.targetRpe} does not match ${session.intensity}` });
      if (session.plannedLoad !== session.plannedDurationMin * session.targetRpe)
        add({ ...at, message: 'planned load is not duration x RPE' });
      for (const block of session.blocks) {
        for (const drill of block.drills) {
          if (!Number.isInteger(drill.minutes) || drill.minutes < 1)
            add({ ...at, drillId: drill.drillId, message: `${drill.minutes} min` });
          const intensity = library.get(drill.drillId)?.intensity ?? drill.intensity;
          if (!atMost(intensity, session.intensity)) {
            add({ ...at, drillId: drill.drillId, message: `${intensity} drill in a ${session.intensity} session` });
          }
        }
      }
      load += session.plannedLoad;
    }
    if (load !== week.plannedLoad)
      add({ ...where, message: `week load ${week.plannedLoad} is not the sessions' ${load}` });
  });
}
