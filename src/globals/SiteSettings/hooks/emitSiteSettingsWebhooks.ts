import type { GlobalAfterChangeHook } from 'payload'

import { queueWebhookDeliveries } from '../../../collections/Webhooks/queueDeliveries'
import { siteSettingsEvents } from '../../../lib/webhooks/events'

export const emitSiteSettingsWebhooks: GlobalAfterChangeHook = async ({ doc, req }) => {
  await queueWebhookDeliveries(req, siteSettingsEvents())
  return doc
}
