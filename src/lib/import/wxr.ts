import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { slugify } from '../slugify'
import { ARCHIVE_LIMITS, type ArchiveArticle, type ArchiveComment, archiveEntry, type ArchiveEntry, type ArchiveProblem, commentText, type ParsedArchive, parseArchiveDate } from './archive'
import type { Message } from '../i18n/translate'
import { htmlText } from './htmlToLexical'
import { ImportProblem } from './problem'
import { WxrItemSplitter } from './wxrItems'

type XmlNode = Record<string, unknown>

const REPEATED_ELEMENTS = new Set(['item', 'category', 'wp:author', 'wp:category', 'wp:tag', 'wp:postmeta', 'wp:comment'])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => REPEATED_ELEMENTS.has(name),
  // WordPress writes typographic characters in titles as numeric references (&#8217;), which XML
  // allows and the parser only decodes with this option.
  htmlEntities: true,
})

const STATUSES: Record<string, ArchiveArticle['status']> = {
  publish: 'published',
  future: 'draft',
  draft: 'draft',
  pending: 'draft',
  private: 'draft',
}

/** `wp:comment_approved`: what is neither (`spam`, `trash`) is left out. */
const COMMENT_STATUSES: Record<string, ArchiveComment['status']> = { '1': 'approved', '0': 'pending' }
/** `wp:comment_type`: an ordinary comment is empty or `comment`; pingbacks and trackbacks are not readers'. */
const NOT_COMMENTS = new Set(['pingback', 'trackback'])

/** WordPress files every post without a category under this one: it means "none". */
const DEFAULT_CATEGORY = 'uncategorized'
const NO_DATE = '0000-00-00 00:00:00'

type Channel = {
  authorNames: Map<string, string>
  categories: Map<string, { name: string; parent: string }>
  attachmentUrls: Map<string, string>
}

export type WxrChannel = Channel
export type WxrItem = XmlNode

/**
 * A WordPress export (WXR 1.2): its posts, published or not (trash and auto-drafts are not
 * content, and pages, menus and attachments are not articles). Throws only when the file is not
 * well-formed XML or not a WordPress export at all; a post that cannot be read is a problem.
 */
export function parseWxr(xml: string): ParsedArchive {
  const splitter = new WxrItemSplitter()
  const itemTexts = splitter.push(xml)
  splitter.end()
  const channel = wxrChannel(splitter.header ?? '')
  const items = itemTexts.map(parseWxrItem)
  for (const item of items) noteAttachment(channel, item)
  const parsed: ParsedArchive = { entries: [], problems: [] }
  items.forEach((item, index) => {
    const record = wxrRecord(item, index, channel)
    if (record && 'article' in record) parsed.entries.push(record)
    else if (record) parsed.problems.push(record)
  })
  return parsed
}

/** The site's authors and categories, from the export's header (everything before the first item). */
export function wxrChannel(header: string): WxrChannel {
  const parsed = (parseXml(`${header}</channel></rss>`) as { rss?: { channel?: XmlNode | string } }).rss?.channel
  if (parsed === undefined) throw new ImportProblem({ code: 'IMPORT_NOT_WXR' })
  // A channel with nothing before its first item is parsed as an empty string.
  const channel: XmlNode = typeof parsed === 'object' ? parsed : {}
  const authorNames = new Map(
    nodes(channel['wp:author']).map((author) => [text(author['wp:author_login']), text(author['wp:author_display_name']) || text(author['wp:author_login'])]),
  )
  const categories = new Map(
    nodes(channel['wp:category']).map((category) => [
      text(category['wp:category_nicename']),
      { name: text(category['wp:cat_name']), parent: text(category['wp:category_parent']) },
    ]),
  )
  return { authorNames, categories, attachmentUrls: new Map() }
}

/** One `<item>` element; throws when it is not well-formed. */
export function parseWxrItem(xml: string): WxrItem {
  const item = nodes((parseXml(xml) as XmlNode).item)[0]
  if (!item) throw new ImportProblem({ code: 'IMPORT_XML_EMPTY_ITEM' })
  return item
}

