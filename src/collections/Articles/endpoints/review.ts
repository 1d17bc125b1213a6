import type { Endpoint, PayloadRequest } from 'payload'

import { isEditorUser, isPublisherUser, isStaffUser } from '../../../access/roleChecks'
import { recordAudit, withoutAutomaticAudit } from '../../../hooks/everywhere/recordAuditTrail'
import { fieldRefusalBody, refusalBody } from '../../../i18n/requestMessages'
import type { Message } from '../../../lib/i18n/translate'
import { checkTransition, REVIEW_ACTION_LABELS, REVIEW_FIELD_LABELS, type ReviewAction, type ReviewState } from '../../../lib/review/states'
import { wordsNeedingOverride } from '../../../lib/review/articleHits'
import type { Article } from '../../../payload-types'
import { REVIEW_TRANSITION } from '../review/guardPublication'
import { notifyReviewTransition } from '../review/notifyReviewTransition'
import { historyEntry, screeningRefusal } from '../review/reviewRecords'
import { imageTexts, screenArticle } from '../review/screenArticle'
import { ARTICLES_SLUG } from '../../../slugs'

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
const refuse = (req: PayloadRequest, status: number, message: Message) => json(status, refusalBody(req, message))
const MAX_OVERRIDE_REASON_LENGTH = 1000

async function latestDraft(req: PayloadRequest): Promise<Article | null> {
  const id = Number(req.routeParams?.id)
  if (!Number.isSafeInteger(id) || id <= 0) return null
  return req.payload.findByID({ collection: ARTICLES_SLUG, id, draft: true, depth: 0, disableErrors: true, overrideAccess: true, req })
}

type ReviewRequest = { action?: unknown; note?: unknown; reason?: unknown }

/**
 * The review workflow's buttons: `POST /api/articles/:id/review` with `{ action, note }`: `submit`
 * (writers), `request-changes` (editors; a note is required), `approve` (editors; the text is
 * screened first), `withdraw` (writers), and `override` (`{ reason }`; the editor-in-chief and admins
 * let the current `review` words through). `GET /api/articles/:id/screening` lists what the word
 * lists find in the latest draft.
 */
export const reviewEndpoints: Endpoint[] = [
  {
    path: '/:id/review',
    method: 'post',
    handler: async (req) => {
      if (!isStaffUser(req.user)) return refuse(req, 403, { code: 'REVIEW_STAFF_ONLY' })
      const article = await latestDraft(req)
      if (!article) return refuse(req, 404, { code: 'ARTICLE_NOT_FOUND' })
      const body = ((await req.json?.().catch(() => null)) ?? {}) as ReviewRequest
      if (body.action === 'override') return override(req, article, body.reason)
      const state = (article.reviewState ?? 'draft') as ReviewState
      const roles = (req.user as { roles?: string[] }).roles ?? []
      const check = checkTransition({ action: body.action, note: body.note, state, roles })
      if (!check.ok) {
        if (check.status !== 400) return refuse(req, check.status, check.message)
        return json(400, fieldRefusalBody(req, { path: check.path, label: REVIEW_FIELD_LABELS[check.path] }, check.message))
      }
      const action = body.action as ReviewAction
      if ((action === 'submit' || action === 'withdraw') && !isEditorUser(req.user) && article.createdBy !== req.user!.id) {
        return refuse(req, 403, { code: 'REVIEW_NOT_OWN_ARTICLE' })
      }
      if (action === 'approve') {
        const refusal = screeningRefusal(req, await screenArticle(req, article), article.screeningOverride?.words)
        if (refusal) return json(refusal.status, { errors: [{ message: refusal.message, data: refusal.data }] })
      }
      const note = typeof body.note === 'string' && body.note.trim() ? body.note.trim() : null
      const approval = action === 'approve' ? { approvedBy: req.user!.id as number, approvedAt: new Date().toISOString() } : {}
      const updated = await saveReviewRecord(
        req,
        article,
        { reviewState: check.to, ...approval, reviewHistory: [...(article.reviewHistory ?? []), historyEntry(req, action, state, check.to, note)] },
        { action: 'transition', detail: `${action}: ${state} → ${check.to}${note ? `: ${note}` : ''}` },
      )
      await notifyReviewTransition(req, updated, action, note)
      return json(200, { id: updated.id, reviewState: updated.reviewState, action, label: REVIEW_ACTION_LABELS[action] })
    },
  },
  {
    path: '/:id/screening',
    method: 'get',
    handler: async (req) => {
      if (!isStaffUser(req.user)) return refuse(req, 403, { code: 'STAFF_ONLY' })
      const article = await latestDraft(req)
      if (!article) return refuse(req, 404, { code: 'ARTICLE_NOT_FOUND' })
      const screening = await screenArticle(req, article)
      return json(200, { ...screening, needsOverride: wordsNeedingOverride(screening.review, article.screeningOverride?.words), override: article.screeningOverride ?? null })
    },
  },
  {
    path: '/screening-report',
    method: 'get',
    handler: async (req) => {
      if (!isEditorUser(req.user)) return refuse(req, 403, { code: 'SCREENING_REPORT_EDITORS_ONLY' })
      return json(200, await publishedArticlesWithHits(req))
    },
  },
]

