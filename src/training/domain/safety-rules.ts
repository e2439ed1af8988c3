import { BodyRegion, Level } from '../../common/domain/enums';
import { Drill, Intensity } from '../../drills/domain/drill-format';
import { TrainingPlayer } from './program';

/**
 * The numbers behind the safety invariants, in one place. The generator plans within them and
 * `checkProgramSafety` verifies every stored programme against them, independently.
 */

export const SAFETY_REFERENCES = {
  drillContract: 'Drill library contract: minAge <= age <= maxAge, sex and levels (this service).',
  jayanthi2013:
    'Jayanthi N, Pinkham C, Dugas L, et al. Sports specialization in young athletes: evidence-based ' +
    'recommendations. Sports Health 2013;5(3):251-257 (weekly hours of organised sport <= age in years).',
  brenner2007:
    'Brenner JS; AAP Council on Sports Medicine and Fitness. Overuse injuries, overtraining, and burnout in ' +
    'child and adolescent athletes. Pediatrics 2007;119(6):1242-1245 (1-2 rest days a week).',
  bergeron2015:
    'Bergeron MF, Mountjoy M, Armstrong N, et al. International Olympic Committee consensus statement on youth ' +
    'athletic development. Br J Sports Med 2015;49(13):843-851 (recovery between intense sessions).',
  gabbett2016:
    'Gabbett TJ. The training-injury prevention paradox: should athletes be training smarter and harder? ' +
    'Br J Sports Med 2016;50(5):273-280 (limit week-to-week load increases to about 10 %).',
  bompaHaff2009:
    'Bompa TO, Haff GG. Periodization: Theory and Methodology of Training, 5th ed. Human Kinetics 2009 ' +
    '(3:1 loading, an unloading week after two to three loading weeks).',
  ardern2016:
    'Ardern CL, Glasgow P, Schneiders A, et al. 2016 Consensus statement on return to sport from the First World ' +
    'Congress in Sports Physical Therapy, Bern. Br J Sports Med 2016;50(14):853-864 (graded return).',
  lloyd2014:
    'Lloyd RS, Faigenbaum AD, Stone MH, et al. Position statement on youth resistance training: the 2014 ' +
    'International Consensus. Br J Sports Med 2014;48(7):498-505.',
  chu1998:
    'Chu DA. Jumping into Plyometrics, 2nd ed. Human Kinetics 1998 (foot contacts per session: beginner 80-100, ' +
    'intermediate 100-120, advanced 120-140).',
  soligard2008:
    'Soligard T, Myklebust G, Steffen K, et al. Comprehensive warm-up programme to prevent injuries in young ' +
    'female footballers: cluster randomised controlled trial. BMJ 2008;337:a2469 (FIFA 11+).',
  webster2018:
    'Webster KE, Hewett TE. Meta-analysis of meta-analyses of anterior cruciate ligament injury reduction ' +
    'training programs. J Orthop Res 2018;36(10):2696-2708 (neuromuscular training at least weekly).',
  drillProvider: 'Every drill comes from DrillProvider: the active database set, or the static library.',
} as const;

/** Ages the generator serves; outside it a programme is refused (422). */
export const PROGRAM_MIN_AGE = 6;
export const PROGRAM_MAX_AGE = 60;

export const INTENSITY_RANK: Record<Intensity, number> = { low: 0, moderate: 1, high: 2, max: 3 };

export function isHighIntensity(intensity: Intensity): boolean {
  return INTENSITY_RANK[intensity] >= INTENSITY_RANK.high;
}

export function atMost(intensity: Intensity, cap: Intensity): boolean {
  return INTENSITY_RANK[intensity] <= INTENSITY_RANK[cap];
}

/** Planned session RPE (CR-10) for a session of each intensity; the whole session, warm-up included. */
export const SESSION_RPE: Record<Intensity, number> = { low: 3, moderate: 5, high: 7, max: 8 };

/** Longest session by age band: U8 60 min, U12 75, U16 90, older 120. */
export function sessionCapMin(age: number): number {
  if (age < 8) return 60;
  if (age < 12) return 75;
  if (age < 16) return 90;
  return 120;
}

/** Jayanthi et al. 2013: organised training hours a week no more than the age in years. */
export function weeklyMinutesCap(age: number): number {
  return age * 60;
}

/** Full days without training or matches in every programme week: two under 12, one from 12. */
export function restDaysRequired(age: number): number {
  return age < 12 ? 2 : 1;
}

/** Under-16s never have high-intensity sessions on consecutive days; nobody has three in a row. */
export const NO_CONSECUTIVE_HIGH_UNDER_AGE = 16;
export const MAX_HIGH_DAYS_IN_A_ROW = 2;

/** A loading week's planned load may exceed the previous loading week's by at most 10 %. */
export const MAX_WEEKLY_LOAD_RISE = 0.1;
/** At most three loading weeks in a row: every third or fourth week is a deload. */
export const MAX_LOADING_WEEKS_IN_A_ROW = 3;

/** The most intense an injured player's work may be. */
export const INJURED_INTENSITY_CAP: Intensity = 'moderate';

/** A returning player: no high or max intensity in the first two weeks, at most one high (no max) session in the third. */
export const RETURN_NO_HIGH_WEEKS = 2;
export const RETURN_LIMITED_WEEK = 3;

/** Youth resistance training (Lloyd et al. 2014): heavy external load from 14, maximal strength from 16. */
export const EXTERNAL_LOAD_MIN_AGE = 14;
export const MAX_STRENGTH_MIN_AGE = 16;

