import type { Workout } from './domain/workout';

/** A workout as the rest of the service sees it: plain data, string ids. */
export interface WorkoutRecord extends Workout {
  templateId?: string;
  createdBy: string;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export type WorkoutData = Omit<WorkoutRecord, 'id' | 'revision' | 'createdAt' | 'updatedAt'>;

export interface WorkoutTemplateRecord {
  id: string;
  name: string;
  description?: string;
  exercises: Workout['exercises'];
  owner: string;
  createdAt: Date;
  updatedAt: Date;
}
