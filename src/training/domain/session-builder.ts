import { Drill, Intensity } from '../../drills/domain/drill-format';
import { DrillPool } from './drill-pool';
import {
  FocusArea,
  PlannedBlock,
  PlannedDrill,
  PlannedSession,
  PlannedWeek,
  SessionType,
  TrainingPlayer,
} from './program';
import {
  atMost,
  footContactCap,
  MAX_LOADING_WEEKS_IN_A_ROW,
  INTENSITY_RANK,
  plannedFootContacts,
  SESSION_RPE,
  TAGS,
  weeklyMinutesCap,
} from './safety-rules';

/** A main-part aim: the area, the drill categories that train it, and why it was chosen. */
export interface FocusChoice {
  area: FocusArea | null;
  categories: readonly string[];
  reason: string;
}

/** A session before its drills are chosen. */
export interface SessionPlan {
  id: string;
  /** 0-based programme week. */
  week: number;
  date: string;
  type: SessionType;
  intensity: Intensity;
  durationMin: number;
  main: readonly FocusChoice[];
  /** Put the week's ACL-prevention drill into this session's warm-up block. */
  aclPrevention: boolean;
  matchDay?: string;
}

/** Drills are not cut below this (unless written shorter) nor stretched beyond 1.5 x their written length. */
const MIN_MAIN_DRILL_MIN = 5;
const MAX_STRETCH = 1.5;
/** Two main parts once there is room for both. */
const TWO_MAIN_BLOCKS_FROM_MIN = 40;
const MIN_MAIN_MIN = 10;

function warmUpMinutes(age: number, intensity: Intensity): number {
  if (age < 12) return intensity === 'low' ? 8 : 12;
  return INTENSITY_RANK[intensity] >= INTENSITY_RANK.high ? 20 : intensity === 'moderate' ? 15 : 10;
}

function coolDownMinutes(age: number, durationMin: number): number {
  return age < 12 || durationMin < 60 ? 5 : 8;
}

/** The shortest session that still has a warm-up, a real main part and a cool-down. */
export function minimumSessionMinutes(age: number, intensity: Intensity): number {
  return warmUpMinutes(age, intensity) + coolDownMinutes(age, 0) + MIN_MAIN_MIN;
}

interface SessionState {
  usedInSession: Set<string>;
  usedInWeek: Set<string>;
  contacts: number;
  contactCap: number;
}

/** Fills sessions with drills from one player's pool; one builder per programme (it remembers the week). */
export class SessionBuilder {
  private usedInWeek = new Set<string>();
  private currentWeek = -1;

  constructor(
    private readonly pool: DrillPool,
    private readonly player: TrainingPlayer,
    private readonly random: () => number,
  ) {}

  /** The session, or why its warm-up, cool-down or required ACL drill cannot be filled (the caller refuses). */
  build(plan: SessionPlan): PlannedSession | string {
    if (plan.week !== this.currentWeek) {
      this.currentWeek = plan.week;
      this.usedInWeek = new Set();
    }
    const age = this.player.ageYears;
    const state: SessionState = {
      usedInSession: new Set(),
      usedInWeek: this.usedInWeek,
      contacts: 0,
      contactCap: footContactCap(age, this.player.level),
    };
    const upTo = (list: readonly Drill[], name: string) =>
      this.pool.view(`${name}|${plan.intensity}`, () => list.filter((d) => atMost(d.intensity, plan.intensity)));

    const warmUp = this.warmUp(plan, state);
    if (warmUp.length === 0) return `no warm-up drill fits a ${plan.intensity} session`;
    if (plan.aclPrevention && !warmUp.some((d) => this.pool.aclIds.has(d.drillId))) {
      const acl = [...this.candidates(upTo(this.pool.aclPrevention, 'acl'), plan.intensity, state)];
      const picked = this.take(
        acl,
        Math.min(12, acl[0]?.durationMin ?? 0),
        state,
        () => 'Neuromuscular ACL-prevention work (female players 12 and over, every week)',
      );
      if (picked.length === 0) return `no ACL-prevention drill fits a ${plan.intensity} session`;
      warmUp.push(...picked);
    }
    const warmUpMin = sum(warmUp);

    const coolDown = this.take(
      this.candidates(upTo(this.pool.coolDowns, 'cool-down'), plan.intensity, state),
      coolDownMinutes(age, plan.durationMin),
      state,
      () => 'Cool-down: bring the heart rate down and recover',
    );
    if (coolDown.length === 0) return 'no cool-down drill';

    const mainMin = Math.max(MIN_MAIN_MIN, plan.durationMin - warmUpMin - sum(coolDown));
    const blocks: PlannedBlock[] = [{ kind: 'warm-up', drills: warmUp }];
    const aims = mainMin >= TWO_MAIN_BLOCKS_FROM_MIN ? plan.main.slice(0, 2) : plan.main.slice(0, 1);
    let left = mainMin;
    aims.forEach((aim, i) => {
      const minutes = i === aims.length - 1 ? left : Math.ceil(mainMin * 0.6);
      const drills = this.main(aim, minutes, plan.intensity, state);
      left -= sum(drills);
      if (drills.length > 0) blocks.push({ kind: 'main', drills });
    });
    blocks.push({ kind: 'cool-down', drills: coolDown });
    for (const id of state.usedInSession) this.usedInWeek.add(id);
    return finishSession({
      id: plan.id,
      date: plan.date,
      type: plan.type,
      intensity: plan.intensity,
      plannedDurationMin: 0,
      targetRpe: SESSION_RPE[plan.intensity],
      plannedLoad: 0,
      ...(plan.matchDay ? { matchDay: plan.matchDay } : {}),
      blocks,
    });
  }

