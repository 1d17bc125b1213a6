import type { CollectionAfterChangeHook } from 'payload'

import { commentEvents } from '../../../lib/webhooks/events'
import type { Comment } from '../../../payload-types'
import { queueWebhookDeliveries } from '../../Webhooks/queueDeliveries'

export const emitCommentWebhooks: CollectionAfterChangeHook<Comment> = async ({ doc, operation, previousDoc, req }) => {
  await queueWebhookDeliveries(req, commentEvents(doc, operation === 'update' ? previousDoc : null))
  return doc
}
