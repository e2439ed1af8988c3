import { BODY_REGIONS, BodyRegion, Level, LEVELS, Position, POSITIONS, Sex, SEXES } from '../../common/domain/enums';
import { Drill, Intensity } from '../../drills/domain/drill-format';
import { describeShortage, firstShortage, roleOf, SHORTAGES, ShortageKind } from './drill-pool';
import { TrainingPlayer } from './program';
import {
  atMost,
  fitsPlayer,
  INJURED_INTENSITY_CAP,
  isAclPreventionDrill,
  needsAclPrevention,
  PROGRAM_MAX_AGE,
  PROGRAM_MIN_AGE,
  sparesInjury,
} from './safety-rules';

/**
 * Which kinds of player a drill set cannot serve, found by asking, for every player of the space
 * (every age the generators serve, sex, level, position; fit, or injured in one or two body
 * regions), the questions a drill pool asks before a programme is generated: is there a warm-up, a
 * cool-down, main-part work and, where needed, ACL-prevention work that is safe for this player
 * (`fitsPlayer`, `sparesInjury`, the pool's roles and `firstShortage`, the very functions the pool
 * uses). Players alike in everything the answers depend on are asked once. It does not run whole
 * generations (104,280 of them would take half a minute): a set that passes can still fail a
 * session, e.g. with an ACL-prevention drill over every foot-contact cap; that 422 then says so.
 */

export const COVERAGE_GAP_CODES = [
  'no-warm-up',
  'no-cool-down',
  'no-main-part',
  'no-acl-prevention',
  'acl-prevention-paused',
] as const;
export type CoverageGapCode = (typeof COVERAGE_GAP_CODES)[number];

const CODE_OF: Record<ShortageKind, CoverageGapCode> = {
  'warm-up': 'no-warm-up',
  'cool-down': 'no-cool-down',
  main: 'no-main-part',
  'acl-prevention': 'no-acl-prevention',
};

/** A kind of player: every combination of the listed values, ages inclusive; no regions means fit. */
export interface PlayerKind {
  minAge: number;
  maxAge: number;
  sexes: Sex[];
  levels: Level[];
  positions: Position[];
  injuredRegions: BodyRegion[];
}

export interface CoverageGap {
  /** `no-*`: these players get no programme (422); `acl-prevention-paused`: programmes without ACL-prevention work while injured. */
  code: CoverageGapCode;
  message: string;
  players: PlayerKind;
}

/** The lowest session intensity both generators plan, as they check their pools. */
const LOWEST: Intensity = 'moderate';

/** The injuries of the space: none first, then every region, then every pair of regions. */
export const COVERED_INJURIES: readonly (readonly BodyRegion[])[] = [
  [],
  ...BODY_REGIONS.map((r) => [r]),
  ...BODY_REGIONS.flatMap((a, i) => BODY_REGIONS.slice(i + 1).map((b) => [a, b])),
];

/** Bits of one drill-like answer: which of the space's injuries a drill is usable with (index 0: fit). */
const WORDS = Math.ceil(COVERED_INJURIES.length / 32);

/** The fields the pool's questions read; drills equal in them answer every question alike. */
function signature(d: Drill): string {
  return [d.category, d.minAge, d.maxAge, d.sex, d.levels, d.positions, d.tags, d.intensity, d.bodyRegions].join('|');
}

/**
 * Which injuries of the space (bit i for COVERED_INJURIES[i]) a drill is usable with at `LOWEST`
 * intensity. The injured cap is no higher than `LOWEST`, so for an injured player this is exactly
 * `sparesInjury`, which also decides whether ACL-prevention work is paused.
 */
function usableWith(drill: Drill): Uint32Array {
  const bits = new Uint32Array(WORDS);
  if (!atMost(drill.intensity, LOWEST)) return bits;
  COVERED_INJURIES.forEach((injury, i) => {
    if (i === 0 || sparesInjury(drill, injury)) bits[i >>> 5] |= 1 << (i & 31);
  });
  return bits;
}

const has = (bits: Uint32Array, i: number) => (bits[i >>> 5] & (1 << (i & 31))) !== 0;

interface Profile {
  ageYears: number;
  sex: Sex;
  level: Level;
  position: Position;
}

/** A drill standing for every drill with its signature, with what it answers computed once. */
interface DrillKind {
  drill: Drill;
  /** Index into SHORTAGES of the role it plays in a session. */
  role: number;
  usable: Uint32Array;
}

const ALL_INJURIES = (() => {
  const bits = new Uint32Array(WORDS);
  for (let i = 0; i < COVERED_INJURIES.length; i++) bits[i >>> 5] |= 1 << (i & 31);
  return bits;
})();

function within(bits: Uint32Array, of: Uint32Array): boolean {
  for (let w = 0; w < WORDS; w++) if ((bits[w] & ~of[w]) !== 0) return false;
  return true;
}