  /**
   * The injury-prevention warm-up: FIFA 11+ in its order from 14 (part 2 at the level the programme
   * has reached), FIFA 11+ Kids from 7 to 13, otherwise warm-up drills, then injury-prevention drills.
   */
  private warmUp(plan: SessionPlan, state: SessionState): PlannedDrill[] {
    const age = this.player.ageYears;
    const target = warmUpMinutes(age, plan.intensity);
    const { intensity } = plan;
    const fits = (d: Drill) => atMost(d.intensity, intensity) && !this.pool.aclIds.has(d.id);
    if (age >= 14) {
      const level = Math.min(3, 1 + Math.floor(plan.week / 4));
      const fifa = this.pool.view(`fifa|${level}|${intensity}`, () =>
        this.pool.warmUps.filter(
          (d) =>
            fits(d) &&
            d.tags.includes(TAGS.fifa11) &&
            (!d.tags.includes('fifa-11-plus:part-2') || d.tags.includes(`fifa-11-plus:level-${level}`)),
        ),
      );
      if (fifa.length > 0) {
        return this.takeScaled(fifa, target, state, (d) => `FIFA 11+ injury-prevention warm-up (${fifaPart(d)})`);
      }
    }
    if (age >= 7 && age <= 13) {
      const kids = this.pool.view(`kids|${intensity}`, () =>
        this.pool.warmUps.filter((d) => fits(d) && d.tags.includes(TAGS.fifa11Kids)),
      );
      if (kids.length > 0) return this.takeScaled(kids, target, state, () => 'FIFA 11+ Kids injury-prevention warm-up');
    }
    // Anything that opens a session will do, ACL-prevention drills last (they have a slot of their own).
    const opener = (name: string, keep: (d: Drill) => boolean) =>
      this.candidates(
        this.pool.view(`opener|${name}|${intensity}`, () =>
          this.pool.warmUps.filter((d) => atMost(d.intensity, intensity) && keep(d)),
        ),
        intensity,
        state,
      );
    const general = chain(
      opener('warm-up', (d) => d.category === 'warm-up'),
      opener('prevention', (d) => d.category !== 'warm-up' && !this.pool.aclIds.has(d.id)),
      opener('acl', (d) => d.category !== 'warm-up' && this.pool.aclIds.has(d.id)),
    );
    return this.take(general, target, state, (d) =>
      d.category === 'warm-up' ? 'Warm-up' : 'Injury-prevention warm-up',
    );
  }

  private main(aim: FocusChoice, minutes: number, intensity: Intensity, state: SessionState): PlannedDrill[] {
    // An aim without categories (a recovery day) takes whatever main-part drill fits the intensity.
    const focused = this.pool.mainsFor(aim.categories, intensity, true);
    const picked = this.take(this.candidates(focused, intensity, state), minutes, state, () => aim.reason);
    const left = minutes - sum(picked);
    if (left < MIN_MAIN_DRILL_MIN || aim.categories.length === 0) return picked;
    const others = this.pool.mainsFor(aim.categories, intensity, false);
    const reason = aim.area
      ? `General development (no further safe ${aim.area} drill for this session)`
      : 'General development';
    return [...picked, ...this.take(this.candidates(others, intensity, state), left, state, () => reason)];
  }

  /**
   * Candidates in preference order, drawn lazily (a block needs a few of possibly thousands): drills
   * not yet used this week first, closest to the session's intensity first among them, and in seeded
   * random order within each group, so equal choices vary between sessions but not between runs.
   */
  private *candidates(drills: readonly Drill[], intensity: Intensity, state: SessionState): Generator<Drill> {
    const byRank = byIntensity(drills);
    const later: Drill[][] = [];
    for (let distance = 0; distance <= INTENSITY_RANK[intensity]; distance++) {
      const usedThisWeek: Drill[] = [];
      for (const d of lazyShuffle(byRank[INTENSITY_RANK[intensity] - distance], this.random)) {
        if (state.usedInSession.has(d.id)) continue;
        if (state.usedInWeek.has(d.id)) usedThisWeek.push(d);
        else yield d;
      }
      later.push(usedThisWeek);
    }
    for (const group of later) yield* group;
  }

