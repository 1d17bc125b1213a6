import type { CollectionAfterChangeHook } from 'payload'

import { relationId } from '../../../lib/api/fieldShapes'
import { becomesPublic, excerpt, moderationNoticeDue, replyNoticeDue, type StatusChange } from '../../../lib/notifications'
import type { Comment } from '../../../payload-types'
import { writeNotice } from '../../Notifications/writeNotice'
import { IMPORTED_COMMENT } from './moderateNewComment'
import { ARTICLES_SLUG, COMMENTS_SLUG } from '../../../slugs'

/**
 * Tells readers what a change of a comment's status means for them (src/lib/notifications): its
 * author that a held comment was decided, and the author of the comment it replies to that a reply
 * is now public. Whoever changes the status (a moderator in the admin, over REST or GraphQL, the
 * Local API), the notices are written with the change. Comments brought from an archive tell no one.
 */
export const notifyReaders: CollectionAfterChangeHook<Comment> = async ({ context, doc, operation, previousDoc, req }) => {
  const previousStatus = operation === 'create' ? null : (previousDoc?.status ?? null)
  if (previousStatus === doc.status || context[IMPORTED_COMMENT] === true) return doc
  const change: StatusChange = { commentId: doc.id, readerId: relationId(doc.reader), previousStatus, status: doc.status }
  const parentId = relationId(doc.parent)
  const parent =
    becomesPublic(change) && parentId !== null
      ? await req.payload.findByID({ collection: COMMENTS_SLUG, id: parentId, depth: 0, select: { reader: true }, disableErrors: true, overrideAccess: true, req })
      : null
  const dues = [moderationNoticeDue(change), replyNoticeDue(change, relationId(parent?.reader))].filter((due) => due !== null)
  if (dues.length === 0) return doc
  const articleId = relationId(doc.article)
  const article =
    articleId === null
      ? null
      : await req.payload.findByID({ collection: ARTICLES_SLUG, id: articleId, depth: 0, select: { title: true, slug: true }, disableErrors: true, overrideAccess: true, req })
  for (const due of dues) {
    await writeNotice(req, due, {
      kind: due.kind,
      outcome: due.outcome,
      articleId,
      articleTitle: article?.title ?? '',
      articleSlug: article?.slug ?? '',
      commentId: doc.id,
      commentExcerpt: excerpt(doc.body),
      inReplyTo: due.kind === 'reply' ? parentId : null,
      replierName: due.kind === 'reply' ? (doc.commenter?.displayName ?? null) : null,
    })
  }
  return doc
}
