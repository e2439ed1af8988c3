import { Level } from '../../common/domain/enums';
import { Drill, Intensity } from '../../drills/domain/drill-format';
import { addDays, weekdayOf } from './calendar';
import { describeShortage, DrillPool, FOCUS_CATEGORIES } from './drill-pool';
import {
  FocusArea,
  FOCUS_AREAS,
  PlannedProgram,
  PlannedWeek,
  ProgramAdjustment,
  SessionType,
  TrainingPlayer,
  Weekday,
  WEEKDAYS,
} from './program';
import {
  INJURED_INTENSITY_CAP,
  MAX_HIGH_DAYS_IN_A_ROW,
  MAX_LOADING_WEEKS_IN_A_ROW,
  MAX_WEEKLY_LOAD_RISE,
  NO_CONSECUTIVE_HIGH_UNDER_AGE,
  PROGRAM_MAX_AGE,
  PROGRAM_MIN_AGE,
  restDaysRequired,
  RETURN_LIMITED_WEEK,
  RETURN_NO_HIGH_WEEKS,
  sessionCapMin,
} from './safety-rules';
import { seededRandom } from './seeded-random';
import {
  balanceWeeklyLoads,
  finishWeek,
  FocusChoice,
  minimumSessionMinutes,
  SessionBuilder,
  SessionPlan,
} from './session-builder';

export interface ProgramRequest {
  weeks: number;
  sessionsPerWeek: number;
  availableDays: readonly Weekday[];
  startDate: string;
  focus?: readonly FocusArea[];
  seed: number;
}

/** An area of the player's latest assessment, weakest first. */
export interface AssessedArea {
  area: string;
  score: number;
}

export interface GeneratorInput {
  player: TrainingPlayer;
  request: ProgramRequest;
  /** The latest assessment's weakest areas (weakest first) and its date. */
  weaknesses: readonly AssessedArea[];
  assessmentDate: string;
  drills: readonly Drill[];
}

/** A refusal is an answer for the user (422); it is not a failed safety check. */
export type GenerationResult = { ok: true; program: PlannedProgram } | { ok: false; reason: string };

export const refuse = (reason: string): GenerationResult => ({ ok: false, reason });

/** Age-related refusals shared by every generator. */
export function ageRefusal(player: TrainingPlayer): string | null {
  const age = player.ageYears;
  if (age < PROGRAM_MIN_AGE || age > PROGRAM_MAX_AGE) {
    return `Programmes are planned for players aged ${PROGRAM_MIN_AGE} to ${PROGRAM_MAX_AGE}; this player is ${age} on the start date.`;
  }
  return null;
}

export function sessionsRefusal(player: TrainingPlayer, sessionsPerWeek: number): string | null {
  const rest = restDaysRequired(player.ageYears);
  if (sessionsPerWeek > 7 - rest) {
    return `A player aged ${player.ageYears} needs ${rest} full rest day${rest > 1 ? 's' : ''} a week: at most ${7 - rest} sessions a week.`;
  }
  return null;
}

/** Why the pool leaves this player without a programme, with what would change that (422), or null. */
export function poolRefusal(pool: DrillPool, player: TrainingPlayer, lowest: Intensity): string | null {
  const shortage = pool.shortage(lowest);
  if (!shortage) return null;
  const injured = player.injury.status === 'injured';
  const sparing = injured
    ? ` that loads none of the injured regions (${player.injury.bodyRegions.join(', ')}) and stays at ${INJURED_INTENSITY_CAP} intensity or below`
    : '';
  const remedy = injured
    ? 'An admin can add such a drill to the drill library; once the injury has changed, update it (PUT /players/:id/injury) and generate again.'
    : 'An admin can add such a drill to the drill library, then generate again.';
  return `Nothing safe remains for this player: the drill library has ${describeShortage(shortage, lowest)}${sparing} for a ${player.ageYears}-year-old ${player.sex} ${player.level} ${player.position}. ${remedy}`;
}

