import { Position } from '../../common/domain/enums';
import { Intensity } from '../../drills/domain/drill-format';
import { addDays, daysBetween, weekdayOf } from '../../training/domain/calendar';
import { DrillPool, FOCUS_CATEGORIES } from '../../training/domain/drill-pool';
import {
  buildWeeks,
  choice,
  focusChoices,
  GenerationResult,
  GeneratorInput,
  isDeloadWeek,
  mayBeHigh,
  poolRefusal,
  programAdjustments,
  refuse,
  sessionsRefusal,
  sessionTypeOf,
  weekFactors,
} from '../../training/domain/generate-program';
import { Fixture, FocusArea, SessionType, TrainingPlayer } from '../../training/domain/program';
import {
  INJURED_INTENSITY_CAP,
  RETURN_LIMITED_WEEK,
  RETURN_NO_HIGH_WEEKS,
  sessionCapMin,
} from '../../training/domain/safety-rules';
import { seededRandom } from '../../training/domain/seeded-random';
import { FocusChoice, SessionPlan } from '../../training/domain/session-builder';

/**
 * Elite programmes: microcycles built around the fixture list with the match-day-minus/plus
 * structure used in professional football (e.g. Walker & Hawkins 2018; Anderson et al. 2016):
 * MD+1 recovery, MD+2 off, MD-4 strength and high load, MD-3 endurance, MD-2 speed, MD-1
 * activation. No high-intensity training on MD-1 or MD+1, and a taper before key matches.
 * Built from the same drill pool and checked by the same safety rules as every programme.
 *
 * Walker GJ, Hawkins R. Structuring a program in elite professional soccer. Strength Cond J 2018;40(3):72-82.
 * Anderson L, et al. Quantification of training load during one-, two- and three-game week schedules in
 * professional soccer players from the English Premier League. J Sports Sci 2016;34(13):1250-1259.
 * Mujika I, Padilla S. Scientific bases for precompetition tapering strategies. Med Sci Sports Exerc
 * 2003;35(7):1182-1187 (cut volume by 40-60 %, keep intensity).
 */

export const ELITE_MIN_AGE = 16;

/** Key matches get a taper: sessions in the week before them keep their intensity at this share of their volume. */
export const TAPER_VOLUME = 0.6;
export const TAPER_DAYS = 7;

export interface EliteRequestInput {
  fixtures: readonly Fixture[];
}

/** Why this player cannot have an elite programme, or null. */
export function eliteRefusal(player: TrainingPlayer): string | null {
  if (player.level !== 'elite' || player.ageYears < ELITE_MIN_AGE) {
    return `Elite programmes are for elite-level players aged ${ELITE_MIN_AGE} and over; this player is a ${player.ageYears}-year-old at ${player.level} level.`;
  }
  return null;
}

interface DayRole {
  matchDay: string;
  type: SessionType;
  intensity: Intensity;
  /** Share of an ordinary session's minutes. */
  volume: number;
  /** Lower is kept first when there are more candidate days than sessions a week. */
  priority: number;
  /** What the main parts work on; empty means the player's own focus areas. */
  areas: readonly FocusArea[];
}

const ROLES: Record<string, DayRole> = {
  'MD-4': {
    matchDay: 'MD-4',
    type: 'strength-power',
    intensity: 'high',
    volume: 1,
    priority: 1,
    areas: ['strength', 'power'],
  },
  'MD-3': { matchDay: 'MD-3', type: 'endurance', intensity: 'high', volume: 1, priority: 2, areas: ['endurance'] },
  'MD-1': { matchDay: 'MD-1', type: 'activation', intensity: 'low', volume: 0.6, priority: 3, areas: ['tactical'] },
  'MD+1': { matchDay: 'MD+1', type: 'recovery', intensity: 'low', volume: 0.6, priority: 4, areas: [] },
  'MD-2': {
    matchDay: 'MD-2',
    type: 'speed-agility',
    intensity: 'moderate',
    volume: 0.75,
    priority: 5,
    areas: ['speed', 'agility'],
  },
};
const DEVELOPMENT_PRIORITY = 6;
const MD_PLUS_2: DayRole = {
  matchDay: 'MD+2',
  type: 'recovery',
  intensity: 'low',
  volume: 0.5,
  priority: 7,
  areas: [],
};

/** Position-specific conditioning (what each position's match demands most). */
export const POSITION_CONDITIONING: Record<Position, FocusArea> = {
  goalkeeper: 'goalkeeping',
  defender: 'strength',
  midfielder: 'endurance',
  forward: 'speed',
};