  /** Takes drills in order until `target` minutes, within the session's foot-contact cap. */
  private take(ordered: Iterable<Drill>, target: number, state: SessionState, reason: (d: Drill) => string) {
    const out: { drill: Drill; minutes: number }[] = [];
    let remaining = target;
    for (const drill of ordered) {
      if (remaining <= 0) break;
      if (state.usedInSession.has(drill.id)) continue;
      const minutes = Math.min(drill.durationMin, remaining);
      if (minutes < Math.min(MIN_MAIN_DRILL_MIN, drill.durationMin)) continue;
      const contacts = plannedFootContacts(drill, minutes);
      if (state.contacts + contacts > state.contactCap) continue;
      out.push({ drill, minutes });
      state.usedInSession.add(drill.id);
      state.contacts += contacts;
      remaining -= minutes;
    }
    // Stretch drills without jumps to use the time that whole drills could not fill.
    for (const item of out) {
      if (remaining <= 0) break;
      if (plannedFootContacts(item.drill, 1) > 0) continue;
      const extra = Math.min(remaining, Math.floor(item.drill.durationMin * MAX_STRETCH) - item.minutes);
      if (extra > 0) {
        item.minutes += extra;
        remaining -= extra;
      }
    }
    return out.map(({ drill, minutes }) => planned(drill, minutes, reason(drill)));
  }

  /**
   * A structured programme (FIFA 11+) done in its order, each exercise shortened in proportion to
   * fit `target` (at least a minute each, and never more exercises than `target` minutes).
   */
  private takeScaled(sequence: readonly Drill[], target: number, state: SessionState, reason: (d: Drill) => string) {
    const total = sequence.reduce((s, d) => s + d.durationMin, 0);
    const scale = Math.min(1, target / total);
    const out: PlannedDrill[] = [];
    let used = 0;
    for (const drill of sequence) {
      const minutes = Math.max(1, Math.floor(drill.durationMin * scale));
      if (used + minutes > target) break;
      const contacts = plannedFootContacts(drill, minutes);
      if (state.contacts + contacts > state.contactCap) continue;
      state.usedInSession.add(drill.id);
      state.contacts += contacts;
      used += minutes;
      out.push(planned(drill, minutes, reason(drill)));
    }
    return out;
  }
}

function* chain<T>(...parts: Iterable<T>[]): Generator<T> {
  for (const part of parts) yield* part;
}

const splitByIntensity = new WeakMap<readonly Drill[], Drill[][]>();

/** A view's drills split by intensity rank, once per view (views are immutable). */
function byIntensity(drills: readonly Drill[]): Drill[][] {
  let split = splitByIntensity.get(drills);
  if (!split) {
    split = [[], [], [], []];
    for (const d of drills) split[INTENSITY_RANK[d.intensity]].push(d);
    splitByIntensity.set(drills, split);
  }
  return split;
}

/**
 * The items in a seeded random order, drawn one at a time: a Fisher-Yates shuffle that records only
 * the swaps it makes, so taking k of n costs about k, not n.
 */
function* lazyShuffle<T>(items: readonly T[], random: () => number): Generator<T> {
  const moved = new Map<number, number>();
  for (let i = 0; i < items.length; i++) {
    const j = i + Math.floor(random() * (items.length - i));
    const atJ = moved.get(j) ?? j;
    moved.set(j, moved.get(i) ?? i);
    yield items[atJ];
  }
}

function planned(drill: Drill, minutes: number, reason: string): PlannedDrill {
  return { drillId: drill.id, name: drill.name, category: drill.category, intensity: drill.intensity, minutes, reason };
}

function fifaPart(drill: Drill): string {
  const part = drill.tags.find((t) => t.startsWith('fifa-11-plus:part-'));
  return part ? `part ${part.slice(-1)}` : 'FIFA 11+';
}

function sum(drills: readonly PlannedDrill[]): number {
  return drills.reduce((s, d) => s + d.minutes, 0);
}

/** Duration and load follow from the drills: duration = sum of minutes, load = duration x RPE. */
export function finishSession(session: PlannedSession): PlannedSession {
  const plannedDurationMin = session.blocks.reduce((s, b) => s + sum(b.drills), 0);
  return { ...session, plannedDurationMin, plannedLoad: plannedDurationMin * session.targetRpe };
}