/** ORs `from` into `into`; true once `into` holds every injury (nothing more to learn). */
function orInto(into: Uint32Array, from: Uint32Array): boolean {
  let full = true;
  for (let w = 0; w < WORDS; w++) {
    into[w] |= from[w];
    if (into[w] !== ALL_INJURIES[w]) full = false;
  }
  return full;
}

/**
 * For one profile: per shortage kind (in SHORTAGES order), the injuries a usable drill exists for.
 * Stops reading drills once every role can serve every injury.
 */
function profileAnswers(profile: Profile, roles: readonly DrillKind[], acl: readonly DrillKind[]): Uint32Array[] {
  const answers = SHORTAGES.map(() => new Uint32Array(WORDS));
  // fitsPlayer does not read the injury.
  const player: TrainingPlayer = { ...profile, injury: { status: 'fit', bodyRegions: [] } };
  const full = [false, false, false];
  let open = full.length;
  for (const kind of roles) {
    // A drill that could teach nothing new is not asked about (the cheap test first).
    if (full[kind.role] || within(kind.usable, answers[kind.role]) || !fitsPlayer(kind.drill, player)) continue;
    if (orInto(answers[kind.role], kind.usable)) {
      full[kind.role] = true;
      if (--open === 0) break;
    }
  }
  if (needsAclPrevention(profile)) {
    const into = answers[SHORTAGES.indexOf('acl-prevention')];
    for (const kind of acl) {
      if (within(kind.usable, into) || !fitsPlayer(kind.drill, player)) continue;
      if (orInto(into, kind.usable)) break;
    }
  }
  return answers;
}

/** Every gap of the drill set, the broadest first; a gap already implied by a smaller injury is left out. */
export function programCoverageGaps(drills: readonly Drill[]): CoverageGap[] {
  const distinct = new Map<string, Drill>();
  for (const drill of drills) {
    const key = signature(drill);
    if (!distinct.has(key)) distinct.set(key, drill);
  }
  const roles: DrillKind[] = [];
  const acl: DrillKind[] = [];
  for (const drill of distinct.values()) {
    // A drill above the lowest session intensity answers no question.
    if (!atMost(drill.intensity, LOWEST)) continue;
    const kind = { drill, role: SHORTAGES.indexOf(roleOf(drill)), usable: usableWith(drill) };
    roles.push(kind);
    if (isAclPreventionDrill(drill)) acl.push(kind);
  }
  // (code, injury index) -> profiles, in age order.
  const found = new Map<string, Profile[]>();
  for (let ageYears = PROGRAM_MIN_AGE; ageYears <= PROGRAM_MAX_AGE; ageYears++) {
    // Only drills written for this age can fit (fitsPlayer still decides): a large set is read a fraction at a time.
    const forAge = (list: readonly DrillKind[]) =>
      list.filter((k) => k.drill.minAge <= ageYears && ageYears <= k.drill.maxAge);
    const rolesAtAge = forAge(roles);
    const aclAtAge = forAge(acl);
    for (const sex of SEXES) {
      for (const level of LEVELS) {
        for (const position of POSITIONS) {
          const profile = { ageYears, sex, level, position };
          const answers = profileAnswers(profile, rolesAtAge, aclAtAge);
          const codes = COVERED_INJURIES.map((_, i) => gapFor(profile, answers, i));
          codes.forEach((code, i) => {
            if (!code || impliedBySmallerInjury(codes, i, code)) return;
            const key = `${code}|${i}`;
            const list = found.get(key);
            if (list) list.push(profile);
            else found.set(key, [profile]);
          });
        }
      }
    }
  }
  const gaps: CoverageGap[] = [];
  for (const [key, profiles] of found) {
    const [code, index] = key.split('|');
    const injuredRegions = [...COVERED_INJURIES[Number(index)]];
    for (const players of kindsOf(profiles, injuredRegions)) {
      gaps.push({ code: code as CoverageGapCode, message: describeGap(code as CoverageGapCode, players), players });
    }
  }
  return gaps.sort(
    (a, b) =>
      a.players.injuredRegions.length - b.players.injuredRegions.length ||
      COVERAGE_GAP_CODES.indexOf(a.code) - COVERAGE_GAP_CODES.indexOf(b.code) ||
      a.players.minAge - b.players.minAge,
  );
}

/** What the pool for this profile and injury would lack (as `DrillPool.shortage`), or a paused ACL requirement. */
function gapFor(profile: Profile, answers: readonly Uint32Array[], injury: number): CoverageGapCode | null {
  const needsAcl = needsAclPrevention(profile);
  const usable = (kind: ShortageKind) => has(answers[SHORTAGES.indexOf(kind)], injury);
  // Injured: with no ACL-prevention drill sparing the injury, the work is paused (aclPreventionPaused).
  const paused = injury > 0 && needsAcl && !usable('acl-prevention');
  const shortage = firstShortage(usable, needsAcl && !paused);
  if (shortage) return CODE_OF[shortage];
  return paused ? 'acl-prevention-paused' : null;
}

