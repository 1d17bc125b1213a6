import type { Access } from 'payload'

import { isEditorUser, isModeratorUser, isReaderUser } from './roleChecks'

/** Triagers read every correction request; a logged-in reader the ones they sent; nobody else any. */
export const ownRequestOrTriager: Access = ({ req }) => {
  if (isEditorUser(req.user) || isModeratorUser(req.user)) return true
  if (isReaderUser(req.user)) return { reader: { equals: req.user!.id } }
  return false
}