/** A post names its featured image by the attachment's post id: the attachment item says where the file is. */
export function noteAttachment(channel: WxrChannel, item: WxrItem): void {
  if (text(item['wp:post_type']) === 'attachment') channel.attachmentUrls.set(text(item['wp:post_id']), text(item['wp:attachment_url']))
}

/** Whether an item's text may be an attachment's, without parsing it: cheap enough to ask of every item. */
export const mayBeAttachment = (xml: string): boolean => xml.includes('attachment')

/** The article (or the problem) the `index`-th item of the export is; null when it is not a post. */
export function wxrRecord(item: WxrItem, index: number, channel: WxrChannel): ArchiveEntry | ArchiveProblem | null {
  if (text(item['wp:post_type']) !== 'post' || !(text(item['wp:status']) in STATUSES)) return null
  const at = { code: 'IMPORT_AT_ITEM', values: { item: index + 1, post: text(item['wp:post_id']) || '?' } } as const
  const entry = entryFromItem(item, at, channel)
  return 'article' in entry ? entry : { at, field: entry.field, reason: entry.reason }
}

function parseXml(xml: string): unknown {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new ImportProblem({ code: 'IMPORT_XML_MALFORMED', values: { detail: valid.err.msg, line: valid.err.line } })
  return parser.parse(xml)
}

function entryFromItem(item: XmlNode, at: Message, context: Channel): ArchiveEntry | { field: string; reason: Message } {
  // The title is WordPress's raw post title (in CDATA since WordPress 5.7): HTML, character references and all.
  const title = htmlText(text(item.title))
  if (title.length > ARCHIVE_LIMITS.title) return { field: 'title', reason: { code: 'TEXT_TOO_LONG', values: { max: ARCHIVE_LIMITS.title } } }
  const status = STATUSES[text(item['wp:status'])]
  const publishedAt = status === 'published' || text(item['wp:status']) === 'future' ? publicationDate(item) : undefined
  if (publishedAt === null) return { field: 'wp:post_date_gmt', reason: { code: 'IMPORT_DATE_INVALID', values: { text: text(item['wp:post_date_gmt']) } } }
  const creator = text(item['dc:creator'])
  const featured = context.attachmentUrls.get(postMeta(item, '_thumbnail_id') ?? '')
  return archiveEntry(
    at,
    {
      originalId: text(item['wp:post_id']) || undefined,
      title,
      slug: slugOf(text(item['wp:post_name'])),
      summary: text(item['excerpt:encoded']) || undefined,
      authors: creator ? [context.authorNames.get(creator) ?? creator] : [],
      categoryPath: categoryPathOf(item, context),
      tags: terms(item, 'post_tag').map((term) => term.name),
      publishedAt,
      status,
      html: wordpressParagraphs(text(item['content:encoded'])),
      images: featured ? [featured] : [],
      comments: commentsOf(item),
    },
    { passwordProtected: text(item['wp:post_password']) !== '', privatePost: text(item['wp:status']) === 'private' },
  )
}

/** The time in UTC, else the site's local time (taken as Beijing time); null when unreadable. */
function publicationDate(item: XmlNode): Date | undefined | null {
  return wordpressDate(text(item['wp:post_date_gmt']), text(item['wp:post_date']))
}

function wordpressDate(gmt: string, local: string): Date | undefined | null {
  if (gmt && gmt !== NO_DATE) return parseArchiveDate(`${gmt}Z`)
  return local && local !== NO_DATE ? parseArchiveDate(local) : undefined
}

