import { createHash, randomUUID } from 'node:crypto'

import { Redis } from 'ioredis'

import type { RateLimitStore } from '../../lib/http/rateLimit'
import type { SharedEntries, TagVersions, VersionStore } from '../../lib/responseCache/cache'
import { type CachedResponse, decodeEntry, encodeEntry } from '../../lib/responseCache/entries'

type Log = { info: (message: string) => void; warn: (message: string) => void }

const PREFIX = process.env.REDIS_PREFIX || 'newsroom:'
const VERSIONS_KEY = `${PREFIX}cache:versions`
const ENTRY_PREFIX = `${PREFIX}cache:entry:`
const INVALIDATIONS_CHANNEL = `${PREFIX}cache:invalidations`
const RATE_PREFIX = `${PREFIX}rate:`
/** Kept in the versions hash itself: a flushed or restarted Redis loses both together. */
const EPOCH_FIELD = '__epoch'

/** Bumps and announces in one step, so every instance hears of changes in the order they happened. */
const BUMP_SCRIPT = `
for i = 1, #ARGV do redis.call('HINCRBY', KEYS[1], ARGV[i], 1) end
redis.call('PUBLISH', KEYS[2], cjson.encode(ARGV))
return #ARGV`

export type RedisLink = {
  versions: VersionStore
  entries: SharedEntries
  rateLimits: RateLimitStore
  /** Called with the tags another instance (or this one) changed. */
  onInvalidation: (listener: (tags: string[]) => void) => void
  close: () => Promise<void>
}

/**
 * Redis shared by every instance: tag versions (read on each cached hit, so a change made through
 * one instance is seen by the next request to any other), cached responses, rate-limit counters and
 * a pub/sub channel announcing invalidations. When Redis is unreachable the server keeps serving:
 * the cache stands aside, rate limits count in this process, and changes made meanwhile are
 * announced once Redis is back.
 */
export function connectRedis(url: string, log: Log, fallbackRateLimits: RateLimitStore): RedisLink {
  const options = {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    retryStrategy: (attempt: number) => Math.min(attempt * 250, 2_000),
  }
  const client = new Redis(url, options)
  const subscriber = new Redis(url, options)
  const listeners: ((tags: string[]) => void)[] = []
  const unannounced = new Set<string>()
  let lastError = ''
  let stopping = false

  const ready = () => client.status === 'ready'
  const unreachable = (reason: string) => {
    // ioredis repeats the error on every reconnect attempt; once per outage is enough.
    if (reason === lastError) return
    lastError = reason
    log.warn(`Redis is unreachable (${reason}): caching bypassed, rate limits per instance until it returns`)
  }
  client.on('ready', () => {
    log.info('Redis is connected: the response cache and rate limits are shared')
    lastError = ''
    if (unannounced.size > 0) void bump([...unannounced])
  })
  client.on('close', () => {
    if (!stopping) unreachable('connection closed')
  })
  for (const connection of [client, subscriber]) connection.on('error', (error: Error) => unreachable(error.message))
  subscriber.on('ready', () => void subscriber.subscribe(INVALIDATIONS_CHANNEL).catch(() => undefined))
  subscriber.on('message', (_channel: string, message: string) => {
    const tags = parseTags(message)
    if (tags) for (const listener of listeners) listener(tags)
  })

  async function bump(tags: string[]): Promise<void> {
    for (const tag of tags) unannounced.add(tag)
    if (!ready()) return
    try {
      const pending = [...unannounced]
      await client.eval(BUMP_SCRIPT, 2, VERSIONS_KEY, INVALIDATIONS_CHANNEL, ...pending)
      for (const tag of pending) unannounced.delete(tag)
    } catch (error) {
      log.warn(`could not announce a change to Redis (${(error as Error).message}); it will be announced on reconnect`)
    }
  }

  const versions: VersionStore = {
    async read(tags: string[]): Promise<TagVersions | null> {
      // A change this instance could not announce yet may be invisible to the shared versions.
      if (!ready() || unannounced.size > 0) return null
      try {
        let [epoch, ...values] = await client.hmget(VERSIONS_KEY, EPOCH_FIELD, ...tags)
        if (!epoch) {
          // A new or emptied Redis: whichever instance gets here first names the new epoch.
          await client.hsetnx(VERSIONS_KEY, EPOCH_FIELD, randomUUID())
          ;[epoch, ...values] = await client.hmget(VERSIONS_KEY, EPOCH_FIELD, ...tags)
        }
        return epoch ? { epoch, values: values.map((value) => Number(value ?? 0)) } : null
      } catch {
        return null
      }
    },
    bump,
  }

  const entryKey = (key: string) => ENTRY_PREFIX + createHash('sha1').update(key).digest('base64url')
  const entries: SharedEntries = {
    async get(key: string): Promise<CachedResponse | null> {
      if (!ready()) return null
      const bytes = await client.getBuffer(entryKey(key))
      return bytes ? decodeEntry(bytes) : null
    },
    async set(key: string, entry: CachedResponse, ttlMs: number): Promise<void> {
      if (!ready()) return
      await client.set(entryKey(key), encodeEntry(entry), 'PX', ttlMs)
    },
  }

  const rateLimits: RateLimitStore = {
    async hit(key: string, windowMs: number) {
      if (!ready()) return fallbackRateLimits.hit(key, windowMs)
      try {
        const redisKey = RATE_PREFIX + key
        const [[, count], [, ttl]] = (await client.multi().incr(redisKey).pttl(redisKey).exec()) as [[unknown, number], [unknown, number]]
        if (ttl < 0) await client.pexpire(redisKey, windowMs)
        return { count, resetInMs: ttl < 0 ? windowMs : ttl }
      } catch {
        return fallbackRateLimits.hit(key, windowMs)
      }
    },
  }

  return {
    versions,
    entries,
    rateLimits,
    onInvalidation: (listener) => listeners.push(listener),
    close: async () => {
      stopping = true
      await Promise.allSettled([client.quit(), subscriber.quit()])
    },
  }
}

function parseTags(message: string): string[] | null {
  try {
    const tags = JSON.parse(message) as unknown
    return Array.isArray(tags) && tags.every((tag) => typeof tag === 'string') ? tags : null
  } catch {
    return null
  }
}