/** What the programme changes from the usual plan because of the player's injury, for the coach to read. */
export function programAdjustments(pool: DrillPool, player: TrainingPlayer): ProgramAdjustment[] {
  if (!pool.aclPreventionPaused) return [];
  const regions = [...player.injury.bodyRegions];
  return [
    {
      code: 'acl-prevention-paused',
      message:
        `Weekly ACL-prevention work is left out while the player is injured: every ACL-prevention drill in the library ` +
        `for this player loads an injured region (${regions.join(', ')}) or is above ${INJURED_INTENSITY_CAP} intensity, ` +
        `and protecting the injury comes first. It resumes in programmes generated once the injury is cleared.`,
      bodyRegions: regions,
    },
  ];
}

/** Ordinary session length by age band, before weekly progression; grassroots a little shorter. */
function baseSessionMinutes(age: number, level: Level): number {
  const base = age < 8 ? 45 : age < 12 ? 60 : age < 16 ? 75 : 90;
  return Math.round(base * (level === 'grassroots' ? 0.85 : 1));
}

const SESSION_TYPE_OF: Record<FocusArea, SessionType> = {
  speed: 'speed-agility',
  agility: 'speed-agility',
  power: 'strength-power',
  strength: 'strength-power',
  endurance: 'endurance',
  passing: 'technical',
  firstTouch: 'technical',
  dribbling: 'technical',
  shooting: 'technical',
  heading: 'technical',
  weakFoot: 'technical',
  tactical: 'tactical',
  psychological: 'tactical',
  goalkeeping: 'goalkeeping',
};

export function sessionTypeOf(area: FocusArea | null): SessionType {
  return area ? SESSION_TYPE_OF[area] : 'technical';
}

const AREA_LABEL: Record<FocusArea, string> = {
  speed: 'speed',
  agility: 'agility',
  power: 'power',
  endurance: 'endurance',
  strength: 'strength',
  passing: 'passing',
  firstTouch: 'first touch',
  dribbling: 'dribbling',
  shooting: 'shooting',
  heading: 'heading',
  weakFoot: 'weak foot',
  tactical: 'tactical understanding',
  psychological: 'decision-making under pressure',
  goalkeeping: 'goalkeeping',
};

export function choice(area: FocusArea, reason: string): FocusChoice {
  return { area, categories: FOCUS_CATEGORIES[area], reason };
}

/**
 * What the main parts work on, in rotation: the requested focus, else the assessment's weakest
 * areas; goalkeepers always get goalkeeping; with nothing to go on, the age group's core skills.
 */
export function focusChoices(
  input: Pick<GeneratorInput, 'player' | 'weaknesses' | 'assessmentDate'> & { focus?: readonly FocusArea[] },
): FocusChoice[] {
  const known = (area: string): area is FocusArea => (FOCUS_AREAS as readonly string[]).includes(area);
  let choices: FocusChoice[];
  if (input.focus && input.focus.length > 0) {
    choices = input.focus.map((area) => choice(area, `Requested focus: ${AREA_LABEL[area]}`));
  } else {
    choices = input.weaknesses
      .filter((w) => known(w.area))
      .slice(0, 3)
      .map((w) =>
        choice(
          w.area as FocusArea,
          `Targets ${AREA_LABEL[w.area as FocusArea]}, one of the weakest areas in the assessment of ${input.assessmentDate} (${w.score}/100)`,
        ),
      );
  }
  if (input.player.position === 'goalkeeper' && !choices.some((c) => c.area === 'goalkeeping')) {
    choices.push(choice('goalkeeping', 'Position-specific work for a goalkeeper'));
  }
  if (choices.length === 0) {
    const core: FocusArea[] =
      input.player.ageYears < 12 ? ['dribbling', 'passing', 'firstTouch'] : ['passing', 'tactical', 'endurance'];
    choices = core.map((area) => choice(area, `Core ${AREA_LABEL[area]} work for the age group`));
  }
  return choices;
}

