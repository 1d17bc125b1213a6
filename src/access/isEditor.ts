import type { Access } from 'payload'

import { isEditorUser } from './roleChecks'

/** Editor, editor-in-chief or admin: curates shared content (authors, categories, tags). */
export const isEditor: Access = ({ req }) => isEditorUser(req.user)
