import type { Access, FieldAccess } from 'payload'

import { isModeratorUser, isReaderUser } from './roleChecks'

/** Moderators and admins see every reader account; a reader only their own. */
export const moderatorsOrSelf: Access = ({ req }) => {
  if (isModeratorUser(req.user)) return true
  if (isReaderUser(req.user)) return { id: { equals: req.user!.id } }
  return false
}

export const moderatorsOrSelfField: FieldAccess = ({ req, id, doc }) =>
  isModeratorUser(req.user) || (isReaderUser(req.user) && String(req.user!.id) === String(id ?? doc?.id))
