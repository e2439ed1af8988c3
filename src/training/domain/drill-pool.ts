import { Drill, Intensity } from '../../drills/domain/drill-format';
import { FocusArea, TrainingPlayer } from './program';
import {
  ACL_PREVENTION_MIN_AGE,
  aclPreventionPaused,
  atMost,
  COOL_DOWN_CATEGORIES,
  isAclPreventionDrill,
  isDrillSafeForPlayer,
  needsAclPrevention,
  WARM_UP_CATEGORIES,
} from './safety-rules';

/** Drill categories that train each focus area. */
export const FOCUS_CATEGORIES: Record<FocusArea, readonly string[]> = {
  speed: ['speed'],
  agility: ['agility'],
  power: ['plyometrics', 'strength'],
  endurance: ['endurance'],
  strength: ['strength'],
  passing: ['passing'],
  firstTouch: ['first-touch'],
  dribbling: ['dribbling'],
  shooting: ['shooting'],
  heading: ['heading'],
  weakFoot: ['passing', 'first-touch', 'shooting'],
  tactical: ['tactical'],
  psychological: ['tactical'],
  goalkeeping: ['goalkeeping'],
};

/** The part a drill plays in a session, by its category. */
export type DrillRole = 'warm-up' | 'cool-down' | 'main';

export function roleOf(drill: Pick<Drill, 'category'>): DrillRole {
  if (WARM_UP_CATEGORIES.includes(drill.category)) return 'warm-up';
  if (COOL_DOWN_CATEGORIES.includes(drill.category)) return 'cool-down';
  return 'main';
}

/** What a pool may lack for a programme: a role of the session, or the weekly ACL-prevention work. */
export const SHORTAGES = ['warm-up', 'cool-down', 'main', 'acl-prevention'] as const;
export type ShortageKind = (typeof SHORTAGES)[number];

/**
 * The first thing a programme needs that the pool cannot give, in the order sessions need them:
 * `usable(kind)` says whether the pool holds a drill for it at `lowest` intensity or below.
 */
export function firstShortage(usable: (kind: ShortageKind) => boolean, needsAcl: boolean): ShortageKind | null {
  for (const kind of SHORTAGES) {
    if (kind === 'acl-prevention' && !needsAcl) continue;
    if (!usable(kind)) return kind;
  }
  return null;
}

export function describeShortage(kind: ShortageKind, lowest: Intensity): string {
  switch (kind) {
    case 'warm-up':
      return `no warm-up or injury-prevention drill at ${lowest} intensity or below`;
    case 'cool-down':
      return 'no cool-down drill';
    case 'main':
      return `no main-part drill at ${lowest} intensity or below`;
    case 'acl-prevention':
      return `no ACL-prevention drill at ${lowest} intensity or below (female players ${ACL_PREVENTION_MIN_AGE}+ need one every week)`;
  }
}

/** What decides which drills are safe for a player: players alike in these share a pool. */
function eligibilityKey(player: TrainingPlayer): string {
  const regions = player.injury.status === 'injured' ? [...player.injury.bodyRegions].sort().join(',') : '';
  return `${player.ageYears}|${player.sex}|${player.level}|${player.position}|${player.injury.status}|${regions}`;
}

/** Pools built per drill set (an immutable array) and eligibility; a set gone from use takes its pools with it. */
const pools = new WeakMap<readonly Drill[], Map<string, DrillPool>>();
const MAX_POOLS_PER_SET = 256;

/** The part of a drill library one player may use, split by the role a drill plays in a session. */
export class DrillPool {
  readonly warmUps: readonly Drill[];
  readonly coolDowns: readonly Drill[];
  readonly mains: readonly Drill[];
  readonly aclPrevention: readonly Drill[];
  readonly aclIds: ReadonlySet<string>;
  /** True when this player must get ACL-prevention work every week. */
  readonly needsAclPrevention: boolean;
  /** True when the player's injury pauses the weekly ACL-prevention work (no ACL-prevention drill spares it). */
  readonly aclPreventionPaused: boolean;
  private readonly mainsByCategory = new Map<string, Drill[]>();
  /** Views computed once per pool: sessions ask the same questions many times (large libraries). */
  private readonly views = new Map<string, readonly Drill[]>();

  /**
   * The pool for this drill set and player, shared with earlier players alike in everything that
   * decides safety (a pool and its views never change once built).
   */
  static for(drills: readonly Drill[], player: TrainingPlayer): DrillPool {
    let bySet = pools.get(drills);
    if (!bySet) pools.set(drills, (bySet = new Map()));
    const key = eligibilityKey(player);
    let pool = bySet.get(key);
    if (!pool) {
      pool = new DrillPool(drills, player);
      bySet.set(key, pool);
      if (bySet.size > MAX_POOLS_PER_SET) bySet.delete(bySet.keys().next().value!);
    }
    return pool;
  }

  constructor(drills: readonly Drill[], player: TrainingPlayer) {
    const warmUps: Drill[] = [];
    const coolDowns: Drill[] = [];
    const mains: Drill[] = [];
    for (const drill of drills) {
      if (!isDrillSafeForPlayer(drill, player)) continue;
      const role = roleOf(drill);
      if (role === 'warm-up') warmUps.push(drill);
      else if (role === 'cool-down') coolDowns.push(drill);
      else {
        mains.push(drill);
        const same = this.mainsByCategory.get(drill.category);
        if (same) same.push(drill);
        else this.mainsByCategory.set(drill.category, [drill]);
      }
    }
    this.warmUps = warmUps;
    this.coolDowns = coolDowns;
    this.mains = mains;
    this.aclPrevention = warmUps.filter(isAclPreventionDrill);
    this.aclIds = new Set(this.aclPrevention.map((d) => d.id));
    this.aclPreventionPaused = aclPreventionPaused(player, this.aclPrevention);
    this.needsAclPrevention = needsAclPrevention(player) && !this.aclPreventionPaused;
  }

  /** `compute` once per `key`, in library order. */
  view(key: string, compute: () => readonly Drill[]): readonly Drill[] {
    let found = this.views.get(key);
    if (!found) {
      found = compute();
      this.views.set(key, found);
    }
    return found;
  }

  /** Main-part drills at or below `intensity`, inside (or outside) the given categories; no categories: all. */
  mainsFor(categories: readonly string[], intensity: Intensity, inside: boolean): readonly Drill[] {
    return this.view(`main|${inside}|${intensity}|${categories.join(',')}`, () => {
      const fits = (d: Drill) => atMost(d.intensity, intensity);
      if (categories.length === 0) return inside ? this.mains.filter(fits) : [];
      if (!inside) return this.mains.filter((d) => fits(d) && !categories.includes(d.category));
      return categories.flatMap((c) => this.mainsByCategory.get(c) ?? []).filter(fits);
    });
  }

  /** What no programme built from this pool for sessions of at least `lowestIntensity` could have, or null. */
  shortage(lowestIntensity: Intensity): ShortageKind | null {
    const lists: Record<ShortageKind, readonly Drill[]> = {
      'warm-up': this.warmUps,
      'cool-down': this.coolDowns,
      main: this.mains,
      'acl-prevention': this.aclPrevention,
    };
    return firstShortage(
      (kind) => lists[kind].some((d) => atMost(d.intensity, lowestIntensity)),
      this.needsAclPrevention,
    );
  }
}
