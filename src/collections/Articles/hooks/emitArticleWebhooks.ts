import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook } from 'payload'

import { liveRowBefore, saveKindOf } from '../../../hooks/everywhere/noteSaveKind'
import { articleEvents, type LiveArticle } from '../../../lib/webhooks/events'
import type { Article } from '../../../payload-types'
import { queueSearchEnginePushes, queueWebhookDeliveries } from '../../Webhooks/queueDeliveries'
import { ARTICLES_SLUG } from '../../../slugs'

/** Read before the save, while the row still shows what readers saw. */
export const rememberLiveArticle: CollectionBeforeChangeHook<Article> = async ({ context, data, operation, originalDoc, req }) => {
  if (operation === 'update' && originalDoc && saveKindOf(context, ARTICLES_SLUG) === 'live') await liveRowBefore(req, ARTICLES_SLUG, originalDoc.id)
  return data
}

/**
 * Only a save that rewrote the live row can change what readers see: a draft save fires nothing
 * (and pushes nothing to the search engines).
 */
export const emitArticleWebhooks: CollectionAfterChangeHook<Article> = async ({ context, doc, operation, req }) => {
  if (operation === 'update' && saveKindOf(context, ARTICLES_SLUG) !== 'live') return doc
  const before = operation === 'update' ? ((await liveRowBefore(req, ARTICLES_SLUG, doc.id)) as LiveArticle | null) : null
  const messages = articleEvents(before, doc)
  await queueWebhookDeliveries(req, messages)
  await queueSearchEnginePushes(req, messages, doc)
  return doc
}

/** `doc` is the deleted live row. */
export const emitArticleDeletedWebhooks: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  await queueWebhookDeliveries(req, articleEvents(doc, null))
  return doc
}
