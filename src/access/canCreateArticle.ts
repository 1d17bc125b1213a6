import type { Access } from 'payload'

import { isPublisherUser, isWriterUser } from './roleChecks'

/** Any writer starts an article; only a publisher may create one already published. */
export const canCreateArticle: Access = ({ req, data }) =>
  isWriterUser(req.user) && (data?._status !== 'published' || isPublisherUser(req.user))