/**
 * Plyometric foot contacts per session. Chu 1998's ranges at their lower ends for beginners
 * (grassroots), intermediates (academy) and advanced athletes (elite); under-12s and 12-13s lower still.
 */
export function footContactCap(age: number, level: Level): number {
  if (age < 12) return 50;
  if (age < 14) return 80;
  const byLevel: Record<Level, number> = { grassroots: 80, academy: 100, elite: 120 };
  return age < 16 ? Math.min(100, byLevel[level]) : byLevel[level];
}

/** Female players from this age get neuromuscular ACL-prevention work every week. */
export const ACL_PREVENTION_MIN_AGE = 12;

export function needsAclPrevention(player: Pick<TrainingPlayer, 'sex' | 'ageYears'>): boolean {
  return player.sex === 'female' && player.ageYears >= ACL_PREVENTION_MIN_AGE;
}

export const TAGS = {
  externalLoad: 'external-load',
  maxStrength: 'max-strength',
  aclPrevention: 'acl-prevention',
  plyometric: 'plyometric',
  fifa11: 'fifa-11-plus',
  fifa11Kids: 'fifa-11-kids',
} as const;

const FOOT_CONTACTS = /^foot-contacts:(\d+)$/;

const contactsOf = new WeakMap<object, number | null>();

/** The drill's plyometric foot contacts as written (`foot-contacts:N`), or null when untagged. */
export function drillFootContacts(drill: Pick<Drill, 'tags'>): number | null {
  const known = contactsOf.get(drill);
  if (known !== undefined) return known;
  let contacts: number | null = null;
  for (const tag of drill.tags) {
    const m = FOOT_CONTACTS.exec(tag);
    if (m) {
      contacts = Number(m[1]);
      break;
    }
  }
  contactsOf.set(drill, contacts);
  return contacts;
}

/** Jumping drills must say how many foot contacts they hold, or the per-session cap cannot be kept. */
export function isPlyometric(drill: Pick<Drill, 'category' | 'tags'>): boolean {
  return drill.category === 'plyometrics' || drill.tags.includes(TAGS.plyometric);
}

/** Contacts for `minutes` of a drill, in proportion to its written duration, rounded up. */
export function plannedFootContacts(drill: Pick<Drill, 'tags' | 'durationMin'>, minutes: number): number {
  const contacts = drillFootContacts(drill) ?? 0;
  return Math.ceil((contacts * minutes) / drill.durationMin);
}

/** Categories that may open a session (the injury-prevention warm-up block) and close it. */
export const WARM_UP_CATEGORIES: readonly string[] = ['warm-up', 'injury-prevention'];
export const COOL_DOWN_CATEGORIES: readonly string[] = ['cool-down'];

/** A drill that can be the week's ACL-prevention work: tagged so, and one that may open a session. */
export function isAclPreventionDrill(drill: Pick<Drill, 'category' | 'tags'>): boolean {
  return WARM_UP_CATEGORIES.includes(drill.category) && drill.tags.includes(TAGS.aclPrevention);
}

/**
 * Whether a drill suits this player's profile, whatever their injury: age, sex and level, position,
 * youth strength rules (Lloyd et al. 2014) and counted plyometrics.
 */
export function fitsPlayer(drill: Drill, player: TrainingPlayer): boolean {
  const age = player.ageYears;
  if (age < drill.minAge || age > drill.maxAge) return false;
  if (drill.sex !== 'any' && drill.sex !== player.sex) return false;
  if (!drill.levels.includes(player.level)) return false;
  if (drill.positions.length > 0 && !drill.positions.includes(player.position)) return false;
  if (age < EXTERNAL_LOAD_MIN_AGE && drill.tags.includes(TAGS.externalLoad)) return false;
  if (age < MAX_STRENGTH_MIN_AGE && drill.tags.includes(TAGS.maxStrength)) return false;
  if (isPlyometric(drill) && drillFootContacts(drill) === null) return false;
  return true;
}

/** An injured player's protection (Ardern et al. 2016): nothing above the intensity cap, nothing loading an injured region. */
export function sparesInjury(drill: Pick<Drill, 'intensity' | 'bodyRegions'>, injured: readonly BodyRegion[]): boolean {
  return atMost(drill.intensity, INJURED_INTENSITY_CAP) && !drill.bodyRegions.some((r) => injured.includes(r));
}

/** Whether a drill is safe for this player at all, whatever the session. */
export function isDrillSafeForPlayer(drill: Drill, player: TrainingPlayer): boolean {
  if (!fitsPlayer(drill, player)) return false;
  return player.injury.status !== 'injured' || sparesInjury(drill, player.injury.bodyRegions);
}

/**
 * Injury protection takes precedence over ACL prevention. While a player who needs weekly
 * ACL-prevention work is injured and no ACL-prevention drill of the library is safe for them (each
 * loads an injured region or is above the injured intensity cap), that work is paused and the
 * programme says so; it resumes once the injury is cleared. `drills`: the library, or any part of
 * it that holds every drill safe for the player.
 */
export function aclPreventionPaused(player: TrainingPlayer, drills: Iterable<Drill>): boolean {
  if (!needsAclPrevention(player) || player.injury.status !== 'injured') return false;
  for (const drill of drills) if (isAclPreventionDrill(drill) && isDrillSafeForPlayer(drill, player)) return false;
  return true;
}

/** Whether the player gets ACL-prevention work every week of this programme. */
export function aclPreventionRequired(player: TrainingPlayer, drills: Iterable<Drill>): boolean {
  return needsAclPrevention(player) && !aclPreventionPaused(player, drills);
}
