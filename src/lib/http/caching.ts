import { createHash } from 'node:crypto'

/**
 * Cache headers for API responses. Public reads may be cached and revalidated with their ETag (a
 * 304 costs no body); anything sent with credentials is personal and never stored by anyone.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, stale-while-revalidate=30'
export const PRIVATE_CACHE_CONTROL = 'private, no-store'
/** Uploaded files keep their names for life (a new upload gets a new name), so they may be kept longer. */
export const PUBLIC_FILE_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600'

/**
 * What a response depends on besides its URL: credentials make it personal, and the Origin decides
 * its CORS headers (a shared cache must not hand one front end's answer to another origin).
 */
export const VARY = 'Authorization, Cookie, Origin'

/**
 * Marks a GET endpoint (`custom: { [SAME_FOR_EVERY_CALLER]: true }`), of the config or of a
 * collection, whose answer depends only on its path and query: the API serves it without first
 * working out who is asking.
 */
export const SAME_FOR_EVERY_CALLER = 'sameForEveryCaller'

/** A strong ETag of the exact bytes: equal bodies, equal tags, whichever instance served them. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

/** Whether an If-None-Match header (a list, or `*`) names this ETag, weak or strong. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)
}
