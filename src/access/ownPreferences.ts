import type { Access, Where } from 'payload'

import { isStaffUser } from './roleChecks'
import { USERS_SLUG } from '../slugs'

/** Admin preferences (list columns, filters, …): each staff member their own; readers have none. */
export const ownPreferences: Access = ({ req }) => {
  if (!isStaffUser(req.user)) return false
  const own: Where[] = [{ 'user.relationTo': { equals: USERS_SLUG } }, { 'user.value': { equals: req.user!.id } }]
  return { and: own }
}
