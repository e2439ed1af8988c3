import { Drill, Intensity } from '../../drills/domain/drill-format';
import { FocusArea, TrainingPlayer } from './program';
import {
  ACL_PREVENTION_MIN_AGE,
  atMost,
  COOL_DOWN_CATEGORIES,
  drillFootContacts,
  EXTERNAL_LOAD_MIN_AGE,
  INJURED_INTENSITY_CAP,
  isPlyometric,
  MAX_STRENGTH_MIN_AGE,
  TAGS,
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

/**
 * Whether a drill is safe for this player at all, whatever the session: age, sex and level,
 * position, youth strength rules, counted plyometrics, and an injured player's protected regions.
 */
export function isDrillSafeForPlayer(drill: Drill, player: TrainingPlayer): boolean {
  const age = player.ageYears;
  if (age < drill.minAge || age > drill.maxAge) return false;
  if (drill.sex !== 'any' && drill.sex !== player.sex) return false;
  if (!drill.levels.includes(player.level)) return false;
  if (drill.positions.length > 0 && !drill.positions.includes(player.position)) return false;
  if (age < EXTERNAL_LOAD_MIN_AGE && drill.tags.includes(TAGS.externalLoad)) return false;
  if (age < MAX_STRENGTH_MIN_AGE && drill.tags.includes(TAGS.maxStrength)) return false;
  if (isPlyometric(drill) && drillFootContacts(drill) === null) return false;
  if (player.injury.status === 'injured') {
    if (!atMost(drill.intensity, INJURED_INTENSITY_CAP)) return false;
    if (drill.bodyRegions.some((region) => player.injury.bodyRegions.includes(region))) return false;
  }
  return true;
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
      if (WARM_UP_CATEGORIES.includes(drill.category)) warmUps.push(drill);
      else if (COOL_DOWN_CATEGORIES.includes(drill.category)) coolDowns.push(drill);
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
    this.aclPrevention = warmUps.filter((d) => d.tags.includes(TAGS.aclPrevention));
    this.aclIds = new Set(this.aclPrevention.map((d) => d.id));
    this.needsAclPrevention = player.sex === 'female' && player.ageYears >= ACL_PREVENTION_MIN_AGE;
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

  /** Why no programme can be built from this pool for sessions of at least `lowestIntensity`, or null. */
  shortage(lowestIntensity: Intensity): string | null {
    const usable = (list: readonly Drill[]) => list.some((d) => atMost(d.intensity, lowestIntensity));
    if (!usable(this.warmUps)) return `no warm-up or injury-prevention drill at ${lowestIntensity} intensity or below`;
    if (!usable(this.coolDowns)) return 'no cool-down drill';
    if (!usable(this.mains)) return `no main-part drill at ${lowestIntensity} intensity or below`;
    if (this.needsAclPrevention && !usable(this.aclPrevention)) {
      return `no ACL-prevention drill at ${lowestIntensity} intensity or below (female players ${ACL_PREVENTION_MIN_AGE}+ need one every week)`;
    }
    return null;
  }
}
