import type { CollectionBeforeDeleteHook } from 'payload'
import { APIError } from 'payload'

import { say } from '../../../i18n/requestMessages'
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
  const message = { code: 'CHANNEL_IN_USE', values: { channels: children.totalDocs, articles: articles.totalDocs } } as const
  throw new APIError(say(req, message), 409, { code: message.code }, true)
}
