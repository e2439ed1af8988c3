import type { DrillSource } from '../drills/drill-provider';
import type { Fixture, FocusArea, PlannedWeek, ProgramKind, Weekday } from './domain/program';
import type { SafetyCheckResult } from './domain/program-safety';

/** A stored programme as the rest of the service sees it: plain data, string ids. */
export interface ProgramRecord {
  id: string;
  playerId: string;
  kind: ProgramKind;
  startDate: string;
  endDate: string;
  sessionsPerWeek: number;
  availableDays: Weekday[];
  focus: FocusArea[];
  fixtures: Fixture[];
  seed: number;
  assessmentId: string;
  ageYears: number;
  drillSource: DrillSource;
  drillVersion?: number;
  weeks: PlannedWeek[];
  totalPlannedLoad: number;
  safety: { passed: boolean; checks: SafetyCheckResult[] };
  createdBy: string;
  createdAt: Date;
}

export type ProgramData = Omit<ProgramRecord, 'id' | 'createdAt'>;

/** A programme in a list: everything but the weeks. */
export type ProgramSummary = Omit<ProgramRecord, 'weeks'> & { weekCount: number };
