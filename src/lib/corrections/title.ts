import { PORTAL_TIME_ZONE } from '../siteSettings/copyright'
import { ERROR_TYPE_LABELS, type ErrorType } from './statuses'

/** Characters of the passage a title quotes: enough to tell one article's requests apart at a glance. */
export const TITLE_QUOTE_LENGTH = 30

/** The day as the newsroom dates things: Beijing time, written the Chinese way (2026年12月7日). */
const CHINESE_DATE = new Intl.DateTimeFormat('zh-CN', { timeZone: PORTAL_TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' })

export type TitledRequest = { id: number; createdAt: string; errorType: string; quote: string }

/**
 * How a correction request is named wherever the admin lists or picks one (the source of a notice,
 * the list, the audit log): `#12 · 2026年12月7日 · 事实错误 · 「央行决定于12月5日下调…」`. In Chinese
 * only, the newsroom's language: Payload's pickers read the one stored title column and nothing else.
 */
export function correctionRequestTitle({ id, createdAt, errorType, quote }: TitledRequest): string {
  const date = new Date(createdAt)
  const day = Number.isNaN(date.getTime()) ? '' : CHINESE_DATE.format(date)
  const type = ERROR_TYPE_LABELS[errorType as ErrorType]?.zh ?? errorType
  return [`#${id}`, day, type, `「${excerpt(quote)}」`].filter(Boolean).join(' · ')
}

/** The passage on one line, cut at a whole character (never half of a surrogate pair). */
function excerpt(quote: string): string {
  const characters = Array.from(quote.replace(/\s+/g, ' ').trim())
  return characters.length > TITLE_QUOTE_LENGTH ? `${characters.slice(0, TITLE_QUOTE_LENGTH).join('')}…` : characters.join('')
}
