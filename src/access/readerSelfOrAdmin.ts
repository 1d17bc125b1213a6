import type { FieldAccess } from 'payload'

import { isAdminUser, isReaderUser } from './roleChecks'

/** The reader whose account it is, or an admin: not moderators, who must not act as the reader. */
export const readerSelfOrAdminField: FieldAccess = ({ req, id, doc }) =>
  isAdminUser(req.user) || (isReaderUser(req.user) && String(req.user!.id) === String(id ?? doc?.id))
