import type { Access, Where } from 'payload'

import { isReaderUser, isStaffUser } from './roleChecks'

/**
 * Approved, on an article readers can see: an article taken down (or imported as a draft) takes its
 * comments down with it, whatever their own state.
 */
const shownToReaders: Where = { and: [{ status: { equals: 'approved' } }, { 'article._status': { equals: 'published' } }] }

/** The public sees approved comments on published articles; a reader also their own, whatever their state; staff all. */
export const approvedOrOwnOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  if (isReaderUser(req.user)) return { or: [shownToReaders, { reader: { equals: req.user!.id } }] }
  return shownToReaders
}
