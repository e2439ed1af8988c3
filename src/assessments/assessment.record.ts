import { PhysicalTest, Rating } from './domain/assessment-metrics';

export interface AssessmentRecord {
  id: string;
  playerId: string;
  date: Date;
  assessedBy: string;
  heightCm?: number;
  weightKg?: number;
  sittingHeightCm?: number;
  tests: Partial<Record<PhysicalTest, number>>;
  ratings: Partial<Record<Rating, number>>;
  notes?: string;
  createdAt: Date;
  updatedAt: Date;
}

export type AssessmentData = Omit<AssessmentRecord, 'id' | 'createdAt' | 'updatedAt'>;
