import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../payload-types'

/** The first publication stamps the time unless an editor set one (e.g. an embargoed story). */
export const populatePublishedAt: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}
