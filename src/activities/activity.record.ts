import type { Sex } from '../common/domain/enums';
import type { ActivityMetrics } from './domain/activity-analysis';
import type { ActivityKind } from './domain/activity';
import type { Section } from './domain/sections';
import type { TrackQuality } from './domain/track-cleaning';
import type { ActivityDevice, ActivityFormat } from './parsing/parsed-activity';

/** How an activity reached the service. */
export type ActivitySource =
  { type: 'upload' } | { type: 'zip'; entry: string } | { type: 'garmin'; summaryId: string; garminUserId: string };

/** The logged session or planned programme session an activity belongs to. */
export interface ActivityAttachment {
  trainingLogId?: string;
  programId?: string;
  sessionId?: string;
}

/** The player's figures the metrics were computed with, as they were at import. */
export interface AnalysedAthlete {
  sex: Sex;
  ageYears: number;
  hrMax?: number;
  hrRest?: number;
  maxSpeedMps?: number;
}

export interface CustomSection extends Section {
  id: string;
  name: string;
  createdBy: string;
  createdAt: Date;
}

/** An activity as the rest of the service sees it: plain data, string ids. */
export interface ActivityRecord {
  id: string;
  playerId: string;
  kind: ActivityKind;
  title: string;
  format: ActivityFormat;
  source: ActivitySource;
  device?: ActivityDevice;
  /** Start of the first cleaned point. */
  startedAt: Date;
  /** UTC calendar day of `startedAt`, `YYYY-MM-DD`: loads count per day. */
  date: string;
  distanceM: number;
  hasHeartRate: boolean;
  quality: TrackQuality;
  metrics: ActivityMetrics;
  laps: Section[];
  splits: { distance: Section[]; time: Section[] };
  sections: CustomSection[];
  athlete: AnalysedAthlete;
  attachment?: ActivityAttachment;
  /** The original file as received (GridFS), and its SHA-256 once gunzipped: the same file twice is a duplicate. */
  file: { id: string; filename?: string; bytes: number; sha256: string };
  /** The cleaned track, encoded (track-codec.ts), for streams, exports and sections. */
  trackFileId: string;
  /** Segment starts of the cleaned track (GPX trkseg, TCX Track). */
  segmentStarts: number[];
  importedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type ActivityData = Omit<ActivityRecord, 'id' | 'createdAt' | 'updatedAt'> & { deviceKey: string };