/** The day's place in the match cycle: MD+1 and MD+2 after a match win over the build-up to the next. */
export function dayRole(date: string, fixtureDates: readonly string[]): DayRole | 'match' | 'off' | null {
  if (fixtureDates.includes(date)) return 'match';
  const since = fixtureDates.filter((f) => f < date).map((f) => daysBetween(f, date));
  const until = fixtureDates.filter((f) => f > date).map((f) => daysBetween(date, f));
  const sincePrevious = since.length ? Math.min(...since) : Infinity;
  const untilNext = until.length ? Math.min(...until) : Infinity;
  if (sincePrevious === 1) return ROLES['MD+1'];
  if (untilNext === 1) return ROLES['MD-1'];
  if (sincePrevious === 2) return 'off';
  if (untilNext <= 4) return ROLES[`MD-${untilNext}`];
  return null;
}

/** Fixture problems the DTO cannot see: inside the programme, one per day (400). */
export function fixtureProblems(
  startDate: string,
  weeks: number,
  fixtures: readonly Fixture[],
): { path: string; message: string }[] {
  const end = addDays(startDate, weeks * 7 - 1);
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  fixtures.forEach((f, i) => {
    if (f.date < startDate || f.date > end) {
      problems.push({ path: `fixtures.${i}.date`, message: `must fall within the programme (${startDate} to ${end})` });
    }
    if (seen.has(f.date)) problems.push({ path: `fixtures.${i}.date`, message: 'only one match a day' });
    seen.add(f.date);
  });
  // Matches are high-intensity days, and nobody plays three days in a row.
  fixtures.forEach((f, i) => {
    if (seen.has(addDays(f.date, -1)) && seen.has(addDays(f.date, -2))) {
      problems.push({ path: `fixtures.${i}.date`, message: 'a third match on consecutive days leaves no recovery' });
    }
  });
  return problems;
}

/**
 * An elite programme: each programme week's sessions placed by the match cycle, at most
 * `sessionsPerWeek` on available days (the most important roles kept), with elite session lengths,
 * a taper before key matches, and the standard rules for injured and returning players.
 */
