import type { Access } from 'payload'

import { isWriterUser } from './roleChecks'

/** Anyone who writes: reporter, editor, editor-in-chief, admin. */
export const isWriter: Access = ({ req }) => isWriterUser(req.user)