/** A pair's gap that one of its regions alone (or being fit) already has says nothing new. */
function impliedBySmallerInjury(codes: readonly (CoverageGapCode | null)[], index: number, code: CoverageGapCode) {
  const regions = COVERED_INJURIES[index];
  if (regions.length === 0) return false;
  if (codes[0] === code) return true;
  if (regions.length === 1) return false;
  return regions.some((r) => codes[BODY_REGIONS.indexOf(r) + 1] === code);
}

/** Profiles as few kinds as they allow: contiguous ages, then positions, levels and sexes sharing them. */
function kindsOf(profiles: readonly Profile[], injuredRegions: BodyRegion[]): PlayerKind[] {
  const agesOf = new Map<string, number[]>();
  for (const p of profiles) {
    const key = `${p.sex}|${p.level}|${p.position}`;
    const ages = agesOf.get(key);
    if (ages) ages.push(p.ageYears);
    else agesOf.set(key, [p.ageYears]);
  }
  // (ages, sex, level) -> positions
  const byRange = new Map<string, Position[]>();
  for (const [key, ages] of agesOf) {
    const [sex, level, position] = key.split('|');
    for (const [min, max] of ranges(ages)) {
      const at = `${min}|${max}|${sex}|${level}`;
      const list = byRange.get(at);
      if (list) list.push(position as Position);
      else byRange.set(at, [position as Position]);
    }
  }
  // (ages, sex, positions) -> levels, then (ages, positions, levels) -> sexes
  const byLevels = mergeInto(
    byRange,
    (k) => k.split('|'),
    ([min, max, sex, level], positions) => [`${min}|${max}|${sex}|${positions.join(',')}`, level as Level],
  );
  const bySexes = mergeInto(
    byLevels,
    (k) => k.split('|'),
    ([min, max, sex, positions], levels) => [`${min}|${max}|${positions}|${levels.join(',')}`, sex as Sex],
  );
  return [...bySexes].map(([key, sexes]) => {
    const [min, max, positions, levels] = key.split('|');
    return {
      minAge: Number(min),
      maxAge: Number(max),
      sexes: SEXES.filter((s) => sexes.includes(s)),
      levels: LEVELS.filter((l) => levels.split(',').includes(l)),
      positions: POSITIONS.filter((p) => positions.split(',').includes(p)),
      injuredRegions,
    };
  });
}

function mergeInto<V, W>(
  from: Map<string, V[]>,
  parse: (key: string) => string[],
  regroup: (parts: string[], values: V[]) => [string, W],
): Map<string, W[]> {
  const out = new Map<string, W[]>();
  for (const [key, values] of from) {
    const [next, value] = regroup(parse(key), values);
    const list = out.get(next);
    if (list) list.push(value);
    else out.set(next, [value]);
  }
  return out;
}

function ranges(sortedAges: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const age of sortedAges) {
    const last = out[out.length - 1];
    if (last && last[1] === age - 1) last[1] = age;
    else out.push([age, age]);
  }
  return out;
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "female goalkeepers aged 12–60 at elite level", leaving out what covers every value. */
export function describePlayers(kind: PlayerKind): string {
  const sex = kind.sexes.length === SEXES.length ? '' : `${listed(kind.sexes)} `;
  const who = kind.positions.length === POSITIONS.length ? 'players' : listed(kind.positions.map((p) => `${p}s`));
  const ages = kind.minAge === kind.maxAge ? `aged ${kind.minAge}` : `aged ${kind.minAge}–${kind.maxAge}`;
  const level = kind.levels.length === LEVELS.length ? '' : ` at ${listed(kind.levels)} level`;
  return `${sex}${who} ${ages}${level}`;
}

function describeGap(code: CoverageGapCode, players: PlayerKind): string {
  const regions = players.injuredRegions;
  const injured = regions.length > 0;
  const who = describePlayers(players);
  const sparing = injured ? ` that spares the ${listed(regions)}` : '';
  if (code === 'acl-prevention-paused') {
    return (
      `No ACL-prevention drill at ${INJURED_INTENSITY_CAP} intensity or below spares the ${listed(regions)} for ${who}: ` +
      `while injured there they get programmes without ACL-prevention work.`
    );
  }
  const kind = SHORTAGES[COVERAGE_GAP_CODES.indexOf(code)];
  const what = describeShortage(kind, injured ? INJURED_INTENSITY_CAP : LOWEST);
  const missing = what.replace(/^no /, 'No ');
  const suffix = injured ? ' while injured there' : '';
  return `${missing}${sparing} for ${who}: they cannot get a programme${suffix}.`;
}
