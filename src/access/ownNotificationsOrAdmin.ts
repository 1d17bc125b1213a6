import type { Access } from 'payload'

import { isAdminUser, isReaderUser } from './roleChecks'

/**
 * A reader reads their own notifications only, whatever they ask for (the `where` is forced); an
 * admin reads every one, read-only, to answer a reader's question. Other staff and anonymous callers
 * read none: a notice names the reader and what moderators decided about them.
 */
export const ownNotificationsOrAdmin: Access = ({ req }) => {
  if (isAdminUser(req.user)) return true
  if (isReaderUser(req.user)) return { reader: { equals: req.user!.id } }
  return false
}
