import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['true', '1', 'yes', 'on'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every environment variable the service reads, with its default.
 * `.env.example` documents the same list; keep both in step.
 */
export class Environment {
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/.+/, { message: 'MONGODB_URI must be a mongodb:// or mongodb+srv:// URI' })
  MONGODB_URI?: string;

  /** Where the embedded development database keeps its files when MONGODB_URI is not set. */
  @IsString()
  EMBEDDED_MONGO_DIR = 'data/mongo';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(86400)
  JWT_ACCESS_TTL_SEC = 900;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(31536000)
  REFRESH_TOKEN_TTL_SEC = 2592000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  THROTTLE_TTL_MS = 60000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_LIMIT = 300;

  /** Tighter limit for login, register and refresh, per client address and window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_AUTH_LIMIT = 10;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** `false` (default), `true`, a hop count, or a comma-separated list of proxy addresses/CIDRs. */
  @IsString()
  TRUST_PROXY = 'false';

  /** Comma-separated allowed origins, `*` for any; empty disables CORS. */
  @IsString()
  CORS_ORIGINS = '';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1048576;

  /** Serve drills from the database's active set (off: always the static library). */
  @Transform(toBoolean)
  @IsBoolean()
  DRILLS_DB_ENABLED = true;

  /** Largest drill library upload, in bytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(200 * 1024 * 1024)
  DRILLS_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

  /** Largest activity file (GPX, TCX, FIT, vest CSV, gzip or ZIP) as sent, in bytes: 413 above. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  ACTIVITY_UPLOAD_MAX_BYTES = 25 * 1024 * 1024;

  /** Largest activity file once gunzipped or unzipped (each file of a ZIP, and the ZIP in total), in bytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(4 * 1024 * 1024 * 1024)
  ACTIVITY_INFLATED_MAX_BYTES = 200 * 1024 * 1024;

  /** How often an instance asks the database which drill set is active (0: on every request). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600000)
  DRILLS_VERSION_CHECK_MS = 1000;

  /** Drill set versions kept for rollback (older ones are deleted; the active one never is). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  DRILLS_KEEP_VERSIONS = 20;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Transform(toBoolean)
  @IsBoolean()
  SWAGGER_ENABLED = true;

  /**
   * Shared secret of Garmin's push (POST /integrations/garmin/activity-files), sent in the
   * X-Garmin-Push-Secret header. Unset: the push endpoint answers 503 and nothing is recorded.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'GARMIN_PUSH_SECRET must be at least 16 characters' })
  GARMIN_PUSH_SECRET?: string;

  /** Hosts Garmin callback URLs may be fetched from: comma-separated host[:port] (https), or http://host[:port]. */
  @IsString()
  GARMIN_CALLBACK_HOSTS = 'apis.garmin.com';

  /** Longest wait for one activity file from its callback URL, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  GARMIN_FETCH_TIMEOUT_MS = 30000;

  /** Attempts to fetch a notified file (the first included) before it is marked failed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  GARMIN_SYNC_ATTEMPTS = 5;

  /** Wait before the first retry of a file, in ms; each further retry waits twice as long. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400000)
  GARMIN_SYNC_BACKOFF_MS = 30000;
}

export class EnvironmentError extends Error {}

/** Validates raw variables; throws one error naming every bad or missing variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  if (env.NODE_ENV === 'production' && !env.MONGODB_URI) {
    problems.push('MONGODB_URI: required in production (the embedded database is for development only)');
  }
  if (problems.length > 0) {
    throw new EnvironmentError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return env;
}

/** Parses TRUST_PROXY into the form Fastify's `trustProxy` option takes. */
export function parseTrustProxy(value: string): boolean | number | string[] {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseCorsOrigins(value: string): boolean | string[] {
  const v = value.trim();
  if (v === '') return false;
  if (v === '*') return true;
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
