import type { GarminFileType, GarminNotificationStatus } from './domain/garmin-notification';

export interface GarminLinkRecord {
  playerId: string;
  garminUserId: string;
  linkedBy: string;
  linkedAt: Date;
}

export interface GarminNotificationRecord {
  id: string;
  summaryId: string;
  garminUserId: string;
  playerId: string | null;
  fileType: GarminFileType;
  /** Holds Garmin's download token: never logged nor shown. */
  callbackURL: string;
  callbackHost: string | null;
  startTimeInSeconds?: number;
  garminActivityId?: number;
  activityName?: string;
  status: GarminNotificationStatus;
  attempts: number;
  lastError: string | null;
  activityId: string | null;
  receivedAt: Date;
  updatedAt: Date;
}

export type NewGarminNotification = Pick<
  GarminNotificationRecord,
  | 'summaryId'
  | 'garminUserId'
  | 'playerId'
  | 'fileType'
  | 'callbackURL'
  | 'callbackHost'
  | 'startTimeInSeconds'
  | 'garminActivityId'
  | 'activityName'
  | 'status'
>;

/** How a notification ended (any status but `queued`), with what goes with it. */
export interface GarminNotificationOutcome {
  status: Exclude<GarminNotificationStatus, 'queued'>;
  lastError?: string | null;
  activityId?: string | null;
  playerId?: string | null;
}
