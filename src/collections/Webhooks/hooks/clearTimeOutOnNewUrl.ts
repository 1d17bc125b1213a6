import type { CollectionBeforeChangeHook } from 'payload'

import type { Webhook } from '../../../payload-types'

/** A new receiver address starts in the fast lane: the time-out was the old address's. */
export const clearTimeOutOnNewUrl: CollectionBeforeChangeHook<Webhook> = ({ data, operation, originalDoc }) => {
  if (operation === 'update' && data.url !== undefined && data.url !== originalDoc?.url) data.timedOutAt = null
  return data
}
