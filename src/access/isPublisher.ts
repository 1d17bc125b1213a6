import type { Access } from 'payload'

import { isPublisherUser } from './roleChecks'

/** Editor-in-chief or admin. */
export const isPublisher: Access = ({ req }) => isPublisherUser(req.user)
