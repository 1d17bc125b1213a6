import type { Access, FieldAccess } from 'payload'

import { isModeratorUser } from './roleChecks'

/** Moderator or admin. */
export const isModerator: Access = ({ req }) => isModeratorUser(req.user)
export const isModeratorField: FieldAccess = ({ req }) => isModeratorUser(req.user)
