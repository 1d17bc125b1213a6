import { relationId } from '../api/fieldShapes'
import { ARTICLES_SLUG, COMMENTS_SLUG, SITE_SETTINGS_SLUG } from '../../slugs'

export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.deleted',
  'comment.approved',
  'correction.published',
  'site-settings.changed',
  'articles.imported',
] as const

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, { zh: string; en: string }> = {
  'article.published': { zh: '文章发布', en: 'Article published' },
  'article.updated': { zh: '已发布文章更新', en: 'Published article updated' },
  'article.unpublished': { zh: '文章撤回', en: 'Article unpublished' },
  'article.deleted': { zh: '文章删除', en: 'Article deleted' },
  'comment.approved': { zh: '评论通过', en: 'Comment approved' },
  'correction.published': { zh: '更正说明发布', en: 'Correction notice published' },
  'site-settings.changed': { zh: '站点设置变更', en: 'Site settings changed' },
  'articles.imported': { zh: '文章批量导入', en: 'Articles imported in bulk' },
}

export type CorrectionNotice = { id: string; kind: string | null; date: string | null; text: string | null }

/**
 * What a receiver needs to purge or rebuild pages: ids, slugs and public text, never personal data
 * (no emails, addresses or moderation records).
 */
export type WebhookData =
  | { collection: typeof ARTICLES_SLUG; id: number; slug: string | null; previousSlug?: string | null }
  | { collection: typeof ARTICLES_SLUG; id: number; slug: string | null; corrections: CorrectionNotice[] }
  | { collection: typeof COMMENTS_SLUG; id: number; article: number | null; parent: number | null }
  | { global: typeof SITE_SETTINGS_SLUG }
  | { collection: typeof ARTICLES_SLUG; imported: ImportedArticles }

/** A bulk import's one notice: a receiver rebuilds what lists articles rather than purging page by page. */
export type ImportedArticles = { system: string; created: number; updated: number; comments: number }

export type WebhookMessage = { event: WebhookEvent; data: WebhookData }

/**
 * An article's live row, the one readers are shown when `_status` is `published`. A draft saved
 * over a live article does not touch it (its `updatedAt` stays), so that save changes nothing public.
 */
export type LiveArticle = {
  id: number
  slug?: string | null
  _status?: string | null
  updatedAt: string
  corrections?: readonly { id?: string | null; kind?: string | null; date?: string | null; text?: string | null }[] | null
}

const isLive = (article: LiveArticle | null): article is LiveArticle => article?._status === 'published'

/**
 * The events an article's save or deletion fires, from its live row before (null for a new article)
 * and after (null once deleted). Only what readers can see counts: a draft, new or saved over the
 * live version, fires nothing.
 */
export function articleEvents(before: LiveArticle | null, after: LiveArticle | null): WebhookMessage[] {
  const seen = isLive(before) ? before : null
  if (!isLive(after)) {
    // Readers lose the page they knew, under the slug they knew.
    if (!seen) return []
    return [{ event: after ? 'article.unpublished' : 'article.deleted', data: articleRef(seen) }]
  }
  // A draft saved over the live article leaves the live row, and its updatedAt, as they were.
  if (seen && seen.updatedAt === after.updatedAt) return []
  const messages: WebhookMessage[] = [
    seen
      ? { event: 'article.updated', data: { ...articleRef(after), ...(seen.slug !== after.slug && { previousSlug: seen.slug ?? null }) } }
      : { event: 'article.published', data: articleRef(after) },
  ]
  const added = addedNotices(before, after)
  if (added.length > 0) messages.push({ event: 'correction.published', data: { ...articleRef(after), corrections: added } })
  return messages
}

function articleRef(article: LiveArticle): { collection: typeof ARTICLES_SLUG; id: number; slug: string | null } {
  return { collection: ARTICLES_SLUG, id: article.id, slug: article.slug ?? null }
}

/**
 * Notices (by their row id) on the live article now that were not on its live row before, whether
 * that row was published or not. The link to the reader's correction request stays out.
 */
function addedNotices(before: LiveArticle | null, after: LiveArticle): CorrectionNotice[] {
  const known = new Set((before?.corrections ?? []).map((notice) => notice.id))
  return (after.corrections ?? [])
    .filter((notice) => notice.id && !known.has(notice.id))
    .map((notice) => ({ id: notice.id!, kind: notice.kind ?? null, date: notice.date ?? null, text: notice.text ?? null }))
}

export type CommentState = { id: number; status?: string | null; article?: unknown; parent?: unknown }

/** A comment fires `comment.approved` when it becomes approved, on creation (the pipeline published it) or by a moderator. */
export function commentEvents(comment: CommentState, previous: CommentState | null): WebhookMessage[] {
  if (comment.status !== 'approved' || previous?.status === 'approved') return []
  return [
    {
      event: 'comment.approved',
      data: { collection: COMMENTS_SLUG, id: comment.id, article: relationId(comment.article), parent: relationId(comment.parent) },
    },
  ]
}

export function articlesImportedEvents(imported: ImportedArticles): WebhookMessage[] {
  return imported.created + imported.updated + imported.comments > 0 ? [{ event: 'articles.imported', data: { collection: ARTICLES_SLUG, imported } }] : []
}

/** Every save of the site settings fires, whatever changed: the footer is on every page. */
export function siteSettingsEvents(): WebhookMessage[] {
  return [{ event: 'site-settings.changed', data: { global: SITE_SETTINGS_SLUG } }]
}
