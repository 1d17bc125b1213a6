import type { Access } from 'payload'

import { isStaffUser } from './roleChecks'

/** Staff read everything; everyone else only what is published (never a draft, nor unpublished changes). */
export const publishedOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  return { _status: { equals: 'published' } }
}
