/** A request to publish or unpublish an article at a later time, as the API receives it. */
export type ScheduleRequest = { action: 'publish' | 'unpublish'; at: Date }

export type ScheduleCheck = { ok: true; value: ScheduleRequest } | { ok: false; path: string; message: string }

/** The latest a publication can be scheduled: further out is almost certainly a typo in the year. */
const MAX_DAYS_AHEAD = 366

export function parseScheduleRequest(body: unknown, now: Date = new Date()): ScheduleCheck {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, path: 'data', message: 'Expected an object' }
  const { action = 'publish', at } = body as { action?: unknown; at?: unknown }
  if (action !== 'publish' && action !== 'unpublish') {
    return { ok: false, path: 'action', message: 'Expected "publish" or "unpublish"' }
  }
  const when = typeof at === 'string' ? new Date(at) : null
  if (!when || Number.isNaN(when.getTime())) {
    return { ok: false, path: 'at', message: 'Expected an ISO 8601 date-time, e.g. 2026-12-01T08:00:00+08:00' }
  }
  if (when.getTime() <= now.getTime()) return { ok: false, path: 'at', message: 'Must be in the future' }
  if (when.getTime() - now.getTime() > MAX_DAYS_AHEAD * 24 * 3600 * 1000) {
    return { ok: false, path: 'at', message: `Must be within ${MAX_DAYS_AHEAD} days` }
  }
  return { ok: true, value: { action, at: when } }
}
