import Redis from 'ioredis';

/**
 * A Redis client that fails a command at once while Redis is away instead of queueing it, so no
 * request waits for Redis to come back; `onError` hears each connection error (ioredis retries).
 */
export function failFastRedis(url: string, onError: (error: Error) => void): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000 });
  redis.on('error', onError);
  return redis;
}

/** Says goodbye when connected; otherwise stops reconnecting at once. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}
