import type { MessageCode } from '../i18n/translate'

/**
 * One spelling of every API path. Express routes the raw path case-insensitively, Payload finds a
 * collection by its exact slug but an endpoint case-insensitively and by the decoded path, and the
 * WHATWG URL the request is handed over in resolves `.`/`..` (and `%2e`) segments: so a guard, a rate
 * limit or a cache rule keyed to one spelling of a path is skipped by another. Every API request is
 * therefore rewritten to its canonical spelling before anything looks at it, or refused when it has
 * none: a spelling can mean only what the canonical path means.
 *
 * Canonical: `/api/…`, no empty segments (no doubled or trailing slash), each segment percent-encoded
 * exactly as `encodeURIComponent` encodes it, and the API's own words (`api`, slugs, endpoint names)
 * in lower case. The query is kept as it was sent.
 */

export type CanonicalTarget =
  /** Not under /api: left to the admin and the portal as it was sent. */
  | { kind: 'other' }
  | { kind: 'api'; target: string }
  | { kind: 'refused'; code: PathRefusalCode }

/** The refusals' codes: their messages' keys in the catalogue (src/lib/i18n/messages.ts). */
export type PathRefusalCode = Extract<MessageCode, `PATH_${string}`>

const refused = (code: PathRefusalCode): CanonicalTarget => ({ kind: 'refused', code })

/** Characters that can only appear in a canonical segment as they are: anything else means work. */
const PLAIN_PATH = /^\/api(?:\/[a-z0-9_~-][a-z0-9_.~-]*)*$/
/** Never part of an API path here; `;` starts a parameter on some proxies and servers, so it could mean two paths. */
const FORBIDDEN = /[\u0000-\u001f\u007f#;]/

/**
 * @param target the request target as the client sent it (`req.url` before any router)
 * @param words the API's own words, lower case: `api`, collection and global slugs, `globals`,
 *   `graphql`, and each literal segment of every endpoint's path
 */
export function canonicalApiTarget(target: string, words: ReadonlySet<string>): CanonicalTarget {
  if (!target.startsWith('/')) return refused('PATH_NOT_ORIGIN_FORM')
  const queryAt = target.indexOf('?')
  const path = queryAt < 0 ? target : target.slice(0, queryAt)
  const query = queryAt < 0 ? '' : target.slice(queryAt)
  // The common case costs one test.
  if (PLAIN_PATH.test(path)) return { kind: 'api', target }
  if (!path.startsWith('/api/') && !meansTheApi(path)) return { kind: 'other' }
  if (FORBIDDEN.test(path)) return refused('PATH_FORBIDDEN_CHARACTER')
  const segments: string[] = []
  for (const raw of path.split('/')) {
    if (raw === '') continue
    const segment = raw.includes('%') ? safeDecode(raw) : raw
    if (segment === null) return refused('PATH_MALFORMED_ENCODING')
    if (segment === '.' || segment === '..') return refused('PATH_DOT_SEGMENT')
    if (segment.includes('/') || segment.includes('\\')) return refused('PATH_SEPARATOR_IN_SEGMENT')
    if (FORBIDDEN.test(segment)) return refused('PATH_FORBIDDEN_CHARACTER')
    const lower = segment.toLowerCase()
    if (lower !== segment && words.has(lower)) return refused('PATH_WRONG_CASE')
    segments.push(encodeURIComponent(segment))
  }
  return { kind: 'api', target: `/${segments.join('/')}${query}` }
}

/**
 * Whether some reader of the path could take it for the API: Express mounts /api case-insensitively,
 * and the URL the request is handed over in decodes `%61pi` and resolves `/x/../api`.
 */
function meansTheApi(path: string): boolean {
  const resolved: string[] = []
  for (const raw of path.split('/')) {
    const segment = safeDecode(raw) ?? raw
    if (segment === '..') resolved.pop()
    else if (segment !== '' && segment !== '.') resolved.push(segment)
  }
  return resolved[0]?.toLowerCase() === 'api'
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}