/** The weekdays to train on: spread as evenly as the availability allows (largest smallest gap, then fewest bunched days). */
export function chooseTrainingDays(available: readonly Weekday[], count: number): Weekday[] {
  const days = WEEKDAYS.map((d, i) => ({ d, i })).filter(({ d }) => available.includes(d));
  let best: number[] = [];
  let bestScore = -Infinity;
  const pick = (start: number, chosen: number[]) => {
    if (chosen.length === count) {
      const gaps = chosen.map((day, k) => (k + 1 < chosen.length ? chosen[k + 1] - day : chosen[0] + 7 - day));
      const score = Math.min(...gaps) * 100 - gaps.reduce((s, g) => s + g * g, 0);
      if (score > bestScore) {
        bestScore = score;
        best = [...chosen];
      }
      return;
    }
    for (let k = start; k < days.length; k++) pick(k + 1, [...chosen, days[k].i]);
  };
  pick(0, []);
  return best.map((i) => WEEKDAYS[i]);
}

/** Deloads fall on every fourth week, so there are never more than three loading weeks in a row. */
export function isDeloadWeek(week: number): boolean {
  return (week + 1) % (MAX_LOADING_WEEKS_IN_A_ROW + 1) === 0;
}

/** The most intense session a week may hold and how many high-intensity sessions it gets. */
function weekIntensity(player: TrainingPlayer, week: number, sessions: number): { cap: Intensity; highs: number } {
  if (player.injury.status === 'injured') return { cap: INJURED_INTENSITY_CAP, highs: 0 };
  if (player.injury.status === 'returning' && week < RETURN_NO_HIGH_WEEKS) return { cap: 'moderate', highs: 0 };
  const planned = sessions <= 2 ? 1 : sessions <= 4 ? 2 : 3;
  let highs = isDeloadWeek(week) ? Math.min(1, planned) : planned;
  if (player.injury.status === 'returning' && week === RETURN_LIMITED_WEEK - 1) highs = Math.min(1, highs);
  if (player.ageYears < 12) highs = Math.min(2, highs);
  return { cap: 'high', highs };
}

/** Load multiplier per week: +5 % per loading week (a new block starts a step higher), deloads at 65 %. */
export function weekFactors(player: TrainingPlayer, weeks: number): number[] {
  const factors: number[] = [];
  let deloads = 0;
  let inBlock = 0;
  let loadingWeeks = 0;
  for (let w = 0; w < weeks; w++) {
    if (isDeloadWeek(w)) {
      factors.push(0.65 * factors[w - 1]);
      deloads += 1;
      inBlock = 0;
      continue;
    }
    let factor = Math.min(1.25, 1 + 0.05 * (deloads + inBlock));
    if (player.injury.status === 'returning') factor = Math.min(factor, 0.6 + 0.08 * loadingWeeks);
    if (player.injury.status === 'injured') factor = Math.min(factor, 0.8);
    factors.push(factor);
    inBlock += 1;
    loadingWeeks += 1;
  }
  return factors;
}

/**
 * A periodised programme for one player: weeks of 3:1 loading, sessions on spread-out available
 * days, high-intensity days placed within the recovery rules, main parts aimed at the focus areas.
 * Deterministic for the same input and seed. Returns a refusal when the rules leave no safe plan.
 */
