import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../payload-types'

/** Remembers who started an article: reporters may keep editing only their own. */
export const recordCreator: CollectionBeforeChangeHook<Article> = ({ data, operation, req }) => {
  if (operation === 'create' && req.user?.collection === 'users') data.createdBy = req.user.id
  return data
}
