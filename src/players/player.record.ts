import { BodyRegion, DominantFoot, InjuryStatus, Level, Position, Sex } from '../common/domain/enums';

export interface InjuryRecord {
  status: InjuryStatus;
  bodyRegions: BodyRegion[];
  since?: Date;
  notes?: string;
  updatedAt?: Date;
}

/** A player as the rest of the service sees it: plain data, string ids. */
export interface PlayerRecord {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  sex: Sex;
  position: Position;
  level: Level;
  dominantFoot: DominantFoot;
  heightCm?: number;
  weightKg?: number;
  /** Measured maximum heart rate (bpm), for heart-rate zones; without it activities predict one from age. */
  hrMaxBpm?: number;
  /** Resting heart rate (bpm), which Banister's TRIMP needs. */
  hrRestBpm?: number;
  /** Measured maximum running speed (m/s), for efforts above 90 % of it. */
  maxSpeedMps?: number;
  injury: InjuryRecord;
  coachIds: string[];
  guardianIds: string[];
  userId?: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type PlayerProfile = Pick<
  PlayerRecord,
  | 'firstName'
  | 'lastName'
  | 'dateOfBirth'
  | 'sex'
  | 'position'
  | 'level'
  | 'dominantFoot'
  | 'heightCm'
  | 'weightKg'
  | 'hrMaxBpm'
  | 'hrRestBpm'
  | 'maxSpeedMps'
>;

/** Whole years on `on` (UTC), the way a birthday is counted. */
export function ageInYears(dateOfBirth: Date, on: Date = new Date()): number {
  let age = on.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < dateOfBirth.getUTCMonth() ||
    (on.getUTCMonth() === dateOfBirth.getUTCMonth() && on.getUTCDate() < dateOfBirth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** Age in years with the fraction, as growth equations use it (365.25-day years). */
export function exactAgeYears(dateOfBirth: Date, on: Date = new Date()): number {
  return (on.getTime() - dateOfBirth.getTime()) / (365.25 * 24 * 3600 * 1000);
}
