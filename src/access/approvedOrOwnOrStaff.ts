import type { Access, Where } from 'payload'

import { isReaderUser, isStaffUser } from './roleChecks'

const approved: Where = { status: { equals: 'approved' } }

/** The public sees approved comments; a reader also their own, whatever their state; staff all. */
export const approvedOrOwnOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  if (isReaderUser(req.user)) return { or: [approved, { reader: { equals: req.user!.id } }] }
  return approved
}
