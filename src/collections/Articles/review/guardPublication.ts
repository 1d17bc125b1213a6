import type { CollectionBeforeChangeHook } from 'payload'

import { isPublisherUser } from '../../../access/roleChecks'
import { liveRowBefore } from '../../../hooks/everywhere/noteSaveKind'
import { relationIds } from '../../../lib/api/fieldShapes'
import type { Article } from '../../../payload-types'
import { historyEntry, screeningRefusal } from './reviewRecords'
import { screenArticle } from './screenArticle'
import { ARTICLES_SLUG, USERS_SLUG } from '../../../slugs'

/** Fields whose change means an approved article is no longer what was approved. */
const CONTENT_FIELDS = ['title', 'summary', 'source', 'body', 'coverImage', 'authors', 'category', 'tags', 'corrections'] as const
const RELATION_FIELDS: ReadonlySet<string> = new Set(['coverImage', 'authors', 'category', 'tags'])

/** Set by the review endpoint on its own writes, which change the record and not the content. */
export const REVIEW_TRANSITION = 'newsroom.reviewTransition'

/**
 * Every way an article goes live passes here: a publish over REST, GraphQL or the admin, a scheduled
 * job, a version restored as the live one. The text is screened first (a `reject` word refuses it;
 * a `review` word needs the editor-in-chief's recorded override). A publisher's publish of an
 * article not yet approved is their approval too, and is recorded as such: the editor-in-chief is
 * an approver, and breaking news cannot wait for a second person.
 */
export const guardPublication: CollectionBeforeChangeHook<Article> = async ({ data, operation, originalDoc, req }) => {
  if (data._status !== 'published') return data
  const refusal = screeningRefusal(req, await screenArticle(req, data), data.screeningOverride?.words)
  if (refusal) throw refusal
  const history = [...(data.reviewHistory ?? [])]
  if (data.reviewState !== 'approved') {
    history.push(historyEntry(req, 'approve', data.reviewState, 'approved', '发布时审核通过 (approved on publishing)'))
    data.reviewState = 'approved'
    data.approvedBy = req.user?.collection === USERS_SLUG ? (req.user.id as number) : null
    data.approvedAt = new Date().toISOString()
  }
  // Going live is a step in the history; saving the article while it is live is an edit, not another.
  const wasLive = operation === 'update' && originalDoc ? (await liveRowBefore(req, ARTICLES_SLUG, originalDoc.id))?._status === 'published' : false
  if (!wasLive) history.push(historyEntry(req, 'publish', 'approved', 'approved'))
  data.reviewHistory = history
  return data
}

/**
 * An approved article edited afterwards by someone who cannot approve it is no longer what was
 * approved: it goes back to draft, to be submitted again.
 */
export const resetApprovalOnEdit: CollectionBeforeChangeHook<Article> = ({ data, originalDoc, operation, req, context }) => {
  if (operation !== 'update' || data._status === 'published' || context[REVIEW_TRANSITION] || !originalDoc) return data
  if (data.reviewState !== 'approved' || !req.user || isPublisherUser(req.user)) return data
  const changed = CONTENT_FIELDS.some((field) => comparable(field, data[field]) !== comparable(field, originalDoc[field]))
  if (!changed) return data
  data.reviewHistory = [...(data.reviewHistory ?? []), historyEntry(req, 'reset', 'approved', 'draft')]
  data.reviewState = 'draft'
  return data
}

/** Relations come as ids or as documents depending on depth: those are compared by id. */
function comparable(field: (typeof CONTENT_FIELDS)[number], value: unknown): string {
  return JSON.stringify(RELATION_FIELDS.has(field) ? relationIds(value) : (value ?? null))
}
