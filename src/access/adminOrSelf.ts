import type { Access, FieldAccess } from 'payload'

import { isAdminUser } from './roleChecks'
import { USERS_SLUG } from '../slugs'

const isSelf = (user: { collection?: string; id?: number | string } | null, id: unknown): boolean =>
  user?.collection === USERS_SLUG && id !== undefined && String(user.id) === String(id)

/** Admins manage every account; a staff member their own. */
export const adminOrSelf: Access = ({ req }) => {
  if (isAdminUser(req.user)) return true
  if (req.user?.collection === USERS_SLUG) return { id: { equals: req.user.id } }
  return false
}

export const adminOrSelfField: FieldAccess = ({ req, doc, id }) =>
  isAdminUser(req.user) || isSelf(req.user, id ?? doc?.id)
