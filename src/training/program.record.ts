import type { DrillSource } from '../drills/drill-provider';
import type { PlannedProgram } from './domain/program';
import type { SafetyCheckResult } from './domain/program-safety';

/** A stored programme as the rest of the service sees it: the plan, and what it was made from. */
export interface ProgramRecord extends PlannedProgram {
  id: string;
  playerId: string;
  seed: number;
  assessmentId: string;
  ageYears: number;
  drillSource: DrillSource;
  drillVersion?: number;
  totalPlannedLoad: number;
  safety: { passed: boolean; checks: SafetyCheckResult[] };
  createdBy: string;
  createdAt: Date;
}

export type ProgramData = Omit<ProgramRecord, 'id' | 'createdAt'>;

/** A programme in a list: everything but the weeks. */
export type ProgramSummary = Omit<ProgramRecord, 'weeks'> & { weekCount: number };
