import type { CollectionBeforeDeleteHook } from 'payload'
import { APIError } from 'payload'
import { ARTICLES_SLUG, CATEGORIES_SLUG } from '../../../slugs'

/**
 * Deleting a channel would silently orphan its sub-channels (their paths would still name it) and
 * strip the channel from its articles. It must be emptied first, so nothing is lost by accident.
 */
export const refuseDeletingUsedChannels: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const [children, articles] = await Promise.all([
    req.payload.count({ collection: CATEGORIES_SLUG, where: { parent: { equals: id } }, overrideAccess: true, req }),
    req.payload.count({ collection: ARTICLES_SLUG, where: { category: { equals: id } }, overrideAccess: true, req }),
  ])
  if (children.totalDocs === 0 && articles.totalDocs === 0) return
  throw new APIError(
    `频道仍有 ${children.totalDocs} 个下级频道和 ${articles.totalDocs} 篇文章，请先移走 ` +
      `(the channel still has ${children.totalDocs} sub-channels and ${articles.totalDocs} articles: move them first)`,
    409,
    undefined,
    true,
  )
}
