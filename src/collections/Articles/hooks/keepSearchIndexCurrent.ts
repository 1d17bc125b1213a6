import type { CollectionAfterChangeHook } from 'payload'

import type { Article } from '../../../payload-types'
import { indexArticle } from '../../../db/articleSearch'

/** Every save (publish, unpublish, a draft of a live article, a scheduled job) re-checks the search row. */
export const keepSearchIndexCurrent: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  await indexArticle(req.payload, doc.id, req)
  return doc
}