export function generateEliteProgram(input: GeneratorInput, elite: EliteRequestInput): GenerationResult {
  const { player, request } = input;
  const refusal = eliteRefusal(player) ?? sessionsRefusal(player, request.sessionsPerWeek);
  if (refusal) return refuse(refusal);
  const badFixture = fixtureProblems(request.startDate, request.weeks, elite.fixtures)[0];
  if (badFixture) return refuse(`${badFixture.path} ${badFixture.message}.`);
  const pool = DrillPool.for(input.drills, player);
  const shortage = poolRefusal(pool, player, 'moderate');
  if (shortage) return refuse(shortage);

  const random = seededRandom(request.seed);
  const fixtures = [...elite.fixtures].sort((a, b) => a.date.localeCompare(b.date));
  const fixtureDates = fixtures.map((f) => f.date);
  const keyDates = fixtures.filter((f) => f.importance === 'key').map((f) => f.date);
  const own = focusChoices({ ...input, focus: request.focus });
  const position = choice(
    POSITION_CONDITIONING[player.position],
    `Position-specific conditioning for a ${player.position}`,
  );
  const factors = weekFactors(player, request.weeks);
  const cap = sessionCapMin(player.ageYears);
  const highDates = new Set<string>(fixtureDates);
  const plans: SessionPlan[] = [];
  let development = 0;

  for (let w = 0; w < request.weeks; w++) {
    const weekStart = addDays(request.startDate, w * 7);
    const days = Array.from({ length: 7 }, (_, d) => addDays(weekStart, d));
    const matches = days.filter((d) => fixtureDates.includes(d)).length;
    // At least one full rest day: sessions and matches together leave one day free.
    const room = Math.min(request.sessionsPerWeek, 6 - matches);
    const open = days
      .filter((d) => request.availableDays.includes(weekdayOf(d)))
      .map((date) => ({ date, role: dayRole(date, fixtureDates) }));
    const trainable = open.filter(
      (c): c is { date: string; role: DayRole | null } => c.role !== 'match' && c.role !== 'off',
    );
    // MD+2 is a day off, unless it is the only day the player can train that week.
    const candidates =
      trainable.length > 0 ? trainable : open.filter((c) => c.role === 'off').map((c) => ({ ...c, role: MD_PLUS_2 }));
    const kept = [...candidates]
      .sort(
        (a, b) =>
          (a.role?.priority ?? DEVELOPMENT_PRIORITY) - (b.role?.priority ?? DEVELOPMENT_PRIORITY) ||
          a.date.localeCompare(b.date),
      )
      .slice(0, Math.max(0, room))
      .sort((a, b) => a.date.localeCompare(b.date));

    const cap3 = intensityCap(player, w);
    let highsLeft = highQuota(player, w, kept.length);
    const aclSlot = pool.needsAclPrevention ? firstAclSlot(kept.map((k) => k.role)) : -1;
    kept.forEach(({ date, role }, s) => {
      let intensity: Intensity = role ? role.intensity : highsLeft > 0 ? 'high' : 'moderate';
      if (
        intensity === 'high' &&
        (highsLeft <= 0 ||
          cap3 !== 'high' ||
          !mayBeHigh(date, highDates, player.ageYears) ||
          nextToMatch(date, fixtureDates))
      ) {
        intensity = cap3 === 'low' ? 'low' : 'moderate';
      }
      if (intensity === 'moderate' && cap3 === 'low') intensity = 'low';
      // ACL-prevention drills are moderate work: a week of only recovery and activation days lifts one to moderate.
      if (s === aclSlot && intensity === 'low') intensity = 'moderate';
      if (intensity === 'high') {
        highsLeft -= 1;
        highDates.add(date);
      }
      const taper = keyDates.some((k) => k > date && daysBetween(date, k) <= TAPER_DAYS) ? TAPER_VOLUME : 1;
      const volume = (role?.volume ?? 1) * taper;
      const main = mainAims(role, own, position, development);
      if (!role) development += 1;
      plans.push({
        id: `w${w + 1}-s${s + 1}`,
        week: w,
        date,
        type: role ? role.type : sessionTypeOf(main[0].area),
        intensity,
        durationMin: Math.min(cap, Math.max(35, Math.round(90 * factors[w] * volume))),
        main,
        aclPrevention: s === aclSlot,
        matchDay: role?.matchDay,
      });
    });
  }

  if (pool.needsAclPrevention) {
    const empty = Array.from({ length: request.weeks }, (_, w) => w).find((w) => !plans.some((p) => p.week === w));
    if (empty !== undefined) {
      return refuse(
        `Week ${empty + 1} has no day to train around its matches, but female players 12 and over need ACL-prevention work every week: make another day available.`,
      );
    }
  }
  const built = buildWeeks(plans, pool, player, random, request.weeks, request.startDate);
  if (typeof built === 'string') return refuse(built);
  return {
    ok: true,
    program: {
      kind: 'elite',
      startDate: request.startDate,
      endDate: addDays(request.startDate, request.weeks * 7 - 1),
      sessionsPerWeek: request.sessionsPerWeek,
      availableDays: [...request.availableDays],
      focus: own.map((f) => f.area).filter((a): a is FocusArea => a !== null),
      fixtures,
      adjustments: programAdjustments(pool, player),
      weeks: built,
    },
  };
}

function nextToMatch(date: string, fixtureDates: readonly string[]): boolean {
  return fixtureDates.includes(addDays(date, 1)) || fixtureDates.includes(addDays(date, -1));
}

function intensityCap(player: TrainingPlayer, week: number): Intensity {
  if (player.injury.status === 'injured') return INJURED_INTENSITY_CAP;
  if (player.injury.status === 'returning' && week < RETURN_NO_HIGH_WEEKS) return 'moderate';
  return 'high';
}

/** High-intensity sessions a week: up to two (three with five or more sessions), one in a deload or third week back. */
function highQuota(player: TrainingPlayer, week: number, sessions: number): number {
  if (intensityCap(player, week) !== 'high') return 0;
  let quota = sessions >= 5 ? 3 : 2;
  if (isDeloadWeek(week)) quota = 1;
  if (player.injury.status === 'returning' && week === RETURN_LIMITED_WEEK - 1) quota = 1;
  return quota;
}

/** The week's ACL-prevention slot: the first session that is not a low-intensity recovery or activation day. */
function firstAclSlot(roles: readonly (DayRole | null)[]): number {
  const slot = roles.findIndex((r) => !r || r.intensity !== 'low');
  return slot === -1 ? 0 : slot;
}

function mainAims(
  role: DayRole | null,
  own: readonly FocusChoice[],
  position: FocusChoice,
  development: number,
): FocusChoice[] {
  if (!role) return [own[development % own.length], position];
  if (role.areas.length === 0) {
    return [{ area: null, categories: [], reason: `${role.matchDay} recovery: light technical work only` }];
  }
  const aims = role.areas.map((area) =>
    choice(area, `${role.matchDay}: ${role.type.replace('-', ' and ')} day of the match cycle`),
  );
  return [{ ...aims[0], categories: role.areas.flatMap((a) => FOCUS_CATEGORIES[a]) }, position];
}
