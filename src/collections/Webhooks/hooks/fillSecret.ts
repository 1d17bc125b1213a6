import type { CollectionBeforeChangeHook } from 'payload'

import { generateWebhookSecret } from '../../../lib/webhooks/signature'
import type { Webhook } from '../../../payload-types'

/**
 * A webhook saved without a secret gets a random one: a new one left empty, or one whose secret was
 * cleared to rotate it. (A save that leaves the field out keeps the stored secret.)
 */
export const fillSecret: CollectionBeforeChangeHook<Webhook> = ({ data }) => {
  if (!data.secret?.trim()) data.secret = generateWebhookSecret()
  return data
}
