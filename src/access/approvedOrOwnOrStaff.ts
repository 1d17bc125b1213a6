import type { Access, Where } from 'payload'

import { isReaderUser, isStaffUser } from './roleChecks'

/**
 * Approved, on an article readers can see: an article taken down (or imported as a draft) takes its
 * comments down with it, whatever their own state.
 */
const shownToReaders: Where = { and: [{ status: { equals: 'approved' } }, { 'article._status': { equals: 'published' } }] }

/**
 * A deleted comment is kept for the retention period (its record: 互联网跟帖评论服务管理规定), in the
 * trash, where only staff see it, however a request asks (`?trash=true` included).
 */
const notDeleted: Where = { deletedAt: { exists: false } }

/** The public sees approved comments on published articles; a reader also their own, whatever their state; staff all, deleted ones too. */
export const approvedOrOwnOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  if (isReaderUser(req.user)) return { and: [notDeleted, { or: [shownToReaders, { reader: { equals: req.user!.id } }] }] }
  return { and: [notDeleted, shownToReaders] }
}
