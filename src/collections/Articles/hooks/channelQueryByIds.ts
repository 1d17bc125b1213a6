import type { CollectionBeforeOperationHook, Where } from 'payload'

import { channelIdsBySlug } from '../../../db/channelIds'
import { channelQueriesAsIds, channelSlugsIn } from '../../../lib/categories/channelQuery'
import { ARTICLES_SLUG } from '../../../slugs'

/**
 * The channel query (`category.breadcrumbs.slug equals …`) asked as the ids of the channels it
 * means, for every find and count of articles (REST, GraphQL, the Local API): as Payload words it, a
 * join through every channel's breadcrumbs, PostgreSQL read a busy channel's list of a million
 * articles in tens of milliseconds and counted it in seconds.
 */
export const channelQueryByIds: CollectionBeforeOperationHook<typeof ARTICLES_SLUG> = async ({ args, req }) => {
  const asked = args as { where?: Where }
  const slugs = channelSlugsIn(asked.where)
  if (!asked.where || slugs.length === 0) return
  asked.where = channelQueriesAsIds(asked.where, await channelIdsBySlug(req.payload, slugs)) as Where
}
