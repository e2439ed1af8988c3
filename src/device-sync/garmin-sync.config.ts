import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import type { FetchLimits } from './callback-fetcher';
import { AllowedHost, parseCallbackHosts } from './domain/callback-policy';

export const GARMIN_SYNC_CONFIG = Symbol('GarminSyncConfig');

/** Device sync's settings, read once from the validated environment. */
export interface GarminSyncConfig {
  /** Unset: the push endpoint is off (503). */
  pushSecret?: string;
  callbackHosts: AllowedHost[];
  fetch: FetchLimits;
  attempts: number;
  backoffMs: number;
}

export function garminSyncConfig(config: ConfigService<Environment, true>): GarminSyncConfig {
  let callbackHosts: AllowedHost[];
  try {
    callbackHosts = parseCallbackHosts(config.get('GARMIN_CALLBACK_HOSTS', { infer: true }));
  } catch (error) {
    throw new Error(`Invalid configuration:\n  - GARMIN_CALLBACK_HOSTS: ${(error as Error).message}`);
  }
  return {
    pushSecret: config.get('GARMIN_PUSH_SECRET', { infer: true }),
    callbackHosts,
    fetch: {
      maxBytes: config.get('ACTIVITY_UPLOAD_MAX_BYTES', { infer: true }),
      timeoutMs: config.get('GARMIN_FETCH_TIMEOUT_MS', { infer: true }),
    },
    attempts: config.get('GARMIN_SYNC_ATTEMPTS', { infer: true }),
    backoffMs: config.get('GARMIN_SYNC_BACKOFF_MS', { infer: true }),
  };
}
