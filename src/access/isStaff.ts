import type { Access, FieldAccess } from 'payload'

import { isStaffUser } from './roleChecks'

/** Any logged-in staff member, whatever their roles. */
export const isStaff: Access = ({ req }) => isStaffUser(req.user)
export const isStaffField: FieldAccess = ({ req }) => isStaffUser(req.user)
