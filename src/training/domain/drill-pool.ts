import { Drill, Intensity } from '../../drills/domain/drill-format';
import { FocusArea, TrainingPlayer } from './program';
import {
  ACL_PREVENTION_MIN_AGE,
  atMost,
  COOL_DOWN_CATEGORIES,
  drillFootContacts,
  EXTERNAL_LOAD_MIN_AGE,
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

/** The most intense an injured player's work may be. */
export const INJURED_INTENSITY_CAP: Intensity = 'moderate';

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

/** The part of a drill library one player may use, split by the role a drill plays in a session. */
export class DrillPool {
  readonly warmUps: readonly Drill[];
  readonly coolDowns: readonly Drill[];
  readonly mains: readonly Drill[];
  readonly aclPrevention: readonly Drill[];
  /** True when this player must get ACL-prevention work every week. */
  readonly needsAclPrevention: boolean;

  constructor(drills: readonly Drill[], player: TrainingPlayer) {
    const safe = drills.filter((drill) => isDrillSafeForPlayer(drill, player));
    this.warmUps = safe.filter((d) => WARM_UP_CATEGORIES.includes(d.category));
    this.coolDowns = safe.filter((d) => COOL_DOWN_CATEGORIES.includes(d.category));
    this.mains = safe.filter(
      (d) => !WARM_UP_CATEGORIES.includes(d.category) && !COOL_DOWN_CATEGORIES.includes(d.category),
    );
    this.aclPrevention = this.warmUps.filter((d) => d.tags.includes(TAGS.aclPrevention));
    this.needsAclPrevention = player.sex === 'female' && player.ageYears >= ACL_PREVENTION_MIN_AGE;
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