export function finishWeek(week: PlannedWeek): PlannedWeek {
  return {
    ...week,
    plannedLoad: week.sessions.reduce((s, x) => s + x.plannedLoad, 0),
    plannedMinutes: week.sessions.reduce((s, x) => s + x.plannedDurationMin, 0),
  };
}

/**
 * Keeps the weekly progression inside the rules by shortening sessions, never by adding: a loading
 * week stays within +10 % of the last loading week, a deload week below 80 % of the week before it,
 * and every week within the weekly-hours cap. A week that already comes out at most 80 % of the one
 * before (a fixture-congested week in an elite programme) is a deload in its own right, and a planned
 * deload straight after one is not needed; after three loading weeks the fourth is lighter whatever
 * was planned. Earlier weeks are final, so one pass in order is enough.
 * Returns why not when even the shortest sessions cannot meet a limit (a refusal).
 */
export function balanceWeeklyLoads(weeks: PlannedWeek[], age: number, maxRise: number): PlannedWeek[] | string {
  const out: PlannedWeek[] = [];
  let lastLoading: number | null = null;
  let loadingRun = 0;
  for (const planned of weeks) {
    const week = finishWeek(planned);
    const previous = out.length > 0 ? out[out.length - 1].plannedLoad : null;
    const lighter = previous !== null ? Math.floor(previous * DELOAD_SHARE) : Infinity;
    // A week with nothing planned (every available day taken by matches) is a rest week, never a reference.
    const deload =
      week.plannedLoad === 0 ||
      (week.deload && loadingRun > 0) ||
      loadingRun >= MAX_LOADING_WEEKS_IN_A_ROW ||
      (previous !== null && week.plannedLoad <= lighter);
    const maxLoad = deload ? lighter : lastLoading !== null ? Math.floor(lastLoading * (1 + maxRise)) : Infinity;
    const balanced = trimWeek({ ...week, deload }, maxLoad, weeklyMinutesCap(age));
    if (!balanced) {
      return `week ${week.index} cannot be kept within its load limit (${maxLoad}) with the drills available`;
    }
    out.push(balanced);
    if (deload) {
      loadingRun = 0;
    } else {
      lastLoading = balanced.plannedLoad;
      loadingRun += 1;
    }
  }
  return out;
}

/** A deload week carries at most this share of the week before it. */
const DELOAD_SHARE = 0.8;

/**
 * Shortens the week until it fits: main parts first (hardest sessions, last drill first, dropping
 * drills), then warm-ups and cool-downs down to a minute a drill (keeping every drill, so the
 * structure and any ACL-prevention work stay). Null when that is still not enough.
 */
function trimWeek(week: PlannedWeek, maxLoad: number, maxMinutes: number): PlannedWeek | null {
  const current = finishWeek(week);
  const fits = (w: PlannedWeek) => w.plannedLoad <= maxLoad && w.plannedMinutes <= maxMinutes;
  if (fits(current)) return current;
  const order = current.sessions
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.targetRpe - a.s.targetRpe || b.i - a.i)
    .map(({ i }) => i);
  const sessions = current.sessions.map((s) => ({
    ...s,
    blocks: s.blocks.map((b) => ({ ...b, drills: [...b.drills] })),
  }));
  const excess = (rpe: number) => {
    const load = sessions.reduce((s, x) => s + sumBlocks(x) * x.targetRpe, 0);
    const minutes = sessions.reduce((s, x) => s + sumBlocks(x), 0);
    return Math.max(Math.ceil((load - maxLoad) / rpe), minutes - maxMinutes);
  };
  for (const pass of ['main', 'edges'] as const) {
    for (const i of order) {
      const session = sessions[i];
      for (let b = session.blocks.length - 1; b >= 0; b--) {
        const block = session.blocks[b];
        if ((block.kind === 'main') !== (pass === 'main')) continue;
        const floor = pass === 'main' ? 0 : 1;
        for (let d = block.drills.length - 1; d >= 0; d--) {
          const need = excess(session.targetRpe);
          if (need <= 0) break;
          const drill = block.drills[d];
          const cut = Math.min(drill.minutes - floor, need);
          if (cut <= 0) continue;
          if (cut === drill.minutes) block.drills.splice(d, 1);
          else block.drills[d] = { ...drill, minutes: drill.minutes - cut };
        }
      }
      session.blocks = session.blocks.filter((b) => b.kind !== 'main' || b.drills.length > 0);
    }
  }
  const trimmed = finishWeek({ ...current, sessions: sessions.map(finishSession) });
  return fits(trimmed) ? trimmed : null;
}

function sumBlocks(session: PlannedSession): number {
  return session.blocks.reduce((s, b) => s + sum(b.drills), 0);
}
