import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { articleEvents, type LiveArticle } from '../../../lib/webhooks/events'
import type { Article } from '../../../payload-types'
import { queueWebhookDeliveries } from '../../Webhooks/queueDeliveries'

/**
 * The article's row in `articles` itself, which is what readers are shown: a draft save writes only a
 * new version, so neither `previousDoc` (the latest version, perhaps a draft) nor the saved doc tells
 * whether the public saw a change.
 */
function readLiveRow(req: PayloadRequest, id: number): Promise<LiveArticle | null> {
  return req.payload.db.findOne<Article>({
    collection: 'articles',
    where: { id: { equals: id } },
    select: { slug: true, _status: true, updatedAt: true, corrections: true },
    req,
  })
}

const liveBeforeKey = (id: number) => `webhooks:liveArticle:${id}`

export const rememberLiveArticle: CollectionBeforeChangeHook<Article> = async ({ context, data, operation, originalDoc, req }) => {
  if (operation === 'update' && originalDoc) context[liveBeforeKey(originalDoc.id)] = await readLiveRow(req, originalDoc.id)
  return data
}

export const emitArticleWebhooks: CollectionAfterChangeHook<Article> = async ({ context, doc, operation, req }) => {
  const before = operation === 'update' ? ((context[liveBeforeKey(doc.id)] as LiveArticle | null | undefined) ?? null) : null
  // A published save always rewrites the live row. A draft of a live article may be an unpublish
  // (the row now says draft) or a draft save (the row untouched): only the row itself tells.
  const after = doc._status === 'published' || before?._status !== 'published' ? doc : await readLiveRow(req, doc.id)
  await queueWebhookDeliveries(req, articleEvents(before, after))
  return doc
}

/** `doc` is the deleted live row. */
export const emitArticleDeletedWebhooks: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  await queueWebhookDeliveries(req, articleEvents(doc, null))
  return doc
}
