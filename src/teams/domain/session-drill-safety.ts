import type { Drill, Intensity } from '../../drills/domain/drill-format';
import { addDays, weekdayOf } from '../../training/domain/calendar';
import { PlannedProgram, TrainingPlayer } from '../../training/domain/program';
import { checkProgramSafety, SafetyRule } from '../../training/domain/program-safety';
import type { TeamSessionDrill } from './team';

/**
 * The programme safety rules that judge a drill against a player: age, sex and level, injury and
 * graded return, youth strength, and the library the drill must come from. The rules about a whole
 * programme (weekly volume, rest days, progression, structure, match days, consistency) do not say
 * whether a drill suits a player, so a squad session is not judged by them here.
 */
export const DRILL_SAFETY_RULES: readonly SafetyRule[] = [
  'age-eligibility',
  'injury',
  'youth-strength',
  'drill-source',
];

/** A drill of a squad session that one player should not do, and the rule that says so. */
export interface SessionDrillIssue {
  playerId: string;
  drillId: string;
  rule: SafetyRule;
  reason: string;
}

export interface SquadSession {
  date: string;
  intensity: Intensity;
  durationMin: number;
  targetRpe: number;
  drills: readonly TeamSessionDrill[];
}

/**
 * The session as a one-week programme of one session, so each drill goes through exactly the checks
 * a programme drill goes through. It is the first week: a returning player is held to the strictest
 * week of the graded return, since a squad session does not know which week of it the player is in.
 */
function asProgram(session: SquadSession, library: ReadonlyMap<string, Drill>): PlannedProgram {
  const drills = session.drills.map(({ drillId, minutes }) => {
    const drill = library.get(drillId);
    return {
      drillId,
      name: drill?.name ?? drillId,
      category: drill?.category ?? '',
      intensity: drill?.intensity ?? session.intensity,
      minutes,
      reason: 'Squad session',
    };
  });
  const plannedLoad = session.durationMin * session.targetRpe;
  return {
    kind: 'standard',
    startDate: session.date,
    endDate: addDays(session.date, 6),
    sessionsPerWeek: 1,
    availableDays: [weekdayOf(session.date)],
    focus: [],
    fixtures: [],
    adjustments: [],
    weeks: [
      {
        index: 1,
        startDate: session.date,
        deload: false,
        plannedLoad,
        plannedMinutes: session.durationMin,
        sessions: [
          {
            id: 'team-session',
            date: session.date,
            type: 'technical',
            intensity: session.intensity,
            plannedDurationMin: session.durationMin,
            targetRpe: session.targetRpe,
            plannedLoad,
            blocks: [{ kind: 'main', drills }],
          },
        ],
      },
    ],
  };
}

/** Every drill of the session that is unsafe for a player of the squad, player by player, in drill order. */
export function sessionDrillSafety(
  session: SquadSession,
  squad: readonly { id: string; player: TrainingPlayer }[],
  library: ReadonlyMap<string, Drill>,
): SessionDrillIssue[] {
  if (session.drills.length === 0) return [];
  const program = asProgram(session, library);
  const order = new Map(session.drills.map((d, i) => [d.drillId, i] as const).reverse());
  return squad.flatMap(({ id, player }) => {
    const seen = new Set<string>();
    return checkProgramSafety(program, player, library)
      .violations.filter((v) => v.drillId !== undefined && DRILL_SAFETY_RULES.includes(v.rule))
      .map((v) => ({ playerId: id, drillId: v.drillId!, rule: v.rule, reason: v.message }))
      .filter((issue) => {
        // A drill planned twice breaks its rule once.
        const key = `${issue.drillId}\u0000${issue.rule}\u0000${issue.reason}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => order.get(a.drillId)! - order.get(b.drillId)!);
  });
}
