/**
 * A player's status on the squad board: green, amber or red, with every reason behind it. The load
 * reasons are the load domain's own warnings (`loadWarnings`, `externalLoadWarnings`), on its thresholds;
 * nothing here decides what a high load is. Pure.
 */

import type { InjuryStatus } from '../../common/domain/enums';
import type { ExternalLoadWarning } from '../../training/domain/external-load';
import type { LoadWarning, LoadWarningCode } from '../../training/domain/load-monitoring';

export const PLAYER_STATUSES = ['green', 'amber', 'red'] as const;
export type PlayerStatus = (typeof PLAYER_STATUSES)[number];

export const REASON_SEVERITIES = ['amber', 'red'] as const;
export type ReasonSeverity = (typeof REASON_SEVERITIES)[number];

export const STATUS_REASON_CODES = [
  'acwr-high',
  'acwr-low',
  'monotony-high',
  'load-spike',
  'external-acwr-high',
  'external-acwr-low',
  'external-load-spike',
  'injured',
  'returning',
  'missing-rpe',
] as const;
export type StatusReasonCode = (typeof STATUS_REASON_CODES)[number];

export interface StatusReason {
  code: StatusReasonCode;
  message: string;
  severity: ReasonSeverity;
}

/**
 * How serious each load warning is. The load domain calls only an acute:chronic ratio above 1.5 a danger
 * (Gabbett 2016's "danger zone" for injury, `LOAD_THRESHOLDS.acwrHigh`): that is red. Its other warnings are
 * cautions with advice to adjust — a ratio below the 0.8-1.3 "sweet spot", monotony above 2 (Foster 1998),
 * a rise of more than 15 % over the previous week (Gabbett 2016) — so they are amber. External load uses the
 * same thresholds and gets the same mapping.
 */
export const LOAD_WARNING_SEVERITY: Readonly<Record<LoadWarningCode, ReasonSeverity>> = {
  'acwr-high': 'red',
  'acwr-low': 'amber',
  'monotony-high': 'amber',
  'load-spike': 'amber',
};

export interface PlayerStatusInput {
  /** Session-RPE warnings on the board's date, as `loadReport` gives them. */
  loadWarnings: readonly LoadWarning[];
  /** External-load warnings on the board's date, as `externalLoadReport` gives them. */
  externalWarnings: readonly ExternalLoadWarning[];
  injury: InjuryStatus;
  /** Planned sessions (programme or team) before the board's date that have no log. */
  unloggedSessions: number;
  /** How far back `unloggedSessions` looks, in days. */
  unloggedWindowDays: number;
}

/** The reasons, most serious first (in the order above within a severity), and the status they make. */
export function playerStatus(input: PlayerStatusInput): { status: PlayerStatus; reasons: StatusReason[] } {
  const reasons: StatusReason[] = [];
  for (const w of input.loadWarnings) {
    reasons.push({ code: w.code, message: w.message, severity: LOAD_WARNING_SEVERITY[w.code] });
  }
  for (const w of input.externalWarnings) {
    reasons.push({ code: `external-${w.code}`, message: w.message, severity: LOAD_WARNING_SEVERITY[w.code] });
  }
  if (input.injury === 'injured') {
    reasons.push({ code: 'injured', message: 'The player is injured.', severity: 'red' });
  } else if (input.injury === 'returning') {
    reasons.push({
      code: 'returning',
      message: 'The player is returning from injury: build the load back up gradually.',
      severity: 'amber',
    });
  }
  if (input.unloggedSessions > 0) {
    const n = input.unloggedSessions;
    reasons.push({
      code: 'missing-rpe',
      message:
        `${n} planned session${n === 1 ? '' : 's'} in the last ${input.unloggedWindowDays} days ` +
        `${n === 1 ? 'has' : 'have'} no log: ask for the session RPE (or mark ${n === 1 ? 'it' : 'them'} skipped), ` +
        `or the load figures are short.`,
      severity: 'amber',
    });
  }
  const rank = (s: ReasonSeverity) => (s === 'red' ? 0 : 1);
  const ordered = reasons
    .map((reason, i) => ({ reason, i }))
    .sort((a, b) => rank(a.reason.severity) - rank(b.reason.severity) || a.i - b.i)
    .map(({ reason }) => reason);
  const status: PlayerStatus = ordered.length === 0 ? 'green' : ordered[0].severity;
  return { status, reasons: ordered };
}

/** Board order: red first, then amber, then green. */
export function statusRank(status: PlayerStatus): number {
  return status === 'red' ? 0 : status === 'amber' ? 1 : 2;
}
