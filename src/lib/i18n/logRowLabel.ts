import { PORTAL_TIME_ZONE } from '../siteSettings/copyright'
import type { Label, Language } from './translate'

/** A checkbox's value as a log records it (`'true'`, `'false'`), as people read it. */
export const YES_NO: Readonly<Record<string, Label>> = { true: { zh: '是', en: 'Yes' }, false: { zh: '否', en: 'No' } }

/** Log times in newsroom (Beijing) time, whatever the browser's zone: `2026年12月7日 03:18`, `7 Dec 2026, 03:18`. */
const LOG_TIME: Record<Language, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: PORTAL_TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: PORTAL_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }),
}

/** A stored time as a log line shows it; anything unreadable gives an empty string. */
export function logTime(value: unknown, language: Language): string {
  if (!(typeof value === 'string' || typeof value === 'number' || value instanceof Date)) return ''
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? '' : LOG_TIME[language].format(date)
}

/** One entry of a change log, its values already as people read them (names, labels, not codes). */
export type LogRow = { at?: unknown; by?: string | null; action?: string | null; field?: string | null; from?: string | null; to?: string | null }

/**
 * The entry as one line, for the row's label in the admin: when · who · what, the change as
 * `from → to` after the field it concerns (`2026年12月7日 03:18 · 赵审核 · 状态：待审核 → 已通过`).
 * An entry whose value did not move (a publication) names only its action.
 */
export function logRowLabel({ at, by, action, field, from, to }: LogRow, language: Language): string {
  const change = from === to ? '' : `${from || '—'} → ${to || '—'}`
  const colon = language === 'zh' ? '：' : ': '
  const what = field && change ? `${field}${colon}${change}` : change
  return [logTime(at, language), by, action, what].filter(Boolean).join(' · ')
}