export function generateProgram(input: GeneratorInput): GenerationResult {
  const { player, request } = input;
  const refusal =
    ageRefusal(player) ??
    sessionsRefusal(player, request.sessionsPerWeek) ??
    (request.sessionsPerWeek > request.availableDays.length
      ? `${request.sessionsPerWeek} sessions a week need at least that many available days.`
      : null);
  if (refusal) return refuse(refusal);
  const pool = DrillPool.for(input.drills, player);
  const shortage = poolRefusal(pool, player, 'moderate');
  if (shortage) return refuse(shortage);

  const age = player.ageYears;
  const random = seededRandom(request.seed);
  const days = chooseTrainingDays(request.availableDays, request.sessionsPerWeek);
  const startDay = WEEKDAYS.indexOf(weekdayOf(request.startDate));
  const offsets = days.map((d) => (WEEKDAYS.indexOf(d) - startDay + 7) % 7).sort((a, b) => a - b);
  const focus = focusChoices({ ...input, focus: request.focus });
  const factors = weekFactors(player, request.weeks);
  const base = baseSessionMinutes(age, player.level);
  const cap = sessionCapMin(age);

  const highDates = new Set<string>();
  const plans: SessionPlan[] = [];
  let sessionNumber = 0;
  for (let w = 0; w < request.weeks; w++) {
    const { cap: intensityCap, highs } = weekIntensity(player, w, offsets.length);
    let highsLeft = highs;
    offsets.forEach((offset, s) => {
      const date = addDays(request.startDate, w * 7 + offset);
      const high = intensityCap === 'high' && highsLeft > 0 && mayBeHigh(date, highDates, age);
      const intensity: Intensity = high ? 'high' : 'moderate';
      if (high) {
        highDates.add(date);
        highsLeft -= 1;
      }
      const primary = focus[sessionNumber % focus.length];
      const secondary =
        focus.length > 1
          ? focus[(sessionNumber + 1) % focus.length]
          : choice(age < 9 ? 'dribbling' : 'tactical', 'Game-based practice');
      const durationMin = Math.min(cap, Math.max(minimumSessionMinutes(age, intensity), Math.round(base * factors[w])));
      plans.push({
        id: `w${w + 1}-s${s + 1}`,
        week: w,
        date,
        type: sessionTypeOf(primary.area),
        intensity,
        durationMin,
        main: [primary, secondary],
        aclPrevention: pool.needsAclPrevention && s === 0,
        matchDay: undefined,
      });
      sessionNumber += 1;
    });
  }

  const built = buildWeeks(plans, pool, player, random, request.weeks, request.startDate);
  if (typeof built === 'string') return refuse(built);
  return {
    ok: true,
    program: {
      kind: 'standard',
      startDate: request.startDate,
      endDate: addDays(request.startDate, request.weeks * 7 - 1),
      sessionsPerWeek: request.sessionsPerWeek,
      availableDays: [...request.availableDays],
      focus: focus.map((f) => f.area).filter((a): a is FocusArea => a !== null),
      fixtures: [],
      adjustments: programAdjustments(pool, player),
      weeks: built,
    },
  };
}

/** Under-16s: no high day after a high day; everyone: never a third high day in a row. */
export function mayBeHigh(date: string, highDates: ReadonlySet<string>, age: number): boolean {
  const dayBefore = highDates.has(addDays(date, -1));
  if (age < NO_CONSECUTIVE_HIGH_UNDER_AGE && dayBefore) return false;
  let run = 0;
  while (run < MAX_HIGH_DAYS_IN_A_ROW && highDates.has(addDays(date, -(run + 1)))) run += 1;
  return run < MAX_HIGH_DAYS_IN_A_ROW;
}

/** Fills every planned session with drills and balances the weekly loads; a string is a refusal. */
export function buildWeeks(
  plans: readonly SessionPlan[],
  pool: DrillPool,
  player: TrainingPlayer,
  random: () => number,
  weeks: number,
  startDate: string,
): PlannedWeek[] | string {
  const builder = new SessionBuilder(pool, player, random);
  const out: PlannedWeek[] = Array.from({ length: weeks }, (_, w) => ({
    index: w + 1,
    startDate: addDays(startDate, w * 7),
    deload: isDeloadWeek(w),
    plannedLoad: 0,
    plannedMinutes: 0,
    sessions: [],
  }));
  for (const plan of plans) {
    const session = builder.build(plan);
    if (typeof session === 'string') {
      return `Nothing safe remains for session ${plan.id} (${plan.date}): ${session}. An admin can add such a drill to the drill library, then generate again.`;
    }
    out[plan.week].sessions.push(session);
  }
  const balanced = balanceWeeklyLoads(out.map(finishWeek), player.ageYears, MAX_WEEKLY_LOAD_RISE);
  return typeof balanced === 'string'
    ? `Nothing safe remains: ${balanced}. Fewer sessions a week, or shorter drills in the library, would fit it.`
    : balanced;
}
