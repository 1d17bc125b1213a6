import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../payload-types'
import { USERS_SLUG } from '../../../slugs'

/**
 * Remembers who started an article, because reporters may keep editing only their own. It is set
 * once, on create, and carried over by every later save, version restores included (a restored
 * draft would otherwise come back without it and lock its reporter out).
 */
export const keepCreator: CollectionBeforeChangeHook<Article> = ({ data, operation, originalDoc, req }) => {
  if (operation === 'create') {
    if (req.user?.collection === USERS_SLUG) data.createdBy = req.user.id
    return data
  }
  const creator = originalDoc?.createdBy
  data.createdBy = creator && typeof creator === 'object' ? creator.id : (creator ?? null)
  return data
}
