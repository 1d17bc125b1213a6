import type { Access } from 'payload'

import { isReaderUser } from './roleChecks'

/**
 * Any logged-in reader may try to comment; whether a suspended or banned one may is the moderation
 * pipeline's call, which answers with a 403 that says why.
 */
export const isReader: Access = ({ req }) => isReaderUser(req.user)
