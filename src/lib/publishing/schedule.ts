import type { Message } from '../i18n/translate'

/** A request to publish or unpublish an article at a later time, as the API receives it. */
export type ScheduleRequest = { action: 'publish' | 'unpublish'; at: Date }

export type ScheduleCheck = { ok: true; value: ScheduleRequest } | { ok: false; path: keyof typeof SCHEDULE_FIELD_LABELS; message: Message }

/** The request's fields a refusal names, as the schedule form labels them. */
export const SCHEDULE_FIELD_LABELS = {
  data: { zh: '请求内容', en: 'Request' },
  action: { zh: '定时操作', en: 'Action' },
  at: { zh: '执行时间', en: 'When' },
} as const

/** The latest a publication can be scheduled: further out is almost certainly a typo in the year. */
const MAX_DAYS_AHEAD = 366

export function parseScheduleRequest(body: unknown, now: Date = new Date()): ScheduleCheck {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, path: 'data', message: { code: 'DATA_NOT_AN_OBJECT' } }
  const { action = 'publish', at } = body as { action?: unknown; at?: unknown }
  if (action !== 'publish' && action !== 'unpublish') {
    return { ok: false, path: 'action', message: { code: 'SCHEDULE_ACTION_UNKNOWN' } }
  }
  const when = typeof at === 'string' ? new Date(at) : null
  if (!when || Number.isNaN(when.getTime())) {
    return { ok: false, path: 'at', message: { code: 'SCHEDULE_TIME_FORMAT', values: { example: '2026-12-01T08:00:00+08:00' } } }
  }
  if (when.getTime() <= now.getTime()) return { ok: false, path: 'at', message: { code: 'SCHEDULE_TIME_PAST' } }
  if (when.getTime() - now.getTime() > MAX_DAYS_AHEAD * 24 * 3600 * 1000) {
    return { ok: false, path: 'at', message: { code: 'SCHEDULE_TIME_TOO_FAR', values: { days: MAX_DAYS_AHEAD } } }
  }
  return { ok: true, value: { action, at: when } }
}
