import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { APIError } from 'payload'

import { isReaderUser } from '../../../access/roleChecks'
import { fieldRefusal, say } from '../../../i18n/requestMessages'
import { currentScreener } from '../../../hooks/currentScreener'
import { CLIENT_IP_HEADER } from '../../../lib/http/clientIp'
import { COMMENT_FIELD_LABELS, DEFAULT_MODERATION_SETTINGS, moderateComment, type ModerationSettings } from '../../../lib/moderation'
import { relationId } from '../../../lib/api/fieldShapes'
import type { Comment } from '../../../payload-types'
import { commenterOf } from '../commenter'
import { ARTICLES_SLUG, COMMENTS_SLUG, MODERATION_SETTINGS_SLUG, READERS_SLUG } from '../../../slugs'

/**
 * Set by the importer on a comment from an archive: it was moderated on the site it comes from, and
 * carries its own commenter and status, so it is written as it is.
 */
export const IMPORTED_COMMENT = 'newsroom.importedComment'

/**
 * A reader's new comment: taken as the logged-in reader (never a reader named in the body), checked
 * to reply within its own article, then run through the moderation pipeline, which refuses it or
 * decides its status and records why. Comments made by server code (the demo seed) keep what they
 * are given, their commenter taken from the reader they name; imported ones keep their commenter too.
 */
export const moderateNewComment: CollectionBeforeChangeHook<Comment> = async ({ context, data, operation, req }) => {
  if (operation !== 'create') return data
  if (!isReaderUser(req.user)) {
    if (context[IMPORTED_COMMENT] === true) return data
    data.commenter = await commenterOf(await loadReader(relationId(data.reader), req), req)
    return data
  }
  const now = new Date()
  const readerId = req.user!.id as number
  const articleId = relationId(data.article)
  if (articleId === null) {
    throw fieldRefusal(req, COMMENTS_SLUG, { path: 'article', label: COMMENT_FIELD_LABELS.article }, { code: 'COMMENT_ARTICLE_REQUIRED' })
  }
  const [reader, article, settings] = await Promise.all([loadReader(readerId, req), loadArticle(articleId, req), loadSettings(req)])
  await assertReplyInSameArticle(relationId(data.parent), articleId, req)

  const ip = req.headers.get(CLIENT_IP_HEADER)
  const [history, ipCount, screener] = await Promise.all([
    readerHistory(readerId, settings, now, req),
    ip ? countSince(req, { ip: { equals: ip } }, now, settings.ipWindowSeconds) : Promise.resolve(0),
    currentScreener(req),
  ])
  const decision = moderateComment({
    body: typeof data.body === 'string' ? data.body : '',
    now,
    article: { published: article?._status === 'published', allowComments: article?.allowComments !== false },
    reader: {
      status: reader?.status ?? 'active',
      suspendedUntil: reader?.suspendedUntil ?? null,
      approvedComments: history.approved,
    },
    readerLastCommentAt: history.lastAt,
    readerRecentBodies: history.recentBodies,
    ipCommentsInWindow: ipCount,
    screener,
    settings,
  })
  if (decision.kind === 'refused') {
    const { refusal } = decision
    if (refusal.status === 400) throw fieldRefusal(req, COMMENTS_SLUG, { path: 'body', label: COMMENT_FIELD_LABELS.body }, refusal.message)
    const data = { code: refusal.message.code, retryAfterSeconds: refusal.retryAfterSeconds }
    throw new APIError(say(req, refusal.message), refusal.status, data, true)
  }
  return {
    ...data,
    reader: readerId,
    body: decision.body,
    status: decision.status,
    featured: false,
    maskedOriginal: decision.maskedOriginal,
    screening: decision.notes,
    ip,
    commenter: await commenterOf(reader, req),
  }
}

async function loadReader(id: number | null, req: PayloadRequest) {
  if (id === null) return null
  return req.payload.findByID({ collection: READERS_SLUG, id, depth: 0, disableErrors: true, overrideAccess: true, req })
}

async function loadArticle(id: number | null, req: PayloadRequest) {
  if (id === null) return null
  return req.payload.findByID({
    collection: ARTICLES_SLUG,
    id,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    select: { _status: true, allowComments: true },
    req,
  })
}

async function loadSettings(req: PayloadRequest): Promise<ModerationSettings> {
  const stored = await req.payload.findGlobal({ slug: MODERATION_SETTINGS_SLUG, depth: 0, overrideAccess: true, req })
  const settings = { ...DEFAULT_MODERATION_SETTINGS }
  for (const key of Object.keys(settings) as (keyof ModerationSettings)[]) {
    const value = stored?.[key as keyof typeof stored]
    if (value !== null && value !== undefined) (settings as Record<string, unknown>)[key] = value
  }
  return settings
}

async function assertReplyInSameArticle(parentId: number | null, articleId: number | null, req: PayloadRequest) {
  if (parentId === null) return
  const parent = await req.payload.findByID({
    collection: COMMENTS_SLUG,
    id: parentId,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    select: { article: true, status: true },
    req,
  })
  if (!parent || relationId(parent.article) !== articleId || parent.status !== 'approved') {
    throw fieldRefusal(req, COMMENTS_SLUG, { path: 'parent', label: COMMENT_FIELD_LABELS.parent }, { code: 'COMMENT_REPLY_ELSEWHERE' })
  }
}

async function readerHistory(readerId: number, settings: ModerationSettings, now: Date, req: PayloadRequest) {
  const since = new Date(now.getTime() - settings.repeatWindowSeconds * 1000).toISOString()
  const [approved, latest, recent] = await Promise.all([
    req.payload.count({ collection: COMMENTS_SLUG, where: { reader: { equals: readerId }, status: { equals: 'approved' } }, overrideAccess: true, req }),
    req.payload.find({ collection: COMMENTS_SLUG, where: { reader: { equals: readerId } }, sort: '-createdAt', limit: 1, depth: 0, select: { createdAt: true }, overrideAccess: true, req }),
    req.payload.find({
      collection: COMMENTS_SLUG,
      where: { reader: { equals: readerId }, createdAt: { greater_than: since } },
      limit: 100,
      depth: 0,
      select: { body: true, maskedOriginal: true },
      overrideAccess: true,
      req,
    }),
  ])
  return {
    approved: approved.totalDocs,
    lastAt: latest.docs[0]?.createdAt ?? null,
    recentBodies: recent.docs.map((doc) => doc.maskedOriginal ?? doc.body),
  }
}

async function countSince(req: PayloadRequest, where: Record<string, unknown>, now: Date, seconds: number) {
  const since = new Date(now.getTime() - seconds * 1000).toISOString()
  const { totalDocs } = await req.payload.count({ collection: COMMENTS_SLUG, where: { ...where, createdAt: { greater_than: since } }, overrideAccess: true, req })
  return totalDocs
}
