import type { CollectionBeforeOperationHook } from 'payload'

import { ARTICLES_SLUG } from '../../../slugs'

/**
 * The admin's list reads only the columns it shows (`enableListViewSelectAPI`) and shows a
 * publication time in the time zone kept beside it, which Payload does not select with the time: a
 * Local API read (the admin's) that selects the time gets its zone too. Over REST and GraphQL a
 * select answers exactly the fields it names, as docs/api.md promises.
 */
export const selectPublishedAtTimeZone: CollectionBeforeOperationHook<typeof ARTICLES_SLUG> = ({ args, operation, req }) => {
  if (operation !== 'read' || req.payloadAPI !== 'local') return
  const asked = args as { select?: Record<string, unknown> }
  if (asked.select?.publishedAt === true) asked.select = { ...asked.select, publishedAt_tz: true }
}
