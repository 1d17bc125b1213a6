import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { relationId } from '../../../lib/api/fieldShapes'
import type { Comment } from '../../../payload-types'
import { ARTICLES_SLUG, COMMENTS_SLUG } from '../../../slugs'

/**
 * Articles show how many approved comments they have and comments how many approved replies:
 * both are recounted whenever a comment appears, changes status or goes, so reading them costs
 * nothing. (Database-level writes: a count is not an editorial change worth a new version.)
 */
export async function recount(comment: Pick<Comment, 'article' | 'parent'>, req: PayloadRequest): Promise<void> {
  const articleId = relationId(comment.article)
  const parentId = relationId(comment.parent)
  if (articleId !== null) {
    const approved = await approvedCommentsOn(articleId, req)
    await req.payload.db.updateMany({ collection: ARTICLES_SLUG, where: { id: { equals: articleId } }, data: { approvedCommentCount: approved }, req })
  }
  if (parentId !== null) {
    const { totalDocs } = await req.payload.count({
      collection: COMMENTS_SLUG,
      where: { parent: { equals: parentId }, status: { equals: 'approved' } },
      overrideAccess: true,
      req,
    })
    await req.payload.db.updateMany({ collection: COMMENTS_SLUG, where: { id: { equals: parentId } }, data: { replyCount: totalDocs }, req })
  }
}

export async function approvedCommentsOn(articleId: number, req: PayloadRequest): Promise<number> {
  const { totalDocs } = await req.payload.count({
    collection: COMMENTS_SLUG,
    where: { article: { equals: articleId }, status: { equals: 'approved' } },
    overrideAccess: true,
    req,
  })
  return totalDocs
}

export const countApprovedComments: CollectionAfterChangeHook<Comment> = async ({ doc, previousDoc, operation, req }) => {
  // Moving to the trash, or back, counts as the comment going or coming back.
  if (operation === 'create' || doc.status !== previousDoc?.status || Boolean(doc.deletedAt) !== Boolean(previousDoc?.deletedAt)) await recount(doc, req)
  return doc
}

export const countAfterDelete: CollectionAfterDeleteHook<Comment> = async ({ doc, req }) => {
  await recount(doc, req)
  return doc
}
