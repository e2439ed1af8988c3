/** Garmin's file types of activity files, as its notifications name them. */
export const GARMIN_FILE_TYPES = ['FIT', 'TCX', 'GPX'] as const;
export type GarminFileType = (typeof GARMIN_FILE_TYPES)[number];

/**
 * Where a notified file stands: `unlinked` (no player has the Garmin user, never fetched), `queued`
 * (waiting to be fetched, or between retries), `imported` (stored as an activity), `duplicate` (the
 * player already had it), `refused` (the callback or the file was refused: not retried), `failed`
 * (gave up after the last attempt; an admin may retry it).
 */
export const GARMIN_NOTIFICATION_STATUSES = [
  'unlinked',
  'queued',
  'imported',
  'duplicate',
  'refused',
  'failed',
] as const;
export type GarminNotificationStatus = (typeof GARMIN_NOTIFICATION_STATUSES)[number];

/** Garmin's user ids and summary ids: letters, digits and `._:-`. */
export const GARMIN_ID_PATTERN = /^[A-Za-z0-9._:-]+$/;
export const GARMIN_ID_MAX = 100;
