import { isValidSlug } from '../slugify'
import { ARCHIVE_LIMITS, type ArchiveArticle, type ArchiveComment, archiveEntry, type ArchiveEntry, type ArchiveProblem, type ParsedArchive, parseArchiveDate } from './archive'
import { htmlText } from './htmlToLexical'
import { ImportProblem, reasonOf } from './problem'

type Line = Record<string, unknown>

/**
 * JSON Lines, one article a line (see docs/operations.md for the format). Blank lines are ignored; a line
 * that is not JSON, or whose fields are of the wrong kind or too long, becomes a problem naming its
 * line number and field.
 */
export function parseJsonLines(text: string): ParsedArchive {
  const parsed: ParsedArchive = { entries: [], problems: [] }
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      const record = jsonLineRecord(line, index + 1)
      if (record && 'article' in record) parsed.entries.push(record)
      else if (record) parsed.problems.push(record)
    })
  return parsed
}

/** The article (or the problem) one line is; null for a blank line. */
export function jsonLineRecord(line: string, lineNumber: number): ArchiveEntry | ArchiveProblem | null {
  if (line.trim() === '') return null
  const at = { code: 'IMPORT_AT_LINE', values: { line: lineNumber } } as const
  try {
    return archiveEntry(at, articleFromLine(line))
  } catch (error) {
    // Caught per line, so one bad line never stops the others.
    const field = error instanceof ImportProblem ? error.field : undefined
    return { at, ...(field ? { field } : {}), reason: reasonOf(error) }
  }
}

function articleFromLine(line: string): ArchiveArticle {
  const record = jsonObject(line)
  return {
    originalId: originalId(record),
    title: title(record),
    slug: slug(record),
    source: optionalText(record, 'source', ARCHIVE_LIMITS.source),
    summary: optionalText(record, 'summary', ARCHIVE_LIMITS.summary),
    authors: textList(record, 'authors', ARCHIVE_LIMITS.author),
    categoryPath: categoryPath(record),
    tags: textList(record, 'tags', ARCHIVE_LIMITS.tag),
    publishedAt: date(record, 'publishedAt'),
    status: status(record),
    html: optionalText(record, 'html', Infinity) ?? '',
    images: textList(record, 'images', Infinity),
    comments: comments(record),
  }
}

/** `comments`: a list of objects, each read like a line, its fields named `comments[2].status` in a problem. */
function comments(record: Line): ArchiveComment[] {
  const value = record.comments
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new ImportProblem({ code: 'IMPORT_COMMENT_LIST_EXPECTED' }, 'comments')
  return value.map((item: unknown, index) => {
    const at = `comments[${index}]`
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new ImportProblem({ code: 'IMPORT_OBJECT_EXPECTED' }, at)
    const comment = item as Line
    const field = <T>(read: () => T): T => {
      try {
        return read()
      } catch (error) {
        if (error instanceof ImportProblem) throw new ImportProblem(error.reason, `${at}.${error.field}`)
        throw error
      }
    }
    const originalId = field(() => idText(comment, 'id'))
    if (originalId === undefined) throw new ImportProblem({ code: 'IMPORT_COMMENT_ID_REQUIRED' }, `${at}.id`)
    const parent = field(() => idText(comment, 'parent'))
    const commentStatus = comment.status ?? 'approved'
    if (commentStatus !== 'approved' && commentStatus !== 'pending') throw new ImportProblem(expectedOneOf('approved', 'pending'), `${at}.status`)
    return {
      originalId,
      parent,
      author: field(() => optionalText(comment, 'author', ARCHIVE_LIMITS.author)) ?? '',
      body: field(() => optionalText(comment, 'body', Infinity)) ?? '',
      createdAt: field(() => date(comment, 'date')),
      status: commentStatus,
    }
  })
}

function jsonObject(line: string): Line {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    throw new ImportProblem({ code: 'IMPORT_NOT_JSON', values: { detail: (error as Error).message } })
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ImportProblem({ code: 'IMPORT_NOT_JSON_OBJECT' })
  return value as Line
}

function optionalText(record: Line, field: string, maxLength: number): string | undefined {
  const value = record[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw new ImportProblem({ code: 'TEXT_EXPECTED' }, field)
  const text = value.trim()
  if (text.length > maxLength) throw new ImportProblem({ code: 'TEXT_TOO_LONG', values: { max: maxLength } }, field)
  return text === '' ? undefined : text
}

/**
 * The title as text (HTML in it read as a browser shows it); empty when the line gives none, and the
 * article is then titled from its body.
 */
function title(record: Line): string {
  const text = htmlText(optionalText(record, 'title', Infinity) ?? '')
  if (text.length > ARCHIVE_LIMITS.title) throw new ImportProblem({ code: 'TEXT_TOO_LONG', values: { max: ARCHIVE_LIMITS.title } }, 'title')
  return text
}

function textList(record: Line, field: string, maxLength: number): string[] {
  const value = record[field]
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new ImportProblem({ code: 'IMPORT_TEXT_LIST_EXPECTED' }, field)
  const items = (value as string[]).map((item) => item.trim()).filter((item) => item !== '')
  const tooLong = items.find((item) => item.length > maxLength)
  if (tooLong) throw new ImportProblem({ code: 'IMPORT_ITEM_TOO_LONG', values: { item: tooLong, max: maxLength } }, field)
  return [...new Set(items)]
}

/** A list of names from the root down, or the same as one text: `财经 > 宏观` or `财经/宏观`. */
function categoryPath(record: Line): string[] {
  const value = record.category
  if (typeof value !== 'string') return textList(record, 'category', ARCHIVE_LIMITS.category)
  return textList({ category: value.split(/[>/]/) }, 'category', ARCHIVE_LIMITS.category)
}

function status(record: Line): ArchiveArticle['status'] {
  const value = record.status ?? 'published'
  if (value !== 'published' && value !== 'draft') throw new ImportProblem(expectedOneOf('published', 'draft'), 'status')
  return value
}

function originalId(record: Line): string | undefined {
  return idText(record, 'id')
}

/** An id as text, given as text or as a number. */
function idText(record: Line, field: string): string | undefined {
  const value = record[field]
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return optionalText(record, field, 200)
}

function slug(record: Line): string | undefined {
  const value = optionalText(record, 'slug', ARCHIVE_LIMITS.slug)
  if (value !== undefined && !isValidSlug(value)) throw new ImportProblem({ code: 'IMPORT_SLUG_INVALID' }, 'slug')
  return value
}

function date(record: Line, field: string): Date | undefined {
  const text = optionalText(record, field, 100)
  if (text === undefined) return undefined
  const parsed = parseArchiveDate(text)
  if (!parsed) throw new ImportProblem({ code: 'IMPORT_ISO_DATE_INVALID', values: { text } }, field)
  return parsed
}

/** A field's values as written in the file, the same in either language. */
const expectedOneOf = (...values: string[]) => ({ code: 'OPTION_EXPECTED', values: { options: values.map((value) => ({ zh: value, en: value })) } }) as const
