/** One article as read from an archive, before anything is looked up or written. */
export type ArchiveArticle = {
  originalId?: string
  title: string
  slug?: string
  source?: string
  summary?: string
  authors: string[]
  /** Channel names from the root down, e.g. ['财经', '宏观']. */
  categoryPath: string[]
  tags: string[]
  publishedAt?: Date
  status: 'published' | 'draft'
  html: string
  /** Local paths or URLs: the first is the cover image, any others follow the body. */
  images: string[]
}

/** `at` says where in the file, for people: `line 4`, `item 2 (post 105)`. */
export type ArchiveEntry = { at: string; article: ArchiveArticle }
export type ArchiveProblem = { at: string; field?: string; reason: string }
export type ParsedArchive = { entries: ArchiveEntry[]; problems: ArchiveProblem[] }

/** The collections' own limits, checked while reading so a bad line is reported with its field. */
export const ARCHIVE_LIMITS = { title: 200, slug: 80, source: 100, summary: 500, author: 60, category: 40, tag: 40 } as const

/** China Standard Time has no daylight saving, so one offset serves every date. */
const CHINA_OFFSET = '+08:00'
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?(Z|[+-]\d{2}:?\d{2})?$/i

/**
 * An ISO 8601 date or date-time. Without an offset it is Beijing time: that is how a Chinese
 * newsroom's old system showed it, whatever the server's own time zone was.
 */
export function parseArchiveDate(text: string): Date | null {
  const match = ISO_DATE_TIME.exec(text.trim())
  if (!match) return null
  const [, day, time = '00:00', offset = CHINA_OFFSET] = match
  if (!isCalendarDay(day)) return null
  const date = new Date(`${day}T${time}${offset.toUpperCase()}`)
  return Number.isNaN(date.getTime()) ? null : date
}

/** Date parsing rolls 2024-02-30 over into March; an archive date like that is a mistake, not a day. */
function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day
}
