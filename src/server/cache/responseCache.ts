import type { Field, Payload, SanitizedConfig } from 'payload'

import { MemoryRateLimitStore, type RateLimitStore } from '../../lib/http/rateLimit'
import { MemoryVersionStore, ResponseCache, type VersionStore } from '../../lib/responseCache/cache'
import { listenForContentChanges } from '../../lib/responseCache/changes'
import { closeOver, type DependencyGraph, globalTag } from '../../lib/responseCache/dependencies'
import { connectRedis } from './redis'

type Log = { info: (message: string) => void; warn: (message: string) => void }

export type ApiCaching = {
  /** Null when RESPONSE_CACHE=off. */
  cache: ResponseCache | null
  /** What has changed, per tag: also how other per-instance memories (API keys) learn of changes. */
  versions: VersionStore
  closure: Record<string, string[]>
  rateLimits: RateLimitStore
  close: () => Promise<void>
}

/** A change not committed within this long is announced anyway (a transaction this process did not open). */
const UNCOMMITTED_GRACE_MS = 5_000

/**
 * The response cache and rate-limit counters, in this process or in Redis (REDIS_URL), wired to
 * the content changes the collections announce. A change inside a transaction is applied when the
 * transaction commits: applied earlier, a read in between would cache the old data again.
 */
export function startApiCaching(
  payload: Payload,
  config: SanitizedConfig,
  options: { redisUrl?: string; enabled: boolean; maxBytes: number; ttlMs: number; log: Log },
): ApiCaching {
  const memoryRateLimits = new MemoryRateLimitStore()
  const redis = options.redisUrl ? connectRedis(options.redisUrl, options.log, memoryRateLimits) : null
  const closure = closeOver(dependencyGraphOf(config))
  const versions = redis?.versions ?? new MemoryVersionStore()
  const cache = options.enabled ? new ResponseCache(versions, { maxBytes: options.maxBytes, ttlMs: options.ttlMs, shared: redis?.entries }) : null
  if (cache) redis?.onInvalidation((tags) => cache.evict(tags))

  const pending = new Map<string | number, Set<string>>()
  const apply = (tags: string[]) => versions.bump(tags)
  const applyPending = async (transactionId: string | number) => {
    const tags = pending.get(transactionId)
    pending.delete(transactionId)
    if (tags) await apply([...tags])
  }

  listenForContentChanges(async ({ tags, transactionId }) => {
    if (transactionId === undefined || !(String(transactionId) in (payload.db.sessions ?? {}))) return apply(tags)
    const known = pending.get(transactionId)
    if (known) {
      for (const tag of tags) known.add(tag)
      return
    }
    pending.set(transactionId, new Set(tags))
    setTimeout(() => void applyPending(transactionId), UNCOMMITTED_GRACE_MS).unref()
  })

  const db = payload.db
  const commit = db.commitTransaction
  const rollback = db.rollbackTransaction
  db.commitTransaction = async function (this: typeof db, id) {
    const transactionId = await id
    await commit.call(this, transactionId)
    await applyPending(transactionId)
  }
  db.rollbackTransaction = async function (this: typeof db, id) {
    const transactionId = await id
    pending.delete(transactionId)
    await rollback.call(this, transactionId)
  }

  return {
    cache,
    versions,
    closure,
    rateLimits: redis?.rateLimits ?? memoryRateLimits,
    close: async () => {
      listenForContentChanges(undefined)
      await redis?.close()
    },
  }
}

/** Which collections and globals each one's responses show, from the relationships in the config. */
export function dependencyGraphOf(config: SanitizedConfig): DependencyGraph {
  const uploads = config.collections.filter((collection) => collection.upload).map((collection) => collection.slug)
  const graph: Record<string, string[]> = {}
  for (const collection of config.collections) graph[collection.slug] = relatedSlugs(collection.fields, uploads)
  for (const global of config.globals) graph[globalTag(global.slug)] = relatedSlugs(global.fields, uploads)
  return graph
}

function relatedSlugs(fields: Field[], uploads: string[]): string[] {
  const related = new Set<string>()
  const visit = (field: Field) => {
    if (field.type === 'relationship' || field.type === 'upload') {
      for (const slug of [field.relationTo].flat()) related.add(slug)
    } else if (field.type === 'join') {
      for (const slug of [field.collection].flat()) related.add(slug)
    } else if (field.type === 'richText') {
      // Rich text may embed uploads (images in the article body) that are populated on read.
      for (const slug of uploads) related.add(slug)
    }
    if ('fields' in field && Array.isArray(field.fields)) field.fields.forEach(visit)
    if (field.type === 'tabs') for (const tab of field.tabs) tab.fields.forEach(visit)
    if (field.type === 'blocks') for (const block of field.blocks) if (typeof block === 'object') block.fields.forEach(visit)
  }
  fields.forEach(visit)
  return [...related]
}
