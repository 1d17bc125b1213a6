import { correctionJsonLd, type CorrectionKind } from '../corrections'
import { forEachLexicalNode, type LexicalNode } from '../richText/lexicalNodes'
import { ARTICLES_SLUG, MEDIA_SLUG } from '../../slugs'

/**
 * The article page as the one query of src/db/articlePage.ts returns it: each
 * part as PostgreSQL built it (JSON), with related images and linked articles by id.
 */
export type ArticlePageRow = {
  article: {
    id: number
    title: string
    slug: string | null
    summary: string | null
    source: string | null
    responsibleEditorName: string | null
    publishedAt: string | null
    updatedAt: string
    allowComments: boolean | null
    approvedCommentCount: number | null
    body: LexicalDocument | null
    coverImageId: number | null
  }
  authors: { id: number; name: string; slug: string | null; title: string | null; avatarId: number | null }[]
  category: { id: number; name: string; slug: string | null; breadcrumbs: { id: string; name: string | null; slug: string | null }[] } | null
  tags: { id: number; name: string; slug: string | null }[]
  corrections: { id: string; date: string; kind: CorrectionKind; text: string; request: number | null }[]
  /** Newest first, one more than a page holds: that one only says there are more. */
  featuredComments: { id: number; body: string; createdAt: string; likeCount: number | null; commenter: Record<string, string | null>; ipRegion?: string | null; deletedAt: string | null }[]
  media: MediaRow[]
  /** Published articles the body links to. */
  links: { id: number; title: string; slug: string | null }[]
  /** 阅读量: the views written so far (each instance writes its count every few seconds). */
  views: number
  /** 相关阅读, most related first; 上一篇 and 下一篇 in its channel (published just before and just after). */
  related: Teaser[]
  previous: Teaser | null
  next: Teaser | null
}

type Teaser = { id: number; title: string; slug: string | null; publishedAt: string | null }

export type MediaRow = {
  id: number
  alt: string
  caption: string | null
  credit: string | null
  url: string | null
  filename: string | null
  width: number | null
  height: number | null
  sizes: Record<string, { url: string | null; width: number | null; height: number | null; filename: string | null }>
}

type LexicalDocument = { root: LexicalNode }

/** How many 精彩评论 an article page shows: the articles' `featuredComments` join gives as many by default. */
export const FEATURED_COMMENTS_SHOWN = 10

/** How many 相关阅读 an article page shows. */
export const RELATED_SHOWN = 6

/**
 * Where an upload is read: its stored URL when that is elsewhere (a storage service), else this
 * server's file route. The same rule as Payload's own (`generateFilePathOrURL`), so the page's image
 * URLs are the ones every other API answer gives.
 */
function uploadUrl(collection: string, serverUrl: string, stored: string | null, filename: string | null): string | null {
  if (stored && !stored.startsWith('/') && !stored.startsWith(serverUrl)) return stored
  return filename ? `${serverUrl}/api/${collection}/file/${encodeURIComponent(filename)}` : null
}

/** An image as the public API serves it: its URLs and its sizes' where they are read. */
export function servedImage(row: MediaRow, serverUrl: string) {
  const sizes = Object.fromEntries(
    Object.entries(row.sizes).map(([name, size]) => [name, { ...size, url: uploadUrl(MEDIA_SLUG, serverUrl, size.url, size.filename) }]),
  )
  return { ...row, url: uploadUrl(MEDIA_SLUG, serverUrl, row.url, row.filename), sizes }
}

const isoTime = (value: string | null) => (value === null ? null : new Date(value).toISOString())

const teaser = (article: Teaser | null) => article && { ...article, publishedAt: isoTime(article.publishedAt) }

/**
 * The page document: what Payload's find with the page's `select` at depth 2 answers for an
 * anonymous reader (tests/api/articlePage.test.ts holds the two side by side), except that a link
 * to another published article carries that article's id, title and slug rather than all of it;
 * then what only the page has: its views, and the articles it points readers on to (`related`, `previous`, `next`).
 */
export function assembleArticlePage(row: ArticlePageRow, serverUrl: string) {
  const media = new Map(row.media.map((item) => [item.id, servedImage(item, serverUrl)]))
  const links = new Map(row.links.map((link) => [link.id, link]))
  const imageOf = (id: number | null) => (id === null ? null : (media.get(id) ?? null))
  const { article } = row
  const corrections = row.corrections.map((correction) => ({ ...correction, date: isoTime(correction.date)! }))
  return {
    id: article.id,
    title: article.title,
    slug: article.slug,
    summary: article.summary,
    source: article.source,
    authors: row.authors.map(({ avatarId, ...author }) => ({ ...author, avatar: imageOf(avatarId) })),
    responsibleEditorName: article.responsibleEditorName,
    category: row.category,
    tags: row.tags,
    coverImage: imageOf(article.coverImageId),
    body: article.body && populateBody(article.body, imageOf, (id) => links.get(id) ?? id),
    publishedAt: isoTime(article.publishedAt),
    allowComments: article.allowComments,
    corrections,
    featuredComments: {
      docs: row.featuredComments.slice(0, FEATURED_COMMENTS_SHOWN).map((comment) => ({ ...comment, createdAt: isoTime(comment.createdAt)! })),
      hasNextPage: row.featuredComments.length > FEATURED_COMMENTS_SHOWN,
    },
    approvedCommentCount: article.approvedCommentCount,
    updatedAt: isoTime(article.updatedAt)!,
    correctionsJsonLd: correctionJsonLd(corrections),
    views: row.views,
    related: row.related.map(teaser),
    previous: teaser(row.previous),
    next: teaser(row.next),
  }
}

/**
 * The body with each image node's `value` the image (null when gone), and each internal link's
 * `doc.value` the article (left its id when the public cannot read it, as Payload leaves it). The
 * body is this request's own, parsed from the query's answer: it is filled in where it is.
 */
function populateBody(body: LexicalDocument, imageOf: (id: number) => unknown, articleOf: (id: number) => unknown): LexicalDocument {
  forEachLexicalNode(body, (node) => {
    const image = uploadedImageId(node)
    if (image !== null) node.value = imageOf(image)
    const article = linkedArticleId(node)
    if (article !== null) (linkOf(node)!.doc as { value: unknown }).value = articleOf(article)
  })
  return body
}

/** An id as the page query reads them from the body (src/db/articlePage.ts): up to 9 digits. */
const asId = (value: unknown): number | null => {
  const id = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value
  return typeof id === 'number' && Number.isInteger(id) && id > 0 && id < 1e9 ? id : null
}

function uploadedImageId(node: LexicalNode): number | null {
  return node.type === 'upload' && node.relationTo === MEDIA_SLUG ? asId(node.value) : null
}

const linkOf = (node: LexicalNode) => (node.type === 'link' ? (node.fields as { linkType?: string; doc?: { relationTo?: string; value?: unknown } } | undefined) : undefined)

function linkedArticleId(node: LexicalNode): number | null {
  const fields = linkOf(node)
  return fields?.linkType === 'internal' && fields.doc?.relationTo === ARTICLES_SLUG ? asId(fields.doc.value) : null
}