/** The post's approved and held comments; a reply names its parent's id (WordPress writes 0 for none). */
function commentsOf(item: XmlNode): ArchiveComment[] {
  return nodes(item['wp:comment']).flatMap((comment) => {
    const status = COMMENT_STATUSES[text(comment['wp:comment_approved'])]
    const originalId = text(comment['wp:comment_id'])
    if (!status || NOT_COMMENTS.has(text(comment['wp:comment_type'])) || originalId === '') return []
    const parent = text(comment['wp:comment_parent'])
    const ip = text(comment['wp:comment_author_IP'])
    return [
      {
        originalId,
        parent: parent === '' || parent === '0' ? undefined : parent,
        author: htmlText(text(comment['wp:comment_author'])).slice(0, ARCHIVE_LIMITS.author),
        body: commentText(text(comment['wp:comment_content'])),
        // An unreadable date is the import's time: the comment matters more than when it was made.
        createdAt: wordpressDate(text(comment['wp:comment_date_gmt']), text(comment['wp:comment_date'])) ?? undefined,
        status,
        ip: ip === '' ? undefined : ip,
      },
    ]
  })
}

/** WordPress percent-encodes Chinese slugs; ours are pinyin, so such a slug is read aloud again. */
function slugOf(postName: string): string | undefined {
  if (postName === '') return undefined
  let decoded = postName
  try {
    decoded = decodeURIComponent(postName)
  } catch {
    // not percent-encoded after all: used as it is
  }
  return slugify(decoded) || undefined
}

function terms(item: XmlNode, domain: string): { name: string; nicename: string }[] {
  return nodes(item.category)
    .filter((category) => category['@_domain'] === domain)
    .map((category) => ({ name: text(category), nicename: String(category['@_nicename'] ?? '') }))
}

/** The deepest of the post's categories, as names from the root down (the channel says the parents). */
function categoryPathOf(item: XmlNode, context: Channel): string[] {
  const paths = terms(item, 'category')
    .filter((term) => term.nicename !== DEFAULT_CATEGORY)
    .map((term) => (context.categories.has(term.nicename) ? ancestry(term.nicename, context) : [term.name]))
  return paths.reduce<string[]>((deepest, path) => (path.length > deepest.length ? path : deepest), [])
}

function ancestry(nicename: string, context: Channel): string[] {
  const path: string[] = []
  const seen = new Set<string>()
  for (let current = nicename; current && !seen.has(current); current = context.categories.get(current)?.parent ?? '') {
    seen.add(current)
    path.unshift(context.categories.get(current)?.name || current)
  }
  return path
}

function postMeta(item: XmlNode, key: string): string | undefined {
  const meta = nodes(item['wp:postmeta']).find((entry) => text(entry['wp:meta_key']) === key)
  return meta ? text(meta['wp:meta_value']) : undefined
}

const BLOCK_TAGS = '(?:p|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|figure|figcaption|div|section|table|thead|tbody|tr|th|td|hr|pre|!--)'
const BLOCK_OPENING = new RegExp(`<${BLOCK_TAGS}[\\s>/]`, 'gi')
const BLOCK_CLOSING = new RegExp(`</${BLOCK_TAGS}>`, 'gi')
const STARTS_WITH_BLOCK = new RegExp(`^</?${BLOCK_TAGS}[\\s>/]`, 'i')

/**
 * The classic editor stores paragraphs as text separated by blank lines, and line breaks as single
 * newlines; WordPress adds the tags only when it shows the post. Text between blank lines (or
 * beside a block element) becomes a paragraph; what is already in block tags stays as it is.
 */
export function wordpressParagraphs(content: string): string {
  return content
    .replace(/\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/g, '$1')
    .replace(BLOCK_OPENING, '\n\n$&')
    .replace(BLOCK_CLOSING, '$&\n\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => (STARTS_WITH_BLOCK.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n')
}

function nodes(value: unknown): XmlNode[] {
  return Array.isArray(value) ? value.filter((node): node is XmlNode => typeof node === 'object' && node !== null) : []
}

/** An element's text, whether the parser gave it as a string or, beside attributes, as `#text`. */
function text(value: unknown): string {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') return String(value)
  if (typeof value === 'object' && value !== null && '#text' in value) return text((value as XmlNode)['#text'])
  return ''
}
