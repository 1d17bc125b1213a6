import type { Message } from '../i18n/translate'
import { htmlText } from './htmlToLexical'
import type { Said } from './problem'

/**
 * A comment on an article, as its old system kept it. Only approved and held (pending) ones are
 * read: spam, trash, pingbacks and trackbacks never were readers' words on the site.
 */
export type ArchiveComment = {
  /** Its id in the old system: with the article, how a re-import finds it. */
  originalId: string
  /** The original id of the comment it replies to. */
  parent?: string
  author: string
  /** Plain text, its lines kept. */
  body: string
  createdAt?: Date
  status: 'approved' | 'pending'
  /** The commenter's address, kept for admins only. */
  ip?: string
}

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
  comments: ArchiveComment[]
}

/**
 * `at` says where in the file, for people: `line 4`, `item 2 (post 105)`. `warnings` say where the
 * article differs from what the source held, and why.
 */
export type ArchiveEntry = { at: Message; article: ArchiveArticle; warnings: Message[] }
export type ArchiveProblem = { at: Message; field?: string; reason: Said }
export type ParsedArchive = { entries: ArchiveEntry[]; problems: ArchiveProblem[] }

/** The collections' own limits, checked while reading so a bad line is reported with its field. */
export const ARCHIVE_LIMITS = { title: 200, slug: 80, source: 100, summary: 500, author: 60, category: 40, tag: 40, comment: 2000 } as const

/** The title of an article that had none and has no text to take one from. */
const UNTITLED = '（无标题）'
/** Characters of the body an untitled article's title is made of. */
const TITLE_FROM_BODY_LENGTH = 20
/** Characters as a reader counts them: an emoji, or a letter with its accents, is one. */
const CHARACTERS = new Intl.Segmenter('zh', { granularity: 'grapheme' })

/**
 * What an import writes of an article read from a file (its title already text), with a warning for
 * each difference. A post its old system kept behind a password was not public, so it stays a draft.
 * A post without a title is imported all the same, as a draft titled from the start of its body, for
 * an editor to name before it goes out. The comments of a post the old site kept from the public (a
 * password, a private post) were not public either: they come in held, for a moderator to approve
 * if the article is published.
 */
export function archiveEntry(at: Message, article: ArchiveArticle, { passwordProtected = false, privatePost = false } = {}): ArchiveEntry {
  const warnings: Message[] = []
  let { status } = article
  if (passwordProtected) {
    status = 'draft'
    warnings.push({ code: 'IMPORT_PASSWORD_PROTECTED' })
  }
  let { comments } = article
  if ((passwordProtected || privatePost) && comments.some((comment) => comment.status === 'approved')) {
    comments = comments.map((comment) => ({ ...comment, status: 'pending' }))
    warnings.push({ code: 'IMPORT_COMMENTS_HELD' })
  }
  let { title } = article
  if (title === '') {
    title = titleFromBody(article.html)
    status = 'draft'
    warnings.push({ code: 'IMPORT_UNTITLED', values: { title } })
  }
  return { at, article: { ...article, title, status, comments: threadedComments(comments, warnings) }, warnings }
}

/**
 * The comments an import can write, each after the one it replies to. One without text, or longer
 * than a comment may be, is left out with a warning. A reply whose parent is not imported (spam,
 * trash, a pingback, or missing) stands on its own as a top-level comment: its words were public.
 */
function threadedComments(comments: ArchiveComment[], warnings: Message[]): ArchiveComment[] {
  const kept = new Map<string, ArchiveComment>()
  for (const comment of comments) {
    const id = comment.originalId
    if (kept.has(id)) warnings.push({ code: 'IMPORT_COMMENT_REPEATED', values: { id } })
    else if (comment.body === '') warnings.push({ code: 'IMPORT_COMMENT_EMPTY', values: { id } })
    else if (comment.body.length > ARCHIVE_LIMITS.comment) warnings.push({ code: 'IMPORT_COMMENT_TOO_LONG', values: { id, max: ARCHIVE_LIMITS.comment } })
    else kept.set(id, comment)
  }
  const ordered: ArchiveComment[] = []
  const placed = new Set<string>()
  const place = (comment: ArchiveComment, path: Set<string>) => {
    if (placed.has(comment.originalId)) return
    const parent = comment.parent === undefined ? undefined : kept.get(comment.parent)
    // A thread that loops back on itself is broken: the comment closing the loop starts it instead.
    const repliesTo = parent && !path.has(parent.originalId) ? parent : undefined
    if (repliesTo) place(repliesTo, new Set(path).add(repliesTo.originalId))
    placed.add(comment.originalId)
    ordered.push({ ...comment, parent: repliesTo?.originalId })
  }
  for (const comment of kept.values()) place(comment, new Set([comment.originalId]))
  return ordered
}

/** A comment's HTML as plain text: tags dropped, each line (or `<br>`) its own line, blank ones gone. */
export function commentText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .split('\n')
    .map(htmlText)
    .filter((line) => line !== '')
    .join('\n')
}

/**
 * The body's first characters, whole ones, and `…` when it goes on; `（无标题）` when it has no text.
 * One character can be many code units (an emoji sequence, a letter under a pile of combining marks),
 * and the title's limit counts units: characters stop short of it.
 */
function titleFromBody(html: string): string {
  const characters: string[] = []
  for (const { segment } of CHARACTERS.segment(htmlText(html))) {
    characters.push(segment)
    if (characters.length > TITLE_FROM_BODY_LENGTH) break
  }
  let title = ''
  let taken = 0
  for (const character of characters.slice(0, TITLE_FROM_BODY_LENGTH)) {
    if (title.length + character.length >= ARCHIVE_LIMITS.title) break
    title += character
    taken++
  }
  if (taken === 0) return UNTITLED
  return taken < characters.length ? `${title.trim()}…` : title.trim()
}

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
