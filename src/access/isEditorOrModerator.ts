import type { Access, FieldAccess } from 'payload'

import { isEditorUser, isModeratorUser } from './roleChecks'

/** Who triages correction requests: editors (and above) with moderators. */
export const isEditorOrModerator: Access = ({ req }) => isEditorUser(req.user) || isModeratorUser(req.user)
export const isEditorOrModeratorField: FieldAccess = ({ req }) => isEditorUser(req.user) || isModeratorUser(req.user)