const REPORT_BATCH = 200

/**
 * Published articles in which the word lists, as they are now, find a `reject` word or a `review`
 * word nobody let through: after a word is added, this is what may need taking down or editing.
 */
async function publishedArticlesWithHits(req: PayloadRequest) {
  const flagged: { id: number; title: string; slug: string | null | undefined; reject: unknown[]; review: unknown[] }[] = []
  let scanned = 0
  for (let page = 1; ; page++) {
    const batch = await req.payload.find({
      collection: ARTICLES_SLUG,
      where: { _status: { equals: 'published' } },
      select: { title: true, slug: true, summary: true, source: true, body: true, coverImage: true, screeningOverride: true },
      sort: '-publishedAt',
      limit: REPORT_BATCH,
      page,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const images = await imageTexts(req, batch.docs)
    for (const article of batch.docs) {
      const screening = await screenArticle(req, article, images)
      const pending = wordsNeedingOverride(screening.review, article.screeningOverride?.words)
      const review = screening.review.filter((hit) => pending.includes(hit.word))
      if (screening.reject.length > 0 || review.length > 0) flagged.push({ id: article.id, title: article.title, slug: article.slug, reject: screening.reject, review })
    }
    scanned += batch.docs.length
    if (!batch.hasNextPage) break
  }
  return { scanned, totalDocs: flagged.length, docs: flagged }
}

/** The editor-in-chief lets the `review` words now in the article through, with a recorded reason. */
async function override(req: PayloadRequest, article: Article, reason: unknown): Promise<Response> {
  if (!isPublisherUser(req.user)) return refuse(req, 403, { code: 'OVERRIDE_PUBLISHERS_ONLY' })
  if (typeof reason !== 'string' || reason.trim().length === 0 || reason.length > MAX_OVERRIDE_REASON_LENGTH) {
    const field = { path: 'reason', label: REVIEW_FIELD_LABELS.reason }
    return json(400, fieldRefusalBody(req, field, { code: 'OVERRIDE_REASON_REQUIRED', values: { max: MAX_OVERRIDE_REASON_LENGTH } }))
  }
  const screening = await screenArticle(req, article)
  if (screening.reject.length > 0) return refuse(req, 400, { code: 'OVERRIDE_REJECT_WORDS' })
  const words = [...new Set(screening.review.map((hit) => hit.word))]
  if (words.length === 0) return refuse(req, 409, { code: 'OVERRIDE_NOTHING_PENDING' })
  const updated = await saveReviewRecord(
    req,
    article,
    {
      screeningOverride: { words, reason: reason.trim(), by: req.user!.id as number, at: new Date().toISOString() },
      reviewHistory: [...(article.reviewHistory ?? []), historyEntry(req, 'override', article.reviewState, article.reviewState ?? 'draft', reason.trim())],
    },
    { action: 'override', detail: `${words.join('、')}: ${reason.trim()}` },
  )
  return json(200, { id: updated.id, screeningOverride: updated.screeningOverride })
}

/**
 * Writes the review record onto the latest draft (the live version, if any, is left as readers see
 * it; the next publish carries the record over), audited as the transition it is rather than as an
 * edit of the record's fields.
 */
async function saveReviewRecord(req: PayloadRequest, article: Article, data: Partial<Article>, audit: { action: 'transition' | 'override'; detail: string }): Promise<Article> {
  const updated = await withoutAutomaticAudit(req, () =>
    req.payload.update({
      collection: ARTICLES_SLUG,
      id: article.id,
      data,
      draft: true,
      depth: 0,
      overrideAccess: true,
      context: { [REVIEW_TRANSITION]: true },
      req,
    }),
  )
  await recordAudit(req, { ...audit, target: { collection: ARTICLES_SLUG, id: article.id, title: article.title }, draft: true })
  return updated
}
